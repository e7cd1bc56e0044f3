"""Numbers, percentages, changes and periods in the reader's language, formatted by Babel.

    >>> fmt_number(28309, lang="nl")
    '28.309'
    >>> fmt_pct(75.4, lang="en")
    '75.4%'
"""
from __future__ import annotations

import math

from babel.numbers import format_decimal

LOCALES = {"nl": "nl_BE", "en": "en"}     # Babel locale per interface language


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


def fmt_number(value, decimals: int | None = None, lang: str = "nl") -> str:
    """28309 -> '28.309' (nl) / '28,309' (en); 75.4 -> '75,4' / '75.4'; None/NaN -> '–'.

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
    v = round(v, decimals)
    if v == 0:
        v = 0.0          # no "-0,0"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(v, format=pattern, locale=_locale(lang))


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
