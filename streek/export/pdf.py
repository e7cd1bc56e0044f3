"""An A4 landscape PDF (fpdf2): title page, one page per ambition, a map page.

Text is set in DejaVu Sans where the system has it (all of Dutch, €, – and the status
symbols); otherwise in Helvetica with the few characters outside Latin-1 replaced."""
from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from streek.export.content import DeckContent, SlideContent, note_line
from streek.i18n import t

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/local/share/fonts"), Path("/Library/Fonts")]
DARK, GREY = (27, 31, 36), (77, 77, 77)
MAX_NOTES_ON_PAGE = 4
_LATIN1 = {"–": "-", "—": "-", "…": "...", "✔": "OK", "▲": "+", "►": ">", "▼": "-", "✖": "x", "€": "EUR",
           "’": "'", "‘": "'", "“": '"', "”": '"', "·": "-", "≥": ">=", "≤": "<=", "←": "<-", "→": "->", "•": "-"}


def _find_font() -> tuple[Path, Path] | None:
    for d in FONT_DIRS:
        r, b = d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf"
        if r.exists() and b.exists():
            return r, b
    return None


class _Doc(FPDF):
    def __init__(self, footer: str, orientation: str = "L"):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.footer_text = footer
        fonts = _find_font()
        if fonts:
            self.add_font("DejaVu", "", str(fonts[0]))
            self.add_font("DejaVu", "B", str(fonts[1]))
            self.family_name, self.unicode_ok = "DejaVu", True
        else:
            self.family_name, self.unicode_ok = "Helvetica", False
        self.set_auto_page_break(auto=True, margin=14)
        self.set_margins(12, 10, 12)

    def txt(self, s: str) -> str:
        if self.unicode_ok:
            return s
        for k, v in _LATIN1.items():
            s = s.replace(k, v)
        return s.encode("latin-1", "replace").decode("latin-1")

    def use(self, size: float, bold: bool = False, colour=DARK):
        self.set_font(self.family_name, "B" if bold else "", size)
        self.set_text_color(*colour)

    def para(self, s: str, size: float = 11, bold: bool = False, colour=DARK, h: float | None = None, w: float = 0):
        self.use(size, bold, colour)
        self.multi_cell(w, h or size * 0.5, self.txt(s), new_x="LMARGIN", new_y="NEXT", align="L")

    def footer(self):
        self.set_y(-10)
        self.use(8, colour=GREY)
        self.cell(0, 5, self.txt(f"{self.footer_text} · {self.page_no()}"), align="R")


def _title_page(pdf: _Doc, c: DeckContent) -> None:
    pdf.add_page()
    pdf.set_y(30)
    pdf.para(c.title, 24, True, h=11)
    pdf.ln(3)
    pdf.para(c.subtitle, 18, h=9)
    pdf.ln(2)
    pdf.para(c.made_on + " · " + t("deck.n_series", lang=c.lang, n=len(c.slides)), 12, colour=GREY)
    pdf.ln(6)
    pdf.para(t("deck.reference_dates", lang=c.lang), 13, True)
    for r in c.reference_dates:
        pdf.para(f"• {r}", 11)
    if c.lang != "nl":
        pdf.ln(4)
        pdf.para(t("deck.data_titles_dutch", lang=c.lang), 10, colour=GREY)


def _aspect(png: bytes) -> float:
    """Height / width of a PNG (from its IHDR chunk)."""
    w = int.from_bytes(png[16:20], "big")
    h = int.from_bytes(png[20:24], "big")
    return h / w if w else 0.5


def _hex(c: str) -> tuple[int, int, int]:
    c = c.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _figures(pdf: _Doc, sc: SlideContent, lang: str) -> None:
    multi = len(sc.series) > 1
    head = ([t("notes.ambition", lang=lang)] if multi else []) + [
        t("deck.status", lang=lang), t("deck.baseline", lang=lang), t("deck.target", lang=lang), t("deck.latest", lang=lang)]
    widths = [70, 48, 42, 52, 58] if multi else [60, 60, 70, 80]
    size = 8.5 if multi else 10
    pdf.use(size, True)
    pdf.set_fill_color(230, 230, 230)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=size * 0.55, first_row_as_headings=True,
                   width=sum(widths), align="LEFT") as table:
        row = table.row()
        for h in head:
            row.cell(pdf.txt(h))
        pdf.use(size)
        for f in sc.series:
            row = table.row()
            if multi:
                row.cell(pdf.txt(f"{f.code}: {f.label}"))
            row.cell(pdf.txt(f.status_text), style=FontFace(emphasis="BOLD", fill_color=_hex(f.status.color), color=DARK))
            for v in (f.baseline, f.target, f.latest):
                row.cell(pdf.txt(v))


