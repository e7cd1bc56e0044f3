"""Each kind of bad input in data/ gives a message naming file, row and column."""
import csv
import subprocess
import sys
from pathlib import Path

import pytest

from streek import load_vision
from streek.validate import DataError, validate_dir

ROOT = Path(__file__).resolve().parents[1]


def rewrite(path: Path, fn) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows = fn(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def set_cell(path: Path, key_col: str, key: str, col: str, value: str) -> int:
    """Set one cell; return the line number (header = 1) of the changed row."""
    line = {}

    def fn(rows):
        h = rows[0]
        for i, r in enumerate(rows[1:], start=2):
            if r[h.index(key_col)] == key:
                r[h.index(col)] = value
                line["n"] = i
                return rows
        raise AssertionError(f"{key} not found")
    rewrite(path, fn)
    return line["n"]


def only(issues, file):
    return [i for i in issues if i.file == file]


def test_missing_column(data_copy):
    rewrite(data_copy / "observations.csv", lambda rows: [r[:3] + r[4:] for r in rows])
    issues = only(validate_dir(data_copy), "observations.csv")
    assert any(i.column == "value" and i.row == 1 and "kolom 'value'" in i.expected for i in issues)


def test_unknown_ambition_code_in_observations(data_copy):
    line = set_cell(data_copy / "observations.csv", "indicator", "3.1.1", "indicator", "9.9.9")
    issues = only(validate_dir(data_copy), "observations.csv")
    hit = [i for i in issues if i.column == "indicator" and i.found == "9.9.9"]
    assert hit and hit[0].row == line
    assert "ambitiecode" in hit[0].expected


def test_non_numeric_value_with_dutch_hint(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "1.2.1", "baseline_value", "28.309,0")
    issues = only(validate_dir(data_copy), "ambitions.csv")
    hit = [i for i in issues if i.column == "baseline_value" and i.row == line]
    assert hit and "punt als decimaalteken" in hit[0].expected
    assert f"rij {line}" in str(hit[0])


def test_duplicate_row(data_copy):
    def dup(rows):
        return rows + [rows[1]]
    rewrite(data_copy / "observations.csv", dup)
    issues = only(validate_dir(data_copy), "observations.csv")
    hit = [i for i in issues if "dubbele rij" in i.expected]
    assert hit and "rij 2" in hit[0].expected


def test_year_out_of_range(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "2.1.2", "target_year", "2060")
    issues = only(validate_dir(data_copy), "ambitions.csv")
    assert any(i.column == "target_year" and i.row == line and "2035" in i.expected for i in issues)


def test_unknown_geography(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "2.2.3", "geography", "34999")
    issues = only(validate_dir(data_copy), "ambitions.csv")
    assert any(i.column == "geography" and i.row == line and "gebied" in i.expected for i in issues)


def test_baseline_without_year(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "3.2.3", "baseline_year", "")
    issues = only(validate_dir(data_copy), "ambitions.csv")
    assert any(i.column == "baseline_year" and i.row == line and "basisjaar" in i.expected for i in issues)


def test_percentage_out_of_range(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "2.1.1", "target_value", "180")
    issues = only(validate_dir(data_copy), "ambitions.csv")
    assert any(i.column == "target_value" and i.row == line and "percentage" in i.expected for i in issues)


def test_count_must_be_whole(data_copy):
    line = set_cell(data_copy / "observations.csv", "indicator", "2.1.2", "value", "7.719")
    issues = validate_dir(data_copy)
    assert any(i.file == "observations.csv" and i.row == line and "geheel aantal" in i.expected for i in issues)


def test_baseline_must_match_observation(data_copy):
    set_cell(data_copy / "observations.csv", "indicator", "2.3.3", "value", "1923")
    issues = validate_dir(data_copy)
    assert any("1922" in i.expected and "2.3.3" in i.expected for i in issues)


def test_undecodable_file(data_copy):
    (data_copy / "trends.csv").write_bytes("code,title_nl\n3.1,Digitale \xe9\n".encode("latin-1"))
    issues = validate_dir(data_copy)
    assert any(i.file == "trends.csv" and "UTF-8" in i.expected for i in issues)


def test_missing_file_and_undescribed_file(data_copy):
    (data_copy / "swot.csv").unlink()
    (data_copy / "extra.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    issues = validate_dir(data_copy)
    assert any(i.file == "swot.csv" and i.found == "geen bestand" for i in issues)
    assert any(i.file == "extra.csv" for i in issues)


def test_load_raises_data_error_listing_issues(data_copy):
    set_cell(data_copy / "observations.csv", "indicator", "3.1.1", "geo", "99999")
    with pytest.raises(DataError) as e:
        load_vision(data_copy)
    assert any(i.file == "observations.csv" and i.column == "geo" for i in e.value.issues)
    assert "observations.csv, rij" in str(e.value)


def test_cli_validate_fails_naming_the_row(data_copy):
    line = set_cell(data_copy / "observations.csv", "indicator", "3.1.1", "value", "veel")
    r = subprocess.run([sys.executable, "-m", "streek", "validate", str(data_copy)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1
    assert f"observations.csv, rij {line}, kolom 'value'" in r.stderr


def test_cli_validate_passes_on_seed():
    r = subprocess.run([sys.executable, "-m", "streek", "validate"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "in orde" in r.stdout


# --- issue 13: rules that tie figures stated twice together ------------------------------------
def test_baseline_after_target_is_caught_even_when_observations_are_swapped_with_it(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "2.1.2", "baseline_year", "2030")
    set_cell(data_copy / "ambitions.csv", "code", "2.1.2", "target_year", "2017")
    set_cell(data_copy / "observations.csv", "indicator", "2.1.2", "period", "2030")   # keeps the pair consistent
    issues = only(validate_dir(data_copy), "ambitions.csv")
    hit = [i for i in issues if i.row == line and i.column == "baseline_year"]
    assert hit and hit[0].found == "2030" and "vóór het doeljaar 2017" in hit[0].expected


def test_baseline_period_must_end_before_target_period(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "1.4.3", "baseline_year", "2015-2021")
    set_cell(data_copy / "observations.csv", "indicator", "1.4.3", "period", "2015-2021")
    issues = only(validate_dir(data_copy), "ambitions.csv")
    assert any(i.row == line and i.column == "baseline_year" and "2020-2030" in i.expected for i in issues)


def test_document_figure_that_repeats_a_baseline_must_agree(data_copy):
    line = set_cell(data_copy / "document_figures.csv", "id", "werkzaamheid-zwv", "value", "57.4")
    issues = only(validate_dir(data_copy), "document_figures.csv")
    hit = [i for i in issues if i.row == line and i.column == "value"]
    assert hit and hit[0].found == "57.4"
    assert "75.4" in hit[0].expected and "2.1.1" in hit[0].expected and "ambitions.csv rij" in hit[0].expected


def test_document_figure_that_repeats_a_measurement_must_agree(data_copy):
    line = set_cell(data_copy / "document_figures.csv", "id", "vacatures-zwv", "value", "1965")
    issues = only(validate_dir(data_copy), "document_figures.csv")
    assert any(i.row == line and i.column == "value" and "1956" in i.expected and "observations.csv rij" in i.expected
               for i in issues)


def test_a_rounded_document_figure_may_differ_within_its_rounding_only(data_copy):
    # 28.300 (rounded) against 28.309 passes in the seed; 28.400 does not
    line = set_cell(data_copy / "document_figures.csv", "id", "actieve-ondernemingen-zwv", "value", "28400")
    issues = only(validate_dir(data_copy), "document_figures.csv")
    assert any(i.row == line and i.column == "value" and "28309" in i.expected for i in issues)


def test_document_figure_linked_to_an_ambition_must_share_its_area(data_copy):
    line = set_cell(data_copy / "document_figures.csv", "id", "nwwz-zwv", "geo", "30000")
    issues = only(validate_dir(data_copy), "document_figures.csv")
    assert any(i.row == line and i.column == "geo" and "2.1.2" in i.expected for i in issues)


def test_observation_that_repeats_a_baseline_is_named_by_its_own_row(data_copy):
    line = set_cell(data_copy / "observations.csv", "indicator", "2.3.3", "value", "1923")
    issues = only(validate_dir(data_copy), "observations.csv")
    hit = [i for i in issues if i.row == line and i.column == "value"]
    assert hit and hit[0].found == "1923" and "1922" in hit[0].expected and "2.3.3" in hit[0].expected


def test_relative_target_needs_a_percentage_change_unit(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "1.1.1", "target_unit", "miljoen euro")
    issues = only(validate_dir(data_copy), "ambitions.csv")
    assert any(i.row == line and i.column == "target_unit" and "% verandering" in i.expected for i in issues)


def test_level_target_unit_is_the_indicator_unit(data_copy):
    line = set_cell(data_copy / "ambitions.csv", "code", "1.2.1", "target_unit", "%")
    issues = only(validate_dir(data_copy), "ambitions.csv")
    assert any(i.row == line and i.column == "target_unit" and "'ondernemingen'" in i.expected for i in issues)


def test_swot_second_quadrant_differs_from_the_first(data_copy):
    line = set_cell(data_copy / "swot.csv", "item_nl", "Wetswijzigingen", "also_in", "kans")
    issues = only(validate_dir(data_copy), "swot.csv")
    assert any(i.row == line and i.column == "also_in" for i in issues)


def test_eurostat_row_nuts_and_nis_code_must_match(data_copy):
    line = set_cell(data_copy / "eurostat.csv", "nuts", "BE25", "geo", "02000")
    issues = only(validate_dir(data_copy), "eurostat.csv")
    hit = [i for i in issues if i.row == line and i.column == "geo"]
    assert hit and "30000" in hit[0].expected
