"""Browser: presentation mode on pillar 2 at 1920 x 1080 — large screen without navigation, an Exit
button, single arrows, arrow keys move to the next ambition, the QR code in the corner (>= 240 px)
decodes to the normal card of the current ambition (pijler-2?ambitie=2.1.2), the deck downloads
under a Dutch file name."""
import io
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from playwright.sync_api import expect
from PIL import Image
from pptx import Presentation

from conftest import POLL_MS, screenshot, wait_for_app

pytestmark = pytest.mark.browser


def qr_text(page, wanted: Callable[[str], bool] = lambda text: True, timeout_s: float = 30) -> str:
    """The text of the QR code in the corner, read from a screenshot of it as the audience's phone reads
    it. Read again (every 0,25 s, up to ``timeout_s``) until it holds exactly one code that is ``wanted``:
    right after a run the picture can still be loading, or still be the previous screen's code, on a
    loaded machine. Returns the last code read (the caller's assertion then says what it was)."""
    img = page.locator(".st-key-present-qr img").first
    deadline = time.monotonic() + timeout_s
    while True:
        img.wait_for(state="visible")
        box = img.bounding_box()
        assert box["width"] >= 240 and box["height"] >= 240, box      # readable from the back of a room
        found = []
        if img.evaluate("i => i.complete && i.naturalWidth > 0"):
            found = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(img.screenshot())))]
            if len(found) == 1 and wanted(found[0]):
                return found[0]
        if time.monotonic() > deadline:
            assert len(found) == 1, found
            return found[0]
        page.wait_for_timeout(250)


def card_link(link: str, server: str, path: str, params: dict) -> bool:
    pl, ps = urlsplit(link), urlsplit(server)
    return (pl.scheme, pl.netloc, pl.path) == (ps.scheme, ps.netloc, "/" + path) and parse_qs(pl.query) == params


