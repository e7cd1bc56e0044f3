"""The municipality fiche: PDF and PowerPoint hold the municipality's name and its figures."""
from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from streek.export.fiche import build_fiche_pdf, build_fiche_pptx, fiche_content

ROOT = Path(__file__).resolve().parents[1]


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_content_rows_are_the_profile_in_dutch(vision):
    c = fiche_content(vision, "34027", "nl", today=date(2026, 11, 29))
    row = next(r for r in c.rows if r.indicator.startswith("Actieve btw-plichtige ondernemingen"))
    assert (row.period, row.value, row.rank, row.region) == ("2019", "2.658", "4 van 13", "31.391")
    assert "79,6 per 1.000 inwoners" in row.share and "8,5 % van de streek" in row.share
    assert c.file_stem == "fiche-menen"
    assert "29-11-2026" in c.footer


def test_pdf_opens_and_holds_name_and_figures(vision):
    c = fiche_content(vision, "34027", "nl", vs="34022")
    pdf = build_fiche_pdf(c)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2            # the fiche promises one or two A4 pages; with a comparison: two
    text = _pdf_text(pdf)
    for s in ("Mijn gemeente: Menen", "2.658", "79,6", "33.982", "Menen naast Kortrijk", "Statbel"):
        assert s in text, s


def test_pptx_holds_the_same_table_in_english(vision):
    c = fiche_content(vision, "34022", "en")
    prs = Presentation(io.BytesIO(build_fiche_pptx(c)))
    cells = [cell.text for shape in prs.slides[0].shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    assert "8,350" in cells and "77,741" in cells
    titles = [shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame]
    assert any("My municipality: Kortrijk" in x for x in titles)
    for shape in prs.slides[0].shapes:           # nothing sticks out of the slide
        assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height
    # every run of text, and the file, say English (PowerPoint checks spelling per run: tests/test_export.py)
    runs = [r for shape in prs.slides[0].shapes
            for tf in ([shape.text_frame] if shape.has_text_frame else [c.text_frame for row in shape.table.rows for c in row.cells])
            for p in tf.paragraphs for r in p.runs]
    assert runs and {r.font._rPr.get("lang") for r in runs} == {"en-GB"} and prs.core_properties.language == "en-GB"


def test_command_line_writes_the_pdf(tmp_path):
    out = tmp_path / "menen.pdf"
    r = subprocess.run([sys.executable, "-m", "streek", "fiche", "--nis", "34027", "--format", "pdf", "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Menen" in _pdf_text(out.read_bytes())
    bad = subprocess.run([sys.executable, "-m", "streek", "fiche", "--nis", "12345", "--out", str(tmp_path / "x.pdf")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "12345" in bad.stderr and not (tmp_path / "x.pdf").exists()
