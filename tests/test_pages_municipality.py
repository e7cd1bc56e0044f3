"""AppTest: the municipality profile page (/gemeente?nis=34027&vs=34022)."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from conftest import open_via_router
from html_tables import html_tables, read_table

ROOT = Path(__file__).resolve().parents[1]


def open_page(**params) -> AppTest:
    return open_via_router("pages/municipality_page.py", **params)


def profile_table(at):
    """The profile's static table: one row per indicator, named by it (``<th scope="row">``)."""
    tables = html_tables(at)
    assert len(tables) == 1
    assert '<th scope="row"' in tables[0] and "<caption>" in tables[0]
    df = read_table(tables[0])
    return df.assign(alts=df.attrs["alts"]).set_index(df.columns[0])


def test_deep_link_opens_menen_with_its_figures():
    at = open_page(nis="34027")
    assert not at.exception
    assert at.title[0].value == "Mijn gemeente: Menen"
    assert at.button_group(key="nis").value == "34027"
    assert not at.selectbox           # pills, not drop-down lists: no list-box code to load (issue 9)
    assert len(at.dataframe) == 0             # a static table: no data grid for the browser to load (issue 9)
    table = profile_table(at)
    row = table.loc["Actieve btw-plichtige ondernemingen (ondernemingen)"]
    assert (row["Jaar"], row["Waarde"], row["Rang"], row["Streek"]) == ("2019", "2.658", "4 van 13", "31.391")
    assert "79,6 per 1.000 inwoners" in row["Aandeel in de streek"]
    assert len(table) == 13          # every indicator with municipal values
    # the course of an indicator with several values stays, as a still sparkline with words
    assert table.loc["Bevolking (personen)", "alts"][0].startswith("Verloop van ")
    assert table.loc["Actieve btw-plichtige ondernemingen (ondernemingen)", "alts"] == []   # one value: no line


def test_interactive_table_and_downloads_on_request():
    """What the grid gave (sort, search, its CSV) stays one click away: the grid with the trend
    column and CSV/XLSX downloads of the same rows; the fiche files behind one click too."""
    at = open_page(nis="34027")
    assert not at.get("download_button")
    at.session_state["gemeente-data"] = True      # "Interactieve tabel en downloads"
    at.session_state["fiche"] = True              # "Fiche downloaden"
    at.run()
    grid = at.dataframe[0].value.set_index("Indicator")
    assert grid.loc["Bevolking (personen)", "Verloop"][-1] == 33982.0
    assert grid.loc["Actieve btw-plichtige ondernemingen (ondernemingen)", "Waarde"] == "2.658"
    assert [b.proto.label for b in at.get("download_button")] == ["CSV", "XLSX", "Fiche als PDF", "Fiche als PowerPoint"]


def test_comparison_in_words_and_links_to_the_cards():
    at = open_page(nis="34027", vs="34022")
    assert not at.exception
    assert at.button_group(key="vs").value == "34022"
    assert any(h.value == "Menen naast Kortrijk" for h in at.subheader)
    text = " ".join(m.value for m in at.markdown)
    assert "Menen telt 79,6 ondernemingen per 1.000 inwoners, Kortrijk 108,8" in text
    links = " ".join(h.proto.body for h in at.get("html"))
    assert 'href="pijler-2?ambitie=2.2.1"' in links          # arrondissement Kortrijk contains Menen


def test_choosing_another_municipality_updates_the_url():
    at = open_page(nis="34027")
    at.button_group(key="nis").set_value("33029").run()
    assert at.title[0].value == "Mijn gemeente: Wervik"
    assert at.query_params["nis"] in ("33029", ["33029"])
    assert "ambitie=2.2.1" not in " ".join(h.proto.body for h in at.get("html"))   # Wervik is not in the arrondissement


def test_a_second_click_keeps_the_municipality_and_drops_the_comparison():
    """Pills can be clicked off: the chosen municipality stays chosen (there is always one), the
    compared one goes (no comparison), and the URL says so."""
    at = open_page(nis="34027", vs="34022")
    at.button_group(key="nis").set_value(None).run()
    assert at.title[0].value == "Mijn gemeente: Menen" and at.button_group(key="nis").value == "34027"
    assert any(h.value == "Menen naast Kortrijk" for h in at.subheader)  # the comparison is untouched so far
    at.button_group(key="vs").set_value(None).run()
    assert "vs" not in at.query_params
    assert not any("naast" in h.value for h in at.subheader)
    assert at.title[0].value == "Mijn gemeente: Menen"


def test_the_same_municipality_is_not_compared_with_itself():
    at = open_page(nis="34027", vs="34027")
    assert not at.exception
    assert at.button_group(key="vs").value is None and "vs" not in at.query_params
    assert "34027" not in at.button_group(key="vs").options


def test_unknown_code_is_said_and_cut():
    at = open_page(nis="9" * 500)
    assert not at.exception
    warn = at.warning[0].value
    assert "9" * 40 in warn and "9" * 41 not in warn
    assert at.title[0].value == "Mijn gemeente: Kortrijk"


def test_english_page_has_english_words_and_numbers():
    at = AppTest.from_file(str(ROOT / "pages" / "municipality_page.py"), default_timeout=90)
    at.query_params["nis"] = "34027"
    at.session_state["lang"] = "EN"
    at.run()
    assert not at.exception
    assert at.title[0].value == "My municipality: Menen"
    df = profile_table(at)
    assert df.loc["Active VAT-registered enterprises (enterprises)", "Value"] == "2,658"
    assert df.loc["Population (persons)", "Rank"] == "3 of 13"
    assert df.loc["Population (persons)", "alts"][0].startswith("Course of ")
    assert "<caption>Figures for Menen</caption>" in html_tables(at)[0]
    links = " ".join(h.proto.body for h in at.get("html"))
    assert 'href="pijler-2?ambitie=2.2.1&amp;lang=EN"' in links      # a card link keeps English
