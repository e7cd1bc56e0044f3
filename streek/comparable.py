"""A comparable public series beside an ambition's own baseline and target (data/eurostat.csv).

Today one: Eurostat's participation rate in education and training (trng_lfse_04, 25-64 jaar) for
West-Vlaanderen, Vlaanderen and België, 2000-2023, beside ambition 3.3.1. It is the closest public
series, but not the document's: Eurostat gives 7,0 % for West-Vlaanderen in 2016, the vision 6,8 %.
So it is drawn as its own lines (one per area, own colours, thin), never joined to the document's
baseline, and it never feeds the progress status, which keeps resting on the document's definition.
Years with a break in the series (Eurostat flag ``b``) get a vertical rule and the word "breuk".

Pure functions, no streamlit; ``lang`` is always passed in.
"""
from __future__ import annotations

import pandas as pd

from streek.fmt import fmt_pct
from streek.i18n import t
from streek.model import Vision
from streek.vegalite import alt, with_layers

GEO_ORDER = ["30000", "02000", "01000"]            # West-Vlaanderen first: the ambition's own area
GEO_COLORS = {"30000": "#0072B2", "02000": "#E69F00", "01000": "#8C8C8C"}
GEO_KEYS = {"30000": "comparable.geo.wvl", "02000": "comparable.geo.vl", "01000": "comparable.geo.be"}
BREAK_COLOR = "#6B6B6B"
EXTRA_HEIGHT = 48                                  # room for the extra legend under the chart
STACKED_HEIGHT = 48                                # ... above it, when the chart's own legend is under it


def resolve_lang(lang: str | None) -> str:
    """``lang`` itself; None means the catalogue's default language (Dutch)."""
    from streek.i18n import DEFAULT_LANG
    return lang or DEFAULT_LANG


def comparable_series(vision: Vision, code: str) -> pd.DataFrame:
    """The comparable rows for ambition ``code`` (empty when there are none), oldest first."""
    df = vision.comparable
    if df is None or df.empty:
        return pd.DataFrame()
    return df[df["ambition"] == code].sort_values(["geo", "year"]).reset_index(drop=True)


def break_years(vision: Vision, code: str) -> list[int]:
    s = comparable_series(vision, code)
    return sorted({int(y) for y in s.loc[s["flag"] == "b", "year"]}) if not s.empty else []


def series_label(geo: str, lang: str) -> str:
    return t("comparable.series", lang, area=t(GEO_KEYS[geo], lang))


def chart_rows(vision: Vision, code: str, lang: str) -> pd.DataFrame:
    """One row per Eurostat value, in the columns the layers draw (and the data table shows)."""
    lang = resolve_lang(lang)
    s = comparable_series(vision, code)
    if s.empty:
        return pd.DataFrame()
    src = t("comparable.source", lang)
    return pd.DataFrame({
        "code": code,
        "reeks": [series_label(g, lang) for g in s["geo"]],
        "element": t("comparable.element", lang),
        "jaar": s["year"].astype(float),
        "jaar_eind": None,
        "waarde": s["value"],
        "periode": s["period"],
        "waarde_nl": [fmt_pct(v, 1, lang=lang) + (" (" + t("comparable.break", lang) + ")" if f == "b" else "")
                      for v, f in zip(s["value"], s["flag"])],
        "label": "",
        "bron": src,
        "berekend": False,
        "breuk": s["flag"] == "b",
        "geo": s["geo"],
        "_el": "comparable",              # for the downloads (streek.download)
        "_periode": s["period"],
    })


