"""Browser: the map (a still SVG whose municipalities are buttons, pages/clickable_map) draws 13
separate filled shapes in several colours (not blank, not one shape filling the view), a click on a
municipality updates the series beside it (a readable picture, and its interactive chart one click
away: plot >= 220 px with a value axis title), the ranked table shows its 13 rows, the names on the
map do not overlap at desktop and phone width, a link opens the same view. Screenshots go to
test-output/."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import POLL_MS, screenshot, settle, wait_for_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from map_click import (MUNICIPALITIES, SERIES_JS, click_municipality, dismiss_dialog, map_shapes,  # noqa: E402
                       series_text, wait_for_idle, wait_for_map)

pytestmark = pytest.mark.browser


@pytest.fixture()
def tall_page(tab):
    return tab(1400, 2200)


def test_map_draws_13_coloured_shapes_and_a_click_shows_the_series(tall_page, app_server):
    page = tall_page
    page.goto(f"{app_server}/kaart?indicator=vat_enterprises_active&weergave=per1000")
    wait_for_app(page)
    wait_for_map(page)
    assert page.locator("[data-testid=stException]").count() == 0
    info = map_shapes(page)
    assert page.locator("[data-testid=stVegaLiteChart]").count() == 0       # no Vega to load (issue 9)
    # the neighbours (29 grey shapes) and the dashed border
    around = page.evaluate("""() => { const svg = document.querySelector('.streek-map svg');
        return {grey: svg.querySelectorAll('path[fill="#ededed" i]').length,
        dashed: svg.querySelectorAll('path[stroke-dasharray]').length}; }""")
    assert around["grey"] >= 29 and around["dashed"] >= 1, around
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
    # each municipality is a button with its name and value, and a tooltip
    menen = page.get_by_role("button", name="Menen:")
    expect(menen).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("() => document.querySelector('.streek-map path[data-nis=\"34027\"] title').textContent") \
        .startswith("Gemeente: Menen\nWaarde: ")
    assert "Per 1.000 inwoners" in page.locator("[data-testid=stMain]").inner_text()
    screenshot(page, "kaart-btw-per1000")

    wait_for_idle(page)
    dismiss_dialog(page)      # first load of a fresh server: Streamlit's "Page not found" (not ours)
    seconds = click_municipality(page, "Menen")
    assert seconds < 30
    wait_for_app(page)
    text = series_text(page)
    assert "voor Menen, met de streek" in text
    expect(menen).to_have_attribute("aria-pressed", "true")
    assert "gemeente=34027" in page.url
    screenshot(page, "kaart-klik-menen")


# The names on the map as drawn (halo copies left out): text and screen box.
LABELS_JS = """() => {
  const svg = document.querySelector('.streek-map svg');
  return Array.from(svg.querySelectorAll('g.mark-text text'))   // every text mark (aria or not)
    .filter(t => t.getAttribute('fill') !== 'white' && t.textContent.trim())
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; });
}"""

# Height of the series chart's plot: its vertical grid lines span it.
PLOT_JS = """() => {
  const c = document.querySelectorAll('[data-testid=stVegaLiteChart]')[0];
  const gs = Array.from(c.querySelectorAll('g.role-axis-grid'));
  return Math.max(0, ...gs.map(g => g.getBoundingClientRect().height));
}"""


MAP_BOX_JS = """() => { const svg = document.querySelector('.streek-map svg');
    const r = svg.getBoundingClientRect(); const scale = r.width / svg.viewBox.baseVal.width;
    const clip = svg.querySelector('clipPath rect');
    const shapes = svg.querySelectorAll('g.mark-shape')[1].getBoundingClientRect();
    return {w: r.width, plot_h: +clip.getAttribute('height') * scale, shapes_w: shapes.width, shapes_h: shapes.height}; }"""


@pytest.mark.parametrize("width", [1440, 390])
def test_names_do_not_overlap_and_the_series_is_readable(tab, app_server, width):
    page = tab(width, 2600 if width > 800 else 4200)
    page.goto(f"{app_server}/kaart?indicator=population_total&weergave=absoluut")
    wait_for_app(page)
    wait_for_map(page)
    wait_for_idle(page)
    page.wait_for_timeout(300)
    dismiss_dialog(page)
    labels = page.evaluate(LABELS_JS)
    names = {lb["text"] for lb in labels}
    assert set(MUNICIPALITIES) <= names
    hits = [(a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if a["x0"] < b["x1"] - 0.5 and b["x0"] < a["x1"] - 0.5 and a["y0"] < b["y1"] - 0.5 and b["y0"] < a["y1"] - 0.5]
    assert not hits, hits
    # no name runs out of the map's frame (its neighbours' shapes fill the frame)
    frame = page.evaluate("""() => { const r = document.querySelector('.streek-map svg').getBoundingClientRect();
        return {x0: r.left, x1: r.right}; }""")
    assert all(frame["x0"] - 1 <= lb["x0"] and lb["x1"] <= frame["x1"] + 1 for lb in labels), labels
    # the map's height follows its width (mapchart.still_layout): the plot takes most of the picture's
    # height (no white bands above and under the map on a phone) and the 13 shapes most of its width
    title_lines = page.evaluate("() => document.querySelectorAll('.streek-map svg g.role-title-text text').length")
    if width > 800:     # a wide map: its title on one line (mapchart.still_layout), not wrapped at 40 characters
        assert title_lines == 1
    box = page.evaluate(MAP_BOX_JS)       # (before: on a phone the shapes filled 57 % of a 324 px high plot)
    assert box["shapes_h"] >= 0.7 * box["plot_h"] and box["shapes_w"] >= 0.75 * box["w"], box
    click_municipality(page, "Kuurne")
    wait_for_app(page)
    assert "voor Kuurne, met de streek" in series_text(page)
    still = page.locator("img.streek-still").first.bounding_box()
    assert still["height"] >= 300 and still["width"] >= 300, still          # a readable picture
    # its interactive chart, one click away: a plot of >= 220 px with its value axis titled
    page.get_by_role("button", name="Interactieve grafiek").click()
    page.wait_for_function("() => document.querySelector('[data-testid=stVegaLiteChart] svg .role-mark path')",
                           timeout=60_000, polling=POLL_MS)
    assert page.evaluate(PLOT_JS) >= 220
    assert "Kuurne naast de streek" in series_text(page)
    assert "index (1992 = 100)" in series_text(page)
    # the ranked table: all 13 rows on screen (a plain table, no data grid), each with a profile link
    ranking = page.locator("table.map-ranking")
    ranking.scroll_into_view_if_needed()
    expect(ranking.locator("tr")).to_have_count(14)         # header + 13
    expect(ranking.get_by_role("link")).to_have_count(13)             # each name opens its profile
    expect(ranking.get_by_role("link", name="Kuurne", exact=True)).to_have_attribute("href", "gemeente?nis=34023")
    assert page.locator("[data-testid=stDataFrame]").count() == 0
    screenshot(page, f"kaart-klik-kuurne-{width}")


@pytest.mark.parametrize("width,height", [(390, 844), (1440, 900)])
def test_a_click_on_a_phone_brings_the_series_into_view(tab, app_server, width, height):
    """On a phone the series is under the map: a tap on a municipality scrolls it into view (the reader
    saw nothing change before). On a desktop it is beside the map, and nothing moves."""
    page = tab(width, height)
    page.goto(f"{app_server}/kaart")
    wait_for_app(page)
    wait_for_map(page)
    wait_for_idle(page)
    dismiss_dialog(page)
    page.evaluate("() => document.querySelector('.streek-map').scrollIntoView({block: 'center'})")
    settle(page)
    top = "() => document.getElementById('kaart-reeks').getBoundingClientRect().top"
    before = page.evaluate(top)
    click_municipality(page, "Kortrijk")
    if width < 640:
        assert before > height                          # the series heading was below the screen
        page.wait_for_function(f"() => {{ const t = ({top})(); return t >= 0 && t < 200; }}", timeout=10_000, polling=POLL_MS)
    else:
        settle(page)
        assert abs(page.evaluate(top) - before) < 2     # beside the map: the page did not move


def test_a_shared_link_opens_the_same_view(tall_page, app_server):
    page = tall_page
    page.goto(f"{app_server}/kaart?indicator=population_total&jaar=2022&weergave=verandering&sinds=2000&gemeente=34027")
    wait_for_app(page)
    wait_for_map(page)
    body = page.locator("[data-testid=stMain]").inner_text()
    assert page.evaluate("() => document.querySelector('.streek-map svg g.role-title-text').textContent") \
        == "Bevolking: % verandering 2000–2022"
    page.wait_for_function("() => (" + SERIES_JS + ")().includes('voor Menen, met de streek')", timeout=60_000, polling=POLL_MS)
    expect(page.get_by_role("button", name="Menen:")).to_have_attribute("aria-pressed", "true")
    assert "Profiel van Menen" in body
    screenshot(page, "kaart-link-verandering")


def test_a_map_that_cannot_load_says_so_in_words(tall_page, app_server):
    """Where the map's picture does not arrive (a dropped connection), the reader gets a sentence in the
    page's language, not a technical error."""
    page = tall_page
    page.route("**/app/static/gen/*.svg", lambda route: route.abort())
    page.goto(f"{app_server}/kaart")
    wait_for_app(page)
    alert = page.locator(".streek-map [role=alert]")
    expect(alert).to_have_text("De kaart kon niet geladen worden. Herlaad de pagina; lukt het dan nog niet, "
                               "gebruik de tabel hieronder.", timeout=60_000)
    assert "Error" not in page.locator(".streek-map").inner_text()


def test_printed_map_page_keeps_title_map_and_series_on_the_first_sheet(tab, app_server, tmp_path):
    """Ctrl+P on A4 landscape (a handout for a meeting): the title, the map and the series beside it
    on the first sheet, the ranked table on the next. Before, the map and series were too high to
    follow the title, which stood alone on sheet 1 of 3."""
    from pypdf import PdfReader
    page = tab(1400, 1000)
    page.goto(f"{app_server}/kaart?gemeente=34022")
    wait_for_app(page)
    wait_for_map(page)
    page.wait_for_function("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)", polling=POLL_MS)
    page.emulate_media(media="print")
    out = tmp_path / "kaart.pdf"
    page.pdf(path=str(out), format="A4", landscape=True, print_background=True)
    sheets = [p.extract_text() for p in PdfReader(out).pages]
    assert len(sheets) == 2, [s[:80] for s in sheets]
    first = sheets[0]
    assert "Kaart van de 13 gemeenten" in first and "Reeks" in first and "Kortrijk naast de streek" in first, first[:400]
    assert "gerangschikt" in sheets[1] and "1e van 13" in sheets[1], sheets[1][:300]
