"""What the map of the 13 municipalities shows: indicators, periods, views, ranks, series.

Pure (no streamlit). The list of indicators is derived from the data: every indicator id
(context indicator or ambition code) with a value for at least one of the 13 municipalities in
``vision.statbel`` or ``vision.observations``, so measurements merged in later appear too.

Views (query key ``weergave``):

- ``absoluut``: the value as published;
- ``per1000``: a count per 1.000 inhabitants, divided by ``population_total`` of the same
  geography and the same year. Where that population is missing the value is missing and the
  note says so; no other year is used;
- ``verandering``: change since the year ``sinds``: in % for levels, in percentage points for
  indicators that are themselves percentages.

Nothing is interpolated or averaged: a missing value stays missing ("geen gegevens").
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd

from streek.a11y import echo
from streek.download import decimals_of
from streek.fmt import fmt_number, fmt_pct, fmt_period
from streek.i18n import t
from streek.i18n.names import indicator_name, label_name, reference_date, unit_name
from streek.model import COUNT_UNITS, Vision

VIEWS = ("absoluut", "per1000", "verandering")
POPULATION = "population_total"
REGION, PROVINCE, FLANDERS = "ZWV", "30000", "02000"
REFERENCE_GEOS = (REGION, PROVINCE, FLANDERS)
QUERY_KEYS = ("indicator", "jaar", "weergave", "gemeente", "sinds")


class MapInputError(ValueError):
    """A choice that the map cannot show (unknown indicator, year or view); Dutch message."""


@dataclass(frozen=True)
class MapIndicator:
    id: str
    title_nl: str
    unit: str
    is_count: bool          # an additive count (persons, enterprises, ...)
    per1000: bool           # "per 1.000 inhabitants" is meaningful
    source_ids: tuple[str, ...]
    definition: str         # what it measures, in the language the indicator was described in
    is_ambition: bool = False

    @property
    def is_percentage(self) -> bool:
        return self.unit == "%"


# --- which indicators ------------------------------------------------------------------------
def municipal_codes(vision: Vision) -> set[str]:
    return {g.geo for g in vision.municipalities()}


def _frames(vision: Vision) -> tuple[pd.DataFrame, pd.DataFrame]:
    return vision.statbel, vision.observations


def has_municipal_values(vision: Vision, indicator: str) -> bool:
    """True when ``indicator`` (an ambition code or a context indicator id) has a value for
    at least one of the 13 municipalities."""
    codes = municipal_codes(vision)
    for df in _frames(vision):
        sub = df[df["indicator"] == indicator]
        if not sub.empty and sub["geo"].isin(codes).any():
            return True
    return False


def map_url(indicator: str, **params: str) -> str:
    """Relative link to the map page showing ``indicator`` (query keys: indicator, jaar,
    weergave, gemeente, sinds)."""
    unknown = set(params) - set(QUERY_KEYS)
    if unknown:
        raise MapInputError(f"onbekende parameter(s) voor de kaart: {', '.join(sorted(unknown))} "
                            f"(bekend: {', '.join(QUERY_KEYS)})")
    return "kaart?" + urlencode({"indicator": indicator, **{k: v for k, v in params.items() if v}})


def _describe(vision: Vision, ind: str, *, lang: str) -> MapIndicator:
    if ind in vision.indicators:
        i = vision.indicators[ind]
        per1000 = i.is_count and i.per_capita_base == POPULATION
        return MapIndicator(i.id, i.title_nl, i.unit, i.is_count, per1000, i.sources, i.definition(lang))
    if vision.has_ambition(ind):
        a = vision.ambition(ind)
        count = a.unit in COUNT_UNITS
        srcs = tuple(sorted(set(vision.observations.loc[vision.observations["indicator"] == ind, "source"]) - {""}))
        return MapIndicator(a.code, f"{a.code} {a.label_nl}", a.unit, count, count, srcs, label_name(a.indicator_nl, lang),
                            is_ambition=True)
    # a measurement imported for an id that data/ does not describe: show it, say so
    df = pd.concat([f[f["indicator"] == ind] for f in _frames(vision)])
    srcs = tuple(sorted(set(df["source"]) - {""}))
    return MapIndicator(ind, ind, "", False, False, srcs, t("map.undescribed", lang))


def indicator_title(m, lang: str) -> str:
    """The indicator's name in ``lang`` (a MapIndicator or a profile's indicator): a context indicator
    translated by streek.i18n.names; an ambition keeps the document's (Dutch) title."""
    return m.title_nl if m.is_ambition else indicator_name(m.id, m.title_nl, lang)


