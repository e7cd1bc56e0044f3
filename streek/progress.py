"""Progress towards a 2030 target, after Eurostat's SDG method (also used by Open SDG).

For a target "from y0 in t0 to yT in T" and the latest measurement yt in t:

    CAGR_a = (yt / y0) ** (1 / (t - t0)) - 1      actual compound annual growth rate
    CAGR_r = (yT / y0) ** (1 / (T - t0)) - 1      required rate
    R      = CAGR_a / CAGR_r

For a falling target both rates are negative, so R is positive when the indicator moves the
right way. Categories: target met; R >= 95 % on track; 60-95 % acceleration needed;
0-60 % insufficient progress; R < 0 moving away. Fewer than two data points: not assessable.

Kinds that are not "from X to Y" are handled honestly (see :func:`assess`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

import pandas as pd

from streek.model import Ambition

ON_TRACK, ACCELERATE = 0.95, 0.60


class Status(str, Enum):
    MET = "met"
    ON_TRACK = "on_track"
    ACCELERATE = "accelerate"
    INSUFFICIENT = "insufficient"
    MOVING_AWAY = "moving_away"
    NOT_ASSESSABLE = "not_assessable"

    @property
    def color(self) -> str:
        return STATUS_COLORS[self]

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOLS[self]


# Okabe-Ito based, distinguishable for colour-blind readers; always shown with word and symbol.
STATUS_COLORS = {
    Status.MET: "#009E73",
    Status.ON_TRACK: "#56B4E9",
    Status.ACCELERATE: "#E69F00",
    Status.INSUFFICIENT: "#D55E00",
    Status.MOVING_AWAY: "#CC79A7",
    Status.NOT_ASSESSABLE: "#999999",
}
STATUS_SYMBOLS = {
    Status.MET: "✔", Status.ON_TRACK: "▲", Status.ACCELERATE: "►", Status.INSUFFICIENT: "▼",
    Status.MOVING_AWAY: "✖", Status.NOT_ASSESSABLE: "?",
}
STATUS_ORDER = list(Status)


@dataclass(frozen=True)
class Reason:
    """Why a series has its status: a stable code and its parameters (raw numbers, periods,
    the unit). The words are in the catalogue (``progress.reason.<code>``), rendered per language
    by :func:`streek.card.reason_text`."""
    code: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: str, **params) -> Reason:
        return cls(code, tuple(params.items()))

    @property
    def kw(self) -> dict:
        return dict(self.params)


@dataclass
class Assessment:
    code: str
    status: Status
    reason: Reason
    latest_period: str | None = None
    latest_value: float | None = None
    n_points: int = 0
    cagr_actual: float | None = None
    cagr_required: float | None = None
    ratio: float | None = None
    needed_from_latest: float | None = None   # yearly rate needed from the latest value to reach the target
    projected_target_year: float | None = None  # value in the target year if the trend continues (None: too short a span)
    baseline_value: float | None = None       # used baseline (document or, where stated, first measurement)
    baseline_period: str | None = None
    target_value: float | None = None         # absolute target where it can be computed
    notes: list[Reason] = field(default_factory=list)   # caveats, as codes (``progress.note.<code>``)


# The trend so far (the yearly rate from the baseline to the latest measurement) is projected to the
# target year only when those measurements lie at least this many years apart; over a shorter span the
# rate still counts for the status, but it is not drawn on to the target year.
TREND_MIN_YEARS = 3


def cagr(y0: float, y1: float, years: float) -> float | None:
    """Compound annual growth rate; None where undefined (non-positive values, no time)."""
    if years <= 0 or y0 is None or y1 is None or y0 <= 0 or y1 <= 0:
        return None
    return (y1 / y0) ** (1 / years) - 1


def categorise(ratio: float) -> Status:
    if ratio >= ON_TRACK:
        return Status.ON_TRACK
    if ratio >= ACCELERATE:
        return Status.ACCELERATE
    if ratio >= 0:
        return Status.INSUFFICIENT
    return Status.MOVING_AWAY


def _met(direction: str, value: float, target: float) -> bool:
    return value <= target if direction == "decrease" else value >= target


def required_path(y0: float, t0: float, yT: float, T: float, step: float = 1.0) -> list[tuple[float, float]]:
    """Points on the geometric path from (t0, y0) to (T, yT), one per ``step`` years."""
    r = cagr(y0, yT, T - t0)
    pts = []
    n = int(round((T - t0) / step))
    for i in range(n + 1):
        t = t0 + i * step
        if r is None:  # linear where geometric is undefined
            y = y0 + (yT - y0) * (t - t0) / (T - t0)
        else:
            y = y0 * (1 + r) ** (t - t0)
        pts.append((t, y))
    return pts


def assess(a: Ambition, series: pd.DataFrame) -> Assessment:
    """Assess one target series against its measurements (``series`` at its geography).

    ``series`` needs columns period, value, period_start, period_end (see Vision.series)."""
    s = series.sort_values(["period_start", "period_end"])
    n = len(s)
    T = float(a.target_year)
    latest = s.iloc[-1] if n else None
    base = dict(code=a.code, n_points=n,
                latest_period=None if latest is None else latest["period"],
                latest_value=None if latest is None else float(latest["value"]))

    if a.target_kind == "maintain":
        if latest is None:
            return Assessment(status=Status.NOT_ASSESSABLE, reason=Reason.of("maintain_no_data"),
                              target_value=a.target_value, **base)
        ok = float(latest["value"]) >= a.target_value
        return Assessment(
            status=Status.MET if ok else Status.MOVING_AWAY, target_value=a.target_value,
            reason=Reason.of("maintain_above" if ok else "maintain_below", period=str(latest["period"]),
                             value=float(latest["value"]), target=a.target_value, unit=a.unit), **base)

    if a.target_kind == "period_average":
        t_start = int(a.target_period[:4])
        in_window = s[(s["period_start"] >= t_start) & (s["period_end"] <= T) & (s["period_start"] == s["period_end"])]
        if in_window.empty:
            return Assessment(status=Status.NOT_ASSESSABLE, baseline_value=a.baseline_value,
                              baseline_period=a.baseline_period, target_value=a.target_value,
                              reason=Reason.of("average_no_data", window=a.target_period, base=a.baseline_value,
                                               base_period=a.baseline_period, unit=a.unit), **base)
        avg = float(in_window["value"].mean())
        if _met(a.direction, avg, a.target_value):
            st = Status.ON_TRACK
        elif (avg - a.baseline_value) * (1 if a.direction == "increase" else -1) > 0:
            st = Status.ACCELERATE
        else:
            st = Status.MOVING_AWAY
        return Assessment(status=st, baseline_value=a.baseline_value, baseline_period=a.baseline_period,
                          target_value=a.target_value,
                          reason=Reason.of("average_so_far", n=len(in_window), window=a.target_period, average=avg,
                                           target=a.target_value, unit=a.unit), **base)

    # level, relative_change, share_no_baseline
    if a.target_kind == "level":
        y0, p0 = a.baseline_value, a.baseline_period
        yT = a.target_value
    else:
        if n == 0:
            return Assessment(status=Status.NOT_ASSESSABLE, reason=Reason.of("no_baseline_no_data"), **base)
        first = s.iloc[0]
        y0, p0 = float(first["value"]), first["period"]
        yT = y0 * (1 + a.target_value / 100) if a.target_kind == "relative_change" else a.target_value
    t0 = float(p0[:4]) if p0 else None
    out = Assessment(status=Status.NOT_ASSESSABLE, reason=Reason.of("no_data"), baseline_value=y0, baseline_period=p0,
                     target_value=yT, **base)
    if a.target_kind != "level":
        out.notes.append(Reason.of("first_as_baseline", period=str(p0), value=y0, unit=a.unit))
    later = s[s["period_start"] > (t0 if t0 is not None else -math.inf)]
    if latest is not None and _met(a.direction, float(latest["value"]), yT) and len(later):
        out.status = Status.MET
        out.reason = Reason.of("met", period=str(latest["period"]), value=float(latest["value"]), target=yT, unit=a.unit)
        return out
    if len(later) == 0:
        out.reason = Reason.of("only_baseline" if n else "no_data")
        return out
    t = float(latest["period_start"])
    yt = float(latest["value"])
    ca, cr = cagr(y0, yt, t - t0), cagr(y0, yT, T - t0)
    if ca is None or cr is None or cr == 0:
        out.reason = Reason.of("rate_undefined")
        return out
    out.cagr_actual, out.cagr_required = ca, cr
    out.ratio = ca / cr
    out.status = categorise(out.ratio)
    out.needed_from_latest = cagr(yt, yT, T - t) if t < T else None
    if t - t0 >= TREND_MIN_YEARS:
        out.projected_target_year = yt * (1 + ca) ** (T - t)
    else:   # one or two years of change carried over a decade is no forecast (3.1.1: 1.577 -> 1.956 gave 32.163 in 2030)
        out.notes.append(Reason.of("short_trend", base_period=str(p0), period=str(latest["period"]), min_years=TREND_MIN_YEARS))
    out.reason = Reason.of("rates", year=int(t), needed=out.needed_from_latest, target=yT, unit=a.unit,
                           target_year=int(T), base_period=str(p0), actual=ca, required=cr)
    if a.is_percentage:
        out.notes.append(Reason.of("share_rate_approx"))
    return out
