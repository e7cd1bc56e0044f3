"""Read a partner's CSV or XLSX file, check every row, compare with what is shown, and write.

Nothing is written unless every row passes (:func:`commit` writes one transaction). Every
problem is a :class:`streek.validate.Issue` naming file, row (the line in the file, header = 1),
column, what was found and what was expected, in Dutch (strings in ``streek/i18n/editor.py``).

Reading rules (also on the "Gegevens bijwerken" page and in the README):

- **Size**: at most 5 MB (:data:`MAX_BYTES`) and 50 000 rows.
- **Format**: XLSX by content (a zip file), else CSV. Old ``.xls`` files are refused.
- **Text encoding** of a CSV: UTF-8 (with or without BOM), else Windows-1252 (cp1252, what
  Excel on Windows writes as "CSV (gescheiden door lijstscheidingsteken)"); the preview says
  which. Bytes that neither reads, or NUL bytes (UTF-16, binary files), are refused.
- **Delimiter**: ``;`` (Excel in Flanders), ``,`` or a tab — whichever the header line uses most.
- **Columns**: ``indicator, geo, period, value, source`` (required) and ``note`` (optional);
  Dutch names (gebied, periode, waarde, bron, opmerking) are accepted too. Unknown columns are
  refused rather than silently dropped.
- **Numbers** as typed in Flanders (:func:`parse_number`): comma = decimals, point = thousands.
  ``7.719`` → 7719 for counts; ``75,4`` → 75.4; ``1.234,5`` → 1234.5; ``1.234.567`` → 1234567;
  a point followed by anything but exactly three digits is a decimal point (``75.4``). A single
  point followed by exactly three digits (``1.234``) is ambiguous for anything that is not a
  count (a percentage, euros, km²) and is refused with a message. ``1,234.5`` (English) is refused.
  ``%`` after a percentage is allowed; spaces as thousands separators too (``7 719``).
- **Geography**: the identifiers of ``data/geographies.csv`` (5-character NIS codes, or ``ZWV``).
  Excel drops leading zeros: a 4-digit ``2000`` is read as ``02000`` *with a note in the preview*
  — no NIS code has 4 digits, so this is unambiguous. An ambition's measurements must be for
  the ambition's own geography (empty where the document names none) or for one of the 13
  municipalities (shown on the map; the ambition's chart and status use its own geography).
- **Period**: a year ``2021``, a range ``2009-2017`` or a quarter ``2021-Q1`` (``2021-K1`` is
  read as ``2021-Q1``), within 1990–2035.
"""
from __future__ import annotations

import csv
import difflib
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from streek.db.store import Key, NewValue, Store, StoreError, WriteResult
from streek.fmt import fmt_datetime, fmt_number, fmt_period
from streek.i18n import t
from streek.model import COUNT_UNITS, Vision
from streek.periods import MAX_YEAR, MIN_YEAR, parse_period, period_in_range
from streek.validate import Issue

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
MAX_SOURCE, MAX_NOTE = 300, 2000
COLUMNS = ["indicator", "geo", "period", "value", "source", "note"]
REQUIRED = ["indicator", "geo", "period", "value", "source"]
ALIASES = {"gebied": "geo", "geografie": "geo", "nis": "geo", "periode": "period", "jaar": "period",
           "waarde": "value", "bron": "source", "opmerking": "note", "nota": "note", "toelichting": "note"}
CHANGE_NEW, CHANGE_CHANGED, CHANGE_SAME = "nieuw", "wijziging", "gelijk"


class ImportRefused(Exception):
    """The import was not written; the message says why (Dutch)."""


# --- numbers -------------------------------------------------------------------------------
_INT = re.compile(r"[0-9]+")
_SPACED = re.compile(r"[0-9]{1,3}( [0-9]{3})+(,[0-9]+)?")
_FLEMISH = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+,[0-9]+")
_DOT_GROUPS = re.compile(r"[0-9]{1,3}(\.[0-9]{3}){2,}")
_DOT_ONE_GROUP = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]+")
_DECIMAL_POINT = re.compile(r"[0-9]+\.[0-9]+")
_ENGLISH = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")


