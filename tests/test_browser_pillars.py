"""Browser: pillar pages and overview in real Chromium — charts draw their marks, deep links scroll
to the right card on the right page, downloads deliver real files, and a phone screen works."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser

N_CHARTS = {"1": 12, "2": 10, "3": 9}

# Per chart: marks with drawn geometry, symbols (points, diamonds), bars, and axis labels.
CHART_STATS = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')].map(c => {
    const drawn = [...c.querySelectorAll('g.role-mark path, g.role-mark line')]
        .filter(p => (p.getAttribute('d') || '').length > 2 || p.tagName === 'line');
    const r = c.getBoundingClientRect();
    return {
        drawn: drawn.length,
        symbols: c.querySelectorAll('g.mark-symbol.role-mark path').length,
        rects: c.querySelectorAll('g.mark-rect.role-mark path').length,
        lines: c.querySelectorAll('g.mark-line.role-mark path').length,
        rules: c.querySelectorAll('g.mark-rule.role-mark line').length,
        axisLabels: [...c.querySelectorAll('g.role-axis-label text')].map(t => t.textContent).filter(Boolean),
        width: r.width, height: r.height,
    };
})"""


@pytest.fixture(scope="module", autouse=True)
def warm_server(browser, app_server):
    """The very first session of a fresh server can flash Streamlit's "Page not found" dialog
    (pages/ is looked up before st.navigation has run once); open the home page first."""
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(app_server)
    wait_for_app(pg, 60_000)
    ctx.close()


def open_page(page, url: str, height: int = 1000) -> None:
    page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
    page.goto(url)
    wait_for_app(page, 60_000)
    page.wait_for_function("(n) => document.querySelectorAll('[data-testid=stVegaLiteChart] svg.marks').length >= n",
                           arg=1, timeout=30_000)
    page.wait_for_timeout(800)
    assert page.locator("[data-testid=stException]").count() == 0


@pytest.mark.parametrize("pillar", ["1", "2", "3"])
def test_pillar_page_draws_every_chart(page, app_server, pillar):
    open_page(page, f"{app_server}/pijler-{pillar}", height=7000)
    n = N_CHARTS[pillar]
    page.wait_for_function("(n) => document.querySelectorAll('[data-testid=stVegaLiteChart] svg.marks').length >= n",
                           arg=n, timeout=30_000)
    stats = page.evaluate(CHART_STATS)
    assert len(stats) == n
    for i, s in enumerate(stats):
        assert s["width"] > 200 and s["height"] > 150, (i, s)
        assert s["drawn"] >= 2, (i, s)                     # marks, not only axes
        # the target is marked: a diamond (and baseline point), period bars, or the floor to maintain
        assert s["symbols"] >= 1 or s["rects"] >= 2 or s["rules"] >= 1, (i, s)
        assert len(s["axisLabels"]) >= 4, (i, s)            # no empty axis
    # Dutch numbers on the axes (the browser renders with the English locale; labelExpr fixes it)
    labels = [lab for s in stats for lab in s["axisLabels"]]
    assert not any("," in lab and lab.replace(",", "").isdigit() for lab in labels), labels
    # every card offers its three downloads (rendered buttons, not loading placeholders)
    page.wait_for_function("(n) => document.querySelectorAll('[data-testid=stDownloadButton] button').length >= n",
                           arg=3 * n, timeout=30_000)
    full_page_screenshot(page, f"pillar_{pillar}")


def full_page_screenshot(page, name: str) -> None:
    """Streamlit scrolls inside its main container: grow the viewport to the content first."""
    h = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(int(h) + 50, 16_000)})
    page.wait_for_timeout(1000)
    screenshot(page, name)


def test_deep_link_opens_the_right_card_on_the_right_page(page, app_server):
    open_page(page, f"{app_server}/pijler-1?ambitie=2.1.2")
    assert "/pijler-2?" in page.url and "ambitie=2.1.2" in page.url
    card = page.locator(".st-key-ambitie-2-1-2")
    page.wait_for_function("() => { const el = document.querySelector('.st-key-ambitie-2-1-2');"
                           " if (!el) return false; const r = el.getBoundingClientRect();"
                           " return r.top > 40 && r.top < 250; }", timeout=15_000)
    assert card.get_attribute("data-deeplinked") == "true"
    assert "Je opende deze ambitie via een link." in card.inner_text()
    assert "2.1.2 · Daling van het aantal niet-werkende werkzoekenden" in card.inner_text()
    screenshot(page, "pillar_deeplink_2.1.2")
    # "Deel deze ambitie": the full URL to copy, on the address the reader uses
    card.get_by_role("button", name="Link kopiëren").click()
    code = page.locator("[data-testid=stPopoverBody] [data-testid=stCode]")
    code.wait_for(timeout=10_000)
    assert code.inner_text().strip() == f"{app_server}/pijler-2?ambitie=2.1.2"


