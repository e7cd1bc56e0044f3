"""A PowerPoint deck (python-pptx, 16:9): a title slide, the status summary of every chosen
ambition, one slide per ambition (the chart across the slide's full width, the figures under it),
a notes slide after an ambition when the presenter asked for the notes, and the map slide.
Every slide has the same footer: date, source, slide number."""
from __future__ import annotations

import io
import re

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from streek.card import SeriesCard
from streek.export.content import DeckContent, SlideContent, note_line, slide_subtitle
from streek.i18n import DEFAULT_LANG, language_tag, t

W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.4)
CONTENT_W = W - 2 * MARGIN
FOOTER_TOP = Inches(6.95)
DARK = RGBColor(0x1B, 0x1F, 0x24)
GREY = RGBColor(0x4D, 0x4D, 0x4D)
ROW_GREY = RGBColor(0xF2, 0xF2, 0xF2)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
# the map slide's ranking: rank, municipality, value (as the map writes it, with its unit)
RANK_COLS = (0.6, 1.85, 2.95)
RANK_W = Inches(sum(RANK_COLS))
RANK_ROW = Inches(0.37)
SUMMARY_ROWS = 10            # at most this many rows of the status summary per slide
MAX_NOTES_PER_SLIDE = 8
FOOTER_CHARS = 250           # two lines of 10 pt across the footer


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _text(slide, left, top, width, height, text, size: int = 14, bold: bool = False,
          colour: RGBColor = DARK, align=None):
    box = slide.shapes.add_textbox(left, top, width, height)
    tf = box.text_frame
    tf.word_wrap = True
    tf.margin_left = tf.margin_right = Inches(0.05)
    tf.margin_top = tf.margin_bottom = Inches(0.02)
    lines = text.split("\n") if isinstance(text, str) else list(text)
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if align is not None:
            p.alignment = align
        run = p.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
    return box


def footer_text(lang: str, made_on: str, source: str) -> str:
    """The footer's left part: made on, the source(s)."""
    left = t("deck.footer", lang=lang, date=made_on)
    return left + " · " + source if source else left


def _footer(s, c: DeckContent, source: str, number: int, total: int) -> None:
    """date · source on the left, slide number on the right; one style on every slide."""
    left = footer_text(c.lang, c.made_on, source)
    # two lines at most (the full list of sources is in the slide's notes where it is cut here)
    _text(s, MARGIN, FOOTER_TOP, CONTENT_W - Inches(1.2), Inches(0.5), _short(left, FOOTER_CHARS), 10, colour=GREY)
    _text(s, W - MARGIN - Inches(1.1), FOOTER_TOP, Inches(1.1), Inches(0.3),
          t("deck.footer_page", lang=c.lang, page=number, total=total), 10, colour=GREY, align=PP_ALIGN.RIGHT)


def _new(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])


def _title_slide(prs, c: DeckContent) -> None:
    s = _new(prs)
    _text(s, Inches(0.7), Inches(0.8), Inches(12), Inches(1.4), c.title, 32, True)
    _text(s, Inches(0.7), Inches(2.2), Inches(12), Inches(0.8), c.subtitle, 24)
    _text(s, Inches(0.7), Inches(3.0), Inches(12), Inches(0.5), c.made_on
          + " · " + t("deck.n_series", lang=c.lang, n=len(c.slides)), 16, colour=GREY)
    _text(s, Inches(0.7), Inches(3.7), Inches(12), Inches(0.45), t("deck.reference_dates", lang=c.lang), 16, True)
    size = 13 if len(c.reference_dates) <= 6 else 11
    _text(s, Inches(0.7), Inches(4.15), Inches(12), Inches(2.3), "\n".join(f"• {r}" for r in c.reference_dates), size)
    if c.lang != "nl":
        _text(s, Inches(0.7), Inches(6.45), Inches(12), Inches(0.4), t("deck.data_titles_dutch", lang=c.lang), 12, colour=GREY)


def _cell(table, i: int, j: int, text: str, size: float, bold: bool = False, fill: RGBColor | None = None) -> None:
    cell = table.cell(i, j)
    cell.text = text
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_top = cell.margin_bottom = Inches(0.03)
    run = cell.text_frame.paragraphs[0].runs[0]
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = DARK
    cell.fill.solid()
    cell.fill.fore_color.rgb = fill or (WHITE if i % 2 else ROW_GREY)


def _table(s, head: list[str], rows: list[tuple[list[str], SeriesCard]], widths: list[float], top: Emu,
           row_h: Emu, size: float, status_col: int) -> None:
    shape = s.shapes.add_table(len(rows) + 1, len(head), MARGIN, top, sum((Inches(w) for w in widths), Emu(0)),
                               row_h * (len(rows) + 1))
    table = shape.table
    for j, w in enumerate(widths):
        table.columns[j].width = Inches(w)
    for r in range(len(rows) + 1):
        table.rows[r].height = row_h
    for j, h in enumerate(head):
        _cell(table, 0, j, h, size, bold=True, fill=RGBColor(0xE0, 0xE0, 0xE0))
    for i, (values, f) in enumerate(rows, start=1):
        for j, v in enumerate(values):
            _cell(table, i, j, v, size, bold=j == status_col, fill=_rgb(f.status.color) if j == status_col else None)


