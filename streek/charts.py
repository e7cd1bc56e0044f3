"""One Altair chart per ambition of the vision, fitted to the kind of target.

Pure functions (no streamlit): ``ambition_chart(vision, code, assessment)`` returns an
``alt.LayerChart`` whose single dataset (long format, one row per drawn point) is also what
``data_table`` shows and the CSV download holds.

Kinds (``data/ambitions.csv`` column ``target_kind``):

- ``level``: measurements as line and points, the baseline, the 2030 target, the required path
  (``streek.progress.required_path``) dashed, and the trend so far (the compound annual growth
  rate of ``streek.progress``) projected to 2030 (dotted) wherever the assessment projects it (the
  baseline and the latest measurement at least ``streek.progress.TREND_MIN_YEARS`` apart);
- ``relative_change``: an index (first measurement = 100) with the target index 100 + pct; with no
  measurement only the target index and the text "nog geen meting";
- ``maintain``: the level to keep as a floor, with any measurements;
- ``period_average``: a bar per period (baseline average, target average) and yearly values;
- ``share_no_baseline``: the target share and any measurements.

Sub-targets (2.1.1 + 2.1.1a–d, 1.5.2a–c) share one chart: a line per series with a legend.
Builders are deterministic, so specs can be cached on (code, data version, theme).
Themes (``streek.theme``): ``screen``, ``projector`` and ``print`` change sizes and colours only.
Labels of baseline, target and latest measurement are placed (``place_labels``) where they
overlap neither the drawn lines nor each other.
"""
from __future__ import annotations

import hashlib
import math
import re
from typing import NamedTuple

import pandas as pd

from streek import card, comparable
from streek.download import decimals_of
from streek.fmt import fmt_number, fmt_period, fmt_value
from streek.i18n import t
from streek.i18n.names import label_name, unit_name
from streek.model import COUNT_UNITS, Ambition, Vision
from streek.progress import Assessment, assess, required_path
from streek.theme import MEASURED_COLOR, NEUTRAL, SERIES_COLORS, TARGET_COLOR, Theme, get_theme
from streek.vegalite import alt, layered

COLUMNS = ["code", "reeks", "element", "jaar", "jaar_eind", "waarde", "periode", "waarde_nl", "label",
           "bron", "berekend"]
WIDTH, HEIGHT = 620, 320   # the screen theme's plot (streek.theme); Streamlit stretches the width

# element keys -> catalogue keys (labels are Dutch in the chart data)
EL_MEAS = "meting"
EL_BASE = "basis"
EL_PATH = "pad"
EL_TREND = "trend"
EL_TARGET = "doel"
EL_FLOOR = "vloer"
EL_START = "vertrek"
EL_AVG = "gemiddelde"
EL_AVG_TARGET = "doelgemiddelde"
ELEMENTS = [EL_MEAS, EL_BASE, EL_PATH, EL_TREND, EL_TARGET, EL_FLOOR, EL_START, EL_AVG, EL_AVG_TARGET]
LINE_ELEMENTS = [EL_MEAS, EL_PATH, EL_TREND]
DASHES = {EL_MEAS: [1, 0], EL_PATH: [6, 4], EL_TREND: [2, 3]}


UNMEASURED = "–"   # period of the index start point where nothing has been measured yet


def el_label(el: str, *, lang: str) -> str:
    return t(f"pillars.chart.el.{el}", lang)


# --- lookups -----------------------------------------------------------------------------------
def document_ambitions(vision: Vision, pillar: str | None = None) -> list[str]:
    """The document's ambition codes (sub-targets grouped), in document order."""
    return vision.document_codes(pillar=pillar)


def series_of(vision: Vision, code: str) -> list[Ambition]:
    """The target series drawn in the chart of ``code`` (a document ambition or one series)."""
    return vision.series_of(code)


def data_version(vision: Vision) -> str:
    """A short fingerprint of everything the charts read (ambitions and measurements)."""
    h = hashlib.sha1(usedforsecurity=False)
    h.update(repr(vision.ambitions).encode())
    obs = vision.observations[["indicator", "geo", "period", "value", "source"]]
    h.update(pd.util.hash_pandas_object(obs, index=False).values.tobytes())
    return h.hexdigest()[:12]


def axis_title(a: Ambition, *, lang: str) -> str:
    if a.unit == "%":
        return t("pillars.chart.axis.share", lang)
    if a.unit in COUNT_UNITS:
        return t("pillars.chart.axis.count", lang, unit=unit_name(a.unit, lang))
    unit = unit_name(a.unit, lang)
    return unit[:1].upper() + unit[1:]


def _num_spec(values: list[float], unit: str) -> str:
    vals = [abs(v) for v in values if v is not None]
    span = (max(vals) - min(vals)) if vals else 0
    if unit == "%" or (vals and max(vals) < 100) or span < 20:
        return ",.1~f"
    return ",.0f"


# --- data -------------------------------------------------------------------------------------
def _row(a: Ambition, reeks: str, element: str, year: float, value: float, *, period: str = "",
         text: str | None = None, label: str = "", source: str = "", computed: bool = False,
         year_end: float | None = None, lang: str) -> dict:
    return {"code": a.code, "reeks": reeks, "element": el_label(element, lang=lang), "jaar": float(year),
            "jaar_eind": float(year_end) if year_end is not None else None, "waarde": float(value),
            # a year as a year ("2030", not "2.030")
            "periode": period if period == UNMEASURED else (fmt_period(period, lang=lang) if period else f"{float(year):.0f}"),
            "waarde_nl": text if text is not None else fmt_value(value, a.unit, _figure_decimals(a) if computed else None,
                                                                 lang=lang),
            "label": label, "bron": source, "berekend": computed, "_el": element,
            "_periode": "" if period == UNMEASURED else (period or f"{float(year):.0f}")}   # plain, for downloads


def _figure_decimals(a: Ambition, values=()) -> int:
    """The decimals a computed value (required path, trend) is shown with: as many as the document's
    baseline and target, or ``values`` (the measurements it is computed from), have; a percentage at least
    one, at most two ("75,7 %", "28.682 ondernemingen", not "28.681,84 ondernemingen")."""
    written = [decimals_of(v) for v in (a.baseline_value, a.target_value, *values) if v is not None]
    return min(2, max([1 if a.unit == "%" else 0, *written]))


def _series_label(a: Ambition, multi: bool, lang: str) -> str:
    return f"{a.code} {label_name(a.indicator_nl, lang)}" if multi else a.code


def _measurements(vision: Vision, a: Ambition) -> pd.DataFrame:
    return vision.series(a.code)


