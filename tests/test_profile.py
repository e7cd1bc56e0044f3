"""The municipality profile (streek.profile): every number equals data/, ranks over the 13."""
from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from streek.profile import ProfileError, change_text, compare, municipality_profile, rank_text, value_text

DATA = Path(__file__).resolve().parents[1] / "data"
THIRTEEN = {"34002", "34003", "34009", "34013", "34022", "34023", "34025", "34027", "34040", "34041",
            "34042", "34043", "33029"}


def _csv_values(indicator: str, period: str) -> dict[str, float]:
    """Read data/statbel.csv directly (an independent path from streek.load)."""
    with open(DATA / "statbel.csv", encoding="utf-8") as f:
        return {r["geo"]: float(r["value"]) for r in csv.DictReader(f)
                if r["indicator"] == indicator and r["period"] == period}


def test_menen_active_enterprises_hand_checked(vision):
    p = municipality_profile(vision, "34027")
    ip = p.indicator("vat_enterprises_active")
    assert p.name == "Menen"
    assert (ip.period, ip.value) == ("2019", 2658.0)
    assert round(ip.per1000, 1) == 79.6                     # 2.658 / 33.385 inhabitants on 1/1/2019
    assert ip.region == 31391.0 and round(ip.share_of_region, 1) == 8.5
    assert value_text(ip.value, ip.unit, "nl") == "2.658 ondernemingen"
    assert value_text(ip.value, ip.unit, "en") == "2,658 enterprises"


@pytest.mark.parametrize("nis", ["34027", "34022"])
def test_every_number_equals_data_and_ranks_over_the_13(vision, nis):
    p = municipality_profile(vision, nis)
    for ip in p.indicators:
        if ip.is_ambition or ip.value is None:
            continue
        vals = _csv_values(ip.id, ip.period)
        assert ip.value == vals[nis]
        munis = {g: v for g, v in vals.items() if g in THIRTEEN}
        assert ip.n_ranked == len(munis) <= 13
        assert ip.rank == 1 + sum(v > vals[nis] for v in munis.values())
        assert ip.region == vals.get("ZWV") and ip.province == vals.get("30000") and ip.flanders == vals.get("02000")
        assert [pt.value for pt in ip.trend][-1] == vals[nis]


def test_change_since_the_earliest_year(vision):
    ip = municipality_profile(vision, "34027").indicator("population_total")
    first, last = _csv_values("population_total", "1992")["34027"], _csv_values("population_total", "2022")["34027"]
    assert ip.since_period == "1992" and ip.period == "2022"
    assert ip.change == pytest.approx((last / first - 1) * 100)
    assert change_text(ip, "nl") == "+4,1 % sinds 1992"
    assert change_text(ip, "en") == "+4.1% since 1992"
    assert rank_text(ip, "nl") == "3 van 13" and rank_text(ip, "en") == "3 of 13"


def test_percentage_change_in_points_and_one_measurement(vision):
    ip = municipality_profile(vision, "34027").indicator("employment_rate_20_64_census2011")
    assert ip.value == 70.5 and ip.change is None
    assert change_text(ip, "nl") == "één meting"


def test_missing_value_shows_geen_gegevens_never_filled(vision):
    sb = vision.statbel
    gone = sb[~((sb["indicator"] == "vat_enterprises_active") & (sb["geo"] == "34027"))]
    v2 = dataclasses.replace(vision, statbel=gone)
    ip = municipality_profile(v2, "34027").indicator("vat_enterprises_active")
    assert ip.value is None and ip.rank is None and ip.per1000 is None
    assert value_text(ip.value, ip.unit, "nl") == "geen gegevens"
    assert rank_text(ip, "en") == "no data"
    other = municipality_profile(v2, "34022").indicator("vat_enterprises_active")
    assert other.n_ranked == 12            # ranks over the municipalities that have a value


def test_contributing_ambitions_follow_the_area(vision):
    menen = municipality_profile(vision, "34027")
    wervik = municipality_profile(vision, "33029")
    codes_m = {a.code for v in menen.ambitions.values() for a in v}
    codes_w = {a.code for v in wervik.ambitions.values() for a in v}
    assert "2.2.1" in codes_m and "2.2.1" not in codes_w      # arrondissement Kortrijk: not Wervik
    assert "1.2.1" in codes_w                                 # ZWV includes Wervik
    assert all(not a.geography for a in menen.ambitions_no_area)


def test_compare_states_the_difference_in_words(vision):
    nl = compare(vision, "34027", "34022", "nl")
    line = next(s for s in nl if s.startswith("Actieve btw-plichtige ondernemingen"))
    assert "Menen telt 79,6 ondernemingen per 1.000 inwoners" in line and "Kortrijk 108,8" in line
    en = compare(vision, "34027", "34022", "en")
    assert any("Menen has 79.6 enterprises per 1,000 inhabitants" in s for s in en)


@pytest.mark.parametrize("bad", ["", "99999", "Menen", "x" * 6000])
def test_unknown_municipality_is_refused_and_not_echoed_in_full(vision, bad):
    with pytest.raises(ProfileError) as e:
        municipality_profile(vision, bad)
    assert len(str(e.value)) <= 40

