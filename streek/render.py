"""Static images of Altair charts through vl-convert (SVG and PNG), for downloads and exports.

Results are cached on the JSON spec text: the first call costs ~0.5 s, later ones ~15 ms (SVG)
and ~110 ms (PNG).
"""
from __future__ import annotations

import json
from functools import lru_cache

import altair as alt
import vl_convert as vlc

from streek.fmt import chart_lang, d3_format_locale

_TIME_LOCALE = {
    "dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
    "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
    "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
    "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december"],
    "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
}


def spec_json(chart: alt.TopLevelMixin | dict | str) -> str:
    """A chart as canonical JSON text (the cache key of the converters)."""
    if isinstance(chart, str):
        return chart
    if isinstance(chart, dict):
        return json.dumps(chart, sort_keys=True)
    return json.dumps(chart.to_dict(), sort_keys=True)


@lru_cache(maxsize=512)
def _svg(spec: str) -> str:
    s = json.loads(spec)
    return vlc.vegalite_to_svg(s, format_locale=d3_format_locale(chart_lang(s)), time_format_locale=_TIME_LOCALE)


@lru_cache(maxsize=256)
def _png(spec: str, scale: float) -> bytes:
    s = json.loads(spec)
    return vlc.vegalite_to_png(s, scale=scale, format_locale=d3_format_locale(chart_lang(s)),
                               time_format_locale=_TIME_LOCALE)


def to_svg(chart) -> bytes:
    """SVG bytes of a chart, numbers in the chart's language (``usermeta.lang``)."""
    return _svg(spec_json(chart)).encode("utf-8")


def to_png(chart, scale: float = 2.0) -> bytes:
    """PNG bytes of a chart, by default at twice the size for projectors and print."""
    return _png(spec_json(chart), float(scale))


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_bytes(df) -> bytes:
    """CSV (UTF-8 with BOM so that Excel reads accents; comma separator, point decimals).

    Text cells that begin with =, +, -, @ are neutralised against formula injection;
    numbers are left alone."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype) == "str" or str(out[col].dtype).startswith("string"):
            out[col] = out[col].map(neutralise_cell)
    return out.to_csv(index=False).encode("utf-8-sig")
