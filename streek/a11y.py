"""Accessible names for charts: one place that wraps every Vega-Lite spec before it is shown.

Vega renders a chart as an SVG with ``role="graphics-document"``; its accessible name is the
spec's top-level ``description`` (without it axe reports ``svg-img-alt``). The chart is announced
as one image with that description; its data are one click away in the "Toon data" table under
every chart (``pages/widgets.py``). The marks themselves are hidden from assistive technology
(``aria: false``): Vega gives mark containers (the layers of points, the shapes of a map) a role
without a name, which screen readers announce as empty graphics (axe: ``svg-img-alt``), and the
value labels and target-line texts would only repeat what the description and table say.
Never imports Streamlit; ``pages/widgets.py`` applies it to every chart it renders.
"""
from __future__ import annotations

MAX_DESCRIPTION = 300


def _mark_type(mark) -> str | None:
    return mark.get("type") if isinstance(mark, dict) else mark


def _quiet(unit: dict) -> dict:
    """``unit`` with its marks hidden, recursing into layers and concatenations."""
    out = dict(unit)
    mark = out.get("mark")
    named = isinstance(out.get("encoding"), dict) and "description" in out["encoding"]
    if _mark_type(mark) is not None and not named:   # a builder that names each item (the map) keeps it
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
    """A copy of the Vega-Lite ``spec`` with an accessible name and its marks hidden.
    A description already in the spec is kept (the chart builder knows best)."""
    out = _quiet(spec)
    if not out.get("description"):
        out["description"] = describe(description)
    return out


ECHO_MAX = 40   # characters of a visitor's input repeated in a message


def echo(text, n: int = ECHO_MAX) -> str:
    """Input repeated in a message, cut to ``n`` characters with an ellipsis (a 6.000-character
    query parameter is never shown in full)."""
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"
