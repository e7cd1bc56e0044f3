"""Numbers, percentages, changes and periods in the reader's language, formatted by Babel.

    >>> fmt_number(28309, lang="nl")
    '28.309'
    >>> fmt_pct(75.4, lang="en")
    '75.4%'
"""
from __future__ import annotations

import math

from babel.numbers import format_decimal

from streek.i18n.names import unit_name

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
    """A value with its unit (a unit of data/, translated by streek.i18n.names): '75,4 %',
    '28.309 ondernemingen'; in English '75.4%', '28,309 enterprises'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no data" if lang == "en" else "geen gegevens"
    if unit == "%":
        return fmt_pct(value, decimals, lang)
    return f"{fmt_number(value, decimals, lang)} {unit_name(unit, lang)}".strip()


D3_LOCALES = {   # the Vega/d3 number locale per language (PNG/SVG rendering by vl-convert)
    "nl": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}


def d3_format_locale(lang: str) -> dict:
    """The Vega/d3 number locale of ``lang``."""
    return D3_LOCALES.get(lang, D3_LOCALES["nl"])


def vega_locale(lang: str) -> dict:
    """The Vega ``config.locale`` of ``lang``: axes, legends and ``format()`` in a chart write numbers as a
    reader of ``lang`` does (nl ``28.309``/``75,4``; en ``28,309``/``75.4``), in the browser (Streamlit's
    vega-embed reads the spec's config) as in vl-convert (which gets the same locale, streek.render)."""
    return {"number": d3_format_locale(lang)}


BRUSSELS = "Europe/Brussels"
_DATE_FORMAT = ("%d-%m-%Y", "%Y-%m-%d")      # Dutch (Belgian) and English (ISO) calendar dates


def today_brussels(now=None):
    """Today's date in Belgium (Europe/Brussels), not the machine's or UTC's: between midnight and
    01:00/02:00 Belgian time the UTC date is still yesterday. ``now``: an aware datetime (tests)."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    return (now or datetime.now(UTC)).astimezone(ZoneInfo(BRUSSELS)).date()


def fmt_date(d, lang: str = "nl") -> str:
    """A calendar date: '30-11-2026' in Dutch, '2026-11-30' in English (as :func:`fmt_datetime`)."""
    return d.strftime(_DATE_FORMAT[lang == "en"])


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
    return fmt_date(local, lang) if date_only else local.strftime(_DATE_FORMAT[lang == "en"] + " %H:%M")