def _level_rows(vision: Vision, a: Ambition, res: Assessment, multi: bool, *, lang: str) -> list[dict]:
    reeks = _series_label(a, multi, lang)
    rows: list[dict] = []
    obs = _measurements(vision, a)
    t0 = a.baseline_year
    rows.append(_row(a, reeks, EL_BASE, t0, a.baseline_value, period=a.baseline_period,
                     label=t("pillars.chart.label.base", lang, period=fmt_period(a.baseline_period, lang=lang),
                             value=fmt_value(a.baseline_value, a.unit, lang=lang)),
                     source=t("pillars.source.document", lang, page=a.page), lang=lang))
    for r in obs.itertuples():
        rows.append(_row(a, reeks, EL_MEAS, r.period_mid, r.value, period=r.period,
                         source=card.source_label(vision, r.source, r.note, a.page, lang), lang=lang))
    rows.append(_row(a, reeks, EL_TARGET, a.target_year, a.target_value, period=a.target_period,
                     label=t("pillars.chart.label.target", lang, year=a.target_year, value=fmt_value(a.target_value, a.unit, lang=lang)),
                     source=t("pillars.source.document", lang, page=a.page), lang=lang))
    for yr, v in required_path(a.baseline_value, float(t0), a.target_value, float(a.target_year)):
        rows.append(_row(a, reeks, EL_PATH, yr, v, computed=True, source=t("pillars.source.computed", lang), lang=lang))
    rows += _trend_rows(vision, a, res, reeks, obs, t0, scale=1.0, lang=lang)
    return rows


def _trend_rows(vision: Vision, a: Ambition, res: Assessment | None, reeks: str, obs: pd.DataFrame,
                t0: float | None, scale: float, unit_text=None, *, lang: str) -> list[dict]:
    """The trend so far, projected to the target year (dotted), from the latest measurement."""
    if res is None or res.cagr_actual is None or res.projected_target_year is None or t0 is None or obs.empty:
        return []       # no rate, or too short a span to project (streek.progress.TREND_MIN_YEARS)
    if float(obs["period_start"].max()) <= t0:
        return []
    last = obs.iloc[-1]
    t_last, y_last = float(last["period_start"]), float(last["value"])
    T = float(a.target_year)
    if t_last >= T:
        return []
    rows = []
    dec = _figure_decimals(a, obs["value"])       # once, not per projected year
    fmt = unit_text or (lambda v: fmt_value(v, a.unit, dec, lang=lang))
    years = [t_last] + [float(y) for y in range(int(t_last) + 1, int(T) + 1)]
    for yr in years:
        v = y_last * (1 + res.cagr_actual) ** (yr - t_last)
        rows.append(_row(a, reeks, EL_TREND, yr, v * scale, text=fmt(v), computed=True,
                         source=t("pillars.source.computed", lang), lang=lang))
    return rows


def _relative_rows(vision: Vision, a: Ambition, res: Assessment, *, lang: str) -> list[dict]:
    reeks = a.code
    obs = _measurements(vision, a)
    T = a.target_year
    target_index = 100 + a.target_value
    rows: list[dict] = []

    dec = _figure_decimals(a, obs["value"])

    def idx_text(v: float, y0: float) -> str:
        return t("pillars.chart.index_value", lang, value=fmt_value(v, a.unit, dec, lang=lang),
                 index=fmt_number(v / y0 * 100, 1, lang=lang))

    if obs.empty:
        start = float(document_year(vision))
        rows.append(_row(a, reeks, EL_START, start, 100, text=t("pillars.chart.index_start_unmeasured", lang),
                         period=UNMEASURED, label=t("pillars.chart.label.start_unmeasured", lang),
                         source=t("pillars.source.definition", lang), lang=lang))
        rows.append(_row(a, reeks, EL_TARGET, T, target_index, period=a.target_period,
                         text=t("pillars.chart.index_target", lang, index=fmt_number(target_index, lang=lang), pct=fmt_number(a.target_value, lang=lang)),
                         label=t("pillars.chart.label.target_index", lang, year=T, index=fmt_number(target_index, lang=lang),
                                 pct=fmt_number(a.target_value, lang=lang)),
                         source=t("pillars.source.document", lang, page=a.page), lang=lang))
        return rows
    first = obs.iloc[0]
    y0, t0 = float(first["value"]), float(first["period_start"])
    rows.append(_row(a, reeks, EL_START, first["period_mid"], 100, period=first["period"], text=idx_text(y0, y0),
                     label=t("pillars.chart.label.start", lang, period=fmt_period(first["period"], lang=lang)),
                     source=card.source_label(vision, first["source"], first["note"], a.page, lang), lang=lang))
    for r in obs.itertuples():
        rows.append(_row(a, reeks, EL_MEAS, r.period_mid, r.value / y0 * 100, period=r.period,
                         text=idx_text(r.value, y0), source=card.source_label(vision, r.source, r.note, a.page, lang), lang=lang))
    rows.append(_row(a, reeks, EL_TARGET, T, target_index, period=a.target_period,
                     text=t("pillars.chart.index_target", lang, index=fmt_number(target_index, lang=lang), pct=fmt_number(a.target_value, lang=lang)),
                     label=t("pillars.chart.label.target_index", lang, year=T, index=fmt_number(target_index, lang=lang),
                             pct=fmt_number(a.target_value, lang=lang)),
                     source=t("pillars.source.document", lang, page=a.page), lang=lang))
    if t0 < T:
        for yr, v in required_path(100.0, t0, target_index, float(T)):
            rows.append(_row(a, reeks, EL_PATH, yr, v, text=idx_text(v / 100 * y0, y0), computed=True,
                             source=t("pillars.source.computed", lang), lang=lang))
    rows += _trend_rows(vision, a, res, reeks, obs, t0, scale=100 / y0,
                        unit_text=lambda v: idx_text(v, y0), lang=lang)
    return rows


def _maintain_rows(vision: Vision, a: Ambition, res: Assessment, *, lang: str) -> list[dict]:
    reeks = a.code
    obs = _measurements(vision, a)
    start = float(min([document_year(vision)] + list(obs["period_start"])))
    rows = [_row(a, reeks, EL_FLOOR, yr, a.target_value, period="", source=t("pillars.source.document", lang, page=a.page),
                 label=t("pillars.chart.label.floor", lang, value=fmt_value(a.target_value, a.unit, lang=lang)) if yr == start else "", lang=lang)
            for yr in (start, float(a.target_year))]
    for r in obs.itertuples():
        rows.append(_row(a, reeks, EL_MEAS, r.period_mid, r.value, period=r.period,
                         source=card.source_label(vision, r.source, r.note, a.page, lang), lang=lang))
    return rows