def parse_number(raw, *, count: bool, percent: bool = False, lang: str) -> tuple[float | None, str | None]:
    """(value, None) or (None, what was expected). See the module docstring for the rules."""
    if isinstance(raw, bool):
        return None, t("editor.msg.expected_number", lang)
    if isinstance(raw, int | float):
        x = float(raw)
        return (x, None) if math.isfinite(x) else (None, t("editor.msg.expected_number", lang))
    s = str(raw).strip().replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")
    if percent and s.endswith("%"):
        s = s[:-1].rstrip()
    sign = -1.0 if s.startswith("-") else 1.0
    body = s[1:] if s[:1] in "+-" and s[:1] else s
    if not body:
        return None, t("editor.msg.expected_number", lang)
    if _INT.fullmatch(body):
        return sign * float(body), None
    if _SPACED.fullmatch(body):
        return sign * float(body.replace(" ", "").replace(",", ".")), None
    if _FLEMISH.fullmatch(body):
        return sign * float(body.replace(".", "").replace(",", ".")), None
    if _DOT_GROUPS.fullmatch(body):
        return sign * float(body.replace(".", "")), None
    if _DOT_ONE_GROUP.fullmatch(body):
        if count:
            return sign * float(body.replace(".", "")), None
        return None, t("editor.msg.ambiguous_number", lang, a=body.replace(".", ""), b=body.replace(".", ","))
    if _DECIMAL_COMMA.fullmatch(body):
        return sign * float(body.replace(",", ".")), None
    if _DECIMAL_POINT.fullmatch(body):
        return sign * float(body), None
    if _ENGLISH.fullmatch(body) and "," in body:
        return None, t("editor.msg.english_number", lang)
    return None, t("editor.msg.expected_number", lang)


# --- what the file may refer to ----------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """An indicator a row may name: an ambition series or a context indicator."""
    id: str
    title: str
    unit: str
    is_count: bool
    is_percent: bool
    geography: str | None   # ambitions: the one geography allowed ('' = none named)
    levels: tuple[str, ...] = ()  # context indicators: allowed geography levels


@dataclass
class Catalog:
    targets: dict[str, Target]
    geographies: dict[str, tuple[str, str]]   # geo -> (Dutch name, level)
    seed: dict[Key, float]
    names_en: dict[str, str] = field(default_factory=dict)   # geo -> English name

    def geo_name(self, geo: str, lang: str) -> str:
        """The name of area ``geo`` in ``lang`` ("" if unknown)."""
        name = self.geographies.get(geo, ("",))[0]
        return self.names_en.get(geo, name) if lang == "en" else name

    @classmethod
    def from_vision(cls, vision: Vision) -> Catalog:
        targets: dict[str, Target] = {}
        for a in vision.ambitions:
            targets[a.code] = Target(a.code, a.label_nl, a.unit, a.unit in COUNT_UNITS, a.unit == "%", a.geography or "")
        for i in vision.indicators.values():
            targets[i.id] = Target(i.id, i.title_nl, i.unit, i.kind == "count", i.unit in ("%", "percent"), None,
                                   tuple(i.levels))
        geos = {g.geo: (g.name_nl, g.level) for g in vision.geographies.values()}
        return cls(targets, geos, seed_values(vision), {g.geo: g.name("en") for g in vision.geographies.values()})


def seed_values(vision: Vision) -> dict[Key, float]:
    """The value per key in data/ (the seed) — the 'old value' before the first import."""
    out: dict[Key, float] = {}
    for df in (vision.observations, vision.statbel):
        for ind, geo, per, val in zip(df["indicator"], df["geo"].fillna(""), df["period"], df["value"]):
            out[(str(ind), str(geo), str(per))] = float(val)
    return out


# --- the plan ----------------------------------------------------------------------------
@dataclass
class PlannedRow:
    line: int
    indicator: str
    geo: str
    period: str
    value: float
    source: str
    note: str
    old_value: float | None = None
    old_origin: str = ""        # 'data/' (seed) or 'database'
    change: str = CHANGE_NEW

    @property
    def key(self) -> Key:
        return (self.indicator, self.geo, self.period)


