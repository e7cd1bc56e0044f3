"""Exports: the deck (python-pptx) and the PDF (pypdf) open and hold one slide/page per chosen
ambition with its Dutch-formatted figures, the title slide with dates, notes and the CLI."""
import io
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from streek.export import MIME, build_content, export_bytes, selection
from streek.export.content import series_of
from streek.notes import Note

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 28)


def slide_texts(data: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(data))
    out = []
    for s in prs.slides:
        parts = []
        for sh in s.shapes:
            if sh.has_text_frame:
                parts.append(sh.text_frame.text)
            if getattr(sh, "has_table", False) and sh.has_table:
                parts += [c.text for r in sh.table.rows for c in r.cells]
        out.append("\n".join(parts))
    return out


def pdf_texts(data: bytes) -> list[str]:
    """Text per page, with line breaks of wrapped text folded into spaces."""
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def pillar2(vision):
    codes, subtitle = selection(vision, pillar="2", lang="nl")
    note = Note(1, "2.1.2", "Duurzame mobiliteit", "action", "Jobcoaching <b>Menen</b>", "Werkgroep", "ABC234", None,
                datetime(2026, 11, 28, 10, tzinfo=UTC))
    return build_content(vision, codes, subtitle, notes=[note], today=TODAY, lang="nl", with_map=False)


def test_pillar_selection_is_document_ambitions(vision):
    codes, subtitle = selection(vision, pillar="2", lang="nl")
    assert codes == ["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.3.4"]
    assert subtitle == "Pijler 2. Kansrijke arbeidsmarkt"
    assert [a.code for a in series_of(vision, "2.1.1")] == ["2.1.1", "2.1.1a", "2.1.1b", "2.1.1c", "2.1.1d"]
    assert selection(vision, block="3.4", lang="nl")[0] == ["3.4.a", "3.4.b"]
    with pytest.raises(KeyError):
        selection(vision, ambitions=["2.1.2", "9.9.9"], lang="nl")


def test_deck_has_a_slide_per_ambition_with_dutch_figures(pillar2):
    data = export_bytes(pillar2, "pptx")
    texts = slide_texts(data)
    assert len(texts) == 1 + 2 + 10 + 1               # title, summary (14 series: 7 + 7), one per ambition, notes
    assert texts[1].startswith("Stand van de ambities") and texts[2].startswith("Stand van de ambities")
    title = texts[0]
    assert "Pijler 2. Kansrijke arbeidsmarkt" in title and "28-11-2026" in title
    assert "RESOC Zuid-West-Vlaanderen" in title and "mei 2019" in title    # reference date of the document
    s = texts[4]                                       # 2.1.2
    assert s.startswith("2.1.2 · Daling van het aantal niet-werkende werkzoekenden")
    assert "7.719 personen (2017)" in s and "6.000 personen in 2030" in s
    assert "Niet te beoordelen" in s
    assert texts[5].startswith("Workshopnotities bij 2.1.2")
    assert "Jobcoaching <b>Menen</b>" in texts[5]      # the note, as typed (plain text in a deck)
    s1 = texts[3]                                      # 2.1.1 with four sub-targets
    for fig in ("75,4 % (2016)", "80 % in 2030", "44,4 % (2016)", "53,8 % (2016)", "60 % in 2030"):
        assert fig in s1
    prs = Presentation(io.BytesIO(data))
    pictures = [sh for sh in prs.slides[4].shapes if sh.shape_type == 13]
    assert len(pictures) == 1                          # the chart PNG
    assert "Jobcoaching" in prs.slides[4].notes_slide.notes_text_frame.text


def test_pdf_has_a_page_per_ambition_with_dutch_figures(pillar2):
    data = export_bytes(pillar2, "pdf")
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)        # landscape
    assert round(float(box.width) / 72 * 25.4) == 297 and round(float(box.height) / 72 * 25.4) == 210
    texts = pdf_texts(data)
    assert len(texts) == 1 + 1 + 10 + 1                # title, summary, one per ambition, notes
    assert "28-11-2026" in texts[0]
    assert "7.719 personen (2017)" in texts[3] and "6.000 personen in 2030" in texts[3]
    assert "Jobcoaching <b>Menen</b>" in texts[4]
    assert len(reader.pages[3].images) == 1