def _ambition_page(pdf: _Doc, sc: SlideContent, lang: str) -> None:
    pdf.add_page()
    pdf.para(sc.title, 14 if len(sc.title) < 160 else 12, True, h=6.5)
    pdf.ln(1)
    y0 = pdf.get_y()
    chart_w = 165 if len(sc.series) <= 2 else 150
    max_h = (200 - 14 - 12 - y0) - (12 + 11 * len(sc.series))   # leave room for the figures table
    if sc.chart_png:
        chart_w = min(chart_w, max_h / _aspect(sc.chart_png))
    if sc.chart_png:
        pdf.image(io.BytesIO(sc.chart_png), x=12, y=y0, w=chart_w)
        chart_bottom = y0 + chart_w * _aspect(sc.chart_png)
    else:
        pdf.para(t("deck.chart_missing", lang=lang), 11, colour=GREY)
        chart_bottom = pdf.get_y()
    # right column
    x_side = 12 + chart_w + 6
    w_side = 297 - 12 - x_side
    pdf.set_xy(x_side, y0)
    f0 = sc.series[0]
    side = []
    if len(sc.series) == 1:
        side.append(f0.label)
    side += [f"{t('deck.geography', lang=lang)}: {f0.geography}", f"{t('deck.kind', lang=lang)}: {f0.kind}"]
    if len(sc.series) == 1 and f0.needed:
        side.append(f0.needed)
    side.append(f"{t('deck.source', lang=lang)}: " + "; ".join(sc.sources))
    pdf.use(9, colour=GREY)
    for s in side:
        pdf.set_x(x_side)
        pdf.multi_cell(w_side, 4.4, pdf.txt(s), new_x="LEFT", new_y="NEXT", align="L")
        pdf.ln(1)
    if sc.notes:
        pdf.set_x(x_side)
        pdf.use(10, True)
        pdf.multi_cell(w_side, 5, pdf.txt(t("deck.notes", lang=lang)), new_x="LEFT", new_y="NEXT")
        pdf.use(8.5)
        for n in sc.notes[:MAX_NOTES_ON_PAGE]:
            pdf.set_x(x_side)
            pdf.multi_cell(w_side, 4, pdf.txt("• " + note_line(n, lang, limit=220)), new_x="LEFT", new_y="NEXT", align="L")
        if len(sc.notes) > MAX_NOTES_ON_PAGE:
            pdf.set_x(x_side)
            pdf.multi_cell(w_side, 4, pdf.txt(t("deck.more_notes", lang=lang, n=len(sc.notes) - MAX_NOTES_ON_PAGE)),
                           new_x="LEFT", new_y="NEXT")
    pdf.set_xy(12, max(chart_bottom, y0 + 20) + 3)
    _figures(pdf, sc, lang)
    pdf.ln(2)
    pdf.para(t("deck.page", lang=lang, page=sc.page), 8, colour=GREY)


def _map_page(pdf: _Doc, c: DeckContent) -> None:
    pdf.add_page()
    pdf.para(t("deck.map_title", lang=c.lang), 16, True, h=8)
    if c.map_png:
        pdf.image(io.BytesIO(c.map_png), x=12, y=pdf.get_y() + 2, h=150)
    else:
        pdf.para(t("deck.map_missing", lang=c.lang), 11, colour=GREY)
    if c.map_caption:
        pdf.set_y(-24)
        pdf.para(c.map_caption, 9, colour=GREY)


def build_pdf(c: DeckContent) -> bytes:
    """The export as A4 landscape PDF bytes."""
    pdf = _Doc(t("deck.footer", lang=c.lang, date=c.made_on))
    pdf.set_title(pdf.txt(f"{c.title} – {c.subtitle}"))
    pdf.set_lang("nl-BE" if c.lang == "nl" else "en")
    _title_page(pdf, c)
    for sc in c.slides:
        _ambition_page(pdf, sc, c.lang)
    if c.map_png is not None:
        _map_page(pdf, c)
    return bytes(pdf.output())
