"""One card model, every view: the pillar page, presentation mode and the deck show the facts of
streek.card in the same words; a new row in data/ambitions.csv reaches every view without code."""
from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import open_via_router
from html_tables import html_tables, row_headers

from pages.ui import facts_html
from streek import load_vision
from streek.card import build_card
from streek.export import build_content, export_bytes, selection
from test_export import slide_texts

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def run(page: str, **params) -> AppTest:
    return open_via_router(page, **params)      # the URL decides the language on the first run


def markdown_of(at: AppTest) -> list[str]:
    """Markdown and HTML elements (presentation mode draws its status badges with st.html)."""
    return [m.value for m in at.markdown] + [h.proto.body for h in at.get("html")]


def present_index(vision, code: str) -> int:
    return vision.document_codes(pillar=vision.series_of(code)[0].pillar).index(code) + 1


def deck_text(vision, code: str, lang: str) -> str:
    codes, subtitle = selection(vision, ambitions=[code], lang=lang)
    content = build_content(vision, codes, subtitle, today=date(2026, 11, 28), lang=lang, with_map=False)
    texts = slide_texts(export_bytes(content, "pptx"))
    return texts[2]          # title, status summary, then the ambition's own slide


@pytest.mark.parametrize("code,lang", [("1.2.1", "nl"), ("2.1.1", "en")])
def test_same_card_on_pillar_page_presentation_and_deck(code, lang):
    vision = load_vision()
    card = build_card(vision, code, lang)
    pillar = card.pillar
    page = markdown_of(run(f"pages/pillar_{pillar}.py", lang=lang.upper(), bouwsteen="alle"))
    present = markdown_of(run("pages/presentation.py", presentatie="1", pijler=pillar,
                              i=str(present_index(vision, code)), lang=lang.upper()))
    deck = deck_text(vision, code, lang)
    for sc in card.series:
        facts = facts_html(sc)
        assert any(facts in m for m in page), sc.code   # the very same HTML on the page ...
        assert any(facts in m for m in present), sc.code   # ... and in presentation mode
        for words in (sc.status_text, sc.baseline, sc.target, sc.latest):   # the deck: the same words
            assert words in deck, (sc.code, words)
        assert any(sc.status_label in m for m in page) and any(sc.status_label in m for m in present)


NEW = {"code": "1.2.9", "ambition": "1.2.9", "pillar": "1", "building_block": "1.2",
       "title_nl": "Testambitie: stijging van het aantal testbedrijven van 100 in 2016 naar 150 in 2030",
       "series_nl": "", "indicator_nl": "Aantal testbedrijven", "geography": "ZWV", "geography_basis": "ambitie",
       "unit": "bedrijven", "direction": "increase", "target_kind": "level", "baseline_year": "2016",
       "baseline_value": "100", "target_year": "2030", "target_value": "150", "printed_change_pct": "",
       "source_nl": "", "note_nl": "", "page": "18", "target_unit": "bedrijven"}


def add_ambition(data_dir: Path) -> None:
    path = data_dir / "ambitions.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        names = list(rows[0])
    i = max(k for k, r in enumerate(rows) if r["building_block"] == "1.2") + 1
    rows.insert(i, NEW)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, names, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with open(data_dir / "observations.csv", "a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(["1.2.9", "ZWV", "2016", "100", "jmi2019", "Basiswaarde (p. 18)."])


def test_a_new_row_in_ambitions_csv_reaches_every_view(monkeypatch, data_copy):
    add_ambition(data_copy)
    monkeypatch.setenv("STREEK_DATA_DIR", str(data_copy))
    vision = load_vision(data_copy)
    card = build_card(vision, "1.2.9", "nl")
    facts = facts_html(card.series[0])
    assert "100 bedrijven in 2016 → 150 bedrijven in 2030" in card.series[0].from_to

    page = run("pages/pillar_1.py", bouwsteen="alle")
    assert any(NEW["title_nl"] in m for m in markdown_of(page)) and any(facts in m for m in markdown_of(page))
    overview = run("pages/overview.py")
    codes = {c for table in html_tables(overview) for c in row_headers(table)}     # the overview's static tables
    assert "1.2.9" in codes and "1.2.1" in codes
    present = run("pages/presentation.py", presentatie="1", pijler="1", i=str(present_index(vision, "1.2.9")))
    assert any(facts in m for m in markdown_of(present))
    deck = deck_text(vision, "1.2.9", "nl")
    assert "1.2.9" in deck and card.series[0].target in deck
    assert re.search(r"100 bedrijven \(2016\)", deck)


def test_caches_key_on_a_data_version_not_on_id(data_copy):
    """The app's vision carries a data version: the content hash of data/ (and the store's
    revision); changing one file in data/ changes it, loading the same files again does not."""
    import inspect

    import pages.ui as ui
    first = ui._content_hash(data_copy)
    assert first == ui._content_hash(data_copy) and len(first) == 12
    with open(data_copy / "observations.csv", "a", encoding="utf-8") as f:
        f.write("1.2.1,ZWV,2020,31500,jmi2019,test\n")
    assert ui._content_hash(data_copy) != first
    for mod in ("pages/ui.py", "pages/pillar_view.py", "pages/presentation.py", "pages/map.py", "pages/swot_page.py",
                "pages/method.py", "pages/context_page.py", "pages/overview.py"):
        text = (Path(__file__).resolve().parents[1] / mod).read_text(encoding="utf-8")
        assert not re.search(r"\bid\(_?vision\)", text), mod      # no cache keyed on an object's identity
    assert "max_entries" in inspect.getsource(ui)


def test_two_stores_with_the_same_counters_get_different_data_versions(tmp_path):
    """The merged vision's version follows the stored values, not the store's counters: two
    databases with one import each (same counters) must never share cached cards."""
    from pages import ui
    from streek.db.store import NewValue, Store
    versions = set()
    for i, value in enumerate((6500.0, 6400.0)):
        url = f"sqlite:///{tmp_path}/store{i}.sqlite"
        store = Store(url)
        store.add([NewValue("2.1.2", "ZWV", "2021", value, "VDAB")], editor="anna", filename="a.csv")
        v = ui._merged_vision(str(ui.data_dir_in_use()), ui._data_stamp(ui.data_dir_in_use()), url, store.revision())
        assert v.series("2.1.2")["value"].iloc[-1] == value
        versions.add(ui.data_version(v))
    assert len(versions) == 2
