"""What-if projections: "what if the indicator changes by r % a year from the latest measurement?"

A scenario is a calculation on the fly, never a measurement: nothing here is stored, and every
view that shows one labels it "Scenario – geen meting".

For a latest measurement y_t in year t and an assumed yearly change r (a fraction):

    y(year) = y_t * (1 + r) ** (year - t)

The year in which the target y_T is reached is the first whole year with y(year) on the right side
of the target: year = t + ceil(log(y_T / y_t) / log(1 + r)). Shares in % are capped at 0 and 100.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from streek.model import Ambition
from streek.progress import Assessment

SLIDER_MIN, SLIDER_MAX, SLIDER_STEP = -10.0, 10.0, 0.1   # % per year offered on the card
MAX_YEARS = 200                                           # beyond this, "not reached" (also: no change)
_EPS = 1e-9


def projected_value(start_value: float, start_year: float, rate: float, year: float, *, cap_pct: bool = False) -> float:
    """The value in ``year`` when ``start_value`` (in ``start_year``) changes by ``rate`` a year."""
    v = start_value * (1 + rate) ** (year - start_year)
    if cap_pct:
        v = min(max(v, 0.0), 100.0)
    return v


def path(start_value: float, start_year: int, rate: float, until: int, *, cap_pct: bool = False) -> list[tuple[int, float]]:
    """One point per whole year from ``start_year`` up to and including ``until``."""
    return [(y, projected_value(start_value, start_year, rate, y, cap_pct=cap_pct))
            for y in range(int(start_year), int(until) + 1)]


def meets(value: float, target: float, direction: str) -> bool:
    """Whether ``value`` is on the right side of ``target`` (with a tolerance for rounding)."""
    if direction == "decrease":
        return value <= target + _EPS * max(1.0, abs(target))
    return value >= target - _EPS * max(1.0, abs(target))


def year_reached(start_value: float, start_year: int, rate: float, target: float, direction: str,
                 *, cap_pct: bool = False) -> int | None:
    """The first whole year in which the projection reaches ``target``; None if it never does.

    Already on the right side at the start: ``start_year``."""
    if meets(start_value, target, direction):
        return int(start_year)
    if start_value <= 0 or target <= 0 or rate <= -1 or rate == 0:
        return None
    if cap_pct and direction != "decrease" and target > 100:
        return None
    ratio = target / start_value
    growth = math.log(1 + rate)
    n = math.log(ratio) / growth
    if n <= 0:            # the assumed change moves away from the target
        return None
    years = math.ceil(n - 1e-9)
    if years > MAX_YEARS:
        return None
    return int(start_year) + years


def required_rate(start_value: float, start_year: float, target: float, target_year: float) -> float | None:
    """The yearly change needed from the start to reach ``target`` exactly in ``target_year``."""
    if start_value <= 0 or target <= 0 or target_year <= start_year:
        return None
    return (target / start_value) ** (1 / (target_year - start_year)) - 1


@dataclass(frozen=True)
class Scenario:
    """The outcome of one assumed yearly change. ``rate`` is a fraction (0.02 = +2 % a year)."""
    code: str
    rate: float
    start_year: int
    start_value: float
    target_year: int
    target_value: float
    direction: str
    unit: str
    projected: float                 # value in the target year
    meets_target: bool               # projected value on the right side of the target
    reached_year: int | None         # first year the target is reached (None: not within MAX_YEARS)
    needed_rate: float | None        # the yearly change that reaches the target exactly in the target year
    points: tuple[tuple[int, float], ...]
    capped: bool = False             # a share projected beyond 0-100 % was capped

    @property
    def reached_in_time(self) -> bool:
        return self.reached_year is not None and self.reached_year <= self.target_year


def start_point(assessment: Assessment) -> tuple[int, float] | None:
    """The latest measurement (year, value) of a series, where it is a single year."""
    if assessment.latest_value is None or not assessment.latest_period:
        return None
    p = str(assessment.latest_period)
    if not p[:4].isdigit() or (len(p) >= 9 and p[4] == "-" and p[5:9].isdigit()):
        return None      # a period such as 2009-2017 is an average, not a starting year
    return int(p[:4]), float(assessment.latest_value)


def unsupported_reason(a: Ambition, assessment: Assessment) -> str | None:
    """Why no scenario can be computed for this series (a catalogue key), or None."""
    if a.target_kind == "period_average":
        return "whatif.unsupported.period_average"
    if start_point(assessment) is None:
        return "whatif.unsupported.no_measurement"
    target = assessment.target_value if assessment.target_value is not None else a.target_value
    if target is None or target <= 0 or start_point(assessment)[1] <= 0:
        return "whatif.unsupported.zero"
    return None


def scenario_for(a: Ambition, assessment: Assessment, rate_pct: float) -> Scenario | None:
    """Project the latest measurement of ``a`` with ``rate_pct`` % a year up to the target year.

    Returns None where no scenario makes sense (see :func:`unsupported_reason`)."""
    if unsupported_reason(a, assessment) is not None:
        return None
    t, y = start_point(assessment)
    rate = float(rate_pct) / 100
    target = assessment.target_value if assessment.target_value is not None else a.target_value
    direction = "increase" if a.direction == "maintain" else a.direction
    cap = a.is_percentage
    T = a.target_year
    raw = projected_value(y, t, rate, max(T, t))
    proj = projected_value(y, t, rate, max(T, t), cap_pct=cap)
    return Scenario(
        code=a.code, rate=rate, start_year=t, start_value=y, target_year=T, target_value=float(target),
        direction=direction, unit=a.unit, projected=proj, meets_target=meets(proj, target, direction),
        reached_year=year_reached(y, t, rate, target, direction, cap_pct=cap),
        needed_rate=required_rate(y, t, target, T), points=tuple(path(y, t, rate, max(T, t), cap_pct=cap)),
        capped=cap and abs(raw - proj) > _EPS)


def default_rate_pct(assessment: Assessment) -> float:
    """The slider's starting point: the observed trend where there is one, else no change."""
    if assessment.cagr_actual is None:
        return 0.0
    v = round(assessment.cagr_actual * 100, 1)
    return min(max(v, SLIDER_MIN), SLIDER_MAX)