def map_indicators(vision: Vision, *, lang: str) -> list[MapIndicator]:
    """Every indicator with municipal values: context indicators in the order of
    data/indicators.csv, then ambitions in document order, then any other id."""
    codes = municipal_codes(vision)
    present: set[str] = set()
    for df in _frames(vision):
        present |= set(df.loc[df["geo"].isin(codes), "indicator"])
    order = [i for i in vision.indicators if i in present]
    order += [a.code for a in vision.ambitions if a.code in present and a.code not in order]
    order += sorted(present - set(order))
    return [_describe(vision, i, lang=lang) for i in order]


def map_indicator(vision: Vision, ind: str, *, lang: str) -> MapIndicator:
    for m in map_indicators(vision, lang=lang):
        if m.id == ind:
            return m
    raise MapInputError(f"indicator '{ind}' heeft geen waarden per gemeente en kan niet op de kaart")




# --- values ----------------------------------------------------------------------------------
def rows(vision: Vision, ind: str) -> pd.DataFrame:
    """All measurements of ``ind`` (any geography), oldest first."""
    parts = [f[f["indicator"] == ind] for f in _frames(vision)]
    df = pd.concat([p for p in parts if not p.empty] or [parts[0]], ignore_index=True)
    return df.sort_values(["period_start", "geo"]).reset_index(drop=True)


def periods(vision: Vision, ind: str) -> list[str]:
    """Periods with a value for at least one municipality, oldest first (the slider's stops)."""
    df = rows(vision, ind)
    df = df[df["geo"].isin(municipal_codes(vision))]
    return list(dict.fromkeys(df.sort_values("period_start")["period"]))


def available_views(m: MapIndicator, n_periods: int) -> list[str]:
    out = ["absoluut"]
    if m.per1000:
        out.append("per1000")
    if n_periods >= 2:
        out.append("verandering")
    return out


def check_choice(vision: Vision, ind: str, period: str, view: str, since: str | None = None, *, lang: str) -> MapIndicator:
    """Validate a map choice; raise :class:`MapInputError` with a Dutch message."""
    m = map_indicator(vision, ind, lang=lang)
    ps = periods(vision, ind)
    if period not in ps:
        raise MapInputError(f"geen waarden per gemeente voor '{m.title_nl}' in {period} "
                            f"(wel: {', '.join(ps)})")
    if view not in VIEWS:
        raise MapInputError(f"onbekende weergave '{view}' (kies uit: {', '.join(VIEWS)})")
    if view not in available_views(m, len(ps)):
        raise MapInputError(f"weergave '{view}' past niet bij '{m.title_nl}'")
    if view == "verandering":
        if since not in ps:
            raise MapInputError(f"'sinds' moet een jaar met gegevens zijn (wel: {', '.join(ps)})")
        if ps.index(since) >= ps.index(period):
            raise MapInputError(f"'sinds' ({since}) moet vóór het gekozen jaar ({period}) liggen")
    return m


def _value_at(df: pd.DataFrame, geo: str, period: str) -> float:
    s = df.loc[(df["geo"] == geo) & (df["period"] == period), "value"]
    return float(s.iloc[-1]) if len(s) else math.nan


def _population(vision: Vision, geo: str, period: str) -> float:
    return _value_at(vision.statbel[vision.statbel["indicator"] == POPULATION], geo, period)


