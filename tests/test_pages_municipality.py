"""AppTest: the municipality profile page (/gemeente?nis=34027&vs=34022)."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from conftest import open_script

ROOT = Path(__file__).resolve().parents[1]


def open_page(**params) -> AppTest:
    return open_script("pages/municipality_page.py", **params)


def cells(at) -> list[str]:
    df = at.dataframe[0].value
    return [str(x) for x in df.to_numpy().ravel()]


def test_deep_link_opens_menen_with_its_figures():
    at = open_page(nis="34027")
    assert not at.exception
    assert at.title[0].value == "Mijn gemeente: Menen"
    assert at.selectbox[0].value == "34027"
    row = at.dataframe[0].value.set_index("Indicator").loc["Actieve btw-plichtige ondernemingen (ondernemingen)"]
    assert (row["Jaar"], row["Waarde"], row["Rang"], row["Streek"]) == ("2019", "2.658", "4 van 13", "31.391")
    assert "79,6 per 1.000 inwoners" in row["Aandeel in de streek"]
    assert len(at.dataframe[0].value) == 13          # every indicator with municipal values


def test_comparison_in_words_and_links_to_the_cards():
    at = open_page(nis="34027", vs="34022")
    assert not at.exception
    assert at.selectbox[1].value == "34022"
    assert any(h.value == "Menen naast Kortrijk" for h in at.subheader)
    text = " ".join(m.value for m in at.markdown)
    assert "Menen telt 79,6 ondernemingen per 1.000 inwoners, Kortrijk 108,8" in text
    assert "(pijler-2?ambitie=2.2.1)" in text               # arrondissement Kortrijk contains Menen


def test_choosing_another_municipality_updates_the_url():
    at = open_page(nis="34027")
    at.selectbox[0].select("33029").run()
    assert at.title[0].value == "Mijn gemeente: Wervik"
    assert at.query_params["nis"] in ("33029", ["33029"])
    assert "(pijler-2?ambitie=2.2.1)" not in " ".join(m.value for m in at.markdown)   # Wervik is not in the arrondissement


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
    df = at.dataframe[0].value.set_index("Indicator")
    assert df.loc["Active VAT-registered enterprises (enterprises)", "Value"] == "2,658"
    assert df.loc["Population (persons)", "Rank"] == "3 of 13"
