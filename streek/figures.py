"""The document's benchmark figures (SWOT, pp. 10-13) as comparisons and charts, and the
environment matrix (pp. 25-26). Pure functions: no Streamlit here.

A *figure group* is one indicator of one SWOT item for one unit, period and age group, e.g.
"Werkzaamheidsgraad, %, 2016, 20-64" with the values for Zuid-West-Vlaanderen, Vlaams Gewest
and België. Groups with two or more areas become a bar chart; single figures are key figures.
Every value comes from ``data/document_figures.csv`` as printed; nothing is computed.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from streek.fmt import fmt_number, fmt_pct, fmt_period, fmt_value
from streek.i18n import DEFAULT_LANG, doc_html, t
from streek.i18n.names import label_name, unit_name
from streek.model import in_lang, row_text
from streek.vegalite import alt

#: order of areas in every comparison: the region first, then wider areas
GEO_ORDER = ("ZWV", "34000", "30000", "02000", "01000")
#: areas that stand for "the region" in a comparison (highlighted)
REGION_GEOS = ("ZWV", "34000")
REGION_COLOR = "#1F4E79"   # the theme's primary colour
OTHER_COLOR = "#9AA5B1"
SECTIONS = ("sterkte", "zwakte", "kansen-bedreigingen", "analyse")


def doc_source(page: int | str, *, lang: str) -> str:
    """The source line under a benchmark chart or key figure."""
    return t("bench.source", lang, page=page)   # the months in the reader's language


@dataclass(frozen=True)
class FigureGroup:
    key: str
    section: str
    swot_item_nl: str
    indicator_nl: str
    unit: str
    period: str          # '' where the document gives no year
    age_group: str       # '' where the document gives none
    page: int
    rows: pd.DataFrame   # id, geo, gebied, waarde, waarde_nl, opmerking (in GEO_ORDER)

    @property
    def is_comparison(self) -> bool:
        return len(self.rows) >= 2

    @property
    def notes(self) -> list[str]:
        return [n for n in dict.fromkeys(self.rows["opmerking"]) if n]

    def indicator(self, *, lang: str) -> str:
        """The indicator label in ``lang`` (streek.i18n.names)."""
        return label_name(self.indicator_nl, lang)

    def unit_text(self, *, lang: str) -> str:
        return unit_name(self.unit, lang)

    def period_label(self, *, lang: str) -> str:
        return fmt_period(self.period, lang=lang) if self.period else t("bench.no_year", lang)

    def age_label(self, *, lang: str) -> str:
        return t("bench.age", lang, age=fmt_period(label_name(self.age_group, lang), lang=lang)) if self.age_group else t("bench.no_age", lang)

    def subtitle(self, *, lang: str) -> str:
        """Unit, year and age group: on every chart."""
        return t("bench.subtitle", lang, unit=self.unit_text(lang=lang), period=self.period_label(lang=lang), age=self.age_label(lang=lang))

    def alt_text(self, *, lang: str) -> str:
        parts = "; ".join(f"{r.gebied}: {r.waarde_nl}" for r in self.rows.itertuples())
        return t("bench.alt", lang, indicator=self.indicator(lang=lang), subtitle=self.subtitle(lang=lang), values=parts)

    def table(self, *, lang: str) -> pd.DataFrame:
        """The figures as a readable table (the chart's accessible alternative and its CSV)."""
        return pd.DataFrame({
            t("bench.col.item", lang): self.swot_item_nl,
            t("bench.col.indicator", lang): self.indicator(lang=lang),
            t("bench.col.geo", lang): self.rows["gebied"].to_list(),
            t("bench.col.value", lang): self.rows["waarde"].to_list(),
            t("bench.col.unit", lang): self.unit_text(lang=lang),
            t("bench.col.period", lang): self.period or "",
            t("bench.col.age", lang): label_name(self.age_group, lang) or "",
            t("bench.col.note", lang): self.rows["opmerking"].to_list(),
            t("bench.col.page", lang): self.page,
        })


def bar_label(value: float, unit: str, *, lang: str) -> str:
    """The short label printed on a bar (the axis title carries the unit)."""
    if unit == "%":
        return fmt_pct(value, lang=lang)
    if unit == "% verandering":
        return ("+" if value > 0 else "") + fmt_pct(value, lang=lang)
    return fmt_number(value, lang=lang)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def figure_groups(figures: pd.DataFrame, geo_names: dict[str, str], sections=SECTIONS, *, lang: str) -> list[FigureGroup]:
    """The document figures grouped per SWOT item, indicator, unit, period and age group.

    Groups keep the order of first appearance in ``document_figures.csv``."""
    df = figures[figures["section"].isin(sections)].copy()
    df["_order"] = range(len(df))
    keys = ["section", "swot_item_nl", "indicator_nl", "unit", "period", "age_group"]
    out = []
    for k, g in sorted(df.groupby(keys, sort=False), key=lambda kv: kv[1]["_order"].min()):
        section, item, indicator, unit, period, age = k
        g = g.assign(_geo=g["geo"].map(lambda x: GEO_ORDER.index(x) if x in GEO_ORDER else len(GEO_ORDER)))
        g = g.sort_values(["_geo", "_order"])
        rows = pd.DataFrame({
            "id": g["id"].to_list(),
            "geo": g["geo"].to_list(),
            "gebied": [geo_names.get(x, x) for x in g["geo"]],
            "waarde": g["value"].astype(float).to_list(),
            "waarde_nl": [fmt_value(v, unit, lang=lang) for v in g["value"].astype(float)],
            "label": [bar_label(v, unit, lang=lang) for v in g["value"].astype(float)],
            "opmerking": [in_lang(nl, en, lang) for nl, en in zip(g["note_nl"], g["note_en"])],
        })
        pages = sorted({int(p) for p in g["page"]})
        out.append(FigureGroup(key=_slug(f"{section}-{indicator}-{period}-{age}"), section=section,
                               swot_item_nl=item, indicator_nl=indicator, unit=unit, period=period,
                               age_group=age, page=pages[0], rows=rows))
    return out


def benchmark_chart(g: FigureGroup, *, lang: str) -> alt.LayerChart:
    """A horizontal bar chart: the region beside the wider areas, values printed on the bars.

    The title is the indicator; the subtitle gives unit, year and age group. Numbers on the
    axis and in the labels are Dutch (the labels and tooltips are pre-formatted strings)."""
    data = g.rows.assign(rol=[t("bench.role.region", lang) if x in REGION_GEOS else t("bench.role.other", lang)
                              for x in g.rows["geo"]])
    data = data[["gebied", "waarde", "waarde_nl", "label", "rol"]]
    lo, hi = min(0.0, data["waarde"].min()), max(0.0, data["waarde"].max())
    span = (hi - lo) or 1.0
    domain = [lo - (0.3 * span if lo < 0 else 0), hi + (0.22 * span if hi > 0 else 0)]
    order = data["gebied"].to_list()
    base = alt.Chart(data).encode(
        y=alt.Y("gebied:N", sort=order, title=None, axis=alt.Axis(labelLimit=230, labelFontSize=13)),
        x=alt.X("waarde:Q", title=g.unit_text(lang=lang), scale=alt.Scale(domain=domain, nice=False, zero=True),
                axis=alt.Axis(format=",.2~f", tickCount=5, grid=True)),
        tooltip=[alt.Tooltip("gebied:N", title=t("bench.col.geo", lang)),
                 alt.Tooltip("waarde_nl:N", title=t("bench.col.value", lang))],
    )
    bars = base.mark_bar(height={"band": 0.7}).encode(
        color=alt.Color("rol:N", legend=None,
                        scale=alt.Scale(domain=[t("bench.role.region", lang), t("bench.role.other", lang)],
                                        range=[REGION_COLOR, OTHER_COLOR])))
    pos = base.transform_filter("datum.waarde >= 0").mark_text(align="left", dx=4, fontSize=13, fontWeight="bold") \
        .encode(text=alt.Text("label:N"))
    neg = base.transform_filter("datum.waarde < 0").mark_text(align="right", dx=-4, fontSize=13, fontWeight="bold") \
        .encode(text=alt.Text("label:N"))
    return alt.layer(bars, pos, neg).properties(
        title=alt.TitleParams(text=g.indicator(lang=lang), subtitle=g.subtitle(lang=lang), anchor="start", fontSize=15,
                              subtitleFontSize=13, subtitleColor="#4A5560", limit=600),
        # a step per bar (a discrete axis cannot be "fitted" to a height); fit the width only, so
        # that the browser can stretch the chart to its column (560 px in downloads)
        height=alt.Step(40), width=560, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
    ).configure_view(stroke=None)


# --- environment matrix (pp. 25-26) ---------------------------------------------------------
@dataclass(frozen=True)
class MatrixCell:
    initiative: str
    certain: bool
    note_no: int | None   # footnote number of the reason (uncertain cells only)


def environment_matrix(env: pd.DataFrame, pillar_codes: list[str], *, lang: str):
    """Factor rows × pillar columns with the initiatives in the cells.

    Returns ``(factors, cells, factor_notes, notes)``: ``cells[factor][pillar]`` is a list of
    :class:`MatrixCell`; ``factor_notes[factor]`` is a footnote number for factors without
    initiatives; ``notes`` lists the footnote texts (1-based) in order, in ``lang``."""
    notes: list[str] = []

    def note_no(text: str) -> int:
        if text not in notes:
            notes.append(text)
        return notes.index(text) + 1

    factors = list(dict.fromkeys(env["factor_nl"]))
    cells = {f: {p: [] for p in pillar_codes} for f in factors}
    factor_notes: dict[str, int] = {}
    for r in env.itertuples():
        note = row_text(r, "note", lang)
        if not r.pillar or not r.initiative_nl:
            if note:
                factor_notes[r.factor_nl] = note_no(note)
            continue
        certain = r.certain == "ja"
        cells[r.factor_nl].setdefault(r.pillar, []).append(
            MatrixCell(r.initiative_nl, certain, note_no(note) if (note and not certain) else None))
    return factors, cells, factor_notes, notes


def environment_matrix_html(env: pd.DataFrame, pillars: list[tuple[str, str]], *, lang: str) -> str:
    """The matrix as an accessible HTML table: row and column headers; uncertain cells marked
    with a word and a footnote with the reason (never with colour alone)."""
    codes = [c for c, _ in pillars]
    factors, cells, factor_notes, notes = environment_matrix(env, codes, lang=lang)
    e = html.escape
    # the document's own words (pillar titles, factors, initiatives) marked as Dutch in English mode
    head = "".join(f'<th scope="col">{e(c)}. {doc_html(title, lang)}</th>' for c, title in pillars)
    rows = []
    for f in factors:
        fn = f' <sup><a href="#omg-noot-{factor_notes[f]}">{factor_notes[f]}</a></sup>' if f in factor_notes else ""
        tds = []
        for c in codes:
            items = cells[f].get(c, [])
            if not items:
                tds.append(f'<td class="omg-empty"><span aria-label="{e(t("context.matrix.empty_aria", lang))}">–</span></td>')
                continue
            lis = []
            for it in items:
                if it.certain:
                    lis.append(f"<li>{doc_html(it.initiative, lang)}</li>")
                else:
                    lis.append(f'<li class="omg-unsure">{doc_html(it.initiative, lang)} <span class="omg-flag">'
                               f'{e(t("context.matrix.unsure", lang))}</span><sup><a href="#omg-noot-{it.note_no}">'
                               f"{it.note_no}</a></sup></li>")
            tds.append(f"<td><ul>{''.join(lis)}</ul></td>")
        rows.append(f'<tr><th scope="row">{doc_html(f, lang)}{fn}</th>{"".join(tds)}</tr>')
    foot = "".join(f'<li id="omg-noot-{i}">{e(n)}</li>' for i, n in enumerate(notes, 1))
    return (f'<div class="omg-wrap"><table class="omg-matrix"><caption>{e(t("context.matrix.caption", lang))}</caption>'
            f'<thead><tr><th scope="col">{e(t("context.matrix.factor", lang))}</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
            f'<ol class="omg-notes">{foot}</ol>')


MATRIX_CSS = """
<style>
.omg-wrap{overflow-x:auto;max-width:100%;}
.omg-matrix{border-collapse:collapse;width:100%;min-width:34rem;}
.omg-matrix caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem 0;}
.omg-matrix th,.omg-matrix td{border:1px solid #C9D1DA;padding:.45rem .6rem;vertical-align:top;text-align:left;}
.omg-matrix thead th{background:#F1F4F8;}
.omg-matrix tbody th{background:#F8FAFC;width:22%;}
.omg-matrix ul{margin:0;padding-left:1.1rem;}
.omg-matrix li{margin:0 0 .2rem 0;}
.omg-unsure{font-style:italic;}
.omg-flag{display:inline-block;border:1px dashed #6B4E00;border-radius:.6rem;padding:0 .35rem;margin-left:.2rem;font-size:.8em;font-style:normal;color:#6B4E00;}
.omg-empty{color:#5B6570;text-align:center !important;}
.omg-notes{font-size:.9em;color:#39424C;}
</style>
"""


# --- plain tables ----------------------------------------------------------------------------
def html_table(df: pd.DataFrame, caption: str = "", css_class: str = "plain-table", *,
               html_cols: tuple[str, ...] = (), row_header: str | None = None, stack: bool = False,
               links: dict[str, list[str]] | None = None, doc_cols: tuple[str, ...] = (), lang: str = DEFAULT_LANG) -> str:
    """A DataFrame as a plain, escaped HTML table with column headers: the one static table of
    the app (SWOT figures, method, context, the overview, a municipality's profile).

    Renders with the page's own text (no table component to load in the browser), wraps long
    text, and reads well with a screen reader. ``html_cols``: columns whose cells are ready HTML
    built by the caller from escaped parts (a link, a status badge, a sparkline); every other cell
    is escaped here. ``row_header``: the column whose cell names its row (``<th scope="row">``).
    ``stack``: on a narrow screen (≤ 640 px) every row becomes a small card of "header: value"
    lines instead of a table wider than the phone (``TABLE_CSS``); explicit ARIA roles keep the
    table semantics that ``display: block`` would take away. ``links``: per column, one URL per
    row; that cell's text becomes a link to it (same tab). ``doc_cols``: columns holding the document's
    own words (titles, in Dutch), marked as Dutch on a page in ``lang`` English (``i18n.doc_html``)."""
    e = html.escape

    def attrs(role: str, col) -> str:
        return f' role="{role}" data-label="{e(str(col))}"' if stack else ""

    role = (' role="table"', ' role="rowgroup"', ' role="row"') if stack else ("", "", "")
    cols = list(df.columns)
    head = "".join(f'<th scope="col"{attrs("columnheader", c)}>{e(str(c))}</th>' for c in cols)
    rows = []
    for i, row in enumerate(df.itertuples(index=False)):
        cells = []
        for c, v in zip(cols, row):
            raw = "" if v is None else str(v)
            text = raw if c in html_cols else doc_html(raw, lang) if c in doc_cols else e(raw)
            if links and links.get(c):
                text = f'<a href="{e(links[c][i], quote=True)}" target="_self">{text}</a>'
            if c == row_header:
                cells.append(f'<th scope="row"{attrs("rowheader", c)}>{text}</th>')
            else:
                cells.append(f"<td{attrs('cell', c)}>{text}</td>")
        rows.append(f"<tr{role[2]}>" + "".join(cells) + "</tr>")
    cap = f"<caption>{e(caption)}</caption>" if caption else ""
    cls = f"{css_class} stack" if stack else css_class
    # tabindex: a table wider than a phone scrolls sideways, and a scrolling region must be reachable by keyboard
    return (f'<div class="plain-wrap" tabindex="0"><table class="{e(cls)}"{role[0]}>{cap}<thead{role[1]}>'
            f"<tr{role[2]}>{head}</tr></thead><tbody{role[1]}>{''.join(rows)}</tbody></table></div>")


def sparkline(values, alt: str, width: int = 84, height: int = 22) -> str:
    """A small still line of ``values`` (oldest first) as an ``<img>`` holding its own SVG (a
    ``data:`` URI: no request, no script), with ``alt`` saying what it shows. Empty for fewer than
    two values: one measurement has no course."""
    vals = [float(v) for v in values if v is not None and v == v]
    if len(vals) < 2:
        return ""
    import base64
    lo, hi = min(vals), max(vals)
    span, pad = (hi - lo) or 1.0, 3
    pts = [(pad + i * (width - 2 * pad) / (len(vals) - 1), height - pad - (v - lo) / span * (height - 2 * pad))
           for i, v in enumerate(vals)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    x, y = pts[-1]
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
           f'<polyline points="{line}" fill="none" stroke="{REGION_COLOR}" stroke-width="1.6" stroke-linejoin="round"/>'
           f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.2" fill="{REGION_COLOR}"/></svg>')
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="spark" src="{src}" alt="{html.escape(alt, quote=True)}" width="{width}" height="{height}">'


TABLE_CSS = """
<style>
.plain-wrap{overflow-x:auto;max-width:100%;}
.plain-table{border-collapse:collapse;width:100%;font-size:.92em;}
.plain-table caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem 0;}
.plain-table th,.plain-table td{border-bottom:1px solid #D5DBE1;padding:.35rem .5rem;vertical-align:top;text-align:left;}
.plain-table thead th{background:#F1F4F8;border-bottom:2px solid #9AA5B1;}
.plain-table tbody th{font-weight:600;}
.plain-table img.spark{display:block;max-width:none;}
@media (max-width:640px){
.plain-table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);}
.plain-table.stack,.plain-table.stack tbody,.plain-table.stack tr,.plain-table.stack td,.plain-table.stack tbody th{display:block;width:auto;}
.plain-table.stack tr{border:1px solid #D5DBE1;border-radius:.5rem;margin:0 0 .6rem;padding:.3rem .2rem;}
.plain-table.stack td,.plain-table.stack tbody th{border:0;padding:.12rem .5rem;white-space:normal;}
.plain-table.stack td{display:inline-block;max-width:100%;}
.plain-table.stack td:empty{display:none;}
.plain-table.stack caption{display:block;}
.plain-table.stack img.spark{display:inline-block;vertical-align:middle;}
.plain-table.stack td::before{content:attr(data-label) ": ";font-weight:600;}
}
</style>
"""