def view_value(vision: Vision, m: MapIndicator, df: pd.DataFrame, geo: str, period: str, view: str,
               since: str | None = None, *, lang: str) -> tuple[float, str]:
    """(value, note) of ``geo`` in ``period`` in ``view``; NaN with a note where missing."""
    v = _value_at(df, geo, period)
    if math.isnan(v):
        return math.nan, ""
    if view == "per1000":
        pop = _population(vision, geo, period)
        if math.isnan(pop) or pop <= 0:
            return math.nan, t("map.note.no_population", lang, period=fmt_period(period, lang=lang))
        return v / pop * 1000, ""
    if view == "verandering":
        v0 = _value_at(df, geo, since)
        if math.isnan(v0):
            return math.nan, t("map.note.no_since", lang, since=fmt_period(since, lang=lang))
        if m.is_percentage:
            return v - v0, ""
        if v0 == 0:
            return math.nan, t("map.note.zero_since", lang, since=fmt_period(since, lang=lang))
        return (v / v0 - 1) * 100, ""
    return v, ""


def view_unit(m: MapIndicator, view: str, *, lang: str) -> str:
    if view == "per1000":
        return t("map.unit.per1000", lang)
    if view == "verandering":
        return t("map.unit.pp", lang) if m.is_percentage else "%"
    return unit_name(m.unit, lang)


def format_view_value(value: float, m: MapIndicator, view: str, *, lang: str, decimals: int | None = None) -> str:
    """A value in a view as the reader's language writes it ("75,4 %" / "75.4%"); "geen gegevens"
    where missing. ``decimals``: of the absolute view, the same for every value shown together
    (:func:`source_decimals`: "76,0 %" beside "75,9 %", not "76 %")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("map.no_data", lang)
    if view == "per1000":
        return f"{fmt_number(value, 1, lang=lang)} {t('map.unit.per1000', lang)}"
    if view == "verandering":
        num = fmt_number(value, 1, lang=lang)
        sign = "+" if value > 0 and num.strip("0,.") != "" else ""
        return f"{sign}{num} {t('map.unit.pp', lang)}" if m.is_percentage else sign + fmt_pct(value, 1, lang=lang)
    if m.unit == "%":
        return fmt_pct(value, decimals, lang=lang)
    return f"{fmt_number(value, decimals, lang=lang)} {unit_name(m.unit, lang)}".strip()


def source_decimals(vision: Vision, ind: str) -> int:
    """The decimals the source gives an indicator's values (the most any of them has, at most 2):
    one precision for every table, tooltip and series of it."""
    values = rows(vision, ind)["value"]
    return min(2, max([decimals_of(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
                      or [0]))


def view_title(vision: Vision, m: MapIndicator, period: str, view: str, since: str | None = None, *, lang: str) -> str:
    """The map's title: which indicator, which view, which year."""
    p = fmt_period(period, lang=lang)
    title = indicator_title(m, lang)
    if view == "per1000":
        return t("map.title.per1000", lang, title=title, period=p)
    if view == "verandering":
        key = "map.title.change_pp" if m.is_percentage else "map.title.change"
        return t(key, lang, title=title, since=fmt_period(since, lang=lang), period=p)
    return t("map.title.absolute", lang, title=title, unit=unit_name(m.unit, lang), period=p) if m.unit else \
        t("map.title.absolute_nounit", lang, title=title, period=p)


def ordinal(n: int, lang: str) -> str:
    """Ordinal in the interface language: Dutch 1 -> '1e'; English 1 -> '1st', 12 -> '12th'."""
    if lang != "en":
        return f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def map_frame(vision: Vision, ind: str, period: str, view: str = "absoluut",
              since: str | None = None, *, lang: str) -> pd.DataFrame:
    """One row per municipality (all 13, missing ones included), with pre-formatted Dutch text
    for the tooltip: value, rank among the municipalities with a value (1 = highest), and the
    value of the region (ZWV) and of the Flemish Region (02000) in the same view."""
    m = check_choice(vision, ind, period, view, since, lang=lang)
    df = rows(vision, ind)
    out = []
    for g in sorted(vision.municipalities(), key=lambda g: g.name_nl):
        v, note = view_value(vision, m, df, g.geo, period, view, since, lang=lang)
        out.append({"nis_code": g.geo, "gemeente": g.name(lang), "waarde": v, "opmerking": note})
    fr = pd.DataFrame(out)
    has = fr["waarde"].notna()
    n = int(has.sum())
    fr["rang"] = fr["waarde"].rank(ascending=False, method="min")
    refs = {geo: view_value(vision, m, df, geo, period, view, since, lang=lang)[0] for geo in REFERENCE_GEOS}
    dec = source_decimals(vision, ind) if view == "absoluut" else None
    fr["waarde_nl"] = [format_view_value(v, m, view, lang=lang, decimals=dec) for v in fr["waarde"]]
    fr["rang_nl"] = [t("map.rank", lang, rank=ordinal(int(r), lang=lang), n=n) if ok else t("map.no_data", lang)
                     for r, ok in zip(fr["rang"], has)]
    fr["streek_nl"] = format_view_value(refs[REGION], m, view, lang=lang, decimals=dec)
    fr["provincie_nl"] = format_view_value(refs[PROVINCE], m, view, lang=lang, decimals=dec)
    fr["vlaanderen_nl"] = format_view_value(refs[FLANDERS], m, view, lang=lang, decimals=dec)
    fr["status"] = ["" if ok else t("map.no_data", lang) for ok in has]
    fr["rang"] = fr["rang"].astype("Float64")
    return fr