def test_handpicked_ambitions_in_english(vision):
    codes, subtitle = selection(vision, ambitions=["1.2.1", "3.4.b"], lang="en")
    c = build_content(vision, codes, subtitle, today=TODAY, lang="en", with_map=False)
    texts = slide_texts(export_bytes(c, "pptx"))
    assert len(texts) == 4                             # title, summary, two ambitions
    assert "Status of the ambitions" in texts[1] and "1.2.1" in texts[1] and "3.4.b" in texts[1]
    texts = texts[:1] + texts[2:]
    assert "Selection of 2 target series" in texts[0] and "2026-11-28" in texts[0]
    assert "Statbel" in texts[0] and "reference year 2019" in texts[0]          # reference date of the 2019 count
    assert "28,309 enterprises (2016)" in texts[1] and "34,000 enterprises in 2030" in texts[1]
    assert "31,391 enterprises (2019)" in texts[1]                             # latest measurement, English numbers
    assert "31.391" not in texts[1]
    assert "Baseline" in texts[1] and "Latest measurement" in texts[1]
    assert "811 students (2018)" in texts[2]


def run_languages(data: bytes) -> list[list[tuple[str, str | None]]]:
    """Per slide, (text, lang attribute) of every run of text: text boxes, tables and the notes."""
    out = []
    for s in Presentation(io.BytesIO(data)).slides:
        frames = []
        for sh in s.shapes:
            frames += [sh.text_frame] if sh.has_text_frame else [c.text_frame for r in sh.table.rows for c in r.cells] if sh.has_table else []
        frames += [s.notes_slide.notes_text_frame] if s.has_notes_slide else []
        out.append([(r.text, r.font._rPr.get("lang")) for tf in frames for p in tf.paragraphs for r in p.runs])
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_run_of_the_deck_says_its_language(vision, lang):
    """PowerPoint checks spelling (and a screen reader picks its voice) per run of text by its language:
    without one it takes the presenter's own, and a Dutch deck in an English PowerPoint is red with
    squiggles. Every run carries the deck's language; the document's titles in an English deck are Dutch."""
    codes, subtitle = selection(vision, ambitions=["1.2.1", "2.1.1"], lang=lang)
    data = export_bytes(build_content(vision, codes, subtitle, notes=[], today=TODAY, lang=lang, with_map=False), "pptx")
    own = {"nl": "nl-BE", "en": "en-GB"}[lang]
    slides = run_languages(data)
    assert all(tag is not None for runs in slides for _, tag in runs)
    titles = [slides[2][0], slides[3][0]]                         # the ambition slides' titles
    assert titles[0][0].startswith("1.2.1 · Stijging van het aantal actieve ondernemingen") and titles[1][0].startswith("2.1.1 · ")
    assert all(tag == "nl-BE" for _, tag in titles)
    others = [tag for runs in slides for run, tag in runs if run not in {t for t, _ in titles}]
    assert set(others) == {own}, set(others)
    assert Presentation(io.BytesIO(data)).core_properties.language == own


def test_map_slide_when_a_map_is_given(vision):
    from streek.qr import qr_png
    png = qr_png("kaart")            # any PNG stands in for the map image here
    codes, subtitle = selection(vision, ambitions=["2.1.2"], lang="nl")
    c = build_content(vision, codes, subtitle, today=TODAY, map_png=(png, "Bron: Statbel"), lang="nl")
    texts = slide_texts(export_bytes(c, "pptx"))
    assert len(texts) == 4 and "Kaart van de 13 gemeenten" in texts[3] and "Bron: Statbel" in texts[3]
    assert len(pdf_texts(export_bytes(c, "pdf"))) == 4
    assert MIME["pdf"] == "application/pdf"


def test_map_slide_ranks_the_13_beside_the_map(vision):
    """The deck's and the PDF's map, as presentation mode's: beside it the 13 from the highest value to the
    lowest, with the value as the map writes it (pillar 2: employment rate 20-64, Census 2011)."""
    codes, subtitle = selection(vision, pillar="2", lang="en")
    c = build_content(vision, codes[:1], subtitle, today=TODAY, lang="en", pillar="2", chart_fn=lambda *a, **k: None)
    assert c.map_ranking_title == "From highest to lowest (2011)" and len(c.map_ranking) == 13
    assert c.map_ranking[0] == ("Deerlijk", "76.6%") and c.map_ranking[-1] == ("Kortrijk", "70.4%")
    prs = Presentation(io.BytesIO(export_bytes(c, "pptx")))
    tables = [sh.table for sh in prs.slides[-1].shapes if sh.has_table]
    assert len(tables) == 1
    rows = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert rows == [[f"{i}.", name, value] for i, (name, value) in enumerate(c.map_ranking, 1)]
    assert any("From highest to lowest (2011)" in sh.text_frame.text for sh in prs.slides[-1].shapes if sh.has_text_frame)
    page = pdf_texts(export_bytes(c, "pdf"))[-1]
    assert "From highest to lowest (2011)" in page and "Deerlijk" in page and "76.6%" in page and "13." in page


