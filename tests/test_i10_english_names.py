"""Every unit and indicator label in data/ has an English form in streek/i18n/names.py (the one place
that translates them): a new data row without a translation fails here, naming its file and row."""
from __future__ import annotations

import csv

import pytest

from conftest import ROOT
from streek.i18n.names import (has_label, has_reference_date, has_source_name, has_unit, indicator_name, label_name,
                                source_name, unit_name)

# (file, column, kind): every column of data/ that holds a unit or an indicator label
COLUMNS = [("ambitions.csv", "unit", "unit"), ("ambitions.csv", "target_unit", "unit"),
           ("document_figures.csv", "unit", "unit"), ("indicators.csv", "unit", "unit"),
           ("ambitions.csv", "indicator_nl", "label"), ("document_figures.csv", "indicator_nl", "label"),
           ("document_figures.csv", "age_group", "label"), ("indicators.csv", "title_nl", "indicator"),
           ("sources.csv", "reference_date", "date"), ("sources.csv", "publisher", "source"),
           ("sources.csv", "dataset", "source")]


def untranslated(path, column: str, kind: str) -> list[str]:
    """'file row N column: value' for every cell that has no English form."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):        # row 1 is the header
            value = row[column]
            if not any(ch.isalpha() for ch in value):                 # '%', '20-64', '': nothing to translate
                continue
            ok = {"unit": has_unit, "label": has_label, "date": has_reference_date, "source": has_source_name}.get(kind)
            english = indicator_name(row["id"], value, "en") if kind == "indicator" else None
            if (ok and not ok(value)) or (english is not None and english == value):
                out.append(f"{path.name} row {n} {column}: {value!r} has no English form in streek/i18n/names.py")
    return out


@pytest.mark.parametrize("name,column,kind", COLUMNS)
def test_every_unit_and_label_in_data_has_english(name, column, kind):
    bad = untranslated(ROOT / "data" / name, column, kind)
    assert not bad, "\n".join(bad)


def test_a_new_row_without_english_fails_with_its_file_and_row(tmp_path):
    src = (ROOT / "data" / "document_figures.csv").read_text(encoding="utf-8")
    header = src.splitlines()[0]
    n_rows = len(src.splitlines())
    row = "nieuw,sterkte,Nieuw item,Aantal windmolens,ZWV,2020,12,windmolens,,,,,10\n"
    assert len(row.split(",")) == len(header.split(","))
    copy = tmp_path / "document_figures.csv"
    copy.write_text(src.rstrip("\n") + "\n" + row, encoding="utf-8")
    assert untranslated(copy, "unit", "unit") == [
        f"document_figures.csv row {n_rows + 1} unit: 'windmolens' has no English form in streek/i18n/names.py"]
    assert untranslated(copy, "indicator_nl", "label") == [
        f"document_figures.csv row {n_rows + 1} indicator_nl: 'Aantal windmolens' has no English form in streek/i18n/names.py"]


def test_dutch_is_unchanged_and_english_is_translated():
    assert unit_name("personen", "nl") == "personen" and unit_name("personen", "en") == "persons"
    assert unit_name("miljoen euro", "en") == "million euro" and unit_name("%", "en") == "%"
    assert label_name("Werkzaamheidsgraad", "nl") == "Werkzaamheidsgraad"
    assert label_name("Werkzaamheidsgraad", "en") == "Employment rate"
    assert label_name("Aantal actieve ondernemingen", "en") == "Number of active enterprises"


def test_source_names_in_english_except_the_documents_own():
    census = "be.STAT, Census 2011, gemeentelijke indicatoren"
    assert source_name(census, "nl") == census and source_name(census, "en") == "be.STAT, Census 2011, municipal indicators"
    title = "Just Make It! Socio-economische streekvisie voor Zuid-West-Vlaanderen 2020-2030"
    assert source_name(title, "en") == title and has_source_name(title)
    assert not has_source_name("Nieuwe gegevensset")


def test_every_sources_attribution_is_english_in_english():
    """The line every card, map, fiche and deck cites a source with: publisher and dataset in English
    (Statbel's English names), the document's own title and its author as published."""
    from streek import load_vision
    from streek.i18n.names import SOURCE_NAMES_KEPT, reference_date
    for s in load_vision().sources.values():
        en = s.attribution("en")
        for dutch in (s.publisher, s.dataset):
            if dutch not in SOURCE_NAMES_KEPT and source_name(dutch, "en") != dutch:
                assert dutch not in en, (s.id, en)
        assert s.attribution("nl") == f"Bron: {s.publisher}, {s.dataset}, {reference_date(s.reference_date, 'nl')}"
