"""The printable fiche of one municipality: an A4 PDF (portrait) and a PowerPoint slide with the
same content, composed once (:func:`fiche_content`) from :mod:`streek.profile`.

``python -m streek fiche --nis 34027 --format pdf --out menen.pdf`` (``--vs 34022`` adds the
comparison with a second municipality; ``--lang en``)."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from streek.fmt import fmt_date, fmt_period, today_brussels
from streek.i18n import language_tag, t
from streek.model import Vision
from streek.profile import (
    IndicatorProfile,
    Profile,
    change_text,
    compare,
    indicator_title,
    municipality_profile,
    per1000_text,
    rank_text,
    share_text,
    unit_text,
    value_text,
)
from streek.progress import Status, assess

MIME = {"pdf": "application/pdf",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


@dataclass(frozen=True)
class FicheRow:
    indicator: str
    period: str
    value: str
    rank: str
    region: str
    province: str
    flanders: str
    change: str
    share: str          # share of the region (counts) or per 1.000 inhabitants, where meaningful
    trend: tuple[float, ...]


@dataclass(frozen=True)
class FicheAmbition:
    code: str
    title: str
    area: str
    status: Status
    status_text: str


@dataclass(frozen=True)
class FicheContent:
    lang: str
    nis: str
    name: str
    title: str
    intro: str
    headers: tuple[str, ...]
    rows: tuple[FicheRow, ...]
    ambitions: dict[tuple[str, str], tuple[FicheAmbition, ...]]   # (pillar code, its Dutch title) -> ambitions
    n_no_area: int                                    # target series for which the document names no area
    comparison_title: str
    comparison: tuple[str, ...]
    sources: tuple[str, ...]
    footer: str
    file_stem: str


def _ref(v: float | None, ip: IndicatorProfile, lang: str) -> str:
    """A number in a table cell: the unit stands once, beside the indicator (percentages keep '%')."""
    if v is None:
        return t("common.no_data", lang)
    return value_text(v, ip.unit if ip.is_percentage else "", lang)


def _label(ip: IndicatorProfile, lang: str) -> str:
    name = indicator_title(ip, lang)
    return name if ip.is_percentage or not ip.unit else f"{name} ({unit_text(ip.unit, lang)})"


def _row(ip: IndicatorProfile, lang: str) -> FicheRow:
    extra = t("profile.share_line", lang, pct=share_text(ip, lang)) if ip.share_of_region is not None else ""
    if ip.per1000 is not None:
        extra = f"{extra} · {per1000_text(ip, lang)} {t('profile.per1000_unit', lang)}" if extra else per1000_text(ip, lang)
    return FicheRow(
        indicator=_label(ip, lang), period=fmt_period(ip.period, lang=lang) if ip.period else "–",
        value=_ref(ip.value, ip, lang), rank=rank_text(ip, lang),
        region=_ref(ip.region, ip, lang) if ip.value is not None else "", province=_ref(ip.province, ip, lang) if ip.value is not None else "",
        flanders=_ref(ip.flanders, ip, lang) if ip.value is not None else "", change=change_text(ip, lang), share=extra,
        trend=tuple(p.value for p in ip.trend))


def _sources(vision: Vision, p: Profile, lang: str) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for ip in p.indicators:
        for sid in ip.sources:
            s = vision.sources.get(sid)
            text = f"{s.attribution(lang, label=False)} ({s.licence_text(lang)})" if s else sid
            seen.setdefault(text.lower(), text)
    return tuple(seen.values())


def fiche_content(vision: Vision, nis: str, lang: str, vs: str | None = None, today: date | None = None) -> FicheContent:
    p = municipality_profile(vision, nis)
    headers = tuple(t(f"profile.col.{k}", lang) for k in
                    ("indicator", "period", "value", "rank", "region", "province", "flanders", "change", "share"))
    amb: dict[str, tuple[FicheAmbition, ...]] = {}
    for pillar, group in p.ambitions.items():
        rows = []
        for a in group:
            st = assess(a, vision.series(a.code)).status
            rows.append(FicheAmbition(a.code, a.label_nl, vision.geo_name(a.geography, lang), st,
                                      f"{st.symbol} {t(f'deck.status.{st.value}', lang)}"))
        amb[(pillar, vision.pillar(pillar).title_nl)] = tuple(rows)
    comp_title, comp = "", ()
    if vs and vs != p.nis:
        other = municipality_profile(vision, vs)
        comp_title = t("profile.compare_title", lang, a=p.name, b=other.name)
        comp = tuple(compare(vision, p.nis, other.nis, lang))
    made = fmt_date(today or today_brussels(), lang)
    return FicheContent(
        lang=lang, nis=p.nis, name=p.name, title=t("profile.title", lang, name=p.name), intro=t("profile.intro", lang),
        headers=headers, rows=tuple(_row(ip, lang) for ip in p.indicators), ambitions=amb, n_no_area=len(p.ambitions_no_area),
        comparison_title=comp_title, comparison=comp, sources=_sources(vision, p, lang),
        footer=t("profile.fiche_generated", lang, date=made),
        file_stem=t("profile.fiche_file", lang, name=p.name.lower().replace(" ", "-")))


# --- PDF ---------------------------------------------------------------------------------------
def _sparkline(pdf, x: float, y: float, w: float, h: float, values: tuple[float, ...]) -> None:
    if len(values) < 2:
        return
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    pts = [(x + i * w / (len(values) - 1), y + h - (v - lo) / span * h) for i, v in enumerate(values)]
    pdf.set_draw_color(27, 31, 36)
    pdf.set_line_width(0.35)
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        pdf.line(x0, y0, x1, y1)


def build_fiche_pdf(c: FicheContent) -> bytes:
    from streek.export.pdf import GREY, _Doc
    pdf = _Doc(c.footer, orientation="P")
    pdf.set_margins(12, 12, 12)
    pdf.set_title(pdf.txt(c.title))
    pdf.set_lang(language_tag(c.lang))
    pdf.add_page()
    pdf.para(c.title, 20, True, h=9)
    pdf.para(c.intro, 10, colour=GREY, h=4.6)
    pdf.ln(2)
    # the table: indicator, year, value, rank, region, province, Flanders, change, share; trend drawn under the name
    widths = (52, 11, 19, 14, 19, 19, 19, 22, 11)
    cols = (0, 1, 2, 3, 4, 5, 6, 7)
    size = 7.5
    pdf.use(size, True)
    x0 = pdf.l_margin
    y = pdf.get_y()
    heads = [c.headers[i] for i in cols]
    w = list(widths[:8])
    w[7] += widths[8]
    for i, h in enumerate(heads):
        pdf.set_xy(x0 + sum(w[:i]), y)
        pdf.multi_cell(w[i], 3.6, pdf.txt(h), align="L")
    y += 8
    pdf.set_draw_color(160, 160, 160)
    pdf.line(x0, y - 1, x0 + sum(w), y - 1)
    for r in c.rows:
        if y > 297 - 30:
            pdf.add_page()
            y = pdf.get_y()
        cells = (r.indicator, r.period, r.value, r.rank, r.region, r.province, r.flanders, r.change)
        heights = []
        pdf.use(size)
        for i, text in enumerate(cells):
            pdf.set_xy(x0 + sum(w[:i]), y)
            pdf.use(size, bold=(i in (0, 2)))
            pdf.multi_cell(w[i], 3.5, pdf.txt(text), align="L")
            heights.append(pdf.get_y() - y)
        row_h = max(heights)
        if r.share:
            pdf.set_xy(x0 + sum(w[:2]), y + row_h)
            pdf.use(6.5, colour=GREY)
            pdf.multi_cell(w[2] + w[3] + w[4], 3.2, pdf.txt(r.share), align="L")
            row_h = max(row_h, pdf.get_y() - y)
        if len(r.trend) > 1:
            _sparkline(pdf, x0 + 1, y + row_h + 0.5, w[0] - 8, 4.5, r.trend)
            row_h += 5.5
        y += row_h + 1.2
        pdf.set_draw_color(220, 220, 220)
        pdf.line(x0, y - 0.6, x0 + sum(w), y - 0.6)
    pdf.set_y(y + 3)
    if c.comparison:
        pdf.para(c.comparison_title, 12, True, h=6)
        for s in c.comparison:
            pdf.para(f"• {s}", 8.5, h=4)
        pdf.ln(2)
    pdf.para(t("profile.ambitions", c.lang, name=c.name), 12, True, h=6)
    pdf.para(t("profile.ambitions_intro", c.lang, name=c.name), 8.5, colour=GREY, h=4)
    for (code, title), rows in c.ambitions.items():
        pdf.para(t("pillars.page.title", c.lang, code=code, title=title), 9.5, True, h=5)
        for a in rows:
            pdf.para(f"{a.code} {a.title} ({t('profile.area', c.lang, area=a.area)}) — {a.status_text}", 8, h=3.8)
    pdf.ln(2)
    pdf.para(t("profile.sources", c.lang), 10, True, h=5)
    for s in c.sources:
        pdf.para(f"• {s}", 7.5, colour=GREY, h=3.5)
    return bytes(pdf.output())


# --- PowerPoint ---------------------------------------------------------------------------------
def build_fiche_pptx(c: FicheContent) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    from streek.export.deck import DARK, GREY, H, W, _text, mark_language
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _text(s, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.7), c.title, 28, True)
    rows = len(c.rows) + 1
    heads = c.headers[:8]
    shape = s.shapes.add_table(rows, len(heads), Inches(0.5), Inches(1.1), Inches(12.3), Inches(0.3) * rows)
    table = shape.table
    widths = (3.0, 0.7, 1.3, 1.1, 1.45, 1.45, 1.45, 1.85)
    for i, wd in enumerate(widths):
        table.columns[i].width = Inches(wd)
    for j, h in enumerate(heads):
        cell = table.cell(0, j)
        cell.text = h
        cell.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
        cell.text_frame.paragraphs[0].runs[0].font.bold = True
    for i, r in enumerate(c.rows, start=1):
        for j, v in enumerate((r.indicator, r.period, r.value, r.rank, r.region, r.province, r.flanders, r.change)):
            cell = table.cell(i, j)
            cell.text = v
            run = cell.text_frame.paragraphs[0].runs[0]
            run.font.size = Pt(11)
            run.font.color.rgb = DARK
            cell.margin_top = cell.margin_bottom = Inches(0.02)
    _text(s, Inches(0.5), H - Inches(0.55), Inches(12.3), Inches(0.4),
          c.footer + " · " + t("common.source", c.lang) + ": " + "; ".join(dict.fromkeys(x.split(",")[0] for x in c.sources)),
          10, colour=GREY)
    if c.comparison:
        s2 = prs.slides.add_slide(prs.slide_layouts[6])
        _text(s2, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.7), c.comparison_title, 28, True)
        _text(s2, Inches(0.5), Inches(1.2), Inches(12.3), Inches(5.6), "\n".join(f"• {x}" for x in c.comparison), 14)
        _text(s2, Inches(0.5), H - Inches(0.55), Inches(12.3), Inches(0.4), c.footer, 10, colour=GREY)
    mark_language(prs, c.lang)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def fiche_bytes(c: FicheContent, fmt: str) -> bytes:
    if fmt == "pdf":
        return build_fiche_pdf(c)
    if fmt == "pptx":
        return build_fiche_pptx(c)
    raise ValueError(fmt)


# --- command line ------------------------------------------------------------------------------
def _configure(p) -> None:
    from streek.i18n import LANGS
    p.description = "Maak de fiche van een gemeente: A4-PDF of PowerPoint."
    p.add_argument("--nis", required=True, help="NIS-code van een van de 13 gemeenten, bv. 34027 (Menen)")
    p.add_argument("--vs", default=None, help="vergelijk met een tweede gemeente (NIS-code)")
    p.add_argument("--format", choices=("pdf", "pptx"), default="pdf")
    p.add_argument("--out", required=True, help="bestand om te schrijven")
    p.add_argument("--lang", choices=LANGS, default="nl")
    p.add_argument("--data-dir", default=None, help="map met de gegevens (standaard data/)")


def _run(args) -> int:
    import sys
    from pathlib import Path

    from streek.export.cli import _with_stored
    from streek.load import DATA_DIR, load_vision
    from streek.profile import ProfileError
    vision = _with_stored(load_vision(Path(args.data_dir) if args.data_dir else DATA_DIR))
    try:
        c = fiche_content(vision, args.nis, args.lang, vs=args.vs)
    except ProfileError as e:
        print(t("profile.unknown", args.lang, code=str(e)), file=sys.stderr)
        return 2
    Path(args.out).write_bytes(fiche_bytes(c, args.format))
    print(f"{args.out}: {c.name}")
    return 0


def register() -> None:
    from streek.cli import COMMANDS
    COMMANDS["fiche"] = (_configure, _run)