def _period_rows(vision: Vision, a: Ambition, res: Assessment, *, lang: str) -> list[dict]:
    reeks = a.code
    b0, b1 = int(a.baseline_period[:4]), int(a.baseline_period[-4:])
    t0, t1 = int(a.target_period[:4]), int(a.target_period[-4:])
    rows = [
        _row(a, reeks, EL_AVG, b0, a.baseline_value, period=a.baseline_period, year_end=b1 + 1,
             label=t("pillars.chart.label.avg", lang, value=fmt_value(a.baseline_value, a.unit, lang=lang), period=fmt_period(a.baseline_period, lang=lang)),
             source=t("pillars.source.document", lang, page=a.page), lang=lang),
        _row(a, reeks, EL_AVG_TARGET, t0, a.target_value, period=a.target_period, year_end=t1 + 1,
             label=t("pillars.chart.label.avg_target", lang, value=fmt_value(a.target_value, a.unit, lang=lang),
                     period=fmt_period(a.target_period, lang=lang)),
             source=t("pillars.source.document", lang, page=a.page), lang=lang),
    ]
    obs = _measurements(vision, a)
    for r in obs.itertuples():
        if r.period_start != r.period_end:   # the baseline average itself is drawn as a bar
            continue
        rows.append(_row(a, reeks, EL_MEAS, r.period_mid + 0.5, r.value, period=r.period,
                         source=card.source_label(vision, r.source, r.note, a.page, lang), lang=lang))
    return rows


def _share_rows(vision: Vision, a: Ambition, res: Assessment, *, lang: str) -> list[dict]:
    reeks = a.code
    obs = _measurements(vision, a)
    T = float(a.target_year)
    rows = [_row(a, reeks, EL_TARGET, T, a.target_value, period=a.target_period,
                 label=t("pillars.chart.label.target", lang, year=a.target_year, value=fmt_value(a.target_value, a.unit, lang=lang)),
                 source=t("pillars.source.document", lang, page=a.page), lang=lang)]
    for r in obs.itertuples():
        rows.append(_row(a, reeks, EL_MEAS, r.period_mid, r.value, period=r.period,
                         source=card.source_label(vision, r.source, r.note, a.page, lang), lang=lang))
    if not obs.empty:
        first = obs.iloc[0]
        t0 = float(first["period_start"])
        if t0 < T:
            for yr, v in required_path(float(first["value"]), t0, a.target_value, T):
                rows.append(_row(a, reeks, EL_PATH, yr, v, computed=True, source=t("pillars.source.computed", lang), lang=lang))
        rows += _trend_rows(vision, a, res, reeks, obs, t0, scale=1.0, lang=lang)
    return rows


def document_year(vision: Vision) -> int:
    src = vision.sources.get(card.DOCUMENT_SOURCE)
    return int(src.reference_date[:4]) if src else 2019


_BUILDERS = {"level": _level_rows, "relative_change": _relative_rows, "maintain": _maintain_rows,
             "period_average": _period_rows, "share_no_baseline": _share_rows}


def _assessments(vision: Vision, group: list[Ambition], assessment) -> dict[str, Assessment]:
    if isinstance(assessment, dict):
        got = dict(assessment)
    elif isinstance(assessment, Assessment):
        got = {assessment.code: assessment}
    else:
        got = {}
    for a in group:
        if a.code not in got:
            got[a.code] = assess(a, vision.series(a.code))
    return got


def _frame(vision: Vision, code: str, assessment=None, *, lang: str) -> tuple[pd.DataFrame, list[Ambition], dict[str, Assessment]]:
    group = series_of(vision, code)
    res = _assessments(vision, group, assessment)
    multi = len(group) > 1
    rows: list[dict] = []
    for a in group:
        if a.target_kind == "level":
            rows += _level_rows(vision, a, res[a.code], multi, lang=lang)
        else:
            rows += _BUILDERS[a.target_kind](vision, a, res[a.code], lang=lang)
    df = pd.DataFrame(rows)
    return df, group, res


def data_table(df: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """A reader's table of the chart data: Dutch column names and Dutch-formatted values."""
    out = df[df["element"] != el_label(EL_PATH, lang=lang)] if len(df) > 40 else df
    return pd.DataFrame({
        t("pillars.table.series", lang): out["reeks"], t("pillars.table.element", lang): out["element"],
        t("pillars.table.period", lang): out["periode"], t("pillars.table.value", lang): out["waarde_nl"],
        t("pillars.table.source", lang): out["bron"],
    }).reset_index(drop=True)


# --- chart ------------------------------------------------------------------------------------
def _x(domain: list[float], *, lang: str) -> alt.X:
    return alt.X("jaar:Q", title=t("pillars.chart.axis.year", lang), scale=alt.Scale(domain=domain, nice=False),
                 axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True, grid=False))


def _y(title: str, domain: list[float], spec: str, zero: bool = False, *, lang: str) -> alt.Y:
    return alt.Y("waarde:Q", title=title, scale=alt.Scale(domain=domain, zero=zero, nice=False),
                 axis=alt.Axis(format=spec, tickCount=5))


def _tooltip(*, lang: str) -> list[alt.Tooltip]:
    return [alt.Tooltip("reeks:N", title=t("pillars.table.series", lang)),
            alt.Tooltip("element:N", title=t("pillars.table.element", lang)),
            alt.Tooltip("periode:N", title=t("pillars.table.period", lang)),
            alt.Tooltip("waarde_nl:N", title=t("pillars.table.value", lang)),
            alt.Tooltip("bron:N", title=t("pillars.table.source", lang))]


def _described(chart: alt.Chart, multi: bool, *, lang: str) -> alt.Chart:
    """A point layer that a screen reader reads as one sentence ("Meting 2019: 31.391 ondernemingen. Bron:
    …") instead of Vega's field list, which said year and value twice ("Jaar: 2019; Aantal ondernemingen:
    31.391; Reeks: 1.2.1; Soort: Meting; Periode: 2019; Waarde: 31.391 ondernemingen; Bron: …")."""
    source = t("pillars.table.source", lang)
    expr = ("datum.reeks + ' – ' + " if multi else "") + \
        f"datum.element + ' ' + datum.periode + ': ' + datum.waarde_nl + '. {source}: ' + datum.bron"
    return chart.transform_calculate(omschrijving=expr).encode(description=alt.Description("omschrijving:N"))


def _is(el: str, *, lang: str):
    return alt.datum.element == el_label(el, lang=lang)


TREND_ROOM = 2.5   # the trend's projection may widen the y axis by this many times the other points' span


def _in_frame(df: pd.DataFrame) -> list[float]:
    """The values the y axis must show: every point, and the trend's projection as far as it stays within
    ``TREND_ROOM`` × the other points' span of them. Beyond that the dotted line leaves the plot (its mark
    clips), so that a steep projection (e.g. three years of +24 % a year compounded to 2030, against a
    falling target: tests/test_charts.py) does not squeeze the measurements and the target into a flat line at the
    bottom; its values stay in the tooltip and the data table."""
    trend = df["_el"] == EL_TREND
    others = df.loc[~trend, "waarde"].tolist()
    if not trend.any() or not others:
        return df["waarde"].tolist()
    lo, hi = min(others), max(others)
    room = (hi - lo or abs(hi) or 1.0) * TREND_ROOM
    return others + [min(max(v, lo - room), hi + room) for v in df.loc[trend, "waarde"]]


