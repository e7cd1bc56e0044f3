"""Downloads people can open (streek.download): the Dutch CSV splits and reads right in a
Belgian-locale spreadsheet (checked with pandas ``sep=";" decimal=","``), the English one with
pandas' defaults; periods are plain; units match the column; the XLSX holds numeric cells.

Expected numbers are read by hand from data/observations.csv and data/ambitions.csv."""
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from streek import charts
from streek.download import DECIMALS_COL, chart_frame, decimals_of, to_csv, to_xlsx
from streek.load import load_vision

VISION = load_vision()


def frame(code: str, lang: str) -> pd.DataFrame:
    _, df = charts.build_chart(VISION, code, lang="nl")
    group = charts.series_of(VISION, code)
    return chart_frame(df, {a.code: a.unit for a in group}, lang, {a.code: a.target_kind for a in group})


def read_nl(data: bytes) -> pd.DataFrame:
    assert data.startswith(b"\xef\xbb\xbf"), "Dutch CSV must start with a UTF-8 BOM for Excel"
    return pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype={"periode": str})


def rows(df: pd.DataFrame, kind_col: str, kind: str, code_col: str = "code", code: str | None = None) -> pd.DataFrame:
    out = df[df[kind_col] == kind]
    return out if code is None else out[out[code_col] == code]


def test_dutch_csv_reads_back_in_belgian_convention():
    data = to_csv(frame("2.1.1", "nl"), "nl")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "code;reeks;soort;periode;waarde;eenheid;bron;berekend"
    df = read_nl(data)
    assert list(df.columns) == ["code", "reeks", "soort", "periode", "waarde", "eenheid", "bron", "berekend"]
    assert df["waarde"].dtype.kind == "f"      # the comma decimals became numbers
    base = rows(df, "soort", "Basiswaarde")
    # data/observations.csv: 2.1.1 75.4, 2.1.1a 44.4, 2.1.1b 51, 2.1.1c 68.7, 2.1.1d 53.8 (2016)
    assert dict(zip(base["code"], base["waarde"])) == {"2.1.1": 75.4, "2.1.1a": 44.4, "2.1.1b": 51.0,
                                                       "2.1.1c": 68.7, "2.1.1d": 53.8}
    assert set(base["periode"]) == {"2016"}
    target = rows(df, "soort", "Doel")
    # data/ambitions.csv target_value: 80, 50, 60, 75, 60 in 2030
    assert dict(zip(target["code"], target["waarde"])) == {"2.1.1": 80.0, "2.1.1a": 50.0, "2.1.1b": 60.0,
                                                           "2.1.1c": 75.0, "2.1.1d": 60.0}
    assert ";75,4;%;" in text and "75.4" not in text


def test_counts_are_whole_numbers_without_thousands_separator():
    data = to_csv(frame("1.2.1", "nl"), "nl")
    text = data.decode("utf-8-sig")
    df = read_nl(data)
    meas = rows(df, "soort", "Meting")
    # data/observations.csv: 1.2.1 ZWV 2016 28309 (document), 2019 31391 (Statbel)
    assert dict(zip(meas["periode"], meas["waarde"])) == {"2016": 28309, "2019": 31391}
    assert ";28309;" in text and "28.309" not in text and "28309,0" not in text
    assert set(df["eenheid"]) == {"ondernemingen"}
    # the computed path is rounded to the precision of its source (whole companies), not 15 decimals
    path = rows(df, "soort", "Vereist pad")
    assert len(path) > 5 and all(float(v).is_integer() for v in path["waarde"])


def test_computed_values_get_the_decimals_of_their_source():
    text = to_csv(frame("2.1.1", "nl"), "nl").decode("utf-8-sig")
    for line in text.splitlines()[1:]:
        value = line.split(";")[4]
        assert len(value.split(",")[1]) == 1 if "," in value else value.isdigit(), line