def ranked_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The 13 sorted by value (highest first), municipalities without a value last."""
    fr = frame.sort_values(["waarde", "gemeente"], ascending=[False, True], na_position="last")
    return fr.reset_index(drop=True)


def download_frame(vision: Vision, frame: pd.DataFrame, m: MapIndicator, period: str, view: str,
                   since: str | None = None, *, lang: str) -> pd.DataFrame:
    """What the CSV holds: numbers as numbers, with indicator, period, view, unit and source."""
    fr = ranked_table(frame)
    return pd.DataFrame({
        "nis_code": fr["nis_code"], "gemeente": fr["gemeente"], "indicator": m.id,
        "periode": period, "weergave": view, "sinds": since if view == "verandering" else "",
        # computed views (per 1.000, change) to the one decimal the map shows, not 15
        "waarde": fr["waarde"] if view == "absoluut" else fr["waarde"].round(1), "eenheid": view_unit(m, view, lang=lang), "rang": fr["rang"],
        "opmerking": fr["opmerking"], "bron": source_text(vision, m, lang=lang, label=False),
    }).rename(columns=download_columns(lang))


_DOWNLOAD_COLS = {"nis_code": "nis", "gemeente": "municipality", "naam": "name", "indicator": "indicator",
                  "periode": "period", "weergave": "view", "sinds": "since", "waarde": "value", "eenheid": "unit",
                  "rang": "rank", "opmerking": "note", "bron": "source"}


def download_columns(lang: str) -> dict[str, str]:
    """The map's download columns (Dutch names in the frames) -> their headers in ``lang``."""
    return {nl: t(f"download.col.{key}", lang) for nl, key in _DOWNLOAD_COLS.items()}


def source_text(vision: Vision, m: MapIndicator, *, lang: str, label: bool = True) -> str:
    """'Bron: publisher, dataset, reference date; …' of every source of the indicator ('Source: …'),
    the label once; ``label=False``: without it (a table's source column, a line with its own label)."""
    parts = [vision.sources[s].attribution(lang, label=False) if s in vision.sources else s for s in m.source_ids]
    text = "; ".join(parts)
    return f"{t('common.source', lang)}: {text}" if label else text


def reference_dates(vision: Vision, m: MapIndicator, lang: str = "nl") -> str:
    return "; ".join(reference_date(vision.sources[s].reference_date, lang) for s in m.source_ids if s in vision.sources)


# --- series beside the map -------------------------------------------------------------------
SERIES_VALUE, SERIES_PER1000, SERIES_INDEX = "waarde", "per1000", "index"


def series_mode(m: MapIndicator, view: str) -> str:
    """How the series beside the map makes a municipality comparable with the region, the
    province and Flanders: per 1.000 inhabitants for counts that allow it, an index (first
    common year = 100) for other counts, the values themselves for rates and densities."""
    if view == "per1000" or (m.is_count and m.per1000):
        return SERIES_PER1000
    if m.is_count or (view == "verandering" and not m.is_percentage):
        return SERIES_INDEX
    return SERIES_VALUE