def _domain(values: list[float], zero: bool = False, pad: float = 0.1) -> list[float]:
    vals = [v for v in values if v is not None]
    lo, hi = min(vals), max(vals)
    if zero:
        lo = min(lo, 0)
    span = (hi - lo) or abs(hi) or 1.0
    # more room under the lowest point than above the highest: the label of a baseline at the bottom
    # goes under it (a line leaves it upwards), not onto the x axis
    lo2 = lo if zero and lo == 0 else lo - span * pad * 2.4
    if lo >= 0 and lo2 < 0:
        lo2 = 0.0
    return [lo2, hi + span * pad]


def ambition_chart(vision: Vision, code: str, assessment=None, *, lang: str, theme: str = "screen") -> alt.LayerChart:
    """The chart of one document ambition (or one target series).

    ``assessment``: the series' Assessment, a dict code -> Assessment for sub-targets, or None
    (then computed here). ``theme``: 'screen', 'projector' or 'print' (``streek.theme``)."""
    return build_chart(vision, code, assessment, lang=lang, theme=theme)[0]


def build_chart(vision: Vision, code: str, assessment=None, *, lang: str,
                theme: str = "screen") -> tuple[alt.LayerChart, pd.DataFrame]:
    """The chart and its data (``COLUMNS``), built from one pass over the data; a comparable
    public series (streek.comparable, e.g. Eurostat beside 3.3.1) is drawn beside, never joined.
    ``theme``: 'screen', 'projector' or 'print' (``streek.theme``)."""
    df, group, res = _frame(vision, code, assessment, lang=lang)
    th = get_theme(theme)
    beside = comparable.chart_rows(vision, code, lang)
    # the comparable series' legend: beside the plot, under the chart's own, on a slide, a landscape PDF
    # page and in presentation mode, so that the picture keeps their proportions (under the plot, a slide
    # showed it at half its width, and presentation mode at 1080 px pushed the legend that says "not the
    # ambition's measurement" off the screen); on a screen card above the plot when the card's own legend
    # is under it
    legend = "right" if th.kind != "screen" else "top" if _line_legend_orient(th, len(group) > 1) == "bottom" else "bottom"
    return comparable.add_to_chart(vision, code, _chart(vision, df, group, res, th, beside, lang=lang),
                                   df[[*COLUMNS, "_el", "_periode"]].copy(), lang, th.axis_label, legend=legend,
                                   rows=beside)


