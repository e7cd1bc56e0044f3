"""Browser: the home page's locator maps (still, then interactive); a deep link opened first after a server restart.

That every URL path of the router opens its page directly (a shared link), with its own heading and
without Streamlit's "Page not found" dialog or an exception, is checked by the axe scan
(tests/test_browser_a11y.py::test_axe_no_serious_violations_of_our_own[desktop]), which opens every
page by its URL in Dutch and switches it to English; the same scan checks that the home page names the
three pillars (tests/about_checks.py::assert_home_names_the_pillars)."""
import pytest
from playwright.sync_api import expect

from conftest import POLL_MS, wait_for_app

pytestmark = pytest.mark.browser


def test_home_locator_still_then_interactive(page, app_server):
    """The locator maps are still images first (no Vega to load); "Interactieve kaart" draws the
    interactive maps (a name per municipality at the pointer) in their place."""
    page.goto(app_server)
    wait_for_app(page)
    page.wait_for_function("""() => { const i = [...document.querySelectorAll('img.streek-still')];
        return i.length === 2 && i.every(x => x.complete && x.naturalWidth > 0); }""", timeout=30_000, polling=POLL_MS)
    assert page.locator("[data-testid=stVegaLiteChart]").count() == 0
    page.get_by_role("button", name="Interactieve kaart").click()
    charts = page.locator("[data-testid=stVegaLiteChart]")
    expect(charts).to_have_count(2, timeout=30_000)
    expect(charts.nth(1).locator("svg .role-mark path, canvas").first).to_be_attached(timeout=60_000)
    expect(page.locator("img.streek-still")).to_have_count(0)


def test_first_session_after_a_restart_opens_a_deep_link(browser, tmp_path):
    """A link opened first after a server (re)start: no legacy 'Page not found' (tools/serve.py)."""
    from conftest import start_streamlit, stop
    proc, url = start_streamlit({"STREEK_DB_PATH": str(tmp_path / "s.sqlite")})
    try:
        pg = browser.new_page()
        pg.goto(f"{url}/methode")
        wait_for_app(pg, 60_000)
        expect(pg.locator("h1").first).to_contain_text("Methode")
        expect(pg.get_by_text("Page not found")).to_have_count(0)
        pg.close()
    finally:
        stop(proc)