def series_frame(vision: Vision, ind: str, nis: str | None, view: str = "absoluut",
                 since: str | None = None, *, lang: str) -> tuple[pd.DataFrame, str]:
    """Long table of the series of municipality ``nis`` (if any) with ZWV, West-Vlaanderen and
    Vlaanderen, in the comparable mode of :func:`series_mode`. Returns (frame, mode)."""
    m = map_indicator(vision, ind, lang=lang)
    if nis is not None and nis not in municipal_codes(vision):
        raise MapInputError(f"'{nis}' is geen van de 13 gemeenten")
    mode = series_mode(m, view)
    df = rows(vision, ind)
    geos = ([nis] if nis else []) + list(REFERENCE_GEOS)
    df = df[df["geo"].isin(geos)].copy()
    if mode == SERIES_PER1000:
        vals = []
        for geo, period, v in zip(df["geo"], df["period"], df["value"]):
            pop = _population(vision, geo, period)
            vals.append(v / pop * 1000 if pop and not math.isnan(pop) else math.nan)
        df["waarde"] = vals
    elif mode == SERIES_INDEX:
        common = _common_base(df, geos, since if view == "verandering" else None)
        if common is None:
            df["waarde"] = math.nan
        else:
            base = {geo: _value_at(df, geo, common) for geo in geos}
            df["waarde"] = [v / base[g] * 100 if base.get(g) else math.nan for g, v in zip(df["geo"], df["value"])]
    else:
        df["waarde"] = df["value"]
    df = df[df["waarde"].notna()]
    order = {g: i for i, g in enumerate(geos)}
    out = pd.DataFrame({
        "geo": df["geo"], "naam": [vision.geo_name(g, lang) for g in df["geo"]],
        "periode": df["period"], "jaar": df["period_mid"], "waarde": df["waarde"],
        "volgorde": [order[g] for g in df["geo"]],
    })
    unit_m = MapIndicator(m.id, m.title_nl, m.unit, m.is_count, m.per1000, m.source_ids, m.definition)
    if mode == SERIES_PER1000:
        out["waarde_nl"] = [format_view_value(v, unit_m, "per1000", lang=lang) for v in out["waarde"]]
    elif mode == SERIES_INDEX:
        out["waarde_nl"] = [fmt_number(v, 1, lang=lang) for v in out["waarde"]]
    else:
        dec = source_decimals(vision, ind)
        out["waarde_nl"] = [format_view_value(v, unit_m, "absoluut", lang=lang, decimals=dec) for v in out["waarde"]]
    out["periode_nl"] = [fmt_period(p, lang=lang) for p in out["periode"]]
    return out.sort_values(["volgorde", "jaar"]).reset_index(drop=True), mode


def series_missing(vision: Vision, series: pd.DataFrame, nis: str | None, *, lang: str) -> list[str]:
    """The areas the series chart is about (municipality ``nis``, the region, the province, Flanders)
    that it cannot draw, for want of a value in its measure: named as missing, not left out silently."""
    drawn = set(series["geo"])
    return [vision.geo_name(g, lang) for g in ([nis] if nis else []) + list(REFERENCE_GEOS) if g not in drawn]


def _common_base(df: pd.DataFrame, geos: list[str], since: str | None) -> str | None:
    """The index base: ``since`` if given, else the first period in which every drawn
    geography has a value."""
    if since is not None:
        return since
    present = [g for g in geos if (df["geo"] == g).any()]
    by_period = df.groupby("period", sort=False)["geo"].apply(set)
    for p in df.sort_values("period_start")["period"].unique():
        if set(present) <= by_period.get(p, set()):
            return p
    return None


def references_drawn(series: pd.DataFrame) -> bool:
    """Whether a :func:`series_frame` holds the region, the province or Flanders (not only the municipality)."""
    return bool(set(series["geo"]) & set(REFERENCE_GEOS))