def _chart(vision: Vision, df: pd.DataFrame, group: list[Ambition], res: dict[str, Assessment],
           th: Theme, beside: pd.DataFrame | None = None, *, lang: str) -> alt.LayerChart:
    """``beside``: the comparable series drawn under the chart (``comparable.chart_rows``): the axes
    take in its values and the labels keep off its lines and points."""
    a = group[0]
    multi = len(group) > 1
    kind = a.target_kind
    main_color = MEASURED_COLOR if not multi else SERIES_COLORS[0]
    data = df[COLUMNS]
    base = alt.Chart()
    tip = _tooltip(lang=lang)
    core = _in_frame(df)
    x_years = df["jaar"].tolist() + [v for v in df["jaar_eind"].tolist() if v == v and v is not None]
    beside_lines = []
    if beside is not None and not beside.empty:
        core = core + beside["waarde"].tolist()
        x_years += beside["jaar"].tolist()
        beside_lines = [list(zip(g["jaar"], g["waarde"], strict=True)) for _, g in beside.sort_values("jaar").groupby("geo")]
    if not (df["_el"] == EL_MEAS).any():
        x_years.append(float(document_year(vision)))   # frame from the document's year onwards
    x_dom = [min(x_years) - 0.6, max(x_years) + 0.6]
    layers: list[alt.Chart] = []

    if kind == "period_average":
        y_dom = _domain(core, zero=True, pad=0.15)
        spec = _num_spec(core, a.unit)
        y = _y(axis_title(a, lang=lang), y_dom, spec, zero=True, lang=lang)
        x = _x([x_dom[0], x_dom[1]], lang=lang)
        layers.append(base.mark_rect(opacity=0.85, color=NEUTRAL).encode(
            x=x, x2=alt.X2("jaar_eind:Q"), y=y, y2=alt.Y2Datum(0), tooltip=tip).transform_filter(_is(EL_AVG, lang=lang)))
        layers.append(base.mark_rect(opacity=0.25, color=main_color, stroke=TARGET_COLOR, strokeDash=[6, 4],
                                     strokeWidth=1.5).encode(
            x=x, x2=alt.X2("jaar_eind:Q"), y=y, y2=alt.Y2Datum(0), tooltip=tip).transform_filter(_is(EL_AVG_TARGET, lang=lang)))
        # a bar's label starts at the bar's outer end (a bar in the left half at its left edge, in the right
        # half at its right edge): centred, a label wider than its bar ran off a phone's plot
        half = (x_dom[0] + x_dom[1]) / 2
        for align, at, side in (("left", "jaar", f"datum.jaar_eind <= {half}"), ("right", "jaar_eind", f"datum.jaar_eind > {half}")):
            bar_label = base.mark_text(dy=-10, fontSize=th.mark_label, fontWeight="bold", align=align, aria=False,
                                       tooltip=None).encode(
                x=alt.X(f"{at}:Q", title=t("pillars.chart.axis.year", lang), scale=alt.Scale(domain=x_dom, nice=False)),
                y=y, text=alt.Text("label:N")).transform_filter(alt.datum.label != "").transform_filter(side)
            if th.kind != "screen":
                layers.append(bar_label)
                continue
            # over a narrower plot without its period in brackets (the bar spans it); a condition in the
            # encoding, evaluated again after autosize fitted the width (see _label_layers)
            narrow = f"width < {SCREEN_LABEL_BANDS[-1][0]}"
            short = bar_label.transform_calculate(kort=f"replace(datum.label, {_BRACKETS_AT_END_JS}, '')")
            layers.append(short.encode(text=_text_when(narrow, "kort")))
            layers.append(bar_label.encode(text=_text_when(f"!({narrow})", "label")))
        layers.append(_described(base.mark_point(filled=True, size=th.point_size, color=main_color).encode(
            x=x, y=y, tooltip=tip).transform_filter(_is(EL_MEAS, lang=lang)), False, lang=lang))
        if not (df["_el"] == EL_MEAS).any():
            layers.append(_empty_text(x, y, x_dom, y_dom, th, at=0.55, x_at=0.75, lang=lang))
        return _finish(layers, data, th, legend=False, lang=lang)

    zero = kind == "share_no_baseline"
    y_dom = _domain(core + ([0] if zero else []), zero=zero)
    spec = _num_spec(core, a.unit if kind != "relative_change" else "")
    y_title = t("pillars.chart.axis.index", lang) if kind == "relative_change" else axis_title(a, lang=lang)
    y = _y(y_title, y_dom, spec, zero=zero, lang=lang)
    x = _x(x_dom, lang=lang)

    if multi:
        series_names = list(dict.fromkeys(df["reeks"]))
        color = alt.Color("reeks:N", title=t("pillars.chart.legend.series", lang),
                          scale=alt.Scale(domain=series_names, range=SERIES_COLORS[:len(series_names)]),
                          legend=_series_legend(th))
    else:
        color = None
    # a line is in the legend only where it is drawn: two or more points of one series
    n_pts = df.groupby(["_el", "reeks"]).size()
    present = [e for e in LINE_ELEMENTS if e in n_pts.index.get_level_values(0) and (n_pts.loc[e] >= 2).any()]
    line_dash = alt.StrokeDash("element:N", title=t("pillars.chart.legend.lines", lang),
                               scale=alt.Scale(domain=[el_label(e, lang=lang) for e in present] or [el_label(EL_MEAS, lang=lang)],
                                               range=[DASHES[e] for e in present] or [DASHES[EL_MEAS]]),
                               legend=alt.Legend(orient=_line_legend_orient(th, multi), symbolType="stroke",
                                                 direction="horizontal" if th.kind == "screen" else "vertical",
                                                 symbolStrokeWidth=th.stroke_measured, columnPadding=24,
                                                 # one row is ~470 px wide in Dutch, ~540 in English
                                                 columns=alt.ExprRef(expr=f"width < {LEGEND_ONE_ROW_FROM} ? 1 : 0")
                                                 if th.kind == "screen" and not multi else alt.Undefined)
                               if present else None)
    line_enc = {"x": x, "y": y, "strokeDash": line_dash, "detail": alt.Detail("reeks:N"), "tooltip": tip}
    if color is not None:
        line_enc["color"] = color

    def colored(mark_kwargs: dict, fixed: str) -> dict:
        return mark_kwargs if multi else {**mark_kwargs, "color": fixed}

    # required path (dashed), measurements (solid), trend (dotted, clipped to the frame)
    layers.append(base.mark_line(**colored({"strokeWidth": th.stroke_path, "opacity": 0.9}, NEUTRAL)).encode(**line_enc)
                  .transform_filter(_is(EL_PATH, lang=lang)))
    layers.append(base.mark_line(**colored({"strokeWidth": th.stroke_trend, "clip": True}, main_color)).encode(**line_enc)
                  .transform_filter(_is(EL_TREND, lang=lang)))
    layers.append(base.mark_line(**colored({"strokeWidth": th.stroke_measured}, main_color)).encode(**line_enc)
                  .transform_filter(_is(EL_MEAS, lang=lang)))
    pt = {"x": x, "y": y, "tooltip": tip}
    if color is not None:
        pt["color"] = color
    layers.append(_described(base.mark_point(**colored({"filled": True, "size": th.point_size}, main_color)).encode(**pt)
                  .transform_filter(_is(EL_MEAS, lang=lang)), multi, lang=lang))
    layers.append(_described(base.mark_point(**colored({"filled": True, "size": th.point_size * 1.6, "shape": "circle",
                                                        "stroke": "white", "strokeWidth": 1}, NEUTRAL)).encode(**pt)
                  .transform_filter(_is(EL_BASE, lang=lang) | (_is(EL_START, lang=lang) & (alt.datum.periode != UNMEASURED))),
                  multi, lang=lang))
    layers.append(_described(base.mark_point(**colored({"filled": True, "size": th.point_size * 2.8, "shape": "diamond",
                                                        "stroke": "white", "strokeWidth": 1}, TARGET_COLOR)).encode(**pt)
                  .transform_filter(_is(EL_TARGET, lang=lang)), multi, lang=lang))
    if kind in ("maintain", "share_no_baseline", "relative_change"):
        rule_el = EL_FLOOR if kind == "maintain" else EL_TARGET
        layers.append(base.mark_rule(color=TARGET_COLOR, strokeDash=[4, 3] if kind != "maintain" else [1, 0],
                                     strokeWidth=th.stroke_path if kind != "maintain" else th.stroke_measured,
                                     opacity=0.8)
                      .encode(y=y, tooltip=tip).transform_filter(_is(rule_el, lang=lang)).transform_aggregate(
                          waarde="max(waarde)", groupby=["reeks", "element", "periode", "waarde_nl", "bron"]))
    if kind == "relative_change":
        layers.append(base.mark_rule(color=NEUTRAL, strokeDash=[1, 2], opacity=0.7, tooltip=None).encode(y=y)   # the start point tells
                      .transform_filter(_is(EL_START, lang=lang)))
    empty = not (df["_el"] == EL_MEAS).any()
    empty_at = 0.86 if kind == "maintain" else 0.5     # maintain: above its floor line (at ~0.7 of the axis)
    if not multi:
        # labels of baseline, start, floor, target and the latest measurement, placed off the lines
        layers += _label_layers(df, x, y, x_dom, y_dom, th, plot_width(th, bool(present) or multi),
                                chart_height(len(group), bool(present), th), empty_box=(0.5, empty_at) if empty else None,
                                unit_word=unit_name(a.unit, lang) if a.unit != "%" else None, beside=beside_lines, lang=lang)
    if empty:
        layers.append(_empty_text(x, y, x_dom, y_dom, th, at=empty_at, lang=lang))
    return _finish(layers, data, th, n_series=len(group), legend=bool(present), lang=lang)


def _line_legend_orient(th: Theme, multi: bool) -> str:
    """Screen: above (sub-targets) or under the chart; projector and print: beside it, so that a
    wide chart keeps its height on a 16:9 slide or screen."""
    if th.kind != "screen":
        return "right"
    return "top" if multi else "bottom"


def _series_legend(th: Theme) -> alt.Legend:
    """Sub-targets: the full series names under a screen chart; the codes beside a projector or
    print chart (the names are in the table beside it on the slide)."""
    if th.kind == "screen":
        # as wide as the plot (less the symbol): on a phone a long name ends in "…" instead of at the edge
        return alt.Legend(orient="bottom", columns=1, labelLimit=alt.ExprRef(expr="clamp(width - 30, 120, 520)"),
                          symbolType="stroke")
    return alt.Legend(orient="right", columns=1, symbolType="stroke", labelExpr="split(datum.label, ' ')[0]",
                      title=None)


def _empty_text(x: alt.X, y: alt.Y, x_dom: list[float], y_dom: list[float], th: Theme, at: float = 0.5,
                x_at: float = 0.5, *, lang: str) -> alt.Chart:
    """The honest empty state: a text mark "nog geen meting" in the middle of the frame."""
    return alt.Chart(alt.Data(values=[{"tekst": t("pillars.chart.no_measurement", lang),
                                       "jaar": x_dom[0] + (x_dom[1] - x_dom[0]) * x_at,
                                       "waarde": y_dom[0] + (y_dom[1] - y_dom[0]) * at}])).mark_text(
        fontSize=th.mark_label + 2, fontStyle="italic", color=NEUTRAL, tooltip=None).encode(x=x, y=y, text=alt.Text("tekst:N"))


