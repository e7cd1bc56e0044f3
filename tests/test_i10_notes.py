"""Issue 10: our own notes and definitions in data/ (notes of ambitions, document figures, SWOT items and
environment factors; indicator definitions; processing and licence notes of sources) have an English
column beside the Dutch one that English mode shows, on the pages and in the exports; Dutch mode keeps
the Dutch text; the validator names file, row and column of a missing English text; the search box
finds entries by English words in English mode."""
from __future__ import annotations

import csv
import re

import pytest

from conftest import ROOT, open_via_router
from i10_english import OUR_DUTCH, OUR_PROSE, our_dutch_in
from streek.model import row_text
from streek.search import build_index, search
from streek.validate import validate_dir

DUTCH_WORDS = re.compile(r"\b(de|het|een|en|van|niet|geen|voor|naar|wordt|tabel|tekst|jaar|gebied)\b")


def _rows(name: str) -> list[dict]:
    with open(ROOT / "data" / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_datapackage_declares_the_english_columns():
    assert {("ambitions.csv", "note_nl"), ("document_figures.csv", "note_nl"), ("swot.csv", "note_nl"),
            ("environment.csv", "note_nl"), ("geographies.csv", "note_nl"), ("indicators.csv", "definition_nl"),
            ("sources.csv", "processing_nl"), ("sources.csv", "licence")} <= set(OUR_PROSE)


@pytest.mark.parametrize("name,column", sorted(OUR_PROSE))
def test_every_note_of_ours_has_english_with_the_same_figures(name, column):
    en_col = OUR_PROSE[(name, column)]
    rows = _rows(name)
    assert rows and en_col in rows[0]
    for line, r in enumerate(rows, start=2):
        nl, en = r[column].strip(), r[en_col].strip()
        assert bool(nl) == bool(en), (name, line, en_col)
        if not nl:
            continue
        # the same figures in both ("28.300" / "28,300", "8,4 %" / "8.4%"): nothing added, nothing left out
        assert re.findall(r"\d+", en) == re.findall(r"\d+", nl), (name, line, en_col, en)
        quoted = re.sub(r"'[^']*'", "", en)          # a Dutch term quoted as the source names it
        assert not DUTCH_WORDS.search(quoted), (name, line, en_col, en)


def test_the_model_gives_each_text_in_the_language_asked(vision):
    a = vision.ambition("3.3.1")
    assert a.note("nl") == "Leeftijdsgroep 25-64 jaar." and a.note("en") == "Age group 25-64."
    ind = vision.indicators["population_total"]
    assert ind.definition("nl") == "Inwoners op 1 januari." and ind.definition("en") == "Inhabitants on 1 January."
    s = vision.sources["statbel-pop-2022"]
    assert s.licence_text("nl") == s.licence and "Licentie" in s.licence
    assert s.licence_text("en") == "Statbel open data licence (cite source and date)"
    assert s.processing("nl") == s.processing_nl and s.processing("en").startswith("Sum per municipality")
    assert vision.geographies["ZWV"].note("en").startswith("The 13 municipalities")
    row = vision.swot[vision.swot["note_nl"] != ""].iloc[0]
    assert row_text(row, "note", "nl") == row["note_nl"] and row_text(row, "note", "en") == row["note_en"]


def test_a_missing_english_note_is_named_by_file_row_and_column(data_copy):
    path = data_copy / "ambitions.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    nl, en = header.index("note_nl"), header.index("note_en")
    line = next(i for i, r in enumerate(rows) if i and r[nl]) + 1          # file line (header = 1)
    rows[line - 1][en] = ""
    ind = data_copy / "indicators.csv"
    with open(ind, newline="", encoding="utf-8") as f:
        irows = list(csv.reader(f))
    irows[3][irows[0].index("definition_en")] = ""                         # line 4 of indicators.csv
    for p, rs in ((path, rows), (ind, irows)):
        with open(p, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(rs)
    issues = validate_dir(data_copy)
    where = {(i.file, i.row, i.column) for i in issues}
    assert ("ambitions.csv", line, "note_en") in where, [str(i) for i in issues]
    assert ("indicators.csv", 4, "definition_en") in where, [str(i) for i in issues]
    assert len(issues) == 2, [str(i) for i in issues]
    assert "note_nl" in next(str(i) for i in issues if i.column == "note_en")   # says why it is required


def test_an_empty_dutch_note_needs_no_english(data_copy):
    assert validate_dir(data_copy) == []
    rows = _rows("ambitions.csv")
    assert any(not r["note_nl"] and not r["note_en"] for r in rows)      # 1.5.2a-c have none: valid


def test_the_detector_catches_our_dutch_notes():
    assert "Leeftijdsgroep 25-64 jaar." in OUR_DUTCH
    assert our_dutch_in(["3.3.1 · Leeftijdsgroep 25-64 jaar."]) and our_dutch_in(["Inwoners op 1 januari."])
    assert not our_dutch_in(["Age group 25-64.", "Inhabitants on 1 January.", "Census 2011."])


# --- the pages, in English and in Dutch -------------------------------------------------------------
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~:$=&])")