def test_downloads_deliver_csv_png_and_svg(page, app_server):
    open_page(page, f"{app_server}/pijler-1?ambitie=1.2.1")
    card = page.locator(".st-key-ambitie-1-2-1")
    got = {}
    for name in ("CSV", "PNG", "SVG"):
        with page.expect_download(timeout=30_000) as d:
            card.get_by_role("button", name=name, exact=True).click()
        got[name] = (d.value.suggested_filename, Path(d.value.path()).read_bytes())
    assert got["PNG"][0] == "ambitie-1.2.1.png" and got["PNG"][1][:8] == b"\x89PNG\r\n\x1a\n"
    assert got["SVG"][0] == "ambitie-1.2.1.svg" and b"<svg" in got["SVG"][1][:200]
    assert b"34.000" in got["SVG"][1]   # Dutch numbers in the downloaded image too
    rows = list(csv.DictReader(io.StringIO(got["CSV"][1].decode("utf-8-sig"))))
    assert got["CSV"][0] == "ambitie-1.2.1.csv"
    assert {"code", "element", "periode", "waarde", "eenheid", "bron"} <= set(rows[0])
    base = [r for r in rows if r["element"] == "Basiswaarde"]
    assert base and float(base[0]["waarde"]) == 28309


def test_overview_lists_ambitions_and_filters(page, app_server):
    page.set_viewport_size({"width": 1400, "height": 2600})
    page.goto(f"{app_server}/overzicht")
    wait_for_app(page, 60_000)
    page.locator("[data-testid=stDataFrame]").nth(2).wait_for(timeout=30_000)   # the grid loads lazily
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=stDataFrame]").count() == 3
    page.wait_for_timeout(800)
    screenshot(page, "overview")
    page.get_by_role("button", name="▲ Op koers", exact=True).click()
    wait_for_app(page)
    assert "status=on_track" in page.url          # the stable code, never the displayed word
    assert "1 van 37 doelreeksen getoond" in page.locator("[data-testid=stMain]").inner_text()


def test_pillar_page_on_a_phone(browser, app_server):
    ctx = browser.new_context(viewport={"width": 390, "height": 4000}, locale="nl-BE", is_mobile=True,
                              has_touch=True, device_scale_factor=2)
    page = ctx.new_page()
    try:
        page.goto(f"{app_server}/pijler-2")
        wait_for_app(page, 60_000)
        page.wait_for_function("() => document.querySelectorAll('[data-testid=stVegaLiteChart] svg.marks').length >= 2",
                               timeout=30_000)
        assert page.locator("[data-testid=stException]").count() == 0
        overflow = page.evaluate("""() => { const m = document.querySelector('[data-testid=stMain]');
                                    return m.scrollWidth - m.clientWidth; }""")
        assert overflow <= 1, overflow
        first = page.evaluate(CHART_STATS)[0]
        assert 250 < first["width"] <= 390 and first["drawn"] >= 2
        screenshot(page, "pillar_2_phone")
    finally:
        ctx.close()


def test_overview_row_leads_to_its_card(page, app_server):
    page.set_viewport_size({"width": 1400, "height": 1400})
    page.goto(f"{app_server}/overzicht")
    wait_for_app(page, 60_000)
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    box = grid.bounding_box()
    # third data row of pillar 1 (1.2.1): click its selection cell (the grid is a canvas)
    page.mouse.click(box["x"] + 16, box["y"] + 36 * 3 + 18)
    page.wait_for_url(lambda u: "/pijler-1?" in u and "ambitie=1.2.1" in u, timeout=30_000)
    wait_for_app(page, 60_000)
    page.wait_for_function("() => { const el = document.querySelector('.st-key-ambitie-1-2-1');"
                           " if (!el) return false; const r = el.getBoundingClientRect();"
                           " return r.top > 40 && r.top < 250; }", timeout=15_000)
