"""Browser: the SWOT page loads in real Chromium, and its charts draw marks.

The context page's matrix and the method page's formulas and tables are checked on the pages the desktop
axe scan opens anyway (tests/about_checks.py, called from
tests/test_browser_a11y.py::test_axe_no_serious_violations_of_our_own[desktop])."""
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from conftest import POLL_MS, screenshot, wait_for_app

pytestmark = pytest.mark.browser

# Waits until every Vega-Lite chart on the page has drawn something (canvas pixels or SVG marks),
# and returns per chart how many non-background pixels / mark elements it drew.
CHARTS_DRAWN_JS = """() => {
    const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart]')];
    const drawn = charts.map(c => {
        const marks = c.querySelectorAll('svg .role-mark path, svg .role-mark text').length;
        if (marks) return {svgMarks: marks};
        const cv = c.querySelector('canvas');
        if (!cv || !cv.width || !cv.height) return null;
        const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 16) {          // every 4th pixel
            if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++;
        }
        return n > 50 ? {pixels: n} : null;
    });
    return drawn.length && drawn.every(x => x) ? drawn : null;
}"""


def _open(page, url):
    page.goto(url)
    wait_for_app(page)
    expect(page.locator("[data-testid=stException]")).to_have_count(0)


def _expected_swot_charts(vision, section):
    from streek.figures import figure_groups
    names = {g: x.name_nl for g, x in vision.geographies.items()}
    return [g for g in figure_groups(vision.figures, names, lang="nl") if g.section == section and g.is_comparison]


STILLS_LOADED_JS = """(n) => { const imgs = [...document.querySelectorAll('[data-testid=stMain] img.streek-still')];
    return imgs.length === n && imgs.every(i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 100); }"""


def _click_all_interactive(page, n):
    """Every "Interactieve grafiek" in turn (each swaps its own still image for the Vega chart)."""
    for _ in range(n):
        page.get_by_role("button", name="Interactieve grafiek").first.click()
        expect(page.get_by_role("button", name="Interactieve grafiek")).to_have_count(n - 1 - _, timeout=30_000)


def test_swot_quadrants_and_charts_draw(page, app_server, vision):
    _open(page, f"{app_server}/swot")
    main = page.locator("[data-testid=stMain]")
    # the quadrants are one st.html element, which can be drawn a moment after the run has ended (its
    # script is loaded on demand): wait for all its items with an auto-retrying expectation
    expect(main.locator(".swot-grid li")).to_have_count(sum(1 + bool(a) for a in vision.swot["also_in"]))
    # the SWOT's 2 x 2 on a desktop and a projector: strengths beside weaknesses, opportunities beside threats
    # below them (a grid that fitted as many columns as it could put three in a row at 1920 px)
    for width in (1920, 1400):
        page.set_viewport_size({"width": width, "height": 1000})
        boxes = [b.bounding_box() for b in main.locator(".swot-q").all()]
        assert len(boxes) == 4
        assert abs(boxes[0]["y"] - boxes[1]["y"]) < 1 and boxes[1]["x"] > boxes[0]["x"] + boxes[0]["width"] - 1, width
        assert abs(boxes[2]["y"] - boxes[3]["y"]) < 1 and boxes[2]["y"] > boxes[0]["y"] + boxes[0]["height"] - 1, width
    text = main.inner_text()
    for item in vision.swot["item_nl"]:
        assert item in text, item
    expected = _expected_swot_charts(vision, "sterkte")
    # first still images (no Vega to load), every one loaded and drawn at a readable width
    page.wait_for_function(STILLS_LOADED_JS, arg=len(expected), timeout=30_000, polling=POLL_MS)
    assert page.locator("[data-testid=stVegaLiteChart]").count() == 0
    screenshot(page, "about-swot-still")
    _click_all_interactive(page, len(expected))
    expect(page.locator("[data-testid=stVegaLiteChart]")).to_have_count(len(expected), timeout=30_000)
    drawn = page.wait_for_function(CHARTS_DRAWN_JS, timeout=30_000, polling=POLL_MS).json_value()
    assert len(drawn) == len(expected)
    # SVG renderer: every chart draws one bar and one value label per area, at least
    for d, g in zip(drawn, expected):
        assert "pixels" in d or d["svgMarks"] >= 2 * len(g.rows), (g.indicator_nl, d)
    screenshot(page, "about-swot")
    # the table and the downloads one click away
    page.get_by_text("Toon data").first.click()
    expect(page.locator("[data-testid=stMain] table.plain-table").first).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name="CSV").first).to_be_visible()


def test_swot_tab_from_url_shows_weaknesses(page, app_server, vision):
    label = "Zwaktes in cijfers"
    _open(page, f"{app_server}/swot?cijfers={quote(label)}")
    expected = _expected_swot_charts(vision, "zwakte")
    # the tab bound to the URL can open one rerun after the first render: wait for its charts
    page.wait_for_function(STILLS_LOADED_JS, arg=len(expected), timeout=30_000, polling=POLL_MS)
    _click_all_interactive(page, len(expected))
    expect(page.locator("[data-testid=stVegaLiteChart]")).to_have_count(len(expected), timeout=30_000)
    page.wait_for_function(CHARTS_DRAWN_JS, timeout=30_000, polling=POLL_MS)
    screenshot(page, "about-swot-zwaktes")
