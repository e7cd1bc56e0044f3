"""An A4 landscape PDF (fpdf2): title page, the status summary, one page per ambition (the chart
across the page's width, the figures under it), the notes when asked for, a map page. Every page
has the same footer: date, source, page number.

Text is set in DejaVu Sans where the system has it (all of Dutch, €, – and the status
symbols); otherwise in Helvetica with the few characters outside Latin-1 replaced."""
from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from streek.export.content import DeckContent, SlideContent, note_line, slide_subtitle
from streek.i18n import language_tag, t

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
        self.footer_source = ""       # set after add_page(): the footer is drawn when the page ends
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
        self.set_y(-12)
        self.use(8, colour=GREY)
        left = self.footer_text + (f" · {self.footer_source}" if self.footer_source else "")
        self.multi_cell(297 - 24 - 20, 3.6, self.txt(left), align="L", new_x="RIGHT", new_y="TOP")
        self.set_xy(297 - 12 - 18, -12)
        self.cell(18, 3.6, f"{self.page_no()} / {{nb}}", align="R")


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
    widths = [75, 45, 35, 38, 80] if multi else [55, 60, 60, 98]
    size = 10
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


def _summary_pages(pdf: _Doc, c: DeckContent) -> None:
    from streek.export.deck import summary_rows
    rows = summary_rows(c)
    head = [t("deck.col.code", lang=c.lang), t("deck.col.ambition", lang=c.lang), t("deck.status", lang=c.lang),
            t("deck.latest", lang=c.lang), t("deck.target", lang=c.lang)]
    pdf.add_page()
    pdf.footer_source = ""
    pdf.para(t("deck.summary_title", lang=c.lang) + " – " + c.subtitle, 16, True, h=8)
    pdf.ln(2)
    pdf.use(10, True)
    with pdf.table(col_widths=[20, 95, 50, 70, 38], text_align="LEFT", line_height=5, first_row_as_headings=True,
                   width=273, align="LEFT", headings_style=FontFace(emphasis="BOLD", fill_color=(224, 224, 224))) as table:
        row = table.row()
        for h in head:
            row.cell(pdf.txt(h))
        pdf.use(10)
        for f in rows:
            row = table.row()
            row.cell(pdf.txt(f.code))
            row.cell(pdf.txt(f.label))
            row.cell(pdf.txt(f.status_text), style=FontFace(emphasis="BOLD", fill_color=_hex(f.status.color), color=DARK))
            row.cell(pdf.txt(f.latest))
            row.cell(pdf.txt(f.target))


def _ambition_page(pdf: _Doc, sc: SlideContent, c: DeckContent) -> None:
    lang = c.lang
    pdf.add_page()
    pdf.footer_source = f"{t('deck.source', lang=lang)}: " + "; ".join(sc.sources)
    pdf.para(sc.title, 14 if len(sc.title) < 160 else 12, True, h=6.5)
    sub = slide_subtitle(sc, lang)
    pdf.para(" · ".join(sub), 9.5, colour=GREY, h=4.6)
    pdf.ln(1)
    y0 = pdf.get_y()
    table_h = 9 + 8 * len(sc.series)
    max_h = 210 - 16 - y0 - table_h - 3
    chart_w = 273.0
    if sc.chart_png:
        chart_w = min(chart_w, max_h / _aspect(sc.chart_png))
        pdf.image(io.BytesIO(sc.chart_png), x=12 + (273 - chart_w) / 2, y=y0, w=chart_w)
        chart_bottom = y0 + chart_w * _aspect(sc.chart_png)
    else:
        pdf.para(t("deck.chart_missing", lang=lang), 11, colour=GREY)
        chart_bottom = pdf.get_y()
    pdf.set_xy(12, chart_bottom + 3)
    _figures(pdf, sc, lang)


def _notes_page(pdf: _Doc, sc: SlideContent, c: DeckContent) -> None:
    pdf.add_page()
    pdf.footer_source = ""
    pdf.para(t("deck.notes_title", lang=c.lang, code=sc.code), 16, True, h=8)
    pdf.ln(2)
    for n in sc.notes[:MAX_NOTES_ON_PAGE * 3]:
        pdf.para("• " + note_line(n, c.lang, limit=600), 11, h=5.5)
        pdf.ln(1)


RANK_COLS = (9, 36, 45)      # mm: rank, municipality, value (the map page's ranking)


def _map_page(pdf: _Doc, c: DeckContent) -> None:
    pdf.add_page()
    pdf.footer_source = c.map_caption
    pdf.para(t("deck.map_title", lang=c.lang), 16, True, h=8)
    if c.map_png:
        y = pdf.get_y() + 2
        h = 210 - 16 - y
        room = 273 - (sum(RANK_COLS) + 8 if c.map_ranking else 0)    # the map left, the 13 ranked right
        w = min(room, h / _aspect(c.map_png))
        pdf.image(io.BytesIO(c.map_png), x=12 + (room - w) / 2, y=y, w=w)
        if c.map_ranking:
            x = 297 - 12 - sum(RANK_COLS)
            pdf.set_xy(x, y)
            pdf.para(c.map_ranking_title, 12, True, h=7, w=sum(RANK_COLS))
            for i, (name, value) in enumerate(c.map_ranking, 1):
                pdf.set_x(x)
                pdf.set_fill_color(*((255, 255, 255) if i % 2 else (242, 242, 242)))
                for text, width, bold, align in ((f"{i}.", RANK_COLS[0], False, "R"), (name, RANK_COLS[1], False, "L"),
                                                 (value, RANK_COLS[2], True, "R")):
                    pdf.use(11, bold)
                    pdf.cell(width, 7, pdf.txt(text), align=align, fill=True)
                pdf.ln(7)
    else:
        pdf.para(t("deck.map_missing", lang=c.lang), 11, colour=GREY)


def build_pdf(c: DeckContent) -> bytes:
    """The export as A4 landscape PDF bytes."""
    pdf = _Doc(t("deck.footer", lang=c.lang, date=c.made_on))
    pdf.set_title(pdf.txt(f"{c.title} – {c.subtitle}"))
    pdf.set_lang(language_tag(c.lang))
    _title_page(pdf, c)
    _summary_pages(pdf, c)
    for sc in c.slides:
        _ambition_page(pdf, sc, c)
        if c.with_notes and sc.notes:
            _notes_page(pdf, sc, c)
    if c.map_png is not None:
        _map_page(pdf, c)
    return bytes(pdf.output())
