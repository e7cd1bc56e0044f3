"""Dutch (Belgian) formatting of numbers, percentages, changes and periods.

    >>> fmt_number(28309)
    '28.309'
    >>> fmt_pct(75.4)
    '75,4 %'
"""
from __future__ import annotations

import math


def _group(int_part: str) -> str:
    out = []
    while len(int_part) > 3:
        out.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    out.insert(0, int_part)
    return ".".join(out)


def fmt_number(value, decimals: int | None = None, lang: str = "nl") -> str:
    """28309 -> '28.309'; 75.4 -> '75,4'; None/NaN -> '–'.

    Without ``decimals`` whole numbers get none and others keep up to 2 significant decimals.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    v = float(value)
    if decimals is None:
        if v == round(v):
            decimals = 0
        else:
            s = f"{v:.2f}".rstrip("0")
            decimals = len(s.split(".")[1]) if "." in s else 0
    s = f"{abs(v):.{decimals}f}"
    int_part, _, frac = s.partition(".")
    sign = "-" if v < 0 and float(s) != 0 else ""
    out = sign + _group(int_part) + ("," + frac if frac else "")
    if lang == "en":
        out = out.replace(".", "§").replace(",", ".").replace("§", ",")
    return out


def fmt_pct(value, decimals: int | None = None, lang: str = "nl") -> str:
    """75.4 -> '75,4 %' (value is already a percentage); English: '75.4%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return fmt_number(value, decimals, lang) + ("%" if lang == "en" else " %")


def fmt_change(rate, decimals: int = 1, lang: str = "nl") -> str:
    """A fraction as a signed percentage: 0.017 -> '+1,7 %', -0.2 -> '-20,0 %'."""
    if rate is None or (isinstance(rate, float) and math.isnan(rate)):
        return "–"
    pct = rate * 100
    s = fmt_number(pct, decimals, lang)
    if pct > 0 and s.strip("0,.") != "":
        s = "+" + s
    return s + ("%" if lang == "en" else " %")


def fmt_period(text: str, lang: str = "nl") -> str:
    """'2009-2017' -> '2009–2017' (en dash); '2017-Q1' -> '2017-K1' (English keeps Q1)."""
    t = str(text)
    if "-Q" in t:
        if lang == "en":
            return t

        return t.replace("-Q", "-K")
    return t.replace("-", "–")


def fmt_value(value, unit: str, decimals: int | None = None, lang: str = "nl") -> str:
    """A value with its unit, the Dutch way: '75,4 %', '28.309 ondernemingen'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no data" if lang == "en" else "geen gegevens"
    if unit == "%":
        return fmt_pct(value, decimals, lang)
    return f"{fmt_number(value, decimals, lang)} {unit}".strip()


def d3_format_locale() -> dict:
    """The Vega/d3 number locale for Dutch-Belgian formatting (used by chart builders)."""
    return {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}


def vega_nl_number_expr(value_expr: str = "datum.value", spec: str = ",.0f") -> str:
    """A Vega expression that formats a number the Dutch way (``28.309``, ``75,4``).

    Streamlit renders charts with the English locale; use this in ``labelExpr`` of axes and
    legends so that the browser shows Dutch numbers too. Locale-proof: where the renderer
    already formats the Dutch way (vl-convert with ``d3_format_locale``, used for PNG/SVG
    downloads) the expression leaves the text alone instead of swapping it back."""
    f = f"format({value_expr}, '{spec}')"
    swapped = f"replace(replace(replace({f}, ',', '§'), '.', ','), '§', '.')"
    return f"(format(0.5, '.1f') == '0.5' ? {swapped} : {f})"


BRUSSELS = "Europe/Brussels"


def fmt_datetime(value, lang: str = "nl", *, date_only: bool = False) -> str:
    """A stored moment as a person in the region reads it: in Belgian time (Europe/Brussels,
    summer and winter time), '29-11-2026 19:43' in Dutch, '2026-11-29 19:43' in English.

    ``value`` is a ``datetime`` or anything pandas reads as one; naive values are taken as UTC
    (SQLite drops the zone of what was stored in UTC). ``date_only`` leaves out the clock time.
    """
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    if value is None:
        return ""
    if not isinstance(value, datetime):
        import pandas as pd
        value = pd.Timestamp(value).to_pydatetime()
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(ZoneInfo(BRUSSELS))
    fmt = "%Y-%m-%d" if lang == "en" else "%d-%m-%Y"
    return local.strftime(fmt if date_only else fmt + " %H:%M")