def series_title(vision: Vision, m: MapIndicator, mode: str, nis: str | None, base: str | None = None, *, lang: str,
                 with_references: bool = True) -> list[str]:
    """Two title lines: what is drawn (with the comparable measure) and for whom. ``with_references``
    False (:func:`references_drawn`): the municipality alone, not "… naast de streek, de provincie en
    Vlaanderen" over a chart that shows none of them."""
    title = indicator_title(m, lang)
    if mode == SERIES_PER1000:
        first = t("map.series.title_per1000", lang, title=title)
    elif mode == SERIES_INDEX:
        first = t("map.series.title_index", lang, title=title, base=fmt_period(base or "", lang=lang))
    else:
        first = t("map.series.title_value", lang, title=title, unit=unit_name(m.unit, lang)) if m.unit else title
    if nis and not with_references:
        second = vision.geo_name(nis, lang)
    else:
        second = t("map.series.who", lang, who=vision.geo_name(nis, lang)) if nis else t("map.series.who_none", lang)
    return [first, second]


def series_axis_title(m: MapIndicator, mode: str, base: str | None, lang: str) -> str:
    """The value axis of the series: what is measured and in which unit ('per 1.000 inwoners',
    'index (2000 = 100)', '%')."""
    if mode == SERIES_PER1000:
        return t("map.unit.per1000", lang)
    if mode == SERIES_INDEX:
        return t("map.series.axis_index", lang, base=fmt_period(base or "", lang=lang))
    return unit_name(m.unit, lang)


def index_base(vision: Vision, ind: str, nis: str | None, view: str, since: str | None) -> str | None:
    df = rows(vision, ind)
    geos = ([nis] if nis else []) + list(REFERENCE_GEOS)
    return _common_base(df[df["geo"].isin(geos)], geos, since if view == "verandering" else None)


# --- choices from a link ----------------------------------------------------------------------
def url_choice(vision: Vision, params: dict[str, str | None], *, lang: str) -> tuple[dict[str, str], list[str]]:
    """The valid part of a link's query (``indicator``, ``jaar``, ``weergave``, ``sinds``,
    ``gemeente``) and a Dutch message for every value that cannot be shown.

    Values are checked in order (the year against the indicator's years, and so on); a value
    that does not fit is dropped, so the page falls back to its default for it."""
    ok: dict[str, str] = {}
    problems: list[str] = []
    nis = params.get("gemeente")      # a municipality does not depend on the indicator (``?gemeente=`` alone)
    if nis:
        if nis in municipal_codes(vision):
            ok["gemeente"] = nis
        else:
            problems.append(t("map.bad_param.gemeente", lang, value=echo(nis)))
    ind = params.get("indicator")
    if ind:
        ids = [m.id for m in map_indicators(vision, lang=lang)]
        if ind in ids:
            ok["indicator"] = ind
        else:
            problems.append(t("map.bad_param.indicator", lang, value=echo(ind)))
    ind = ok.get("indicator")
    if ind is None:
        return ok, problems + [t("map.bad_param.ignored", lang, param=k, value=echo(params[k]))
                               for k in ("jaar", "weergave", "sinds") if params.get(k) and params.get("indicator")]
    m = map_indicator(vision, ind, lang=lang)
    ps = periods(vision, ind)
    jaar = params.get("jaar")
    if jaar:
        if jaar in ps:
            ok["jaar"] = jaar
        else:
            problems.append(t("map.bad_param.jaar", lang, value=echo(jaar), allowed=", ".join(ps)))
    view = params.get("weergave")
    if view:
        views = available_views(m, len(ps))
        if view in views:
            ok["weergave"] = view
        else:
            problems.append(t("map.bad_param.weergave", lang, value=echo(view),
                              allowed=", ".join(t(f"map.view.{v}", lang) for v in views)))   # labels, not codes
    since = params.get("sinds")
    if since and ok.get("weergave") == "verandering":
        upto = ps.index(ok.get("jaar", ps[-1]))
        if since in ps[:upto]:
            ok["sinds"] = since
        else:
            problems.append(t("map.bad_param.sinds", lang, value=echo(since), allowed=", ".join(ps[:upto]) or "–"))
    return ok, problems


# --- the map's click selection (its name in the chart spec; on screen pages/clickable_map makes the
# municipalities buttons, the spec keeps it for a reader of the exported spec)
SELECTION_PARAM = "gemeente_klik"
