"""A page is usable on a 390 px wide phone screen (checked in the phone's axe scan,
tests/test_browser_a11y.py, for the home page, a pillar page and the map).

"Usable" here means: the main content does not overflow sideways (no horizontal scrolling of the
page or of the main block beyond a few pixels), the page title is visible at the top, no
exception is shown, and every chart (interactive or still image) fits the screen width."""
from __future__ import annotations

from playwright.sync_api import expect

from conftest import screenshot, settle

PHONE = {"width": 390, "height": 844}
TOLERANCE = 4   # px: sub-pixel rounding and scrollbar edges

# url path -> (screenshot name, number of charts the page draws first)
PAGES = {"": ("home", 2), "pijler-2": ("pijler-2", 2), "kaart": ("kaart", 1)}

OVERFLOW_JS = """() => {
    const main = document.querySelector('[data-testid=stMain]');
    const block = document.querySelector('[data-testid=stMainBlockContainer]') || main;
    const vw = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('[data-testid=stMain] [data-testid=stElementContainer]')]
        .map(e => e.getBoundingClientRect())
        .filter(r => r.width > 0 && (r.right > vw + 4 || r.left < -4)).length;
    const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart], img.streek-still')]
        .map(e => e.getBoundingClientRect())
        .filter(r => r.width > 0 && r.right > vw + 4).length;
    return {
        page: document.scrollingElement.scrollWidth,
        main: main ? main.scrollWidth : null,
        block: block ? block.scrollWidth : null,
        mainClient: main ? main.clientWidth : null,
        vw, wide, charts,
    };
}"""


def assert_fits_a_phone(phone, path: str) -> None:
    """The page at ``path``, loaded in a phone context (PHONE, is_mobile), fits the screen."""
    name, charts = PAGES[path]
    if charts:   # charts, still chart images and maps lay out after the script has finished: wait until drawn
        drawn = "[data-testid=stVegaLiteChart] svg.marks, img.streek-still"
        expect(phone.locator(drawn).nth(charts - 1)).to_be_visible(timeout=90_000)
    settle(phone)
    expect(phone.locator("[data-testid=stException]")).to_have_count(0)

    title = phone.locator("[data-testid=stMain] h1").first
    title.wait_for(state="visible", timeout=10_000)
    box = title.bounding_box()
    assert box is not None and box["width"] > 0
    assert box["x"] >= -1 and box["x"] + box["width"] <= PHONE["width"] + TOLERANCE
    assert box["y"] < PHONE["height"], "the title is not on the first screen"

    m = phone.evaluate(OVERFLOW_JS)
    screenshot(phone, f"mobile-{name}")
    assert m["page"] <= PHONE["width"] + TOLERANCE, m
    assert m["main"] is None or m["main"] <= m["mainClient"] + TOLERANCE, m
    assert m["wide"] == 0, f"{m['wide']} elements stick out of the screen: {m}"
    assert m["charts"] == 0, f"{m['charts']} charts are wider than the screen: {m}"