def test_cli_writes_a_deck(tmp_path):
    out = tmp_path / "blok.pdf"
    r = subprocess.run([sys.executable, "-m", "streek", "deck", "--block", "2.3", "--format", "pdf", "--out", str(out),
                        "--no-map"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                       env={"PATH": "/usr/bin:/bin", "STREEK_DB_PATH": str(tmp_path / "none.sqlite")})
    assert r.returncode == 0, r.stderr
    texts = pdf_texts(out.read_bytes())
    assert len(texts) == 1 + 1 + 4 and "Bouwsteen 2.3" in texts[0]
    assert "1.053 personen (2018)" in texts[5] and "850 personen in 2030" in texts[5]
    bad = subprocess.run([sys.executable, "-m", "streek", "deck", "--ambitions", "9.9", "--out", str(tmp_path / "x.pptx")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "9.9" in bad.stderr
    assert not (tmp_path / "x.pptx").exists()


def test_pillar_map_from_the_map_builder(vision):
    from streek.export.content import map_parts
    parts = map_parts(vision, "2", lang="nl")
    chart, caption = parts.chart, parts.caption
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    assert "Werkzaamheidsgraad 20-64 jaar (Census 2011)" in str(spec["title"])
    assert "Statbel" in caption and "Census 2011" in caption


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_ambition_slides_sources_fit_its_footer(vision, lang):
    """The footer (two lines) names the measurement's source in full on every ambition slide: the
    document is cited once, by its page, and Statbel by its short English name (the footer of 1.2.1
    was cut before the dataset of its latest measurement)."""
    from streek.export.content import sources_of
    from streek.export.deck import FOOTER_CHARS, footer_text
    from streek.i18n import t
    for a in vision.ambitions:
        group = series_of(vision, a.code)
        if a.code != group[0].code:
            continue
        sources = sources_of(vision, group, lang=lang)
        text = footer_text(lang, "30-11-2026", f"{t('deck.source', lang=lang)}: " + "; ".join(sources))
        assert len(text) <= FOOTER_CHARS, (a.code, len(text), text)
        for sid in set(vision.series(a.code)["source"]) - {"jmi2019"}:
            name = vision.sources[sid].dataset_name(lang)
            assert name in text, (a.code, name)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_slide_subtitle_ends_with_a_whole_part(vision, lang):
    """The line under an ambition's title on a slide keeps what is needed per year whole: a long area
    remark in brackets goes first (3.1.1 in English ended in "-3.7% a ye…"), and a part that does not
    fit goes whole; no slide's line ends in a cut word."""
    from streek.export.content import slide_subtitle
    from streek.export.deck import _fit_parts
    c = build_content(vision, *selection(vision, ambitions=["3.1.1"], lang=lang), today=TODAY, lang=lang, with_map=False)
    line = next(x for x in slide_texts(export_bytes(c, "pptx"))[2].split("\n") if x.startswith(("Aantal", "Number")))
    assert not line.endswith("…"), line
    assert line.endswith({"nl": "Nodig: -3,7 % per jaar vanaf 2017 (trend tot nu toe: +24,0 % per jaar)",
                          "en": "Needed: -3.7% a year from 2017 (trend so far: +24.0% a year)"}[lang]), line
    c = build_content(vision, document_codes_all(vision), "", today=TODAY, lang=lang, with_map=False, chart_fn=lambda *a, **k: None)
    from streek.i18n import t
    kind = t("deck.kind", lang=lang) + ":"
    for sc in c.slides:
        parts = slide_subtitle(sc, lang)
        fitted = _fit_parts(parts, 190, expendable=(kind,))
        assert len(fitted) <= 190 and not fitted.endswith("…"), (sc.code, fitted)
        kept = fitted.split(" · ")
        # the first part (the indicator, or the area of a slide with sub-targets) stays, at most without its
        # remark in brackets; what is needed per year stays; only the kind of target may go
        assert parts[0].startswith(kept[0].split(" (")[0]), (sc.code, fitted)
        assert [p.split(" (")[0] for p in parts if not p.startswith(kind)] \
            == [p.split(" (")[0] for p in kept if not p.startswith(kind)], (sc.code, fitted)


def document_codes_all(vision):
    from streek.charts import document_ambitions
    return list(document_ambitions(vision))
