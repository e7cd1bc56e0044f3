"""The pillar-2 deck and PDF as a presenter gets them, rendered to pictures (LibreOffice headless
PPTX -> PDF, pdftoppm -> PNG under test-output/deck/) and checked as a person would look at them:
a title slide, a status summary that lists every chosen ambition, charts across the slide's width,
no text outside the slide, one footer on every slide, notes only when asked for, sources once,
"Peildata" with every source used (Census 2011 of the map too)."""
import io
import math
import os
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu, Inches
from pypdf import PdfReader

from streek.export import build_content, export_bytes, selection
from streek.export.content import series_of, unique_texts
from streek.i18n import t
from streek.notes import Note
from streek.theme import PRINT_MIN_WIDTH_IN

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-output" / "deck"
TODAY = date(2026, 11, 29)
PICTURE = 13
NOTE = Note(1, "2.1.2", "Duurzame mobiliteit", "action", "Jobcoaching in Menen", "Werkgroep", "ABC234", None,
            datetime(2026, 11, 28, 10, tzinfo=UTC))


@pytest.fixture(scope="module")
def deck(vision):
    codes, subtitle = selection(vision, pillar="2", lang="nl")
    content = build_content(vision, codes, subtitle, notes=[NOTE], today=TODAY, lang="nl", pillar="2")
    pptx = export_bytes(content, "pptx")
    pdf = export_bytes(content, "pdf")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "pijler-2.pptx").write_bytes(pptx)
    (OUT / "pijler-2.pdf").write_bytes(pdf)
    return codes, content, pptx, pdf


def texts_of(slide) -> str:
    parts = []
    for sh in slide.shapes:
        if sh.has_text_frame:
            parts.append(sh.text_frame.text)
        if getattr(sh, "has_table", False) and sh.has_table:
            parts += [c.text for r in sh.table.rows for c in r.cells]
    return "\n".join(parts)


def to_pngs(pdf: Path, prefix: str, dpi: int = 60) -> list[Path]:
    assert shutil.which("pdftoppm"), "pdftoppm (Debian poppler-utils) is needed to look at the deck"
    for old in OUT.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(OUT / prefix)], check=True, timeout=120)
    return sorted(OUT.glob(f"{prefix}-*.png"))


def test_slides_title_summary_ambitions_notes_map(deck, vision):
    codes, content, pptx, _ = deck
    prs = Presentation(io.BytesIO(pptx))
    texts = [texts_of(s) for s in prs.slides]
    assert "Pijler 2. Kansrijke arbeidsmarkt" in texts[0] and "Peildata van de gegevens" in texts[0]
    summary = [x for x in texts if x.startswith("Stand van de ambities")]
    assert summary, "a status summary slide"
    every = [a for c in codes for a in series_of(vision, c)]
    joined = "\n".join(summary)
    for a in every:                                         # every chosen ambition and sub-target
        assert re.search(rf"^{re.escape(a.code)}$", joined, re.M), a.code
    assert "Niet te beoordelen" in joined and "6.000 personen in 2030" in joined
    ambition = [x for x in texts if re.match(r"\d\.\d\.\d · ", x)]
    assert [x.split(" · ")[0] for x in ambition] == codes
    assert sum(x.startswith("Workshopnotities bij 2.1.2") for x in texts) == 1
    assert texts[-1].startswith("Kaart van de 13 gemeenten")
    n = len(prs.slides)
    for k, x in enumerate(texts, start=1):                  # one footer on every slide: date and number
        assert "29-11-2026" in x and f"{k} / {n}" in x, k


def test_single_chart_slides_use_the_full_width(deck):
    _, _, pptx, _ = deck
    prs = Presentation(io.BytesIO(pptx))
    charted = 0
    for s in prs.slides:
        pics = [sh for sh in s.shapes if sh.shape_type == PICTURE]
        is_map = "Kaart van de 13 gemeenten" in texts_of(s)        # the map slide: its table is the ranking
        if len(pics) == 1 and not is_map and any(getattr(sh, "has_table", False) and sh.has_table for sh in s.shapes):
            charted += 1
            assert pics[0].width >= 0.8 * prs.slide_width, (texts_of(s)[:40], pics[0].width / prs.slide_width)
            assert pics[0].width >= Inches(PRINT_MIN_WIDTH_IN)      # the print theme's text is >= 10 pt here
    assert charted == 10


def _lines(text: str, size_pt: float, width_pt: float) -> int:
    per_line = max(1, int(width_pt / (0.55 * size_pt)))      # DejaVu Sans: ~0,55 em per character
    return sum(max(1, math.ceil(len(p) / per_line)) for p in text.split("\n"))


