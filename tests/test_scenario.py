"""What-if projections: hand-computed cases, the target year, shares capped at 100 %, no storage."""
import math

import pytest

from streek.progress import assess
from streek.scenario import (default_rate_pct, path, projected_value, required_rate, scenario_chart, scenario_for,
                             start_point, unsupported_reason, year_reached)


def test_growth_hand_computed():
    # 100 in 2020 at +10 % a year: 2030 -> 100 * 1,1^10 = 259,374246...
    assert projected_value(100, 2020, 0.10, 2030) == pytest.approx(259.3742460, rel=1e-9)
    # 200 is reached after log(2)/log(1,1) = 7,27 years -> in the 8th year: 2028
    assert year_reached(100, 2020, 0.10, 200, "increase") == 2028
    assert [y for y, _ in path(100, 2020, 0.10, 2023)] == [2020, 2021, 2022, 2023]
    assert path(100, 2020, 0.10, 2022)[-1][1] == pytest.approx(121.0)


def test_exact_hit_is_that_year_not_the_next():
    # 100 -> 121 at +10 %: exactly 121 in 2022 (floating point must not push it to 2023)
    assert year_reached(100, 2020, 0.10, 121, "increase") == 2022


def test_falling_target_2_1_2(vision):
    a = vision.ambition("2.1.2")           # 7.719 niet-werkende werkzoekenden in 2017 -> 6.000 in 2030
    res = assess(a, vision.series(a.code))
    sc = scenario_for(a, res, -2.0)
    # 7719 * 0,98^13 = 7719 * 0,769022... = 5936,08
    assert sc.start_year == 2017 and sc.start_value == 7719
    assert sc.projected == pytest.approx(7719 * 0.98 ** 13)
    assert sc.projected == pytest.approx(5936.08, abs=0.01)
    assert sc.meets_target
    # ln(6000/7719)/ln(0,98) = 12,47 -> 13 years -> 2030
    assert sc.reached_year == 2030 and sc.reached_in_time
    slower = scenario_for(a, res, -1.0)
    assert slower.projected == pytest.approx(6773.6, abs=0.1)
    assert not slower.meets_target
    assert slower.reached_year == 2043      # ln(0,7773)/ln(0,99) = 25,06 -> 26 years
    assert not slower.reached_in_time
    wrong_way = scenario_for(a, res, 1.0)
    assert wrong_way.reached_year is None and not wrong_way.meets_target
    # the needed rate reaches 6.000 exactly in 2030
    assert sc.needed_rate == pytest.approx((6000 / 7719) ** (1 / 13) - 1)
    assert projected_value(7719, 2017, sc.needed_rate, 2030) == pytest.approx(6000)


def test_no_change_never_reaches_unless_already_met():
    assert year_reached(100, 2020, 0.0, 120, "increase") is None
    assert year_reached(130, 2020, 0.0, 120, "increase") == 2020
    assert year_reached(90, 2020, 0.0, 120, "decrease") == 2020


def test_shares_are_capped_at_100(vision):
    a = vision.ambition("2.1.1")          # 75,4 % in 2016 -> 80 % in 2030
    res = assess(a, vision.series(a.code))
    sc = scenario_for(a, res, 5.0)        # 75,4 * 1,05^14 = 149,3 -> capped
    assert sc.projected == 100.0 and sc.capped
    assert max(v for _, v in sc.points) == 100.0
    # ln(80/75,4)/ln(1,05) = 1,21 -> 2 years -> 2018
    assert sc.reached_year == 2018


def test_latest_measurement_is_the_start(vision):
    a = vision.ambition("1.2.1")          # 28.309 in 2016, Statbel 31.391 in 2019
    res = assess(a, vision.series(a.code))
    assert start_point(res) == (2019, 31391.0)
    sc = scenario_for(a, res, 1.0)
    assert sc.start_year == 2019
    assert sc.projected == pytest.approx(31391 * 1.01 ** 11)
    assert sc.needed_rate == pytest.approx(required_rate(31391, 2019, 34000, 2030))
    # the observed trend 2016-2019 is the slider's default
    assert default_rate_pct(res) == round(((31391 / 28309) ** (1 / 3) - 1) * 100, 1)


def test_unsupported_kinds_say_why(vision):
    a = vision.ambition("1.4.3")          # period average 2009-2017
    assert unsupported_reason(a, assess(a, vision.series(a.code))) == "whatif.unsupported.period_average"
    b = vision.ambition("1.1.1")          # relative change without any measurement
    rb = assess(b, vision.series(b.code))
    assert unsupported_reason(b, rb) == "whatif.unsupported.no_measurement"
    assert scenario_for(b, rb, 3.0) is None


