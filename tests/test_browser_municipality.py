"""Browser: a shared link to a municipality's profile opens it in a fresh browser, with its figures,
a drawn trend column, the comparison and a fiche that downloads as a real PDF."""
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_deep_link_opens_the_profile_and_the_fiche_downloads(app_server, page):
    page.goto(f"{app_server}/gemeente?nis=34027&vs=34022")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Mijn gemeente: Menen")).to_be_visible(timeout=30_000)
    grid = page.locator("[data-testid=stDataFrame]").first
    expect(grid).to_be_visible()
    expect(page.get_by_text("Menen naast Kortrijk")).to_be_visible()
    expect(page.get_by_text("Menen telt 79,6 ondernemingen per 1.000 inwoners", exact=False)).to_be_visible()
    screenshot(page, "municipality-menen")
    with page.expect_download(timeout=60_000) as dl:
        page.get_by_role("button", name="Fiche als PDF").click()
    data = Path(dl.value.path()).read_bytes()
    assert dl.value.suggested_filename == "fiche-menen.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Mijn gemeente: Menen" in text and "2.658" in text


def test_phone_shows_the_profile(app_server, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-BE")
    pg = ctx.new_page()
    try:
        pg.goto(f"{app_server}/gemeente?nis=33029&lang=en")
        wait_for_app(pg)
        expect(pg.get_by_role("heading", name="My municipality: Wervik")).to_be_visible(timeout=30_000)
        # a phone gets the list of short cards, not the wide grid, and nothing scrolls sideways
        expect(pg.locator(".st-key-gemeente-kaarten")).to_be_visible()
        expect(pg.locator(".st-key-gemeente-tabel")).to_be_hidden()
        expect(pg.locator(".st-key-gemeente-kaarten")).to_contain_text("Population (persons)")
        assert pg.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
        screenshot(pg, "municipality-wervik-phone")
    finally:
        ctx.close()
