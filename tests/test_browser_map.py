"""Browser: the map draws 13 separate filled shapes in several colours (not blank, not one shape
filling the view), a click on a municipality updates the series beside it, a link opens the same
view. Screenshots go to test-output/."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import screenshot, wait_for_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from map_click import (MUNICIPALITIES, click_municipality, dismiss_dialog, map_shapes,  # noqa: E402
                       series_text, wait_for_idle, wait_for_map)

pytestmark = pytest.mark.browser


@pytest.fixture()
def tall_page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 2200}, locale="nl-BE")
    pg = ctx.new_page()
    yield pg
    ctx.close()


def test_map_draws_13_coloured_shapes_and_a_click_shows_the_series(tall_page, app_server):
    page = tall_page
    page.goto(f"{app_server}/kaart?indicator=vat_enterprises_active&weergave=per1000")
    wait_for_app(page)
    wait_for_map(page)
    assert page.locator("[data-testid=stException]").count() == 0
    info = map_shapes(page)
    assert info["renderer"] == "svg"
    shapes = info["shapes"]
    assert sorted(s["name"] for s in shapes) == sorted(MUNICIPALITIES)
    # filled, in several colours, none grey or transparent
    fills = {s["fill"] for s in shapes}
    assert len(fills) >= 8, fills
    assert not any(f in ("none", "rgba(0, 0, 0, 0)") for f in fills)
    # 13 separate shapes: each is small beside the map, and has a point inside its own fill
    area = info["width"] * info["height"]
    for s in shapes:
        assert 0 < s["w"] * s["h"] < 0.35 * area, s
        assert s["inside"] is not None, s["name"]
    assert max(s["w"] for s in shapes) < 0.8 * info["width"]
    assert "Per 1.000 inwoners" in page.locator("[data-testid=stMain]").inner_text()
    screenshot(page, "kaart-btw-per1000")

    wait_for_idle(page)
    dismiss_dialog(page)      # first load of a fresh server: Streamlit's "Page not found" (not ours)
    seconds = click_municipality(page, "Menen")
    assert seconds < 30
    wait_for_app(page)
    text = series_text(page)
    assert "Menen naast de streek" in text
    assert "gemeente=34027" in page.url
    screenshot(page, "kaart-klik-menen")


def test_a_shared_link_opens_the_same_view(tall_page, app_server):
    page = tall_page
    page.goto(f"{app_server}/kaart?indicator=population_total&jaar=2022&weergave=verandering&sinds=2000&gemeente=34027")
    wait_for_app(page)
    wait_for_map(page)
    body = page.locator("[data-testid=stMain]").inner_text()
    assert "Bevolking: % verandering 2000–2022" in page.locator("[data-testid=stVegaLiteChart]").first.inner_text()
    assert "Menen naast de streek" in series_text(page)
    assert "index" in series_text(page)
    assert "Menen" in body
    screenshot(page, "kaart-link-verandering")