def test_presentation_mode_pillar_2(tab, app_server):
    page = tab(1920, 1080)
    page.goto(app_server + "/presentatie?pijler=2&i=2")
    wait_for_app(page, 90_000)
    assert page.locator("[data-testid=stException]").count() == 0
    main = page.locator("[data-testid=stMain]")
    # auto-retrying: the run has ended, but an st.html element (the facts, the still) can still be empty
    # while the browser loads its renderer (CI once read the page with the facts not yet drawn)
    for shown in ("2.1.2 · Daling van het aantal niet-werkende werkzoekenden", "Scherm 2 van 11",
                  "7.719 personen (2017)", "6.000 personen in 2030"):
        expect(main).to_contain_text(shown, timeout=30_000)
    assert not page.locator("[data-testid=stSidebar]").is_visible()             # navigation hidden
    h2 = page.locator("[data-testid=stMain] h2").first
    assert float(h2.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 36   # large type
    # the chart: a still SVG in the projector theme (no Vega to load), drawn about 1:1 in its column
    still = page.locator("[data-testid=stMain] img.streek-still")
    expect(still).to_have_count(1)
    page.wait_for_function("() => { const i = document.querySelector('img.streek-still'); return i && i.complete && i.naturalWidth > 0; }",
                           timeout=30_000, polling=POLL_MS)
    box = still.bounding_box()
    assert box["width"] >= 900 and box["y"] + box["height"] * 0.8 < 1080, box     # large, and on the screen
    # one band above the screen: the heading sits under the buttons, beside the QR code (not under it), so
    # the chart starts in the upper third (it started at ~515 px when the QR code had a band of its own)
    qr_box = page.locator(".st-key-present-qr img").bounding_box()
    assert h2.bounding_box()["y"] < qr_box["y"] + qr_box["height"] and box["y"] <= 400, (h2.bounding_box(), qr_box, box)
    assert still.evaluate("i => i.getBoundingClientRect().width / i.naturalWidth") > 0.85    # type not shrunk
    assert page.locator("[data-testid=stVegaLiteChart]").count() == 0
    expect(page.locator(".st-key-present-keys")).to_be_visible()
    def card(path: str, params: dict) -> Callable[[str], bool]:
        return lambda link: card_link(link, app_server, path, params)
    link = qr_text(page, card("pijler-2", {"ambitie": ["2.1.2"]}))
    assert card_link(link, app_server, "pijler-2", {"ambitie": ["2.1.2"]}), link     # the card, not presentation mode
    exit_button = page.get_by_role("button", name="Verlaten")
    assert exit_button.is_visible()                                             # not hidden in the export menu
    prev_text = page.locator(".st-key-present-prev button").inner_text()
    next_text = page.locator(".st-key-present-next button").inner_text()
    assert prev_text.count("←") == 1 and "Vorige" in prev_text and "→" not in prev_text, prev_text
    assert next_text.count("→") == 1 and "Volgende" in next_text and "←" not in next_text, next_text
    page.screenshot(path=str(screenshot(page, "presentation-pillar2-2").with_name("presentation-1920x1080.png")))
    # the interactive chart (tooltips) one click away; Streamlit mounts it once Vega has loaded:
    # wait for the drawing (auto-retrying), not a one-shot count (CI saw 0 on a busy machine)
    page.get_by_role("button", name="Interactieve grafiek").click()
    expect(page.locator("[data-testid=stVegaLiteChart] svg text, [data-testid=stVegaLiteChart] canvas").first
           ).to_be_attached(timeout=60_000)
    expect(page.locator("[data-testid=stVegaLiteChart]")).to_have_count(1)
    expect(still).to_have_count(0)                   # the still has made way (gone once the fragment's run ends)
    expect(main).to_contain_text("Scherm 2 van 11")                              # the screen stayed

    page.keyboard.press("ArrowRight")           # st.button(shortcut="Right")
    expect(main).to_contain_text("Scherm 3 van 11", timeout=60_000)
    wait_for_app(page, 60_000)
    expect(main).to_contain_text("2.1.3 · Daling van het aantal langdurig zieken", timeout=30_000)
    assert "i=3" in page.url
    link = qr_text(page, card("pijler-2", {"ambitie": ["2.1.3"]}))
    assert card_link(link, app_server, "pijler-2", {"ambitie": ["2.1.3"]}), link

    page.keyboard.press("ArrowLeft")
    expect(main).to_contain_text("Scherm 2 van 11", timeout=60_000)
    wait_for_app(page, 60_000)

    # the deck of pillar 2, as the presenter downloads it for the meeting
    page.get_by_text("Exporteren voor de vergadering").click()
    assert not page.get_by_label("Met workshopnotities").is_checked()          # notes only when chosen
    with page.expect_download(timeout=240_000) as dl:
        page.get_by_role("button", name="PowerPoint (.pptx)").click()
    assert dl.value.suggested_filename == "streekvisie-pijler-2.pptx"
    prs = Presentation(dl.value.path())
    texts = ["\n".join(sh.text_frame.text for sh in sl.shapes if sh.has_text_frame) for sl in prs.slides]
    assert len(texts) == 1 + 2 + 10 + 1                      # title, status summary, one per ambition, the map
    assert "Pijler 2. Kansrijke arbeidsmarkt" in texts[0] and texts[1].startswith("Stand van de ambities")
    assert texts[4].startswith("2.1.2 · Daling") and "Kaart van de 13 gemeenten" in texts[-1]
    page.keyboard.press("Escape")

    page.get_by_role("button", name="Verlaten").click()                         # back to the card
    page.wait_for_url(lambda u: "/pijler-2" in u and "ambitie=2.1.2" in u, timeout=60_000)
    wait_for_app(page, 60_000)
    assert "presentatie" not in page.url

    page.goto(app_server + "/presentatie?pijler=2&i=11&lang=EN")             # the map screen, in English
    wait_for_app(page, 90_000)
    expect(main).to_contain_text("Screen 11 of 11", timeout=30_000)
    expect(main).to_contain_text("Map of the 13 municipalities", timeout=30_000)
    expect(page.get_by_role("button", name="Exit")).to_be_visible()
    # the map on the screen (pillar 2's employment rate, 2011), not the map page's default indicator
    same_map = {"indicator": ["employment_rate_20_64_census2011"], "jaar": ["2011"], "weergave": ["absoluut"], "lang": ["EN"]}
    link = qr_text(page, card("kaart", same_map))
    expect(page.locator(".st-key-present-qr")).to_contain_text("Open this map on your phone")
    assert card_link(link, app_server, "kaart", same_map), link
    expect(page.locator("img.streek-still.present-map")).to_be_visible()
    box = page.locator("img.streek-still.present-map").bounding_box()
    assert box["height"] >= 600 and box["y"] + box["height"] <= 1080, box      # fills the screen, legend on it
    rank = page.locator("table.present-rank")                                  # beside it: the 13, ranked
    expect(rank.locator("caption")).to_have_text("From highest to lowest (2011)")
    expect(rank.locator("tbody tr")).to_have_count(13)
    r = rank.bounding_box()
    assert r["x"] >= box["x"] + box["width"] and r["y"] + r["height"] <= 1080, (box, r)
    screenshot(page, "presentation-pillar2-map")


def test_presentation_on_a_phone_shows_the_cards_phone_layout(browser, app_server):
    """On a 390 px phone the projector's 1.000 px chart would shrink to ~5 px type: the screen shows
    the pillar card's phone layout instead, at (about) its own size."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="nl-BE")
    try:
        page = ctx.new_page()
        page.goto(app_server + "/presentatie?pijler=2&i=2")
        wait_for_app(page, 90_000)
        still = page.locator("[data-testid=stMain] img.streek-still")
        expect(still).to_have_count(1)
        page.wait_for_function("() => { const i = document.querySelector('img.streek-still');"
                               " return i && i.complete && i.naturalWidth > 0 && i.currentSrc; }", timeout=30_000, polling=POLL_MS)
        shown = still.evaluate("i => ({src: i.currentSrc, scale: i.getBoundingClientRect().width / i.naturalWidth,"
                               " natural: i.naturalWidth, default: i.getAttribute('src')})")
        assert not shown["src"].endswith(shown["default"]), shown       # the phone source, not the projector's
        assert 340 <= shown["natural"] <= 380 and shown["scale"] >= 0.8, shown
        # the QR code that opens the card on a phone, and the arrow-key hint, are not for a phone
        expect(page.locator(".st-key-present-qr")).to_be_hidden()
        expect(page.locator(".st-key-present-keys")).to_be_hidden()
        expect(page.get_by_role("button", name="Volgende")).to_be_visible()
        # and no white band where they were: the card's title follows the buttons (the empty QR column kept
        # the columns' large gap, ~100 px between "Verlaten" and the title)
        gap = page.evaluate("""() => document.querySelector('[data-testid=stMain] h2').getBoundingClientRect().top
                               - document.querySelector('.st-key-present-exit').getBoundingClientRect().bottom""")
        assert gap <= 60, gap
        screenshot(page, "presentation-phone")
    finally:
        ctx.close()
