"""Progress assessment: hand-computed cases for every category, rising and falling."""
from dataclasses import replace

import pandas as pd
import pytest

from streek.load import add_period_columns
from streek.card import reason_text
from streek.progress import Status, assess, cagr, categorise, required_path


def series(points: dict) -> pd.DataFrame:
    return add_period_columns(pd.DataFrame(
        [{"indicator": "x", "geo": "ZWV", "period": str(p), "value": v, "source": "t", "note": ""}
         for p, v in points.items()]))


@pytest.fixture()
def rising(vision):
    # baseline 100 (2016) -> 200 (2030): required CAGR = 2 ** (1/14) - 1 = 5,076 %
    return replace(vision.ambition("1.2.1"), baseline_period="2016", baseline_value=100.0, target_value=200.0)


@pytest.fixture()
def falling(vision):
    return vision.ambition("2.1.2")  # 7.719 (2017) -> 6.000 (2030)


def test_cagr_formula():
    assert cagr(100, 200, 14) == pytest.approx(2 ** (1 / 14) - 1)
    assert cagr(0, 10, 3) is None
    assert cagr(10, 20, 0) is None


@pytest.mark.parametrize("ratio,status", [
    (1.2, Status.ON_TRACK), (0.95, Status.ON_TRACK), (0.94, Status.ACCELERATE), (0.6, Status.ACCELERATE),
    (0.59, Status.INSUFFICIENT), (0.0, Status.INSUFFICIENT), (-0.01, Status.MOVING_AWAY)])
def test_thresholds(ratio, status):
    assert categorise(ratio) is status


@pytest.mark.parametrize("yearly,status", [
    (0.06, Status.ON_TRACK), (0.04, Status.ACCELERATE), (0.01, Status.INSUFFICIENT), (-0.02, Status.MOVING_AWAY)])
def test_rising_categories(rising, yearly, status):
    latest = 100 * (1 + yearly) ** 4
    r = assess(rising, series({2016: 100, 2020: latest}))
    assert r.status is status
    assert r.cagr_actual == pytest.approx(yearly)
    assert r.cagr_required == pytest.approx(2 ** (1 / 14) - 1)
    assert r.ratio == pytest.approx(yearly / (2 ** (1 / 14) - 1))
    # needed from 2020 to reach 200 in 2030
    assert r.needed_from_latest == pytest.approx((200 / latest) ** (1 / 10) - 1)
    assert r.projected_target_year == pytest.approx(latest * (1 + yearly) ** 10)


def test_rising_target_met(rising):
    r = assess(rising, series({2016: 100, 2020: 205}))
    assert r.status is Status.MET


@pytest.mark.parametrize("yearly,status", [
    (-0.03, Status.ON_TRACK), (-0.015, Status.ACCELERATE), (-0.005, Status.INSUFFICIENT), (0.02, Status.MOVING_AWAY)])
def test_falling_categories(falling, yearly, status):
    latest = 7719 * (1 + yearly) ** 3
    r = assess(falling, series({2017: 7719, 2020: latest}))
    required = (6000 / 7719) ** (1 / 13) - 1
    assert r.cagr_required == pytest.approx(required)
    assert r.ratio == pytest.approx(yearly / required)
    assert r.status is status


def test_falling_target_met(falling):
    assert assess(falling, series({2017: 7719, 2021: 5900})).status is Status.MET


def test_only_baseline_is_not_assessable(falling):
    r = assess(falling, series({2017: 7719}))
    assert r.status is Status.NOT_ASSESSABLE
    assert r.reason.code == "only_baseline"
    assert "alleen de basiswaarde" in reason_text(r.reason, "nl")


def test_vacancies_move_away_in_the_seed(vision):
    # 1.577 (2016) -> 1.956 (2017) while the target is 1.200: moving away
    r = assess(vision.ambition("3.1.1"), vision.series("3.1.1"))
    assert r.status is Status.MOVING_AWAY
    assert r.cagr_actual == pytest.approx(1956 / 1577 - 1)
    assert r.reason.code == "rates" and r.reason.kw["actual"] == pytest.approx(r.cagr_actual)
    assert "per jaar nodig" in reason_text(r.reason, "nl")
    assert "a year is needed" in reason_text(r.reason, "en")


def test_relative_change_without_data_is_not_assessable(vision):
    a = vision.ambition("1.1.1")
    r = assess(a, vision.series("1.1.1"))
    assert r.status is Status.NOT_ASSESSABLE
    assert r.reason.code == "no_baseline_no_data"
    assert "geen basiswaarde" in reason_text(r.reason, "nl")


def test_relative_change_uses_first_measurement_and_says_so(vision):
    a = vision.ambition("1.1.1")  # +25 % by 2030
    r = assess(a, series({2019: 100, 2022: 110}))
    assert r.target_value == pytest.approx(125)
    assert r.baseline_period == "2019"
    assert [n.code for n in r.notes] == ["first_as_baseline"]
    assert "eerste meting (2019: 100 miljoen euro)" in reason_text(r.notes[0], "nl", "progress.note")
    assert r.cagr_required == pytest.approx(1.25 ** (1 / 11) - 1)
    assert r.status is Status.ON_TRACK  # 3,2 %/yr vs 2,05 %/yr


def test_maintain_floor(vision):
    a = vision.ambition("1.1.2")  # keep 1.000 industrial establishments
    assert assess(a, series({2019: 1005})).status is Status.MET
    below = assess(a, series({2019: 1005, 2021: 990}))
    assert below.status is Status.MOVING_AWAY
    assert below.reason.code == "maintain_below"
    assert reason_text(below.reason, "en") == ("Latest measurement (2021: 990 establishments) is below the level to keep "
                                               "of 1,000 establishments.")
    assert assess(a, vision.series("1.1.2")).status is Status.NOT_ASSESSABLE


def test_period_average(vision):
    a = vision.ambition("1.4.3")  # 9,2 % average 2009-2017 -> 20 % average 2020-2030
    assert assess(a, vision.series("1.4.3")).status is Status.NOT_ASSESSABLE
    assert assess(a, series({"2009-2017": 9.2, 2020: 15, 2021: 25})).status is Status.ON_TRACK
    assert assess(a, series({"2009-2017": 9.2, 2020: 12})).status is Status.ACCELERATE
    assert assess(a, series({"2009-2017": 9.2, 2020: 8})).status is Status.MOVING_AWAY


def test_share_without_baseline(vision):
    a = vision.ambition("2.3.2")  # 25 % in 2030, no baseline
    assert assess(a, vision.series("2.3.2")).status is Status.NOT_ASSESSABLE
    r = assess(a, series({2019: 20, 2021: 22}))
    assert r.baseline_value == 20 and r.target_value == 25
    assert r.status is Status.ON_TRACK


def test_required_path_runs_from_baseline_to_target():
    pts = required_path(7719, 2017, 6000, 2030)
    assert pts[0] == (2017, pytest.approx(7719))
    assert pts[-1] == (2030, pytest.approx(6000))
    assert len(pts) == 14
    assert all(b[1] < a[1] for a, b in zip(pts, pts[1:]))


def test_every_seed_ambition_gets_an_assessment(vision):
    for a in vision.ambitions:
        r = assess(a, vision.series(a.code))
        assert r.status in Status
        for lang in ("nl", "en"):
            assert reason_text(r.reason, lang)