# --- label placement --------------------------------------------------------------------------
# candidate positions around a point: (dx sign, dy sign, align, baseline); first free one wins
_CANDIDATES = [(1, -1, "left", "bottom"), (1, 1, "left", "top"), (-1, -1, "right", "bottom"),
               (-1, 1, "right", "top"), (0, -1, "center", "bottom"), (0, 1, "center", "top"),
               (1, 0, "left", "middle"), (-1, 0, "right", "middle")]
_RINGS = [(*c, far) for far in (1.0, 2.2, 3.5, 5.0, 6.5, 8.0) for c in _CANDIDATES]   # near, then farther out
CHAR_W = 0.6        # average glyph width / font size (DejaVu Sans, digits and lower case)


def text_box(x: float, y: float, text: str, size: float, align: str, baseline: str) -> tuple[float, float, float, float]:
    """Estimated box (x0, y0, x1, y1) in pixels of a text anchored at (x, y)."""
    w, h = CHAR_W * size * len(text), size * 1.15
    x0 = x if align == "left" else x - w if align == "right" else x - w / 2
    y0 = y - h if baseline in ("bottom", "alphabetic") else y if baseline == "top" else y - h / 2
    return x0, y0, x0 + w, y0 + h


def _hits(box, pts: list[tuple[float, float]]) -> int:
    x0, y0, x1, y1 = box
    return sum(1 for px, py in pts if x0 - 3 <= px <= x1 + 3 and y0 - 3 <= py <= y1 + 3)


def _overlap(a, b, margin: float = 3.0) -> bool:
    """Do boxes ``a`` and ``b`` come closer than ``margin`` px (the text widths are estimates)?"""
    return not (a[2] + margin < b[0] or b[2] + margin < a[0] or a[3] + margin < b[1] or b[3] + margin < a[1])


def _dense(points: list[tuple[float, float]], step: float = 3.0) -> list[tuple[float, float]]:
    """Points every ``step`` px along a polyline (what a label must not cover)."""
    out = list(points[:1])
    for (xa, ya), (xb, yb) in zip(points, points[1:], strict=False):
        n = max(1, int(((xb - xa) ** 2 + (yb - ya) ** 2) ** 0.5 / step))
        out += [(xa + (xb - xa) * k / n, ya + (yb - ya) * k / n) for k in range(1, n + 1)]
    return out


def box_distance(box, x: float, y: float) -> float:
    """Distance in px from point (x, y) to ``box`` (0 inside it)."""
    return math.hypot(max(box[0] - x, 0.0, x - box[2]), max(box[1] - y, 0.0, y - box[3]))


def misattributed(box, own: tuple[float, float], points: list[tuple[float, float]]) -> bool:
    """Does a label's box lie nearer to another point than to its own, or about as near (``CLEAR``)?
    A reader would take "2016: 1.577" beside the 2017 point for that point's value. Points within 1 px
    of its own are the same point."""
    d_own = box_distance(box, *own)
    return any(box_distance(box, x, y) < d_own + CLEAR for x, y in points if math.hypot(x - own[0], y - own[1]) > 1)


CLEAR = 6            # px by which a label must be nearer to its own point than to any other (text widths are estimates)
MISATTRIBUTED = 60    # worse than a line crossing under a label (its halo keeps it legible), better than two labels on each other


def place_labels(labels: list[dict], lines: list[list[tuple[float, float]]], size: float, width: float,
                 height: float, gap: float, blocked: list[tuple] | None = None,
                 points: list[tuple[float, float]] = (), others: list[list[tuple[float, float]]] = ()) -> list[dict]:
    """Give each label ({px, py, text}) an offset and alignment so that its box overlaps no line,
    no point, no earlier label, stays in the plot (0..width, 0..height) and lies nearer to its own
    point than to any other of ``points``; the least bad spot where no position is free. A label
    rather crosses the chart's own ``lines`` (its halo keeps it legible beside its own series) than
    ``others`` (another source's lines and points, drawn beside: covering them hides their data)."""
    obstacles = [p for line in lines for p in _dense(line)] + [p for line in others for p in _dense(line)] * 3
    placed: list[tuple] = list(blocked or [])
    out = []
    for lab in labels:
        best = None
        for k, (sx, sy, align, baseline, far) in enumerate(_RINGS):
            ax, ay = lab["px"] + sx * gap * far, lab["py"] + sy * gap * far
            box = text_box(ax, ay, lab["text"], size, align, baseline)
            outside = sum(max(0.0, v) for v in (-box[0], box[2] - width, -box[1], box[3] - height))
            score = _hits(box, obstacles) * 10 + sum(100 for b in placed if _overlap(box, b)) + outside * 10 + k * 0.1
            if points and misattributed(box, (lab["px"], lab["py"]), points):
                score += MISATTRIBUTED
            if best is None or score < best[0]:
                best = (score, k, box)
            if score < 1:
                break
        _, k, box = best
        placed.append(box)
        sx, sy, align, baseline, far = _RINGS[k]
        out.append({**lab, "dx": sx * gap * far, "dy": sy * gap * far, "align": align, "baseline": baseline, "box": box})
    return out


# Screen charts are as wide as their slot (a phone's 250 px plot up to a projector's 1.400 px): the labels
# are placed for each band of plot widths at its narrowest, and the chart shows the placement of the band
# its ``width`` signal falls in (Vega evaluates it after ``autosize: fit``). One placement for 620 px ran
# off a phone's plot, over the y axis and into each other (1.2.1 at 390 px). (plot width from, placed at)
SCREEN_LABEL_BANDS = ((0, 200), (400, 400), (600, 600))
LEGEND_ONE_ROW_FROM = 560   # plot px: from here the line legend fits one row (English: ~540 px), below one column