@dataclass
class ImportPlan:
    filename: str
    rows: list[PlannedRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    revision: tuple | None = None

    @property
    def ok(self) -> bool:
        return not self.issues and bool(self.rows)

    @property
    def changes(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.change != CHANGE_SAME]

    @property
    def conflicts(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.change == CHANGE_CHANGED]

    def summary(self, *, lang: str) -> str:
        return t("editor.msg.summary", lang, n=len(self.rows), new=sum(r.change == CHANGE_NEW for r in self.rows),
                 changed=len(self.conflicts), same=sum(r.change == CHANGE_SAME for r in self.rows))


# --- reading the file ----------------------------------------------------------------------
def _decode(data: bytes, *, lang: str) -> tuple[str | None, str | None, str | None]:
    """(text, encoding label, problem)."""
    if b"\x00" in data:
        return None, None, t("editor.msg.nul_bytes", lang)
    try:
        text = data.decode("utf-8-sig")
        return text, ("UTF-8 met BOM" if data.startswith(b"\xef\xbb\xbf") else "UTF-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (cp1252)", None
    except UnicodeDecodeError as e:
        bad = data[e.start:e.start + 1].hex()
        return None, None, t("editor.msg.undecodable", lang, byte=bad, pos=e.start)


def _sniff_delimiter(text: str) -> str:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def _read_csv(text: str, delimiter: str) -> list[tuple[int, list]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    start = 1
    for values in reader:
        out.append((start, values))
        start = reader.line_num + 1
    return out


def _read_xlsx(data: bytes, *, lang: str) -> tuple[list[tuple[int, list]], list[str]]:
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        notes = []
        ws = wb.worksheets[0]
        if len(wb.worksheets) > 1:
            notes.append(t("editor.msg.first_sheet", lang, sheet=ws.title))
        out = []
        for i, values in enumerate(ws.iter_rows(values_only=True), start=1):
            out.append((i, list(values)))
            if i > MAX_ROWS + 1:
                break
        return out, notes
    finally:
        wb.close()


def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _blank(values: list) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def read_rows(data: bytes, filename: str, *, lang: str) -> tuple[list[str] | None, list[tuple[int, list]], list[Issue], list[str], str | None, str | None]:
    """Header, rows (line, values), issues, notes, encoding label, delimiter."""
    issues: list[Issue] = []
    notes: list[str] = []
    f = filename or "bestand"
    if len(data) > MAX_BYTES:
        return None, [], [Issue(f, None, None, t("editor.msg.size_found", lang, mb=fmt_number(len(data) / 1e6, 1, lang=lang)),
                                t("editor.msg.size_expected", lang, mb=MAX_BYTES // (1024 * 1024)))], notes, None, None
    if not data.strip():
        return None, [], [Issue(f, None, None, t("editor.msg.empty_found", lang), t("editor.msg.empty_expected", lang))], notes, None, None
    if data[:4] == b"PK\x03\x04":
        try:
            lines, notes = _read_xlsx(data, lang=lang)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError, AttributeError, EOFError) as e:
            return None, [], [Issue(f, None, None, t("editor.msg.bad_xlsx_found", lang, err=type(e).__name__),
                                    t("editor.msg.bad_xlsx_expected", lang))], notes, None, None
        except Exception as e:  # openpyxl raises its own error types for damaged files
            return None, [], [Issue(f, None, None, t("editor.msg.bad_xlsx_found", lang, err=type(e).__name__),
                                    t("editor.msg.bad_xlsx_expected", lang))], notes, None, None
        enc, delim = "XLSX", None
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return None, [], [Issue(f, None, None, t("editor.msg.xls_found", lang), t("editor.msg.bad_xlsx_expected", lang))], notes, None, None
    else:
        text, enc, problem = _decode(data, lang=lang)
        if problem:
            return None, [], [Issue(f, None, None, problem, t("editor.msg.encoding_expected", lang))], notes, None, None
        if enc and enc.startswith("Windows"):
            notes.append(t("editor.msg.read_as_cp1252", lang))
        delim = _sniff_delimiter(text)
        try:
            lines = _read_csv(text, delim)
        except csv.Error as e:
            return None, [], [Issue(f, None, None, str(e), t("editor.msg.csv_expected", lang))], notes, enc, delim
    lines = [(n, v) for n, v in lines if not _blank(v)]
    if not lines:
        return None, [], [Issue(f, None, None, t("editor.msg.empty_found", lang), t("editor.msg.empty_expected", lang))], notes, enc, delim
    (hline, header), body = lines[0], lines[1:]
    if len(body) > MAX_ROWS:
        return None, [], [Issue(f, None, None, t("editor.msg.rows_found", lang, n=len(body)),
                                t("editor.msg.rows_expected", lang, n=MAX_ROWS))], notes, enc, delim
    names = [_cell_text(h).lstrip("\ufeff").strip().lower() for h in header]
    names = [ALIASES.get(n, n) for n in names]
    while names and not names[-1]:
        names.pop()  # Excel pads trailing empty columns
    for i, n in enumerate(names):
        if n not in COLUMNS:
            issues.append(Issue(f, hline, _cell_text(header[i]) or f"#{i + 1}", _cell_text(header[i]),
                                t("editor.msg.unknown_column", lang, cols=", ".join(COLUMNS))))
        elif names.index(n) != i:
            issues.append(Issue(f, hline, n, n, t("editor.msg.duplicate_column", lang)))
    for n in REQUIRED:
        if n not in names:
            issues.append(Issue(f, hline, n, ", ".join(_cell_text(h) for h in header if _cell_text(h)) or "",
                                t("editor.msg.missing_column", lang, col=n)))
    if not issues and not body:
        issues.append(Issue(f, hline, None, t("editor.msg.header_only_found", lang), t("editor.msg.header_only_expected", lang)))
    return names, body, issues, notes, enc, delim


# --- checking rows -------------------------------------------------------------------------
def _suggest(word: str, options, *, lang: str) -> str:
    m = difflib.get_close_matches(word, list(options), n=1, cutoff=0.75)
    return t("editor.msg.did_you_mean", lang, s=m[0]) if m else ""


def _normalise_period(raw) -> str:
    s = _cell_text(raw).replace("\u2013", "-").replace("\u2014", "-").replace(" ", "")
    return re.sub(r"-[Kk]([1-4])$", r"-Q\1", s).replace("-q", "-Q")


def check_rows(names: list[str], body: list[tuple[int, list]], catalog: Catalog, filename: str, *, lang: str) -> tuple[list[PlannedRow], list[Issue], list[str]]:
    f = filename or "bestand"
    rows: list[PlannedRow] = []
    issues: list[Issue] = []
    notes: list[str] = []
    seen: dict[Key, int] = {}
    for line, values in body:
        if len(values) > len(names) and not _blank(values[len(names):]):
            issues.append(Issue(f, line, None, t("editor.msg.n_values", lang, n=len(values)),
                                t("editor.msg.n_values_expected", lang, n=len(names))))
            continue
        cell = {n: (values[i] if i < len(values) else None) for i, n in enumerate(names)}
        row_issues: list[Issue] = []

        def bad(col, found, expected, _ri=row_issues, _line=line):
            _ri.append(Issue(f, _line, col, "" if found is None else str(found), expected))

        # indicator
        ind = _cell_text(cell.get("indicator"))
        target = catalog.targets.get(ind)
        if not ind:
            bad("indicator", "", t("editor.msg.required", lang))
        elif target is None:
            bad("indicator", ind, t("editor.msg.unknown_indicator", lang) + _suggest(ind, catalog.targets, lang=lang))
        # geo
        raw_geo = cell.get("geo")
        geo = _cell_text(raw_geo)
        if geo.upper() == "ZWV":
            geo = "ZWV"
        if re.fullmatch(r"[0-9]{4}", geo) and "0" + geo in catalog.geographies:
            notes.append(t("editor.msg.leading_zero", lang, line=line, found=geo, geo="0" + geo))
            geo = "0" + geo
        if geo and geo not in catalog.geographies:
            bad("geo", _cell_text(raw_geo), t("editor.msg.unknown_geo", lang))
        elif target is not None and target.geography is not None:
            # An ambition's own geography, or one of the 13 municipalities (for the map and
            # workshop comparisons; the ambition's chart and status use its own geography only).
            if geo != target.geography and catalog.geographies.get(geo, ("", ""))[1] != "gemeente":
                want = (t("editor.msg.geo_of_ambition", lang, code=target.id, geo=target.geography,
                          name=catalog.geo_name(target.geography, lang)) if target.geography
                        else t("editor.msg.geo_empty_for_ambition", lang, code=target.id))
                bad("geo", _cell_text(raw_geo), want)
        elif target is not None:
            if not geo:
                bad("geo", "", t("editor.msg.required", lang))
            elif catalog.geographies[geo][1] not in target.levels:
                bad("geo", geo, t("editor.msg.geo_level", lang, levels=", ".join(target.levels)))
        # period
        raw_period = cell.get("period")
        period = _normalise_period(raw_period)
        if isinstance(raw_period, datetime | date):
            bad("period", _cell_text(raw_period), t("editor.msg.period_not_date", lang))
        elif not period:
            bad("period", "", t("editor.msg.required", lang))
        elif (isinstance(raw_period, float) and not raw_period.is_integer()) or not period.isascii():
            bad("period", _cell_text(raw_period), t("editor.msg.period_format", lang))
        else:
            try:
                p = parse_period(period)
                if not period_in_range(p):
                    bad("period", period, t("editor.msg.period_range", lang, lo=MIN_YEAR, hi=MAX_YEAR))
            except ValueError:
                bad("period", _cell_text(raw_period), t("editor.msg.period_format", lang))
        # value
        raw_value = cell.get("value")
        value = None
        if raw_value is None or (isinstance(raw_value, str) and not raw_value.strip()):
            bad("value", "", t("editor.msg.required", lang))
        else:
            value, expected = parse_number(raw_value, count=bool(target and target.is_count),
                                           percent=bool(target and target.is_percent), lang=lang)
            if expected:
                bad("value", _cell_text(raw_value), expected)
            elif target is not None:
                if target.is_percent and not 0 <= value <= 100:
                    bad("value", _cell_text(raw_value), t("editor.msg.percent_range", lang))
                if target.is_count and (value < 0 or not float(value).is_integer()):
                    bad("value", _cell_text(raw_value), t("editor.msg.count", lang, unit=target.unit))
        # source and note
        source = _cell_text(cell.get("source"))
        note = _cell_text(cell.get("note"))
        if not source:
            bad("source", "", t("editor.msg.source_required", lang))
        elif len(source) > MAX_SOURCE:
            bad("source", source[:40] + "…", t("editor.msg.too_long", lang, n=MAX_SOURCE))
        if len(note) > MAX_NOTE:
            bad("note", note[:40] + "…", t("editor.msg.too_long", lang, n=MAX_NOTE))
        if row_issues:
            issues += row_issues
            continue
        key = (ind, geo, period)
        if key in seen:
            issues.append(Issue(f, line, "indicator, geo, period", f"{ind} / {geo or '-'} / {period}",
                                t("editor.msg.duplicate_row", lang, first=seen[key])))
            continue
        seen[key] = line
        rows.append(PlannedRow(line, ind, geo, period, float(value), source, note))
    return rows, issues, notes


def plan_import(data: bytes, filename: str, catalog: Catalog, store: Store | None = None, *, lang: str) -> ImportPlan:
    """Read and check a file; compare each row with the value shown now. Never writes, never raises
    on bad input: every problem is in ``plan.issues``."""
    plan = ImportPlan(filename=filename)
    names, body, issues, notes, enc, delim = read_rows(data, filename, lang=lang)
    plan.issues, plan.notes, plan.encoding, plan.delimiter = issues, notes, enc, delim
    if issues:
        return plan
    rows, row_issues, row_notes = check_rows(names, body, catalog, filename, lang=lang)
    plan.rows, plan.issues, plan.notes = rows, row_issues, plan.notes + row_notes
    if store is not None:
        plan.revision = store.revision()
        stored = store.current_values([r.key for r in rows])
    else:
        stored = {}
    for r in rows:
        if r.key in stored:
            r.old_value, r.old_origin = stored[r.key], "database"
        elif r.key in catalog.seed:
            r.old_value, r.old_origin = catalog.seed[r.key], "data/"
        if r.old_value is None:
            r.change = CHANGE_NEW
        elif math.isclose(r.old_value, r.value, rel_tol=1e-12, abs_tol=1e-12):
            r.change = CHANGE_SAME
        else:
            r.change = CHANGE_CHANGED
    return plan


def commit(plan: ImportPlan, store: Store, catalog: Catalog, *, editor: str, overwrite: bool = False, lang: str) -> WriteResult:
    """Write the plan's changes as one import. Raises :class:`ImportRefused` (nothing written)."""
    if plan.issues:
        raise ImportRefused(t("editor.msg.refused_issues", lang, n=len(plan.issues)))
    if not plan.rows:
        raise ImportRefused(t("editor.msg.refused_empty", lang))
    if not plan.changes:
        raise ImportRefused(t("editor.msg.refused_nothing", lang))
    if plan.conflicts and not overwrite:
        raise ImportRefused(t("editor.msg.refused_conflicts", lang, n=len(plan.conflicts)))
    if not editor or not editor.strip():
        raise ImportRefused(t("editor.msg.refused_editor", lang))
    values = [NewValue(r.indicator, r.geo, r.period, r.value, r.source, r.note) for r in plan.changes]
    try:
        return store.add(values, editor=editor.strip(), filename=plan.filename or "bestand", seed=catalog.seed,
                         expected_revision=plan.revision)
    except StoreError as e:          # also StaleRevision: another editor wrote after the preview
        raise ImportRefused(e.message(lang)) from e


# --- tables for the page and the command line -------------------------------------------------
def issues_frame(issues: list[Issue], *, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{t("editor.col.file", lang): i.file, t("editor.col.row", lang): "" if i.row is None else i.row,
                          t("editor.col.column", lang): i.column or "", t("editor.col.found", lang): i.found,
                          t("editor.col.expected", lang): i.expected} for i in issues],
                        columns=[t("editor.col.file", lang), t("editor.col.row", lang), t("editor.col.column", lang),
                                 t("editor.col.found", lang), t("editor.col.expected", lang)])


def _fmt(v: float | None, *, lang: str) -> str:
    return "" if v is None else fmt_number(v, None if float(v).is_integer() else 4, lang=lang)


def preview_frame(plan: ImportPlan, catalog: Catalog, *, lang: str) -> pd.DataFrame:
    cols = [t("editor.col.row", lang), t("editor.col.indicator", lang), t("editor.col.geo", lang), t("editor.col.period", lang),
            t("editor.col.old", lang), t("editor.col.new", lang), t("editor.col.change", lang), t("editor.col.source", lang),
            t("editor.col.note", lang), t("editor.col.title", lang)]
    out = []
    for r in plan.rows:
        tg = catalog.targets.get(r.indicator)
        old = _fmt(r.old_value, lang=lang)
        if r.old_value is not None:
            old += " " + t("editor.origin." + ("seed" if r.old_origin == "data/" else "db"), lang)
        out.append(dict(zip(cols, [r.line, r.indicator, r.geo or "–", fmt_period(r.period, lang=lang), old, _fmt(r.value, lang=lang),
                                   t("editor.change." + r.change, lang), r.source, r.note, tg.title if tg else ""])))
    return pd.DataFrame(out, columns=cols)


def history_frame(hist: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    cols = [t("editor.col.when", lang), t("editor.col.who", lang), t("editor.col.action", lang), t("editor.col.indicator", lang),
            t("editor.col.geo", lang), t("editor.col.period", lang), t("editor.col.old", lang), t("editor.col.new", lang),
            t("editor.col.source", lang), t("editor.col.import", lang)]
    out = []
    for r in hist.itertuples():
        undone = "" if r.undone_at is None or pd.isna(r.undone_at) else " " + t("editor.history.undone", lang)
        out.append(dict(zip(cols, [fmt_datetime(r.at, lang), r.who, t("editor.action." + r.action, lang), r.indicator,
                                   r.geo or "–", fmt_period(r.period, lang=lang), _fmt(None if pd.isna(r.old_value) else r.old_value, lang=lang),
                                   _fmt(None if pd.isna(r.new_value) else r.new_value, lang=lang), r.source,
                                   f"{r.import_id} ({r.filename}){undone}"])))
    return pd.DataFrame(out, columns=cols)


# --- template --------------------------------------------------------------------------------
def template_csv() -> bytes:
    """An empty template as Excel in Flanders opens it: ';' and UTF-8 with BOM."""
    return ("\ufeff" + ";".join(COLUMNS) + "\r\n").encode("utf-8")


def template_xlsx(catalog: Catalog, *, lang: str) -> bytes:
    """An empty template with the geo column formatted as text (keeps leading zeros), plus
    sheets listing the valid indicators and geographies. No example numbers."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "metingen"
    ws.append(COLUMNS)
    for row in range(2, 502):
        for col in (1, 2, 3):   # indicator, geo, period as text
            ws.cell(row=row, column=col).number_format = "@"
    expl = wb.create_sheet("uitleg")
    expl.append([t("editor.col.column", lang), t("editor.col.required", lang), t("editor.col.meaning", lang)])
    for c in COLUMNS:
        expl.append([c, t("editor.yes", lang) if c in REQUIRED else t("editor.no", lang), t("editor.colhelp." + c, lang)])
    inds = wb.create_sheet("indicatoren")
    inds.append(["indicator", t("editor.col.title", lang), t("editor.col.unit", lang), "geo"])
    for tg in catalog.targets.values():
        inds.append([tg.id, tg.title, tg.unit, tg.geography if tg.geography is not None else ", ".join(tg.levels)])
    geos = wb.create_sheet("gebieden")
    geos.append(["geo", t("editor.col.title", lang), t("editor.col.level", lang)])
    for geo, (_, level) in catalog.geographies.items():
        geos.append([geo, catalog.geo_name(geo, lang), level])
    for sheet in (inds, geos):
        for cell in sheet["A"]:
            cell.number_format = "@"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

