"""Property-based: whatever file arrives, the importer returns a plan with problems — never a
traceback — and a plan without problems only holds rows that pass every rule."""
from __future__ import annotations

import io

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from streek.db.importer import COLUMNS, ImportPlan, parse_number, plan_import
from streek.periods import parse_period

CELLS = st.one_of(
    st.sampled_from(["2.1.2", "2.1.1", "population_total", "ZWV", "34022", "2000", "02000", "2021", "2009-2017",
                     "2021-Q1", "2021-K5", "7.719", "75,4", "1.234,5", "1.234", "-1", "", " ", "=1+1", "\"", ";", ",",
                     "é", "\ufeff", "NaN", "1e9", "101", "VDAB"]),
    st.text(max_size=12),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])


def _check(plan, catalog) -> None:
    assert isinstance(plan, ImportPlan)
    for i in plan.issues:
        assert isinstance(i.expected, str) and i.expected
    if plan.ok:
        for r in plan.rows:
            tg = catalog.targets[r.indicator]
            assert r.geo in catalog.geographies or (r.geo == "" and tg.geography == "")
            p = parse_period(r.period)
            assert p.first_year >= 1990 and p.last_year <= 2035
            if tg.is_percent:
                assert 0 <= r.value <= 100
            if tg.is_count:
                assert r.value >= 0 and float(r.value).is_integer()
            assert r.source
            assert r.period.isascii() and r.indicator in catalog.targets


@SETTINGS
@given(data=st.binary(max_size=2000), name=st.sampled_from(["x.csv", "x.xlsx", "", "x.txt"]))
def test_random_bytes_never_crash(data, name, catalog):
    _check(plan_import(data, name, catalog, lang="nl"), catalog)


@SETTINGS
@given(rows=st.lists(st.lists(CELLS, min_size=0, max_size=8), max_size=8),
       header=st.one_of(st.just(COLUMNS), st.lists(st.sampled_from(COLUMNS + ["gebied", "x", ""]), max_size=7)),
       delim=st.sampled_from([";", ",", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_random_csv_files_never_crash(rows, header, delim, encoding, catalog):
    lines = [delim.join(header)] + [delim.join(r) for r in rows]
    data = "\n".join(lines).encode(encoding, errors="replace")
    _check(plan_import(data, "r.csv", catalog, lang="nl"), catalog)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(st.one_of(CELLS, st.integers(-10**6, 10**9), st.floats(allow_nan=True),
                                        st.booleans(), st.none()), max_size=7), max_size=6))
@example(rows=[["=\x08", "2.1.1"]])        # a formula-like cell with a control character (found by hypothesis)
def test_random_xlsx_files_never_crash(rows, catalog):
    wb = openpyxl.Workbook()
    wb.active.append(COLUMNS)
    for r in rows:
        # openpyxl itself refuses control characters; strings starting with '=' would be formulas
        # (control characters out first: "=\x08" once reached openpyxl as "'=\x08")
        clean = [("".join(ch for ch in c if ch >= " ") if isinstance(c, str) else c) for c in r]
        wb.active.append([("'" + c) if isinstance(c, str) and c.startswith("=") else c for c in clean])
    buf = io.BytesIO()
    wb.save(buf)
    _check(plan_import(buf.getvalue(), "r.xlsx", catalog, lang="nl"), catalog)


@SETTINGS
@given(text=st.text(max_size=20), count=st.booleans(), percent=st.booleans())
def test_parse_number_returns_a_finite_value_or_a_reason(text, count, percent):
    value, problem = parse_number(text, count=count, percent=percent, lang="nl")
    assert (value is None) != (problem is None)
    if value is not None:
        assert value == value and abs(value) != float("inf")