def _label_layers(df: pd.DataFrame, x: alt.X, y: alt.Y, x_dom: list[float], y_dom: list[float], th: Theme,
                  w: float, h: float, empty_box: tuple[float, float] | None = None, unit_word: str | None = None,
                  beside: list[list[tuple[float, float]]] = (), *, lang: str) -> list[alt.Chart]:
    """Text layers for the labels of one series, each at its own free spot (``place_labels``); on a
    screen once per band of plot widths (``SCREEN_LABEL_BANDS``), shown in that band only. Below the
    widest band a value goes without ``unit_word`` ("2019: 31.391"; the y axis names the unit)."""
    labels = []
    for r in df[(df["label"] != "") & df["_el"].isin([EL_BASE, EL_START, EL_FLOOR, EL_TARGET])].to_dict("records"):
        labels.append({"jaar": r["jaar"], "waarde": r["waarde"], "text": r["label"], "bold": r["_el"] == EL_TARGET})
    meas = df[df["_el"] == EL_MEAS]
    if not meas.empty:
        last = meas.sort_values("jaar").iloc[-1]
        base_rows = df[df["_el"].isin([EL_BASE, EL_START])]
        if not ((base_rows["jaar"] == last["jaar"]) & (base_rows["waarde"] == last["waarde"])).any():
            labels.append({"jaar": float(last["jaar"]), "waarde": float(last["waarde"]), "bold": False,
                           "text": t("pillars.chart.label.latest", lang, period=last["periode"], value=last["waarde_nl"])})
    beyond = _trend_beyond(df, y_dom)
    if beyond is not None:      # the projection leaves the plot (_in_frame): where, and where it ends
        jaar, waarde, last = beyond
        labels.append({"jaar": jaar, "waarde": waarde, "bold": False,
                       "text": t("pillars.chart.label.trend_beyond", lang, year=f"{last['jaar']:.0f}", value=last["waarde_nl"])})
    if th.kind != "screen":
        bands = [(None, None, w, h)]
    else:
        # the plot is less high than the chart: axis and legend are inside its height (one legend row
        # on a wide plot, up to three under a narrower one)
        bands = [(lo, hi, at, h - (150 if at < LEGEND_ONE_ROW_FROM else 100)) for (lo, at), hi in
                 zip(SCREEN_LABEL_BANDS, [b[0] for b in SCREEN_LABEL_BANDS[1:]] + [None], strict=True)]
    # the positions only: axes, titles and scales are the chart's other layers' (a label layer repeating
    # them made up half of a card chart's spec)
    values = []
    geometry = _label_geometry(df)       # once: the same lines and points in every band
    for lo, hi, bw, bh in bands:
        short = [{**lab, "text": _short_label(lab["text"], unit_word)} for lab in labels] \
            if bw < SCREEN_LABEL_BANDS[-1][1] else labels
        for p in _placed_labels(geometry, short, x_dom, y_dom, th, bw, bh, empty_box, beside, lang=lang):
            values.append({"jaar": p["jaar"], "waarde": p["waarde"], "label": p["text"], "align": p["align"],
                           "baseline": p["baseline"], "dx": p["dx"], "dy": p["dy"], "bold": bool(p["bold"]),
                           **({"van": lo or 0, "tot": hi or 1e6} if th.kind == "screen" else {})})
    if not values:
        return []
    # Every label of every band in one text layer (and one for its halo), each placed by its own datum
    # (align, baseline, dx, dy, weight as expressions of the datum): a layer per placement and band
    # made 18 text layers on a card chart, each with its own data flow (one layer pair: ~10 % less time to draw).
    # aria and tooltip off: a screen reader reads the points (and the card's alt text), not each label
    # once per band and halo, and a pointer over a label gets no box of raw field names (Streamlit's
    # theme gives every mark one).
    mark = {"align": alt.ExprRef(expr="datum.align"), "baseline": alt.ExprRef(expr="datum.baseline"),
            "dx": alt.ExprRef(expr="datum.dx"), "dy": alt.ExprRef(expr="datum.dy"), "fontSize": th.mark_label,
            "fontWeight": alt.ExprRef(expr="datum.bold ? 'bold' : 'normal'"), "color": TARGET_COLOR,
            "aria": False, "tooltip": None}
    text = alt.Text("label:N")
    if th.kind == "screen":   # a band's text only within its widths, elsewhere empty (not transparent: it
        # takes no room in the layout); an encoding, not a data transform: Vega evaluates it again once
        # autosize has fitted the plot's width (a formula on ``width`` kept the first pass's band: no label
        # at all when fitting crossed a band's edge, e.g. a 420 px chart)
        text = _text_when("width >= datum.van && width < datum.tot", "label")
    base = alt.Chart(alt.Data(values=values))
    # a white halo under the text: legible where no free spot was left and it crosses a line
    return [base.mark_text(**mark, **extra).encode(x=alt.X("jaar:Q"), y=alt.Y("waarde:Q"), text=text)
            for extra in ({"stroke": "white", "strokeWidth": 4, "strokeJoin": "round"}, {})]


def _text_when(test: str, field: str) -> alt.TextValue:
    """The text of ``field`` where the Vega expression ``test`` holds, else an empty text. Built as the
    channel object itself: ``alt.condition`` gives a dict that Altair validates against the schema on
    every ``encode`` (~8 ms each; a screen chart has ~15 of them)."""
    return alt.TextValue(value="", condition={"test": test, "field": field, "type": "nominal"})


_BRACKETS_AT_END = r"\s*\([^()]*\)$"          # a closing remark in brackets
_BRACKETS_AT_END_JS = f"/{_BRACKETS_AT_END}/"    # the same as a Vega expression's regular expression


def _trend_beyond(df: pd.DataFrame, y_dom: list[float]) -> tuple[float, float, dict] | None:
    """Where the trend's projection leaves the y axis (year and edge value) and its last row, or None
    when it stays inside."""
    trend = df[df["_el"] == EL_TREND].sort_values("jaar")
    out = (trend["waarde"] > y_dom[1]) | (trend["waarde"] < y_dom[0])
    if not out.any():
        return None
    k = int(out.to_numpy().argmax())
    edge = y_dom[1] if trend["waarde"].iloc[k] > y_dom[1] else y_dom[0]
    if k == 0:
        return float(trend["jaar"].iloc[0]), edge, trend.iloc[-1].to_dict()
    (j0, v0), (j1, v1) = trend[["jaar", "waarde"]].iloc[k - 1], trend[["jaar", "waarde"]].iloc[k]
    return j0 + (j1 - j0) * (edge - v0) / (v1 - v0), edge, trend.iloc[-1].to_dict()


def _short_label(text: str, unit_word: str | None) -> str:
    """A label for a narrower chart: without the unit word (the y axis names it) and without a closing
    remark in brackets ("Doel 2030: index 125 (+25 %)" → "Doel 2030: index 125"; the card states it)."""
    if unit_word:
        text = text.replace(f" {unit_word}", "")
    return re.sub(_BRACKETS_AT_END, "", text)


class _Geometry(NamedTuple):
    """What a chart's labels must keep off, in data coordinates (year, value): its lines (measured,
    required path, trend), its horizontal rules (the floor to maintain; the dashed target rule of a
    target without a baseline) and its points."""
    lines: list[list[tuple[float, float]]]
    rules: list[float]
    points: list[tuple[float, float]]


