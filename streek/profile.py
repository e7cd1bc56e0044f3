"""A municipality's profile ("Mijn gemeente"): every indicator with municipal values, how the
municipality compares with the other 12, with the region, the province and Flanders, and the
ambitions its figures contribute to.

Pure (no streamlit). Numbers only: the words and the formatting come from :func:`profile_lines`
and the views, in the language they are given. Nothing is interpolated: a municipality without a
value for an indicator gets ``value=None`` ("geen gegevens"), and a comparison that would need a
missing value is ``None`` too.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from streek import mapdata
from streek.i18n.names import unit_name
from streek.model import Ambition, Vision

REGION, PROVINCE, FLANDERS = mapdata.REGION, mapdata.PROVINCE, mapdata.FLANDERS
POPULATION = mapdata.POPULATION


class ProfileError(ValueError):
    """An unknown municipality code."""


@dataclass(frozen=True)
class Point:
    period: str
    value: float


@dataclass(frozen=True)
class IndicatorProfile:
    """One indicator seen from one municipality (values as published; None = no data)."""
    id: str
    title_nl: str
    unit: str
    is_count: bool
    is_percentage: bool
    is_ambition: bool
    period: str | None            # the municipality's latest period with a value
    value: float | None
    rank: int | None              # 1 = highest among the municipalities with a value in that period
    n_ranked: int                 # how many of the 13 have a value in that period
    region: float | None          # ZWV, province and Flanders in the same period (None where unknown)
    province: float | None
    flanders: float | None
    since_period: str | None      # the municipality's earliest period of the same indicator
    since_value: float | None
    change: float | None          # since then: % for levels, percentage points for percentages
    share_of_region: float | None  # counts: the municipality's share of the region's total, in %
    per1000: float | None         # counts per 1.000 inhabitants (same year), where meaningful
    region_per1000: float | None
    trend: tuple[Point, ...]      # every value of the municipality, oldest first
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    nis: str
    name: str
    indicators: tuple[IndicatorProfile, ...]
    ambitions: dict[str, tuple[Ambition, ...]]   # pillar -> ambitions whose area contains the municipality
    ambitions_no_area: tuple[Ambition, ...]      # ambitions for which the document names no area

    def indicator(self, ind: str) -> IndicatorProfile:
        for p in self.indicators:
            if p.id == ind:
                return p
        raise KeyError(ind)


def _num(v: float) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def _at(df: pd.DataFrame, geo: str, period: str) -> float | None:
    s = df.loc[(df["geo"] == geo) & (df["period"] == period), "value"]
    return float(s.iloc[-1]) if len(s) else None


def municipality_codes(vision: Vision) -> list[str]:
    """The 13 NIS codes, sorted by name."""
    return [g.geo for g in sorted(vision.municipalities(), key=lambda g: g.name_nl)]


def check_nis(vision: Vision, nis: str | None) -> str:
    codes = municipality_codes(vision)
    raw = (nis or "").strip()
    if raw not in codes:
        raise ProfileError(raw[:40])
    return raw


def indicator_profile(vision: Vision, m: mapdata.MapIndicator, nis: str) -> IndicatorProfile:
    df = mapdata.rows(vision, m.id)
    codes = set(municipality_codes(vision))
    mine = df[df["geo"] == nis].sort_values("period_start")
    trend = tuple(Point(str(r.period), float(r.value)) for r in mine.itertuples() if not math.isnan(r.value))
    period = trend[-1].period if trend else None
    value = trend[-1].value if trend else None
    rank = None
    n_ranked = 0
    region = province = flanders = None
    share = per1000 = region_per1000 = None
    if period is not None:
        same = df[(df["period"] == period) & df["geo"].isin(codes)].dropna(subset=["value"])
        same = same.drop_duplicates("geo", keep="last")
        n_ranked = len(same)
        rank = int((same["value"] > value).sum()) + 1      # "min" rank: ties share the better place
        region, province, flanders = (_at(df, g, period) for g in (REGION, PROVINCE, FLANDERS))
        if m.is_count and region:
            share = value / region * 100
        if m.per1000:
            pop = _at(vision.statbel[vision.statbel["indicator"] == POPULATION], nis, period)
            per1000 = value / pop * 1000 if pop else None
            rpop = _at(vision.statbel[vision.statbel["indicator"] == POPULATION], REGION, period)
            region_per1000 = region / rpop * 1000 if (region is not None and rpop) else None
    since_period = trend[0].period if len(trend) > 1 else None
    since_value = trend[0].value if len(trend) > 1 else None
    change = None
    if since_value is not None and value is not None:
        if m.is_percentage:
            change = value - since_value
        elif since_value != 0:
            change = (value / since_value - 1) * 100
    return IndicatorProfile(
        id=m.id, title_nl=m.title_nl, unit=m.unit, is_count=m.is_count, is_percentage=m.is_percentage,
        is_ambition=m.is_ambition, period=period, value=value, rank=rank if value is not None else None,
        n_ranked=n_ranked, region=_num(region), province=_num(province), flanders=_num(flanders),
        since_period=since_period, since_value=since_value, change=change, share_of_region=share,
        per1000=per1000, region_per1000=region_per1000, trend=trend, sources=m.source_ids)


def _contains(vision: Vision, area: str, nis: str) -> bool:
    """True when the municipality ``nis`` lies in ``area`` (itself, ZWV, or an ancestor)."""
    if area in (nis, REGION):
        return True
    geo = vision.geographies.get(nis)
    seen = set()
    while geo is not None and geo.parent and geo.parent not in seen:
        if geo.parent == area:
            return True
        seen.add(geo.parent)
        geo = vision.geographies.get(geo.parent)
    return False


def contributing_ambitions(vision: Vision, nis: str) -> tuple[dict[str, tuple[Ambition, ...]], tuple[Ambition, ...]]:
    """Per pillar, the target series whose area contains the municipality (or that have a value
    imported for the municipality itself); and those for which the document names no area."""
    own = set(vision.observations.loc[vision.observations["geo"] == nis, "indicator"])
    by_pillar: dict[str, list[Ambition]] = {}
    no_area: list[Ambition] = []
    for a in vision.ambitions:
        if a.code in own or (a.geography and _contains(vision, a.geography, nis)):
            by_pillar.setdefault(a.pillar, []).append(a)
        elif not a.geography:
            no_area.append(a)
    return {p: tuple(v) for p, v in by_pillar.items()}, tuple(no_area)


def municipality_profile(vision: Vision, nis: str) -> Profile:
    nis = check_nis(vision, nis)
    inds = tuple(indicator_profile(vision, m, nis) for m in mapdata.map_indicators(vision, lang="nl"))   # title_nl: Dutch
    amb, no_area = contributing_ambitions(vision, nis)
    return Profile(nis, vision.geographies[nis].name_nl, inds, amb, no_area)


# --- words, in the language given ------------------------------------------------------------
def indicator_title(ip: IndicatorProfile, lang: str) -> str:
    """The indicator's name (one rule with the map's: :func:`streek.mapdata.indicator_title`)."""
    return mapdata.indicator_title(ip, lang)


def unit_text(unit: str, lang: str) -> str:
    return unit_name(unit, lang)


def value_text(value: float | None, unit: str, lang: str, decimals: int | None = None) -> str:
    from streek.fmt import fmt_value
    return fmt_value(value, unit_text(unit, lang), decimals, lang=lang)


def rank_text(ip: IndicatorProfile, lang: str) -> str:
    from streek.i18n import t
    if ip.rank is None:
        return t("common.no_data", lang)
    return t("profile.rank", lang, rank=ip.rank, n=ip.n_ranked)


def change_text(ip: IndicatorProfile, lang: str) -> str:
    from streek.fmt import fmt_number, fmt_period
    from streek.i18n import t
    if ip.value is None:
        return t("common.no_data", lang)
    if ip.change is None:
        return t("profile.no_change", lang)
    s = fmt_number(round(ip.change, 1), 1, lang=lang)
    if ip.change > 0 and s.strip("0,.") != "":
        s = "+" + s
    s = f"{s} {t('profile.pp', lang)}" if ip.is_percentage else s + ("%" if lang == "en" else " %")
    return t("profile.change_since", lang, change=s, since=fmt_period(ip.since_period, lang=lang))


def share_text(ip: IndicatorProfile, lang: str) -> str:
    from streek.fmt import fmt_pct
    return fmt_pct(round(ip.share_of_region, 1), 1, lang=lang) if ip.share_of_region is not None else ""


def per1000_text(ip: IndicatorProfile, lang: str) -> str:
    from streek.fmt import fmt_number
    return fmt_number(round(ip.per1000, 1), 1, lang=lang) if ip.per1000 is not None else ""


def _comparable(ip: IndicatorProfile) -> tuple[float | None, str, int | None]:
    """What two municipalities are compared on: per 1.000 inhabitants for counts where that is
    meaningful (a large and a small town compare fairly), else the value as published."""
    if ip.per1000 is not None:
        return ip.per1000, "per1000", 1
    return ip.value, "value", None


def compare(vision: Vision, a: str, b: str, lang: str) -> list[str]:
    """Sentences stating how ``a`` and ``b`` differ, one per indicator with a value for either:
    'Menen telt 79,6 ondernemingen per 1.000 inwoners, Kortrijk 95,3: …'."""
    from streek.fmt import fmt_number, fmt_period
    from streek.i18n import t
    pa, pb = municipality_profile(vision, a), municipality_profile(vision, b)
    out = []
    for ia, ib in zip(pa.indicators, pb.indicators):
        if ia.value is None and ib.value is None:
            continue
        title = indicator_title(ia, lang)
        if ia.value is None or ib.value is None or ia.period != ib.period:
            who = pa.name if ia.value is None else pb.name if ib.value is None else \
                f"{pa.name} ({fmt_period(ia.period, lang=lang)}) / {pb.name} ({fmt_period(ib.period, lang=lang)})"
            out.append(t("profile.compare.missing", lang, indicator=title, who=who))
            continue
        va, kind, dec = _comparable(ia)
        vb, _, _ = _comparable(ib)
        if kind == "per1000":
            unit = f"{unit_text(ia.unit, lang)} {t('profile.per1000_unit', lang)}"
        else:
            unit = unit_text(ia.unit, lang)
        what = t("profile.compare.what", lang, indicator=title, period=fmt_period(ia.period, lang=lang))
        sa = value_text(round(va, 1) if dec else va, unit, lang, dec)
        sb = value_text(round(vb, 1) if dec else vb, unit, lang, dec)
        if round(va, 6) == round(vb, 6):
            out.append(f"{what}: " + t("profile.compare.equal", lang, a=pa.name, b=pb.name, va=sa))
            continue
        if ia.is_percentage:
            d = fmt_number(round(abs(va - vb), 1), 1, lang=lang) + " " + t("profile.pp", lang)
        else:
            d = fmt_number(round(abs(va / vb - 1) * 100, 1), 1, lang=lang) + ("%" if lang == "en" else " %") if vb else "–"
        key = ("profile.compare.count." if ia.is_count else "profile.compare.") + ("higher" if va > vb else "lower")
        out.append(f"{what}: " + t(key, lang, a=pa.name, b=pb.name, va=sa, vb=sb, diff=d))
    return out