def test_scenario_chart_is_labelled_as_a_scenario(vision):
    a = vision.ambition("2.1.2")
    sc = scenario_for(a, assess(a, vision.series(a.code)), -3.0)
    chart = scenario_chart(a, vision.series(a.code), sc, lang="nl")
    spec = chart.to_dict()
    assert "Scenario" in spec["title"]["text"] and "geen meting" in spec["title"]["text"]
    rows = [r for ds in spec["datasets"].values() for r in ds if "reeks" in r]
    years = [r["jaar"] for r in rows if r["reeks"].startswith("Scenario")]
    assert min(years) == 2017 and max(years) == 2030
    assert math.isclose(sc.points[-1][1], sc.projected)


def test_whatif_block_on_a_card_is_labelled_and_computes(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest
    monkeypatch.delenv("DATABASE_URL", raising=False)                 # the seed only, no stored values
    monkeypatch.setenv("STREEK_DB_URL", f"sqlite:///{tmp_path / 'empty.sqlite'}")

    def script():
        from pages.ui import assessments, get_vision
        from pages.whatif import whatif_block
        v = get_vision()
        whatif_block(v, "2.1.2", {"2.1.2": assessments(v)["2.1.2"]}, "nl")

    at = AppTest.from_function(script, default_timeout=120).run()
    assert not at.exception
    assert at.expander[0].label == "Wat als? Scenario – geen meting"
    assert not at.select_slider                    # closed: nothing computed
    at.session_state["whatif-open-2.1.2"] = True   # the reader opens the block
    at.run()
    slider = at.select_slider(key="whatif-2.1.2")
    assert slider.value == 0.0                     # no trend yet: the slider starts at no change
    slider.set_value(-2.0).run()
    text = "\n".join(m.value for m in at.markdown)
    assert "Scenario – geen meting" in text
    assert "Bij -2,0 % per jaar: 5.936 personen in 2030." in text
    assert "Het doel (6.000 personen) zou gehaald worden." in text
    assert "Het doel wordt bereikt in 2030." in text
    slider.set_value(-1.0).run()
    text = "\n".join(m.value for m in at.markdown)
    assert "zou niet gehaald worden" in text and "bereikt in 2043" in text
    chart = at.get("vega_lite_chart")[0]
    assert "geen meting" in chart.proto.spec


def _slide_whatif(monkeypatch, tmp_path, inject_write: bool) -> tuple[tuple, tuple]:
    """Open the what-if block of 2.1.2 in the app, move the slider twice; the measurement store's
    row counts and revision (the key every cache of merged data uses) before and after.
    ``inject_write`` makes the scenario code write one measurement, to prove the check can fail."""
    from streamlit.testing.v1 import AppTest

    import pages.whatif
    from streek.db import Store
    from streek.db.store import NewValue
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("STREEK_DB_URL", url)
    store = Store(url)
    if inject_write:
        real = pages.whatif.scenario_for

        def leaky(a, res, rate):
            Store(url).add([NewValue(a.code, "ZWV", "2024", 1.0, "test")], editor="lek", filename="lek.csv")
            return real(a, res, rate)
        monkeypatch.setattr(pages.whatif, "scenario_for", leaky)

    def script():
        from pages.ui import assessments, get_vision
        from pages.whatif import whatif_block
        v = get_vision()
        whatif_block(v, "2.1.2", {"2.1.2": assessments(v)["2.1.2"]}, "nl")

    at = AppTest.from_function(script, default_timeout=120).run()
    before = (store.counts(), store.revision())
    at.session_state["whatif-open-2.1.2"] = True
    at.run()
    at.select_slider(key="whatif-2.1.2").set_value(-2.0).run()
    at.select_slider(key="whatif-2.1.2").set_value(1.5).run()
    assert not at.exception
    assert "Bij +1,5 % per jaar" in "\n".join(m.value for m in at.markdown)   # the slider really moved
    return before, (store.counts(), store.revision())


def test_moving_the_whatif_slider_stores_nothing(monkeypatch, tmp_path):
    before, after = _slide_whatif(monkeypatch, tmp_path, inject_write=False)
    assert after == before


def test_the_nothing_stored_check_catches_a_write(monkeypatch, tmp_path):
    """The check above is not vacuous: with a write injected into the scenario code it sees it."""
    before, after = _slide_whatif(monkeypatch, tmp_path, inject_write=True)
    assert after != before
    assert after[0]["measurements"] > before[0]["measurements"]