def _label_geometry(df: pd.DataFrame) -> _Geometry:
    """The chart's lines, rules and points (:class:`_Geometry`), read from its rows once per chart
    (each band of plot widths maps them to its own pixels; reading them per band was most of the time
    a card chart took to build)."""
    els = df["_el"].tolist()
    rows = list(zip(els, df["jaar"].tolist(), df["waarde"].tolist(), strict=True))
    lines = []
    for el in LINE_ELEMENTS:
        # by year, a missing year last (as pandas' sort_values)
        sub = sorted(((j, w) for e, j, w in rows if e == el), key=lambda r: (r[0] != r[0], r[0]))
        if len(sub) >= 2:
            lines.append(sub)
    rules = []                  # at the largest value, a missing one left out (as pandas' max)
    floor = [w for e, _, w in rows if e == EL_FLOOR and w == w]
    if floor:                                                   # horizontal rules across the plot
        rules.append(max(floor))
    targets = [w for e, _, w in rows if e == EL_TARGET and w == w]
    if els and els[0] in (EL_START, EL_TARGET) and targets and EL_BASE not in els:
        rules.append(max(targets))                              # the dashed target rule
    points = [(j, w) for e, j, w in rows if e in (EL_MEAS, EL_BASE, EL_TARGET, EL_START)]
    return _Geometry(lines, rules, points)


def _placed_labels(geometry: _Geometry, labels: list[dict], x_dom: list[float], y_dom: list[float], th: Theme,
                   w: float, h: float, empty_box: tuple[float, float] | None,
                   beside: list[list[tuple[float, float]]] = (), *, lang: str) -> list[dict]:
    """``labels`` placed (``place_labels``) in a plot ``w`` × ``h`` px, off the lines and points of the
    chart (``geometry``) and of a comparable series drawn ``beside`` it (its lines as (year, value); a
    label may cross its thin break rules, as it crosses the grid)."""

    def px(jaar: float, waarde: float) -> tuple[float, float]:
        return ((jaar - x_dom[0]) / (x_dom[1] - x_dom[0]) * w,
                h - (waarde - y_dom[0]) / (y_dom[1] - y_dom[0]) * h)

    lines = [[px(j, v) for j, v in line] for line in geometry.lines]
    lines += [[(0.0, px(0, v)[1]), (float(w), px(0, v)[1])] for v in geometry.rules]
    pts = [[px(j, v)] for j, v in geometry.points]
    beside_px = [[px(j, v) for j, v in line] for line in beside]
    # a label is also kept nearer to its own point than to the comparable series' points, where the plot
    # leaves room for that (600 px and more); a phone's plot has none beside three Eurostat lines (3.3.1)
    beside_points = [p for line in beside_px for p in line]
    labels = [{**lab, "px": px(lab["jaar"], lab["waarde"])[0], "py": px(lab["jaar"], lab["waarde"])[1]} for lab in labels]
    blocked = []
    if empty_box is not None:
        blocked.append(text_box(w * empty_box[0], h * (1 - empty_box[1]), t("pillars.chart.no_measurement", lang),
                                th.mark_label + 2, "center", "middle"))
    gap = max(8.0, (th.point_size * 2.8) ** 0.5 / 2 + 4)
    # 3 px short of the bottom: a label's halo would wipe out the x axis line
    return place_labels(labels, lines + pts, th.mark_label, w, h - 3, gap, blocked,
                        points=[p[0] for p in pts] + (beside_points if w >= SCREEN_LABEL_BANDS[-1][1] else []), others=beside_px)


def plot_width(th: Theme, legend: bool) -> int:
    """The plot's width: in projector and print themes the legend stands beside the plot, so a
    chart without one gets that room (the picture keeps its width on a slide)."""
    return th.width if legend or th.kind == "screen" else th.width + th.legend_room


def chart_height(n_series: int = 1, legend: bool = True, th: Theme | None = None) -> int:
    """The plot's height: the theme's (a screen card gets room for the legend rows, because
    Streamlit fits plot and legends into it)."""
    th = th or get_theme("screen")
    if th.kind != "screen":
        return th.height - (80 if n_series > 1 else 0)    # sub-targets: a wide, lower chart above their table
    return th.height + (50 if legend else 0) + (22 * n_series + 30 if n_series > 1 else 0)


def _finish(layers: list[alt.Chart], data: pd.DataFrame, th: Theme, n_series: int = 1,
            legend: bool = True, *, lang: str) -> alt.LayerChart:
    """One layer chart with the data once at the top (one dataset), the theme's config, and its
    language in ``usermeta`` (the number locale of PNG/SVG downloads, streek.render)."""
    return layered(layers, data=data, width=plot_width(th, legend or n_series > 1),
                   height=chart_height(n_series, legend, th), config=th.config, usermeta={"lang": lang})


def chart_alt_text(vision: Vision, code: str, assessment=None, *, lang: str) -> str:
    """A short text alternative of the chart for screen readers."""
    group = series_of(vision, code)
    res = _assessments(vision, group, assessment)
    parts = []
    for a in group:
        r = res[a.code]
        latest = fmt_value(r.latest_value, a.unit, lang=lang) if r.latest_value is not None else t("common.no_data", lang)
        target = (t("pillars.alt.relative", lang, pct=fmt_number(a.target_value, lang=lang)) if a.target_kind == "relative_change"
                  else fmt_value(a.target_value, a.unit, lang=lang))
        parts.append(t("pillars.alt.series", lang, code=a.code, target=target, year=a.target_year, latest=latest,
                       status=card.status_label(r.status, lang)))
    return " ".join(parts)


# --- overview ---------------------------------------------------------------------------------
GEO_NONE = "geen"   # filter value for "area not stated" (an empty query parameter would clear a filter)


def _overview_title(a: Ambition) -> str:
    """The series' own sentence where it has one (prefixed by the ambition where it is only a fragment)."""
    if not a.series_nl:
        return a.title_nl
    return a.series_nl if a.series_nl[:1].isupper() else f"{a.title_nl}: {a.series_nl}"


def overview_frame(vision: Vision, res: dict[str, Assessment], lang: str) -> pd.DataFrame:
    """One row per target series: pillar, codes, title, geography, status, latest value, target,
    measured values (for a sparkline) and the link to its card."""
    rows = []
    for a in vision.ambitions:
        r = res[a.code]
        s = vision.series(a.code)
        sc = card.series_card(vision, a, r, lang)      # the card's own words, not a second text builder
        rows.append({
            "pijler": a.pillar, "ambitie": a.ambition, "code": a.code,
            "titel": _overview_title(a),
            "gebied_code": a.geography or GEO_NONE,
            "gebied": vision.geo_name(a.geography, lang) if a.geography else t("overview.geo_none", lang),
            "status_code": r.status.value, "status": sc.status_text,
            "laatste": sc.latest + comparable.overview_text(vision, a.code, lang),   # e.g. Eurostat beside 3.3.1
            "doel": sc.target, "metingen": [float(v) for v in s["value"]],
            "n_metingen": len(s),
            "link": f"pijler-{a.pillar}?ambitie={a.ambition}",
        })
    return pd.DataFrame(rows)