def test_periods_are_plain_text():
    df = read_nl(to_csv(frame("1.4.3", "nl"), "nl"))
    assert "2009-2017" in set(df["periode"])                 # a period average, not "2009–2017"
    for code in ("1.2.1", "2.1.1", "1.4.3", "1.1.1"):
        text = to_csv(frame(code, "nl"), "nl").decode("utf-8-sig")
        periods = [line.split(";")[3] for line in text.splitlines()[1:]]
        assert all(p == "" or p.replace("-", "").isdigit() for p in periods), (code, periods)
        assert "2.016" not in text and ".0;" not in text


def test_index_rows_carry_an_index_unit():
    nl = read_nl(to_csv(frame("1.1.1", "nl"), "nl"))
    assert set(nl["eenheid"]) == {"index (basis = 100)"}     # not "miljoen euro"
    # ambitions.csv: 1.1.1 is +25 % by 2030 -> target index 125
    assert rows(nl, "soort", "Doel")["waarde"].tolist() == [125.0]
    en = pd.read_csv(io.BytesIO(to_csv(frame("1.1.1", "en"), "en")), encoding="utf-8-sig")
    assert set(en["unit"]) == {"index (base = 100)"}


def test_english_csv_reads_with_pandas_defaults():
    data = to_csv(frame("2.1.1", "en"), "en")
    df = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"period": str})
    assert list(df.columns) == ["code", "series", "kind", "period", "value", "unit", "source", "computed"]
    base = df[(df["kind"] == "Baseline") & (df["code"] == "2.1.1")]
    assert base["value"].tolist() == [75.4] and base["period"].tolist() == ["2016"]
    assert ",75.4,%," in data.decode("utf-8-sig")
    assert set(df["computed"]) == {"yes", "no"}


def test_xlsx_holds_numeric_cells_equal_to_data():
    wb = load_workbook(io.BytesIO(to_xlsx(frame("1.2.1", "nl"), "nl")))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header == ["code", "reeks", "soort", "periode", "waarde", "eenheid", "bron", "berekend"]
    assert DECIMALS_COL not in header
    got = {(r[2], r[3]): r[4] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert got[("Meting", "2016")] == 28309 and got[("Meting", "2019")] == 31391
    assert got[("Doel", "2030")] == 34000
    cells = [r[4] for r in ws.iter_rows(min_row=2)]
    assert all(c.data_type == "n" for c in cells)
    assert {c.number_format for c in cells} == {"#,##0"}      # Excel in nl-BE shows 28.309
    wb2 = load_workbook(io.BytesIO(to_xlsx(frame("2.1.1", "en"), "en")))
    vals = {(r[0], r[2]): (r[4]) for r in wb2.active.iter_rows(min_row=2, values_only=True)}
    assert vals[("2.1.1", "Baseline")] == pytest.approx(75.4, abs=1e-12)
    assert wb2.active.title == "data"
    assert {r[4].number_format for r in wb2.active.iter_rows(min_row=2)} <= {"#,##0", "#,##0.0"}
    # other numeric columns (a rank, a count of something else) keep plain digits: no "2.016"
    df = pd.DataFrame({"jaar": [2016, 2017], "waarde": [28309.0, 1234.5]})
    ws3 = load_workbook(io.BytesIO(to_xlsx(df, "nl"))).active
    assert [(c.value, c.number_format) for c in ws3["A"][1:]] == [(2016, "0"), (2017, "0")]
    assert [c.number_format for c in ws3["B"][1:]] == ["#,##0", "#,##0.0"]


def test_any_table_and_formula_cells_are_neutralised():
    df = pd.DataFrame({"naam": ["=SUM(A1)", "Kortrijk"], "waarde": [0.25, 3.0], "aantal": [1, 2]})
    text = to_csv(df, "nl").decode("utf-8-sig")
    assert text.splitlines() == ["naam;waarde;aantal", "'=SUM(A1);0,25;1", "Kortrijk;3;2"]
    assert to_csv(df, "en").decode("utf-8-sig").splitlines()[1] == "'=SUM(A1),0.25,1"


@pytest.mark.parametrize("value, n", [(75.4, 1), (28309.0, 0), (0.25, 2), (2.123456789, 4), (float("nan"), 0)])
def test_decimals_of(value, n):
    assert decimals_of(value) == n
