"""A PowerPoint deck (python-pptx, 16:9): title slide, one slide per ambition, a map slide."""
from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from streek.export.content import DeckContent, SlideContent, note_line
from streek.i18n import t

W, H = Inches(13.333), Inches(7.5)
DARK = RGBColor(0x1B, 0x1F, 0x24)
GREY = RGBColor(0x4D, 0x4D, 0x4D)
MAX_NOTES_ON_SLIDE = 3


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _text(slide, left, top, width, height, text: str, size: int = 14, bold: bool = False,
          colour: RGBColor = DARK):
    box = slide.shapes.add_textbox(left, top, width, height)
    tf = box.text_frame
    tf.word_wrap = True
    lines = text.split("\n") if isinstance(text, str) else list(text)
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        run = p.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
    return box


def _title_slide(prs, c: DeckContent) -> None:
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _text(s, Inches(0.7), Inches(0.8), Inches(12), Inches(1.4), c.title, 32, True)
    _text(s, Inches(0.7), Inches(2.2), Inches(12), Inches(0.8), c.subtitle, 24)
    _text(s, Inches(0.7), Inches(3.0), Inches(12), Inches(0.5), c.made_on
          + " · " + t("deck.n_series", lang=c.lang, n=len(c.slides)), 16, colour=GREY)
    _text(s, Inches(0.7), Inches(3.8), Inches(12), Inches(0.4), t("deck.reference_dates", lang=c.lang), 16, True)
    _text(s, Inches(0.7), Inches(4.25), Inches(12), Inches(2.4), "\n".join(f"• {r}" for r in c.reference_dates), 13)
    if c.lang != "nl":
        _text(s, Inches(0.7), Inches(6.7), Inches(12), Inches(0.4), t("deck.data_titles_dutch", lang=c.lang), 12, colour=GREY)


def _figures_table(s, sc: SlideContent, lang: str, top: Emu, height: Emu) -> None:
    multi = len(sc.series) > 1
    head = ([t("notes.ambition", lang=lang)] if multi else []) + [
        t("deck.status", lang=lang), t("deck.baseline", lang=lang), t("deck.target", lang=lang), t("deck.latest", lang=lang)]
    widths = ([Inches(w) for w in (3.9, 2.0, 2.0, 2.1, 2.5)] if multi      # 12,5 inch: the slide minus margins
              else [Inches(w) for w in (2.6, 2.9, 3.2, 3.8)])
    shape = s.shapes.add_table(len(sc.series) + 1, len(head), Inches(0.4), top, sum(widths, Emu(0)), height)
    table = shape.table
    for j, w in enumerate(widths):
        table.columns[j].width = w
    size = 10 if multi and len(sc.series) > 3 else 12 if multi else 13
    for j, h in enumerate(head):
        cell = table.cell(0, j)
        cell.text = h
        cell.text_frame.paragraphs[0].runs[0].font.size = Pt(size)
        cell.text_frame.paragraphs[0].runs[0].font.bold = True
    for i, f in enumerate(sc.series, start=1):
        values = ([f"{f.code}: {f.label}"] if multi else []) + [f.status_text, f.baseline, f.target, f.latest]
        for j, v in enumerate(values):
            cell = table.cell(i, j)
            cell.text = v
            run = cell.text_frame.paragraphs[0].runs[0]
            run.font.size = Pt(size - 1 if (multi and j == 0) else size)
            run.font.color.rgb = DARK
            if v == f.status_text:
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(f.status.color)
                run.font.bold = True
            else:
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF) if i % 2 else RGBColor(0xF2, 0xF2, 0xF2)


def _ambition_slide(prs, sc: SlideContent, lang: str, footer: str) -> None:
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _text(s, Inches(0.4), Inches(0.25), Inches(12.5), Inches(1.0), sc.title, 20 if len(sc.title) < 140 else 16, True)
    chart_h = Inches(2.9) if len(sc.series) > 2 else Inches(3.9)   # room for a row per sub-target
    if sc.chart_png:
        s.shapes.add_picture(io.BytesIO(sc.chart_png), Inches(0.4), Inches(1.3), height=chart_h)
    else:
        _text(s, Inches(0.4), Inches(2.5), Inches(7), Inches(0.6), t("deck.chart_missing", lang=lang), 16, colour=GREY)
    # right column: what the series is, area, kind, what is needed, sources
    f0 = sc.series[0]
    side = [f"{t('deck.geography', lang=lang)}: {f0.geography}", f"{t('deck.kind', lang=lang)}: {f0.kind}"]
    if len(sc.series) == 1:
        side.insert(0, f0.label)
        if f0.needed:
            side.append(f0.needed)
    side.append(f"{t('deck.source', lang=lang)}: " + "; ".join(sc.sources))
    _text(s, Inches(8.3), Inches(1.3), Inches(4.7), Inches(2.6), "\n".join(side), 12, colour=GREY)
    if sc.notes:
        lines = [note_line(n, lang, limit=160) for n in sc.notes[:MAX_NOTES_ON_SLIDE]]
        if len(sc.notes) > MAX_NOTES_ON_SLIDE:
            lines.append(t("deck.more_notes", lang=lang, n=len(sc.notes) - MAX_NOTES_ON_SLIDE))
        _text(s, Inches(8.3), Inches(3.6), Inches(4.7), Inches(0.4), t("deck.notes", lang=lang), 13, True)
        _text(s, Inches(8.3), Inches(3.95), Inches(4.7), Inches(1.3), "\n".join(lines), 10)
        s.notes_slide.notes_text_frame.text = "\n".join(note_line(n, lang) for n in sc.notes)
    top = Inches(1.3) + chart_h + Inches(0.15)
    _figures_table(s, sc, lang, top, Inches(0.4) * (len(sc.series) + 1))
    _text(s, Inches(0.4), Inches(7.05), Inches(12.5), Inches(0.35),
          f"{footer} · {t('deck.page', lang=lang, page=sc.page)}", 10, colour=GREY)


def _map_slide(prs, c: DeckContent) -> None:
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _text(s, Inches(0.4), Inches(0.25), Inches(12.5), Inches(0.8), t("deck.map_title", lang=c.lang), 24, True)
    if c.map_png:
        s.shapes.add_picture(io.BytesIO(c.map_png), Inches(0.4), Inches(1.1), height=Inches(5.6))
    else:
        _text(s, Inches(0.4), Inches(2.5), Inches(12), Inches(0.6), t("deck.map_missing", lang=c.lang), 16, colour=GREY)
    if c.map_caption:
        _text(s, Inches(0.4), Inches(6.8), Inches(12.5), Inches(0.5), c.map_caption, 11, colour=GREY)


def build_pptx(c: DeckContent) -> bytes:
    """The deck as .pptx bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    _title_slide(prs, c)
    footer = t("deck.footer", lang=c.lang, date=c.made_on)
    for sc in c.slides:
        _ambition_slide(prs, sc, c.lang, footer)
    if c.map_png is not None:
        _map_slide(prs, c)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