def summary_rows(c: DeckContent) -> list[SeriesCard]:
    """Every target series of the chosen ambitions, in deck order."""
    return [f for sc in c.slides for f in sc.series]


def _summary_slides(prs, c: DeckContent, number: int, total: int) -> int:
    rows = summary_rows(c)
    head = [t("deck.col.code", lang=c.lang), t("deck.col.ambition", lang=c.lang), t("deck.status", lang=c.lang),
            t("deck.latest", lang=c.lang), t("deck.target", lang=c.lang)]
    n = -(-len(rows) // SUMMARY_ROWS)
    per = -(-len(rows) // max(n, 1))                  # balanced: 14 rows -> 7 + 7, not 10 + 4
    chunks = [rows[k:k + per] for k in range(0, len(rows), per)]
    for n, chunk in enumerate(chunks):
        s = _new(prs)
        title = t("deck.summary_title", lang=c.lang) + " – " + c.subtitle
        if n:
            title += " " + t("deck.summary_continued", lang=c.lang)
        _text(s, MARGIN, Inches(0.25), CONTENT_W, Inches(0.8), title, 24, True)
        _table(s, head, [([f.code, _short(f.label, 70), f.status_text, f.latest, f.target], f) for f in chunk],
               [0.9, 4.1, 2.4, 3.3, 1.8], Inches(1.15), Inches(0.5), 12, status_col=2)
        _footer(s, c, "", number, total)
        number += 1
    return number


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fit_parts(parts: list[str], limit: int, expendable: tuple[str, ...] = (), sep: str = " · ") -> str:
    """``parts`` joined by ``sep`` within ``limit`` characters without cutting a word: first the
    remarks in brackets at the end of a part go (the area's "(according to the building block's
    text; …)"), then the ``expendable`` parts whole, then whole parts from the end. The slide's line
    once ended in "-3.7% a ye…"."""
    parts = list(parts)
    for i, part in enumerate(parts):
        if len(sep.join(parts)) <= limit:
            break
        parts[i] = re.sub(r"\s*\([^()]*\)$", "", part)
    for part in [p for p in parts if p.startswith(expendable)] if expendable else []:
        if len(sep.join(parts)) <= limit:
            break
        parts.remove(part)
    while len(parts) > 1 and len(sep.join(parts)) > limit:
        parts.pop()
    return _short(sep.join(parts), limit)


def _mark_dutch(box) -> None:
    """The document's own title (Dutch also in an English deck) marked as Dutch, for PowerPoint's
    spelling check and its screen reader."""
    for p in box.text_frame.paragraphs:
        for run in p.runs:
            run.font._rPr.set("lang", language_tag(DEFAULT_LANG))


def mark_language(prs, lang: str) -> None:
    """Every run of text not marked otherwise, and the file, in the language ``lang``: PowerPoint otherwise
    checks the spelling of Dutch text against its own language (red lines under every word on the presenter's
    screen) and a screen reader reads it with that language's voice. Every PowerPoint we write ends here
    (the deck, a municipality's fiche)."""
    tag = language_tag(lang)
    prs.core_properties.language = tag
    for slide in prs.slides:
        frames = [slide.notes_slide.notes_text_frame] if slide.has_notes_slide else []
        for shape in slide.shapes:
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            elif shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
        for run in (r for tf in frames for p in tf.paragraphs for r in p.runs):
            if run.font._rPr.get("lang") is None:
                run.font._rPr.set("lang", tag)


def _ambition_slide(prs, sc: SlideContent, c: DeckContent, number: int, total: int) -> None:
    lang = c.lang
    s = _new(prs)
    _mark_dutch(_text(s, MARGIN, Inches(0.2), CONTENT_W, Inches(0.85), sc.title, 20 if len(sc.title) < 110 else 16, True))
    sub = slide_subtitle(sc, lang)
    line = _fit_parts(sub, 190, expendable=(t("deck.kind", lang=lang) + ":",))   # the kind goes before what is needed
    _text(s, MARGIN, Inches(1.05), CONTENT_W, Inches(0.45), line, 12, colour=GREY)
    multi = len(sc.series) > 1
    row_h = Inches(0.3) if multi else Inches(0.48)
    table_h = row_h * (len(sc.series) + 1)
    table_top = FOOTER_TOP - Inches(0.1) - table_h
    chart_top = Inches(1.55)
    if sc.chart_png:
        box_w, box_h = CONTENT_W, table_top - Inches(0.1) - chart_top
        aspect = _aspect(sc.chart_png)
        w = min(box_w, int(box_h / aspect))
        s.shapes.add_picture(io.BytesIO(sc.chart_png), MARGIN + (box_w - w) // 2, chart_top, width=w)
    else:
        _text(s, MARGIN, Inches(2.5), Inches(7), Inches(0.6), t("deck.chart_missing", lang=lang), 16, colour=GREY)
    head = ([t("notes.ambition", lang=lang)] if multi else []) + [
        t("deck.status", lang=lang), t("deck.baseline", lang=lang), t("deck.target", lang=lang), t("deck.latest", lang=lang)]
    widths = [3.3, 2.0, 1.2, 1.2, 4.8] if multi else [2.6, 2.4, 2.5, 5.0]       # 12,5 inch: the slide minus margins
    fits = int((widths[0] * 72 - 14) / (10 * 0.55))       # characters on one line of the first column at 10 pt
    rows = [(([f"{f.code}: {_short(f.label, fits - len(f.code) - 2)}"] if multi else []) + [f.status_text, f.baseline, f.target, f.latest], f)
            for f in sc.series]
    _table(s, head, rows, widths, table_top, row_h, 10 if multi else 12, status_col=1 if multi else 0)
    source = f"{t('deck.source', lang=lang)}: " + "; ".join(sc.sources)
    notes = [note_line(n, lang) for n in sc.notes] if c.with_notes else []
    if notes or len(source) > FOOTER_CHARS - 60:
        s.notes_slide.notes_text_frame.text = "\n".join(notes + [source])
    _footer(s, c, source, number, total)


def _notes_slide(prs, sc: SlideContent, c: DeckContent, number: int, total: int) -> None:
    s = _new(prs)
    _text(s, MARGIN, Inches(0.25), CONTENT_W, Inches(0.8), t("deck.notes_title", lang=c.lang, code=sc.code), 24, True)
    lines = [f"• {note_line(n, c.lang, limit=300)}" for n in sc.notes[:MAX_NOTES_PER_SLIDE]]
    if len(sc.notes) > MAX_NOTES_PER_SLIDE:
        lines.append(t("deck.more_notes", lang=c.lang, n=len(sc.notes) - MAX_NOTES_PER_SLIDE))
    _text(s, MARGIN, Inches(1.2), CONTENT_W, Inches(5.6), "\n".join(lines), 16)
    _footer(s, c, "", number, total)


def _map_slide(prs, c: DeckContent, number: int, total: int) -> None:
    s = _new(prs)
    _text(s, MARGIN, Inches(0.2), CONTENT_W, Inches(0.7), t("deck.map_title", lang=c.lang), 24, True)
    top, box_h = Inches(0.95), FOOTER_TOP - Inches(0.1) - Inches(0.95)
    if c.map_png:
        aspect = _aspect(c.map_png)
        # the map on the left; the 13 ranked on the right (numbers to read from the back, not only colours)
        room = CONTENT_W - (RANK_W + Inches(0.3) if c.map_ranking else 0)
        w = min(room, int(box_h / aspect))
        s.shapes.add_picture(io.BytesIO(c.map_png), MARGIN + (room - w) // 2, top, width=w)
        if c.map_ranking:
            left = W - MARGIN - RANK_W
            _text(s, left, top, RANK_W, Inches(0.45), c.map_ranking_title, 16, True)
            shape = s.shapes.add_table(len(c.map_ranking), 3, left, top + Inches(0.5), RANK_W,
                                       RANK_ROW * len(c.map_ranking))
            table = shape.table
            for j, w_in in enumerate(RANK_COLS):
                table.columns[j].width = Inches(w_in)
            for i, (name, value) in enumerate(c.map_ranking):
                table.rows[i].height = RANK_ROW
                for j, text in enumerate((f"{i + 1}.", name, value)):
                    _cell(table, i, j, text, 15, bold=j == 2, fill=WHITE if i % 2 else ROW_GREY)
                    table.cell(i, j).margin_left = table.cell(i, j).margin_right = Inches(0.06)
                    if j != 1:
                        table.cell(i, j).text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    else:
        _text(s, MARGIN, Inches(2.5), Inches(12), Inches(0.6), t("deck.map_missing", lang=c.lang), 16, colour=GREY)
    _footer(s, c, c.map_caption, number, total)


def _aspect(png: bytes) -> float:
    """Height / width of a PNG (from its IHDR chunk)."""
    w = int.from_bytes(png[16:20], "big")
    h = int.from_bytes(png[20:24], "big")
    return h / w if w else 0.5


def build_pptx(c: DeckContent) -> bytes:
    """The deck as .pptx bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    n_summary = -(-len(summary_rows(c)) // SUMMARY_ROWS)
    total = (1 + n_summary + len(c.slides) + (sum(1 for sc in c.slides if sc.notes) if c.with_notes else 0)
             + (1 if c.map_png is not None else 0))
    _title_slide(prs, c)
    _footer(prs.slides[0], c, "", 1, total)
    number = _summary_slides(prs, c, 2, total)
    for sc in c.slides:
        _ambition_slide(prs, sc, c, number, total)
        number += 1
        if c.with_notes and sc.notes:
            _notes_slide(prs, sc, c, number, total)
            number += 1
    if c.map_png is not None:
        _map_slide(prs, c, number, total)
    mark_language(prs, c.lang)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
