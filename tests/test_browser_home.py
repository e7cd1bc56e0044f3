"""Browser: the home page renders in real Chromium without an exception element."""
import pytest

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_home_renders_pillars(page, app_server):
    page.goto(app_server)
    wait_for_app(page)
    assert page.locator("[data-testid=stException]").count() == 0
    body = page.locator("[data-testid=stMain]").inner_text()
    for title in ("Economische groei en transformatie", "Kansrijke arbeidsmarkt", "Innovatieve leeroplossingen"):
        assert title in body
    assert "Just Make It!" in body
    screenshot(page, "home")
