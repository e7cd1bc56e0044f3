"""Browser: a shared link to a municipality's profile opens it in a fresh browser, with its figures,
a drawn trend column, the comparison and a fiche that downloads as a real PDF."""
import io
import re

import pytest
from playwright.sync_api import expect
from openpyxl import load_workbook
from pypdf import PdfReader

from conftest import download, screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_deep_link_opens_the_profile_and_the_fiche_downloads(app_server, page):
    page.goto(f"{app_server}/gemeente?nis=34027&vs=34022")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Mijn gemeente: Menen")).to_be_visible(timeout=30_000)
    table = page.get_by_role("table", name="Cijfers van Menen")       # a static table, no data grid (issue 9)
    expect(table).to_be_visible()
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Bevolking (personen)", exact=True))
    expect(row).to_contain_text("3 van 13")
    spark = row.get_by_role("img", name=re.compile(r"^Verloop van \d+ metingen"))    # the course, as a still line
    expect(spark).to_be_visible()
    assert spark.evaluate("i => i.complete && i.naturalWidth > 0")
    expect(page.locator("[data-testid=stDataFrame]")).to_have_count(0)
    expect(page.get_by_text("Menen naast Kortrijk")).to_be_visible()
    expect(page.get_by_text("Menen telt 79,6 ondernemingen per 1.000 inwoners", exact=False)).to_be_visible()
    screenshot(page, "municipality-menen")
    page.get_by_text("Fiche downloaden", exact=False).click()          # the files, one click away
    wait_for_app(page)              # opening it reruns: click the button that run leaves, not one it replaces
    name, data = download(page, page.get_by_role("button", name="Fiche als PDF"))
    assert name == "fiche-menen.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Mijn gemeente: Menen" in text and "2.658" in text
    # the interactive grid (sort, search) with its trend column, and the table's downloads, on request
    page.get_by_text("Interactieve tabel en downloads", exact=False).click()
    grid = page.locator("[data-testid=stDataFrame]")
    expect(grid).to_have_count(1, timeout=30_000)
    expect(grid.get_by_role("gridcell", name="Bevolking (personen)", include_hidden=True)).to_have_count(1)
    wait_for_app(page)              # the run that built the grid has finished and left its buttons
    _, data = download(page, page.get_by_role("button", name="XLSX", exact=True))
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]][:3] == ["Indicator", "Jaar", "Waarde"] and sheet.max_row == 14


def test_phone_shows_the_profile(app_server, tab):
    pg = tab(390, 844)
    pg.goto(f"{app_server}/gemeente?nis=33029&lang=en")
    wait_for_app(pg)
    expect(pg.get_by_role("heading", name="My municipality: Wervik")).to_be_visible(timeout=30_000)
    # a phone gets every row as a short card (the same table), and nothing scrolls sideways
    table = pg.get_by_role("table", name="Figures for Wervik")
    expect(table).to_be_visible()
    row = table.locator("tbody tr").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    assert row.bounding_box()["width"] <= 390
    expect(row).to_contain_text("Population (persons)")
    expect(row).to_contain_text("of 13")
    expect(pg.get_by_role("link", name=re.compile(r"^2\.1\.1")).first).to_have_attribute("href", re.compile("lang=EN"))
    assert pg.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
    screenshot(pg, "municipality-wervik-phone")
