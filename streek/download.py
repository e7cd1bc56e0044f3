"""Downloads people can open: a chart's data as CSV in the reader's convention, or as XLSX.

Pure functions (no streamlit). The language is a parameter:

- ``lang="nl"``: ``;`` between fields, a comma as decimal sign, UTF-8 with BOM, so that Excel in a
  Belgian (Dutch) locale splits the columns, reads the numbers and shows accents;
- ``lang="en"``: ``,`` between fields and a point as decimal sign (UTF-8 with BOM as well).

Numbers carry no thousands separator and are rounded to the precision of their source (a computed
path or trend gets the decimals of the measured values it is drawn through, an index one decimal);
periods are plain text ("2016", "2009-2017"), never "2.016" or "2019.0". Text cells that a
spreadsheet would run as a formula are neutralised (a leading apostrophe).

API:
    ``chart_frame(df, units, lang)``  the chart's data (``streek.charts.build_chart``) as a table
                                      with headers from the catalogue;
    ``to_csv(frame, lang)`` / ``to_xlsx(frame, lang)``  bytes of any table (``chart_frame`` or other);
    file names come from the catalogue (``download.file.*``) in the interface language.
"""
from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping

import pandas as pd

from streek.i18n import t
from streek.i18n.names import unit_name

INDEX_KINDS = {"relative_change"}
MAX_DECIMALS = 4
# A hidden per-row column: how many decimals the value column of that row has.
DECIMALS_COL = "_decimals"
VALUE_KEY = "download.col.value"

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def decimals_of(value: float) -> int:
    """How many decimals ``value`` has as written in the source (75.4 -> 1, 28309.0 -> 0)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    text = f"{float(value):.{MAX_DECIMALS}f}".rstrip("0")
    return len(text.split(".")[1])


def index_unit(lang: str) -> str:
    return t("download.unit.index", lang)


def chart_frame(df: pd.DataFrame, units: Mapping[str, str], lang: str,
                kinds: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The chart's data of one ambition as a downloadable table.

    ``df`` is the frame of ``streek.charts.build_chart`` (columns ``code``, ``reeks``, ``_el``,
    ``_periode``, ``waarde``, ``bron``, ``berekend``); ``units`` maps series code -> unit and
    ``kinds`` series code -> target kind (an index chart's rows get the unit "index (basis = 100)").
    Values are rounded per series: source values keep the decimals they have, computed ones (path,
    trend) get the most decimals among that series' source values; index values get one decimal."""
    kinds = kinds or {}
    rows = []
    for code, part in df.groupby("code", sort=False):
        is_index = kinds.get(code) in INDEX_KINDS
        sourced = part.loc[~part["berekend"].astype(bool), "waarde"]
        dec = 1 if is_index else max([decimals_of(v) for v in sourced] or [0])
        unit = index_unit(lang) if is_index else unit_name(units.get(code, ""), lang)
        for r in part.to_dict("records"):
            value = None if r["waarde"] is None or pd.isna(r["waarde"]) else round(float(r["waarde"]), dec)
            rows.append({
                t("download.col.code", lang): code,
                t("download.col.series", lang): r["reeks"],
                t("download.col.element", lang): t(f"pillars.chart.el.{r['_el']}", lang),
                t("download.col.period", lang): r["_periode"],
                t(VALUE_KEY, lang): value,
                t("download.col.unit", lang): unit,
                t("download.col.source", lang): r["bron"],
                t("download.col.computed", lang): t("download.yes" if r["berekend"] else "download.no", lang),
                DECIMALS_COL: dec,
            })
    return pd.DataFrame(rows)


def _number_text(v, dec: int | None, lang: str) -> str:
    """A number without thousands separator in the reader's decimal sign."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return ""
    if isinstance(v, bool):
        return str(v)
    if dec is None:
        dec = decimals_of(v) if isinstance(v, float) else 0
    text = f"{float(v):.{dec}f}" if isinstance(v, float) or dec else str(int(v))
    return text.replace(".", ",") if lang == "nl" else text


def _cells(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[list]]:
    """Header and rows of a table with numbers as numbers and text neutralised."""
    cols = [c for c in frame.columns if c != DECIMALS_COL]
    out = []
    for _, r in frame.iterrows():
        row = []
        for c in cols:
            v = r[c]
            if isinstance(v, str):
                row.append(neutralise_cell(v))
            elif v is None or (not isinstance(v, bool) and pd.isna(v)):
                row.append(None)
            else:
                row.append(v.item() if hasattr(v, "item") else v)
        out.append(row)
    return cols, out


def _row_decimals(frame: pd.DataFrame) -> list[int | None]:
    if DECIMALS_COL in frame.columns:
        return [int(d) for d in frame[DECIMALS_COL]]
    return [None] * len(frame)


def to_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """CSV bytes in the reader's convention (see the module text); UTF-8 with BOM."""
    cols, rows = _cells(frame, lang)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if lang == "nl" else ",", lineterminator="\r\n")
    w.writerow(cols)
    for row, dec in zip(rows, _row_decimals(frame)):
        w.writerow([_number_text(v, dec, lang) if isinstance(v, int | float) and not isinstance(v, bool)
                    else ("" if v is None else v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, lang: str, sheet: str | None = None) -> bytes:
    """XLSX bytes: numbers as numeric cells with a number format of their precision (the
    spreadsheet shows them in the reader's own locale: the values with thousands grouping, "28.309"
    in a Belgian Excel, "28,309" in an English one), a bold header row, frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    cols, rows = _cells(frame, lang)
    grouped = {t(VALUE_KEY, lang)}       # the measured values: 28.309 in a Belgian Excel (not codes, years, ranks)
    wb = Workbook()
    ws = wb.active
    ws.title = (sheet or t("download.sheet", lang))[:31]
    ws.append(cols)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row, dec in zip(rows, _row_decimals(frame)):
        ws.append(row)
        for cell, v, col in zip(ws[ws.max_row], row, cols):
            if isinstance(v, int | float) and not isinstance(v, bool):
                d = dec if dec is not None else (decimals_of(v) if isinstance(v, float) else 0)
                cell.number_format = ("#,##0" if col in grouped else "0") + ("." + "0" * d if d else "")
    ws.freeze_panes = "A2"
    for i, c in enumerate(cols, start=1):
        width = max([len(str(c))] + [len(str(r[i - 1] or "")) for r in rows[:200]])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, width + 2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