def layers(vision: Vision, code: str, lang: str, text_size: int = 10, legend_orient: str = "bottom",
           rows: pd.DataFrame | None = None) -> list[alt.Chart]:
    """Altair layers with their own data: a thin line per area, points (hollow at a break) and
    a rule with the word "breuk" at every break year. Empty when ``code`` has no comparable series.
    ``rows``: ``chart_rows`` where the caller has them already."""
    lang = resolve_lang(lang)
    rows = chart_rows(vision, code, lang) if rows is None else rows
    if rows.empty:
        return []
    names = [series_label(g, lang) for g in GEO_ORDER if g in set(rows["geo"])]
    colors = [GEO_COLORS[g] for g in GEO_ORDER if g in set(rows["geo"])]
    data = alt.Data(values=rows.drop(columns=["jaar_eind"]).to_dict(orient="records"))
    # explicit domains, as the ambition chart's own layers have: Vega then takes the union of both
    a = vision.ambition(code)
    span = float(rows["waarde"].max() - rows["waarde"].min()) or 1.0
    x = alt.X("jaar:Q", scale=alt.Scale(domain=[float(rows["jaar"].min()) - 0.6, float(a.target_year) + 0.6],
                                        nice=False))
    y = alt.Y("waarde:Q", scale=alt.Scale(domain=[max(0.0, float(rows["waarde"].min()) - span * 0.1),
                                                  float(rows["waarde"].max()) + span * 0.1]))
    color = alt.Color("reeks:N", scale=alt.Scale(domain=names, range=colors),
                      legend=alt.Legend(title=[*t("comparable.legend", lang).split("\n"), *t("comparable.legend2", lang).split("\n")], orient=legend_orient, direction="vertical",
                                        labelLimit=560, titleLimit=600, symbolType="stroke", symbolStrokeWidth=2))
    tip = [alt.Tooltip("reeks:N", title=t("pillars.table.series", lang)),
           alt.Tooltip("periode:N", title=t("pillars.table.period", lang)),
           alt.Tooltip("waarde_nl:N", title=t("pillars.table.value", lang)),
           alt.Tooltip("bron:N", title=t("pillars.table.source", lang))]
    base = alt.Chart(data)
    out = [
        base.mark_line(strokeWidth=1.6, opacity=0.85, tooltip=None).encode(x=x, y=y, color=color, detail=alt.Detail("reeks:N")),   # the points tell
        base.mark_point(size=22, filled=True, opacity=0.9).encode(x=x, y=y, color=color, tooltip=tip)
        .transform_filter("!datum.breuk"),
        base.mark_point(size=46, filled=False, strokeWidth=1.6, shape="square").encode(x=x, y=y, color=color, tooltip=tip)
        .transform_filter("datum.breuk"),
    ]
    years = break_years(vision, code)
    if years:
        brk = alt.Chart(alt.Data(values=[{"jaar": float(yr), "tekst": t("comparable.break", lang)} for yr in years]))
        # no tooltip: the text says it (Streamlit's theme would show the raw fields "jaar", "tekst")
        out.append(brk.mark_rule(color=BREAK_COLOR, strokeDash=[2, 3], strokeWidth=1, opacity=0.8,
                                 tooltip=None).encode(x=x))
        out.append(brk.mark_text(color=BREAK_COLOR, fontSize=text_size, angle=270, align="right", baseline="bottom",
                                 dx=-2, dy=-1, tooltip=None).encode(x=x, y=alt.YValue(2), text=alt.Text("tekst:N")))
    return out


def add_to_chart(vision: Vision, code: str, chart: alt.LayerChart, table: pd.DataFrame,
                 lang: str | None, text_size: int = 10, *, legend: str = "bottom",
                 rows: pd.DataFrame | None = None) -> tuple[alt.LayerChart, pd.DataFrame]:
    """The ambition chart with the comparable series drawn under it, and its data table with the
    comparable rows appended (their own series names, so never one line with the document's).
    ``legend``: where this series' legend stands: "bottom" (under the plot), "top" (above it, where
    the chart's own legend is under it: side by side under it, the second was cut off on a 1440 px
    desktop card) or "right" (beside the plot, under the chart's own legend: a slide's picture keeps
    its proportions; under the plot it made the picture so tall that a slide showed it at half its
    width). Under or above the plot the chart grows by its height. ``rows``: ``chart_rows`` where the
    caller has them already (the chart's own axes take them in: one reading for both)."""
    rows = chart_rows(vision, code, lang) if rows is None else rows
    extra = layers(vision, code, lang, text_size,   # the theme's text size (print: >= 10 pt on paper)
                   legend_orient=legend, rows=rows)
    if not extra:
        return chart, table
    chart = with_layers(chart, [*extra, *chart.layer])
    if isinstance(chart.height, int) and legend != "right":
        chart.height = chart.height + EXTRA_HEIGHT + (STACKED_HEIGHT if legend == "top" else 0)
    return chart, pd.concat([table, rows[list(table.columns)]], ignore_index=True)


def note(vision: Vision, code: str, lang: str | None) -> str:
    """One sentence for the card and the overview: what the comparable series is and why the
    status still rests on the document (empty when ``code`` has none)."""
    lang = resolve_lang(lang)
    s = comparable_series(vision, code)
    if s.empty:
        return ""
    a = vision.ambition(code)
    same = s[(s["geo"] == (a.geography or "")) & (s["period"] == (a.baseline_period or ""))]
    theirs = fmt_pct(float(same["value"].iloc[0]), 1, lang=lang) if len(same) else "–"
    last = s[s["geo"] == (a.geography or "")].tail(1)
    return t("comparable.note", lang, first=int(s["year"].min()), last=int(s["year"].max()),
             year=a.baseline_period, theirs=theirs, ours=fmt_pct(a.baseline_value, 1, lang=lang),
             latest=fmt_pct(float(last["value"].iloc[0]), 1, lang=lang) if len(last) else "–",
             latest_year=int(last["year"].iloc[0]) if len(last) else "–",
             breaks=", ".join(str(y) for y in break_years(vision, code)))


def overview_text(vision: Vision, code: str, lang: str | None) -> str:
    """A labelled suffix for the overview's "latest" cell: the comparable series' latest value at
    the ambition's own area ("" when there is none)."""
    lang = resolve_lang(lang)
    s = comparable_series(vision, code)
    a = vision.ambition(code)
    last = s[s["geo"] == (a.geography or "")].tail(1) if not s.empty else s
    if last.empty:
        return ""
    return " · " + t("comparable.overview", lang, latest_year=int(last["year"].iloc[0]),
                     latest=fmt_pct(float(last["value"].iloc[0]), 1, lang=lang))
