"""Accessible names for charts: one place that wraps every Vega-Lite spec before it is shown.

Vega renders a chart as an SVG with ``role="graphics-document"``; its accessible name is the
spec's top-level ``description`` (without it axe reports ``svg-img-alt``). Marks keep Vega-Lite's
automatic per-mark descriptions (``aria`` default), except text and rule marks: those annotate
(value labels, the target line's label) what the data marks and the data table already say, so
they are hidden from assistive technology (``aria: false``) instead of being read twice.
Never imports Streamlit; ``pages/widgets.py`` applies it to every chart it renders.
"""
from __future__ import annotations

DECORATIVE_MARKS = frozenset({"text", "rule"})
MAX_DESCRIPTION = 300


def _mark_type(mark) -> str | None:
    return mark.get("type") if isinstance(mark, dict) else mark


def _quiet(unit: dict) -> dict:
    """``unit`` with decorative marks hidden, recursing into layers and concatenations."""
    out = dict(unit)
    mark = out.get("mark")
    if _mark_type(mark) in DECORATIVE_MARKS:
        out["mark"] = {**(mark if isinstance(mark, dict) else {"type": mark}), "aria": False}
    for key in ("layer", "hconcat", "vconcat", "concat"):
        if isinstance(out.get(key), list):
            out[key] = [_quiet(u) if isinstance(u, dict) else u for u in out[key]]
    if isinstance(out.get("spec"), dict):          # facet / repeat
        out["spec"] = _quiet(out["spec"])
    return out


def describe(text: str) -> str:
    """One line of at most ``MAX_DESCRIPTION`` characters (screen readers read it in full)."""
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"


def accessible_spec(spec: dict, description: str) -> dict:
    """A copy of the Vega-Lite ``spec`` with an accessible name and decorative marks hidden.
    A description already in the spec is kept (the chart builder knows best)."""
    out = _quiet(spec)
    if not out.get("description"):
        out["description"] = describe(description)
    return out


def accessible_chart(chart, description: str):
    """The same for an Altair chart (returns a new chart; the original is not changed)."""
    spec = getattr(chart, "description", None)
    if isinstance(spec, str) and spec:
        return chart
    return chart.properties(description=describe(description))
