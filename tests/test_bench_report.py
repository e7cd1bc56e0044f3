"""bench/run.py's report: the goal verdict per page and how far a run's median can land by chance."""
from __future__ import annotations

import pytest

from conftest import bench_run

bench = bench_run()

EMPTY = {"cold_ms": 40, "warm_ms": 0, "first_ms": 800, "render_ms": 1000, "cached_ms": 500, "task_ms": 500}
INFO = {"date": "2026-12-03 15:00 UTC", "platform": "Linux", "nproc": 2, "python": "3.11", "streamlit": "1.67.0",
        "load_start": [0.1], "load_end": [0.2]}
EXTRA = {"cold_runs": 1, "warm_runs": 1, "browser_runs": 5}


def page(title: str, renders: list[float], empties: list[float]) -> dict:
    return {"title": title, "url": title.lower(), "cold_ms": 900, "warm_ms": 10, "first_ms": 900, "charts": 0,
            "stills": 1, "render_ms": sorted(renders)[len(renders) // 2], "render_all": renders,
            "empty_ms": sorted(empties)[len(empties) // 2], "empty_all": empties, "cached_ms": 600}


def test_spread_is_the_middle_half_of_the_paired_ratios():
    row = page("A", [1100, 1200, 1300, 1400, 1500], [1000] * 5)
    assert bench.pair_spread(row) == pytest.approx((1.2, 1.4))
    # each visit is divided by the empty visit right before it, not by the empty page's median
    row = page("B", [1000, 2000], [1000, 2000])
    assert bench.pair_spread(row) == pytest.approx((1.0, 1.0))
    assert bench.pair_spread(page("C", [1000], [1000])) is None      # one pair tells no spread


def test_numbers_are_dutch_and_a_near_miss_keeps_a_third_decimal():
    assert bench._ms(28309.4) == "28.309" and bench._ms(None) == "–"
    assert bench._ratio(1.5034, 1.5) == "1,503" and bench._ratio(1.5034) == "1,50" and bench._ratio(1.5, 1.5) == "1,50"
    assert bench._ratio(None, 1.5) == "–"


def test_report_names_misses_with_their_spread_and_pages_at_the_edge():
    rows = [page("Zwaar", [1500, 1550, 1580, 1600, 1700], [1000] * 5),      # median 1,58: misses
            page("Rand", [1300, 1400, 1450, 1550, 1600], [1000] * 5),       # median 1,45, upper quarter over 1,5
            page("Licht", [1200, 1250, 1300, 1320, 1350], [1000] * 5)]      # clear of the line
    md = bench.report(rows, EMPTY, INFO, "python bench/run.py", EXTRA)
    miss = next(line for line in md.splitlines() if line.startswith("- render > 1,5 ×"))
    edge = next(line for line in md.splitlines() if line.startswith("- render ≤ 1,5 ×"))
    assert "Zwaar (1,58; middle half 1,55–1,60)" in miss and "Rand" not in miss and "Licht" not in miss
    assert "Rand (1,45; middle half 1,40–1,55)" in edge and "Licht" not in edge and "Zwaar" not in edge
    table = {line.split(" | ")[0].lstrip("| "): line for line in md.splitlines() if line.startswith("| ")}
    assert "| 1,58 | 1,55–1,60 |" in table["Zwaar"] and "render ✘" in table["Zwaar"]
    assert "| 1,45 | 1,40–1,55 |" in table["Rand"] and "render ✔" in table["Rand"]
    header = md.splitlines()[md.splitlines().index(table["page"])]
    assert header.count("|") == table["Zwaar"].count("|")           # every row has the header's columns
