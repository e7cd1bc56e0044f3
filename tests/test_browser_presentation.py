"""Browser: presentation mode on pillar 2 — large screen without navigation, arrow keys move to
the next ambition, the QR code in the corner decodes to the link of the current view."""
import io
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from playwright.sync_api import expect
from PIL import Image
from pptx import Presentation

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def qr_text(page) -> str:
    img = page.locator("[data-testid=stMain] [data-testid=stImage] img").first
    img.wait_for(state="visible")
    png = img.screenshot()                       # what the audience's phone sees
    found = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
    assert len(found) == 1, found
    return found[0]


def same_view(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.scheme, pa.netloc, pa.path) == (pb.scheme, pb.netloc, pb.path) and parse_qs(pa.query) == parse_qs(pb.query)


def test_presentation_mode_pillar_2(page, app_server):
    page.goto(app_server)                       # first load of a fresh server: see the report on pages/
    wait_for_app(page, 60_000)
    page.goto(app_server + "/presentatie?pijler=2&i=2")
    wait_for_app(page, 90_000)
    assert page.locator("[data-testid=stException]").count() == 0
    main = page.locator("[data-testid=stMain]")
    assert "2.1.2 · Daling van het aantal niet-werkende werkzoekenden" in main.inner_text()
    assert "Scherm 2 van 11" in main.inner_text()
    assert "7.719 personen (2017)" in main.inner_text() and "6.000 personen in 2030" in main.inner_text()
    assert not page.locator("[data-testid=stSidebar]").is_visible()             # navigation hidden
    h2 = page.locator("[data-testid=stMain] h2").first
    assert float(h2.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 36   # large type
    assert page.locator("[data-testid=stVegaLiteChart]").count() >= 1
    link = qr_text(page)
    assert same_view(link, page.url), (link, page.url)
    assert parse_qs(urlsplit(link).query) == {"presentatie": ["1"], "pijler": ["2"], "i": ["2"]}
    screenshot(page, "presentation-pillar2-2")

    page.keyboard.press("ArrowRight")           # st.button(shortcut="Right")
    expect(main).to_contain_text("Scherm 3 van 11", timeout=60_000)
    wait_for_app(page, 60_000)
    assert "2.1.3 · Daling van het aantal langdurig zieken" in main.inner_text()
    assert "i=3" in page.url
    link = qr_text(page)
    assert same_view(link, page.url) and parse_qs(urlsplit(link).query)["i"] == ["3"]

    page.keyboard.press("ArrowLeft")
    expect(main).to_contain_text("Scherm 2 van 11", timeout=60_000)
    wait_for_app(page, 60_000)

    # the deck of pillar 2, as the presenter downloads it for the meeting
    page.get_by_text("Exporteren voor de vergadering").click()
    with page.expect_download(timeout=240_000) as dl:
        page.get_by_role("button", name="PowerPoint (.pptx)").click()
    prs = Presentation(dl.value.path())
    texts = ["\n".join(sh.text_frame.text for sh in sl.shapes if sh.has_text_frame) for sl in prs.slides]
    assert len(texts) == 1 + 10 + 1                          # title, one per ambition, the map
    assert "Pijler 2. Kansrijke arbeidsmarkt" in texts[0]
    assert texts[2].startswith("2.1.2 · Daling") and "Kaart van de 13 gemeenten" in texts[-1]
    page.keyboard.press("Escape")

    page.goto(app_server + "/presentatie?pijler=2&i=11&lang=EN")             # the map screen, in English
    wait_for_app(page, 90_000)
    text = main.inner_text()
    assert "Screen 11 of 11" in text and "Map of the 13 municipalities" in text
    assert same_view(qr_text(page), page.url)
    screenshot(page, "presentation-pillar2-map")
