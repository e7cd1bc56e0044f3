"""Every kind of bad input gets its message (file, row, column, found, expected — in Dutch) and
the database is unchanged afterwards; good files typed the Flemish way are read right."""
from __future__ import annotations

import io

import openpyxl
import pytest

from streek.db import Store
from streek.db.importer import (
    MAX_BYTES,
    ImportRefused,
    commit,
    parse_number,
    plan_import,
    preview_frame,
    template_csv,
    template_xlsx,
)
from streek.db.store import NewValue

HEADER = "indicator;geo;period;value;source;note\n"


def csv_bytes(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return (header + "".join(r + "\n" for r in rows)).encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- numbers as typed in Flanders ----------------------------------------------------------
@pytest.mark.parametrize("text,count,expected", [
    ("7.719", True, 7719.0), ("7719", True, 7719.0), ("7 719", True, 7719.0), ("1.234.567", True, 1234567.0),
    ("75,4", False, 75.4), ("1.234,5", False, 1234.5), ("1.234,5", True, 1234.5), ("75.4", False, 75.4),
    ("0.123", False, 0.123), ("-3,5", False, -3.5), ("12.345.678,9", False, 12345678.9), ("1234.5", False, 1234.5),
])
def test_numbers_are_read_the_flemish_way(text, count, expected):
    value, problem = parse_number(text, count=count, lang="nl")
    assert problem is None
    assert value == pytest.approx(expected)


@pytest.mark.parametrize("text,count,fragment", [
    ("1.234", False, "dubbelzinnig"),       # 1234 or 1,234? refused for a non-count
    ("7.719", False, "dubbelzinnig"),
    ("1,234.5", False, "Vlaamse schrijfwijze"),
    ("1,234,567", True, "Vlaamse schrijfwijze"),
    ("veel", True, "een getal"), ("1e5", False, "een getal"), ("nan", False, "een getal"), ("inf", False, "een getal"),
    ("1..2", False, "een getal"), ("12,3,4", False, "een getal"), ("€ 12", False, "een getal"),
])
def test_ambiguous_or_foreign_numbers_are_refused_not_guessed(text, count, fragment):
    value, problem = parse_number(text, count=count, lang="nl")
    assert value is None
    assert fragment in problem


def test_percent_sign_is_allowed_for_percentages_only():
    assert parse_number("75,4 %", count=False, percent=True, lang="nl") == (75.4, None)
    assert parse_number("75,4 %", count=False, percent=False, lang="nl")[0] is None


# --- each bad input: its message, and the database unchanged -------------------------------
BAD = {
    "empty": (b"", None, None, "een leeg bestand"),
    "whitespace": (b" \r\n \n", None, None, "een leeg bestand"),
    "header_only": (HEADER.encode(), 1, None, "alleen een kopregel"),
    "missing_column": (b"indicator;geo;period;value\n2.1.2;ZWV;2021;1\n", 1, "source", "een kolom 'source' in de kopregel"),
    "unknown_column": (b"indicator;geo;period;value;source;extra\n2.1.2;ZWV;2021;1;x;y\n", 1, "extra", "alleen de kolommen"),
    "unknown_indicator": (csv_bytes("2.1.9;ZWV;2021;10;VDAB"), 2, "indicator", "een ambitiecode zoals de verkenner ze toont"),
    "unknown_geo": (csv_bytes("population_total;99999;2021;10;Statbel"), 2, "geo", "een gebied: een NIS-code van 5 cijfers"),
    "wrong_geo_for_ambition": (csv_bytes("2.1.2;30000;2021;10;VDAB"), 2, "geo", "het gebied van ambitie 2.1.2: ZWV"),
    "period_too_early": (csv_bytes("2.1.2;ZWV;1989;10;VDAB"), 2, "period", "een periode tussen 1990 en 2035"),
    "period_too_late": (csv_bytes("2.1.2;ZWV;2036;10;VDAB"), 2, "period", "een periode tussen 1990 en 2035"),
    "period_garbage": (csv_bytes("2.1.2;ZWV;vorig jaar;10;VDAB"), 2, "period", "een jaar (2021)"),
    "not_a_number": (csv_bytes("2.1.2;ZWV;2021;zeven;VDAB"), 2, "value", "een getal"),
    "ambiguous_percentage": (csv_bytes("2.1.1;ZWV;2021;1.234;Statbel"), 2, "value", "dubbelzinnig"),
    "percentage_over_100": (csv_bytes("2.1.1;ZWV;2021;101,5;Statbel"), 2, "value", "een percentage tussen 0 en 100"),
    "negative_count": (csv_bytes("2.1.2;ZWV;2021;-5;VDAB"), 2, "value", "een geheel aantal, niet negatief"),
    "fractional_count": (csv_bytes("2.1.2;ZWV;2021;5,5;VDAB"), 2, "value", "een geheel aantal, niet negatief"),
    "missing_source": (csv_bytes("2.1.2;ZWV;2021;6500;"), 2, "source", "een bron"),
    "duplicate_rows": (csv_bytes("2.1.2;ZWV;2021;6500;VDAB", "2.1.2;ZWV;2021;6400;VDAB"), 3, "indicator, geo, period",
                       "dezelfde staat al op rij 2"),
    "too_many_values": (csv_bytes("2.1.2;ZWV;2021;6500;VDAB;noot;extra"), 2, None, "hoogstens 6 waarden"),
    "undecodable": (HEADER.encode() + b"2.1.2;ZWV;2021;6500;VDAB \x81\x8d\x90\n", None, None, "onleesbaar teken"),
    "utf16": ((HEADER + "2.1.2;ZWV;2021;6500;VDAB\n").encode("utf-16"), None, None, "UTF-16"),
    "too_large": (HEADER.encode() + b"x" * (MAX_BYTES + 1), None, None, "MB"),
    "old_xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, None, None, "oud Excel-bestand"),
    "broken_xlsx": (b"PK\x03\x04" + b"kapot" * 100, None, None, "beschadigd of onleesbaar Excel-bestand"),
}


@pytest.fixture()
def filled_store(db_url, catalog):
    """A store that already holds one import, so that 'unchanged' means something."""
    store = Store(db_url)
    store.add([NewValue("2.1.2", "ZWV", "2019", 7300.0, "VDAB 2020")], editor="anna", filename="eerder.csv",
              seed=catalog.seed)
    return store


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_gets_its_message_and_changes_nothing(case, filled_store, catalog):
    data, row, column, fragment = BAD[case]
    before = (filled_store.revision(), filled_store.counts(), filled_store.current().to_dict("records"))
    plan = plan_import(data, f"{case}.csv", catalog, filled_store, lang="nl")
    assert not plan.ok
    hits = [i for i in plan.issues if fragment in i.found or fragment in i.expected]
    assert hits, [str(i) for i in plan.issues]
    issue = hits[0]
    assert issue.file == f"{case}.csv"
    assert issue.row == row
    if column is not None:
        assert issue.column == column
    assert "verwacht" in str(issue) and "gevonden" in str(issue)  # the Dutch sentence for the editor
    with pytest.raises(ImportRefused):
        commit(plan, filled_store, catalog, editor="anna", overwrite=True, lang="nl")
    assert (filled_store.revision(), filled_store.counts(), filled_store.current().to_dict("records")) == before


def test_every_problem_is_listed_not_only_the_first(catalog):
    plan = plan_import(csv_bytes("2.1.9;ZWV;2021;10;VDAB", "2.1.2;ZWV;2040;zeven;", "2.1.1;ZWV;2021;75,4;Statbel"),
                       "fouten.csv", catalog, lang="nl")
    found = {(i.row, i.column) for i in plan.issues}
    assert found == {(2, "indicator"), (3, "period"), (3, "value"), (3, "source")}


def test_one_bad_row_means_nothing_is_written(db_url, catalog):
    store = Store(db_url)
    plan = plan_import(csv_bytes("2.1.2;ZWV;2021;6500;VDAB", "2.1.1;ZWV;2021;175;Statbel"), "half.csv", catalog, store, lang="nl")
    assert len(plan.rows) == 1 and len(plan.issues) == 1
    with pytest.raises(ImportRefused, match="1 probleem"):
        commit(plan, store, catalog, editor="anna", lang="nl")
    assert store.counts() == {"imports": 0, "measurements": 0, "audit": 0}


def test_conflict_with_a_shown_value_needs_confirmation(db_url, catalog):
    store = Store(db_url)
    plan = plan_import(csv_bytes("2.1.2;ZWV;2017;7.700;VDAB herzien"), "c.csv", catalog, store, lang="nl")
    assert plan.ok and [r.change for r in plan.rows] == ["wijziging"]
    assert plan.rows[0].old_value == 7719.0 and plan.rows[0].old_origin == "data/"
    table = preview_frame(plan, catalog, lang="nl")
    assert table.loc[0, "Oude waarde"] == "7.719 (streekvisie)" and table.loc[0, "Nieuwe waarde"] == "7.700"
    with pytest.raises(ImportRefused, match="bevestig"):
        commit(plan, store, catalog, editor="anna", lang="nl")
    assert store.counts()["imports"] == 0
    res = commit(plan, store, catalog, editor="anna", overwrite=True, lang="nl")
    assert res.n_changed == 1
    again = plan_import(csv_bytes("2.1.2;ZWV;2017;7.700;VDAB herzien"), "c.csv", catalog, store, lang="nl")
    assert [r.change for r in again.rows] == ["gelijk"] and again.rows[0].old_origin == "database"
    with pytest.raises(ImportRefused, match="niets opgeslagen"):
        commit(again, store, catalog, editor="anna", lang="nl")


# --- files as Excel in Flanders writes them --------------------------------------------------
def test_excel_csv_in_windows_1252_with_semicolons(catalog):
    data = csv_bytes("2.1.2;ZWV;2021;6.500;VDAB — jaarrapport;", "population_total;34022;2022;78.123;Statbel;telling één",
                     encoding="cp1252")
    plan = plan_import(data, "excel.csv", catalog, lang="nl")
    assert plan.ok, [str(i) for i in plan.issues]
    assert plan.encoding == "Windows-1252 (cp1252)" and plan.delimiter == ";"
    assert any("Windows-1252" in n for n in plan.notes)
    assert [r.value for r in plan.rows] == [6500.0, 78123.0]
    assert plan.rows[1].note == "telling één"


def test_utf8_with_bom_and_comma_delimiter_and_dutch_headers(catalog):
    data = ("\ufeffindicator,gebied,periode,waarde,bron,opmerking\n"
            '2.1.1,ZWV,2021,"75,4",Statbel,\n3.4.a,ZWV,2022-K1,"1.234",HOWEST,\n').encode("utf-8")
    plan = plan_import(data, "utf8.csv", catalog, lang="nl")
    assert plan.ok, [str(i) for i in plan.issues]
    assert plan.encoding == "UTF-8 met BOM" and plan.delimiter == ","
    assert [(r.period, r.value) for r in plan.rows] == [("2021", 75.4), ("2022-Q1", 1234.0)]


def test_xlsx_with_numbers_and_a_lost_leading_zero(catalog):
    data = xlsx_bytes([["indicator", "geo", "period", "value", "source", "note"],
                       ["population_total", 2000, 2021, 6_700_000, "Statbel", None],
                       ["population_total", 34022, 2021.0, 77_000.0, "Statbel", "=HYPERLINK(\"x\")"],
                       ["2.1.1", "ZWV", "2021", 75.4, "Statbel", ""]])
    plan = plan_import(data, "excel.xlsx", catalog, lang="nl")
    assert plan.ok, [str(i) for i in plan.issues]
    assert [r.geo for r in plan.rows] == ["02000", "34022", "ZWV"]
    assert [r.period for r in plan.rows] == ["2021"] * 3
    assert any("'2000' gelezen als '02000'" in n for n in plan.notes)


def test_xlsx_date_in_period_and_bad_cells_are_reported_with_row_and_column(catalog):
    import datetime
    data = xlsx_bytes([["indicator", "geo", "period", "value", "source"],
                       ["2.1.2", "ZWV", datetime.datetime(2021, 1, 1), 6500, "VDAB"],
                       ["2.1.2", "ZWV", 2022, True, "VDAB"]])
    plan = plan_import(data, "datum.xlsx", catalog, lang="nl")
    assert {(i.row, i.column) for i in plan.issues} == {(2, "period"), (3, "value")}


def test_templates_carry_the_columns_and_no_numbers(catalog):
    assert template_csv().decode("utf-8-sig").strip() == "indicator;geo;period;value;source;note"
    wb = openpyxl.load_workbook(io.BytesIO(template_xlsx(catalog, lang="nl")))
    ws = wb["metingen"]
    assert [c.value for c in ws[1]] == ["indicator", "geo", "period", "value", "source", "note"]
    assert ws.max_row == 1 or all(c.value is None for row in ws.iter_rows(min_row=2) for c in row)
    assert ws["B2"].number_format == "@"  # geo as text keeps 02000
    codes = {r[0].value for r in wb["indicatoren"].iter_rows(min_row=2)}
    assert {"2.1.2", "population_total"} <= codes
    assert "02000" in {r[0].value for r in wb["gebieden"].iter_rows(min_row=2)}
    # the empty template, filled in, imports
    plan = plan_import(template_csv() + b"2.1.2;ZWV;2021;6.500;VDAB\r\n", "sjabloon.csv", catalog, lang="nl")
    assert plan.ok


def test_ambition_values_per_municipality_are_accepted_for_the_map(db_url, catalog):
    """Workshops compare municipalities: an ambition's indicator may get municipal values; they
    reach the map, while the ambition's chart and status keep using its own geography."""
    from streek import load_vision
    from streek.mapdata import has_municipal_values
    from streek.progress import Status, assess

    store = Store(db_url)
    plan = plan_import(csv_bytes("2.1.2;34022;2021;2.100;VDAB", "2.1.2;34027;2021;900;VDAB"), "gemeenten.csv",
                       catalog, store, lang="nl")
    assert plan.ok, [str(i) for i in plan.issues]
    commit(plan, store, catalog, editor="anna", lang="nl")
    vision = load_vision().with_observations(store.current())
    assert has_municipal_values(vision, "2.1.2")
    assert list(vision.series("2.1.2")["period"]) == ["2017"]  # chart and status: ZWV only
    assert assess(vision.ambition("2.1.2"), vision.series("2.1.2")).status is Status.NOT_ASSESSABLE