def _texts(at) -> str:
    """What a reader sees (Markdown escapes removed), as one line."""
    parts = [_UNESCAPE.sub(r"\1", str(e.value)) for kind in ("markdown", "caption", "info") for e in getattr(at, kind)]
    parts += [str(e.proto.body) for e in at.get("html")]
    for d in at.dataframe:
        frame = d.value.data if hasattr(d.value, "data") else d.value
        parts += [str(x) for col in frame.columns for x in frame[col] if isinstance(x, str)]
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize("page,params,english,dutch", [
    ("pages/pillar_3.py", {"bouwsteen": "alle"}, "Age group 25-64.", "Leeftijdsgroep 25-64 jaar."),
    ("pages/map.py", {"indicator": "population_total"}, "Inhabitants on 1 January.", "Inwoners op 1 januari."),
    ("pages/method.py", {}, "Statbel open data licence (cite source and date)",
     "Statbel Licentie open data (bron en datum vermelden)"),
    ("pages/swot_page.py", {}, "As a possible downside of the many French cross-border workers.",
     "Als mogelijke keerzijde van de vele Franse grensarbeiders."),
    ("pages/context_page.py", {}, "A reading: the text extraction of the table kept no columns",
     "Een lezing: de tekstextractie van de tabel bewaarde geen kolommen"),
])
def test_english_pages_show_our_english_notes_and_dutch_pages_the_dutch_ones(page, params, english, dutch):
    en = _texts(open_via_router(page, lang="EN", **params))
    assert english in en and dutch not in en
    assert not our_dutch_in([en]), our_dutch_in([en])[:3]
    nl = _texts(open_via_router(page, **params))
    assert dutch in nl and english not in nl


def test_the_municipal_fiche_names_the_licence_in_its_language(vision):
    from streek.export.fiche import fiche_content
    en = " ".join(fiche_content(vision, "34022", "en").sources)
    nl = " ".join(fiche_content(vision, "34022", "nl").sources)
    assert "Statbel open data licence" in en and "Licentie" not in en
    assert "Statbel Licentie open data" in nl


def test_the_swot_figure_notes_follow_the_language(vision):
    from streek.figures import figure_groups
    names = {k: vision.geo_name(k, "en") for k in vision.geographies}
    en = [n for g in figure_groups(vision.figures, names, lang="en") for n in g.notes]
    nl = [n for g in figure_groups(vision.figures, names, lang="nl") for n in g.notes]
    assert "The table rounds to 686." in en and not our_dutch_in(en)
    assert "De tabel rondt af tot 686." in nl and len(en) == len(nl)


# --- the search box --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def index(vision):
    return build_index(vision)


def test_english_words_of_our_summaries_and_labels_find_entries_in_english_mode(index):
    hits = [h.entry for h in search(index, "manufacturing", "en")]
    assert hits and hits[0].code == "1.1.1"                          # 'Gross value added of manufacturing'
    assert any(e.kind == "block" and e.code == "1.1" for e in hits)   # block 1.1's English summary
    assert "2.3" in [h.entry.code for h in search(index, "sheltered", "en")]
    assert [h.entry.code for h in search(index, "cross-border", "en")][:1] == ["2.2.1"]
    assert "population_total" in [h.entry.code for h in search(index, "inhabitants", "en")]


def test_dutch_mode_searches_the_dutch_words_only(index):
    assert search(index, "manufacturing", "nl") == [] and search(index, "sheltered", "nl") == []
    assert [h.entry.code for h in search(index, "werkzaamheid", "nl")][0] == "2.1.1"