def test_no_text_box_overflows_the_slide(deck):
    _, _, pptx, _ = deck
    prs = Presentation(io.BytesIO(pptx))
    W, H = prs.slide_width, prs.slide_height
    for k, s in enumerate(prs.slides, start=1):
        for sh in s.shapes:
            assert sh.left >= 0 and sh.top >= 0 and sh.left + sh.width <= W and sh.top + sh.height <= H, (k, sh.name)
            if sh.has_text_frame and sh.text_frame.text:
                sizes = [r.font.size.pt for p in sh.text_frame.paragraphs for r in p.runs if r.font.size]
                size = max(sizes)
                need = _lines(sh.text_frame.text, size, Emu(sh.width).pt - 8) * size * 1.2 + 4
                assert need <= Emu(sh.height).pt + 2, (k, sh.text_frame.text[:60], need, Emu(sh.height).pt)
            if getattr(sh, "has_table", False) and sh.has_table:
                # every cell fits on its row's lines: no row grows past the table's drawn height
                for r in sh.table.rows:
                    for j, c in enumerate(r.cells):
                        size = max((run.font.size.pt for p in c.text_frame.paragraphs for run in p.runs), default=10)
                        lines = _lines(c.text, size, Emu(sh.table.columns[j].width).pt - 14)
                        assert lines * size * 1.2 + 4 <= Emu(r.height).pt + 1, (k, c.text, lines)


def test_deck_and_pdf_rendered_to_pictures(deck, tmp_path):
    """LibreOffice draws every slide; the pictures are saved to look at (test-output/deck/)."""
    _, content, pptx, pdf = deck
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (Debian libreoffice-impress) is needed to render the deck"
    src = tmp_path / "pijler-2.pptx"
    src.write_bytes(pptx)
    profile = tmp_path / "lo-profile"           # own profile: parallel LibreOffice runs do not collide
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, timeout=240, capture_output=True,
                   env={**os.environ, "HOME": str(tmp_path)})
    drawn = tmp_path / "pijler-2.pdf"
    n_slides = len(Presentation(io.BytesIO(pptx)).slides)
    assert len(PdfReader(drawn).pages) == n_slides
    pngs = to_pngs(drawn, "slide")
    assert len(pngs) == n_slides
    from PIL import Image, ImageStat
    for p in pngs:                               # nothing blank
        assert ImageStat.Stat(Image.open(p).convert("L")).stddev[0] > 10, p
    last = " ".join(PdfReader(drawn).pages[-1].extract_text().split())
    assert "Census 2011" in last                 # the map slide's source footer
    pdf_path = OUT / "pijler-2.pdf"
    pages = to_pngs(pdf_path, "page")
    reader = PdfReader(pdf_path)
    assert len(pages) == len(reader.pages) == 1 + 1 + 10 + 1 + 1     # title, summary, 10, notes, map
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert texts[1].startswith("Stand van de ambities")
    for code in ("2.1.1a", "2.1.1d", "2.3.4"):
        assert code in texts[1]
    assert all(f"{k} / {len(texts)}" in x for k, x in enumerate(texts, start=1))


def test_pdf_charts_span_the_page(deck):
    _, _, _, pdf = deck
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[3]                       # 2.1.2
    widths = [float(img.image.width) for img in page.images]
    assert widths
    # the picture is drawn 273 mm wide (A4 landscape minus margins): its matrix in the content stream
    content = page.get_contents().get_data().decode("latin-1")
    scales = [float(m.group(1)) for m in re.finditer(r"([\d.]+) 0 0 [\d.]+ [\d.]+ [\d.]+ cm", content)]
    assert max(scales) >= 0.8 * float(page.mediabox.width), (scales, page.mediabox.width)


def test_notes_only_when_the_presenter_chooses(vision):
    codes, subtitle = selection(vision, ambitions=["2.1.2"], lang="nl")
    without = build_content(vision, codes, subtitle, notes=None, today=TODAY, lang="nl", with_map=False)
    prs = Presentation(io.BytesIO(export_bytes(without, "pptx")))
    assert not any("Jobcoaching" in texts_of(s) or "Workshopnotities" in texts_of(s) for s in prs.slides)
    assert not any(s.has_notes_slide and "Jobcoaching" in s.notes_slide.notes_text_frame.text for s in prs.slides)
    with_notes = build_content(vision, codes, subtitle, notes=[NOTE], today=TODAY, lang="nl", with_map=False)
    prs = Presentation(io.BytesIO(export_bytes(with_notes, "pptx")))
    assert any("Jobcoaching in Menen" in texts_of(s) for s in prs.slides)


def test_sources_once_regardless_of_case(deck, vision):
    assert unique_texts(["Steunpunt werk", "Steunpunt Werk", "VDAB"]) == ["Steunpunt werk", "VDAB"]
    _, content, _, _ = deck
    for sc in content.slides:
        folded = [s.casefold() for s in sc.sources]
        assert len(folded) == len(set(folded)), sc.sources
    assert any("Census 2011" in r for r in content.reference_dates)     # the map's source is in "Peildata"


def test_file_names_in_the_interface_language():
    assert t("deck.file.pillar", "nl", name="2") + ".pptx" == "streekvisie-pijler-2.pptx"
    assert t("deck.file.pillar", "en", name="2") + ".pptx" == "regional-vision-pillar-2.pptx"