def scenario_chart(a: Ambition, measurements, sc: Scenario, *, lang: str):
    """An Altair chart: the measurements (solid), the scenario (dashed, labelled as such) and the target.

    ``measurements`` is ``Vision.series(code)`` (columns period_start, value)."""
    import altair as alt
    import pandas as pd

    from streek.i18n import t

    meas_label = t("whatif.legend.measured", lang=lang)
    scen_label = t("whatif.legend.scenario", lang=lang)
    target_label = t("whatif.legend.target", lang=lang)
    rows = [{"jaar": int(r.period_start), "waarde": float(r.value), "reeks": meas_label}
            for r in measurements.itertuples() if int(r.period_start) == int(r.period_end)]
    rows += [{"jaar": y, "waarde": v, "reeks": scen_label} for y, v in sc.points]
    rows.append({"jaar": sc.target_year, "waarde": sc.target_value, "reeks": target_label})
    df = pd.DataFrame(rows)
    domain = [meas_label, scen_label, target_label]
    colour = alt.Color("reeks:N", title=None, scale=alt.Scale(domain=domain, range=["#0072B2", "#E69F00", "#009E73"]),
                       legend=alt.Legend(orient="bottom"))
    x = alt.X("jaar:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1),
              scale=alt.Scale(domain=[min(df["jaar"].min(), sc.start_year), max(sc.target_year, df["jaar"].max())]))
    y = alt.Y("waarde:Q", title=a.unit, scale=alt.Scale(zero=False),
              axis=alt.Axis(format=",.4~f"))
    base = alt.Chart(df).encode(x=x, y=y, color=colour)
    measured = base.transform_filter(alt.datum.reeks == meas_label).mark_line(point=True, strokeWidth=3)
    scen = base.transform_filter(alt.datum.reeks == scen_label).mark_line(strokeDash=[6, 4], strokeWidth=3)
    target = base.transform_filter(alt.datum.reeks == target_label).mark_point(shape="diamond", size=220, filled=True)
    rule = alt.Chart(pd.DataFrame({"waarde": [sc.target_value]})).mark_rule(color="#009E73", strokeDash=[2, 2]).encode(y=alt.Y("waarde:Q"))
    return (alt.layer(rule, measured, scen, target)
            .properties(title=alt.Title(t("whatif.chart_title", lang=lang), subtitle=a.code), height=280))
