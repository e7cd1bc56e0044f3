"""data/ holds the whole vision, exactly as the document has it."""
import re
from pathlib import Path

import pytest

from streek.validate import validate_dir

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_4056680ca43207d1.txt"

# Hand-typed from the document (pp. 17–24): code -> (baseline year, baseline, target year, target)
DOCUMENT_TARGETS = {
    "1.1.1": (None, None, "2030", 25), "1.1.2": (None, None, "2030", 1000),
    "1.2.1": ("2016", 28309, "2030", 34000), "1.2.2": ("2016", 23304, "2030", 24500),
    "1.2.3": ("2016", 114221, "2030", 120000), "1.3.1": ("2016", 2391, "2030", 2750),
    "1.3.2": ("2018", 7.5, "2030", 15), "1.4.1": (None, None, "2030", 50),
    "1.4.2": ("2015", 6494, "2030", 8000), "1.4.3": ("2009-2017", 9.2, "2020-2030", 20),
    "1.5.1": (None, None, "2030", 25), "1.5.2a": ("2015", 47.8, "2030", 55),
    "1.5.2b": ("2015", 33.4, "2030", 38), "1.5.2c": ("2015", 36.3, "2030", 40),
    "2.1.1": ("2016", 75.4, "2030", 80), "2.1.1a": ("2016", 44.4, "2030", 50),
    "2.1.1b": ("2016", 51, "2030", 60), "2.1.1c": ("2016", 68.7, "2030", 75),
    "2.1.1d": ("2016", 53.8, "2030", 60), "2.1.2": ("2017", 7719, "2030", 6000),
    "2.1.3": ("2017", 9898, "2030", 7918), "2.2.1": ("2016", 5689, "2030", 7000),
    "2.2.2": ("2015", 3774, "2030", 5500), "2.2.3": ("2016", 13736, "2030", 17000),
    "2.3.1": ("2016", 14275, "2030", 16000), "2.3.2": (None, None, "2030", 25),
    "2.3.3": ("2017", 1922, "2030", 2300), "2.3.4": ("2018", 1053, "2030", 850),
    "3.1.1": ("2016", 1577, "2030", 1200), "3.2.1": ("2019", 33, "2030", 300),
    "3.2.2": ("2019", 143, "2030", 400), "3.2.3": ("2016", 504, "2030", 600),
    "3.2.4": ("2016", 58, "2030", 68), "3.3.1": ("2016", 6.8, "2030", 10),
    "3.3.2": ("2018", 35, "2030", 50), "3.4.a": ("2018", 11334, "2030", 16000),
    "3.4.b": ("2018", 811, "2030", 1500),
}


def norm(s: str) -> str:
    s = re.sub(r"-\s*\n\s*", "", s)
    return re.sub(r"\s+", " ", s).replace("’", "'").strip()


def test_seed_data_is_valid():
    assert validate_dir(ROOT / "data") == []


def test_structure_counts(vision):
    assert [p.code for p in vision.pillars] == ["1", "2", "3"]
    assert len(vision.building_blocks) == 12
    assert len(vision.ambitions) == 37
    assert len({a.ambition for a in vision.ambitions}) == 31
    assert {a.code for a in vision.ambitions if a.is_sub_target} == {
        "2.1.1a", "2.1.1b", "2.1.1c", "2.1.1d", "1.5.2a", "1.5.2b", "1.5.2c"}
    per_pillar = {p: len({a.ambition for a in vision.ambitions_of(pillar=p)}) for p in "123"}
    assert per_pillar == {"1": 12, "2": 10, "3": 9}


@pytest.mark.parametrize("code", sorted(DOCUMENT_TARGETS))
def test_baseline_and_target_equal_the_document(vision, code):
    a = vision.ambition(code)
    by, bv, ty, tv = DOCUMENT_TARGETS[code]
    assert a.baseline_period == by
    assert a.baseline_value == bv
    assert a.target_period == ty
    assert a.target_value == tv


def test_every_baseline_is_an_observation(vision):
    for a in vision.ambitions:
        if a.baseline_value is None:
            continue
        s = vision.series(a.code)
        row = s[s["period"] == a.baseline_period]
        assert len(row) == 1, a.code
        assert row["value"].iloc[0] == a.baseline_value


@pytest.mark.skipif(not SEED.exists(), reason="the seed document lives in ../shared, beside the repository")
def test_titles_are_verbatim_from_the_document(vision):
    doc = norm(SEED.read_text(encoding="utf-8"))
    for a in vision.ambitions:
        assert norm(a.title_nl) in doc, a.code
        if a.series_nl:
            assert norm(a.series_nl) in doc, a.code
    for b in vision.building_blocks:
        assert norm(f"Bouwsteen {b.code}: {b.title_nl}") in doc
    for p in vision.pillars:
        assert norm(f"Pijler {p.code}: {p.title_nl}") in doc
    for item in vision.swot["item_nl"]:
        assert norm(item) in doc


def test_every_figure_names_its_source(vision):
    for df in (vision.observations, vision.statbel):
        assert df["source"].isin(vision.sources).all()
    assert (vision.figures["page"].astype(int) > 0).all()
    for s in vision.sources.values():
        assert s.licence and s.reference_date and s.publisher


def test_printed_change_differs_from_computed_for_1_4_2(vision):
    a = vision.ambition("1.4.2")
    assert a.printed_change_pct == 23.1
    assert round(a.computed_change_pct, 1) == 23.2


def test_statbel_zwv_sum_for_active_enterprises(vision):
    df = vision.context_series("vat_enterprises_active")
    munis = {g.geo for g in vision.municipalities()}
    assert len(munis) == 13
    total = df[df["geo"].isin(munis) & (df["period"] == "2019")]["value"].sum()
    assert total == 31391
    zwv = df[(df["geo"] == "ZWV") & (df["period"] == "2019")]["value"].iloc[0]
    assert zwv == total
    obs = vision.series("1.2.1")
    assert obs[obs["period"] == "2019"]["value"].iloc[0] == 31391


def test_nis_codes_are_strings_with_leading_zeros(vision):
    assert "02000" in vision.geographies
    assert vision.geographies["02000"].name_nl == "Vlaams Gewest"
    assert (vision.statbel["geo"].str.len().isin([3, 5])).all()


def test_every_ambition_geography_is_known_or_empty_with_reason(vision):
    for a in vision.ambitions:
        if a.geography:
            assert a.geography in vision.geographies
            assert a.geography_basis in ("ambitie", "bijlage 2", "swot", "bouwsteen")
        else:
            assert a.geography_basis == ""
            assert "gebied" in a.note_nl


# --- issue 13: closer to the document --------------------------------------------------------
SHARED = ROOT.parent / "shared" / "data-sources"


def test_start_ups_and_activation_are_zwv_as_the_swot_places_them(vision):
    a = vision.ambition("1.3.1")
    assert (a.geography, a.geography_basis) == ("ZWV", "swot")
    assert round(2391 / 28309 * 100, 1) == 8.4                      # the SWOT's start-up ratio for ZWV
    ratio = vision.figures.set_index("id").loc["oprichtingsratio-zwv"]
    assert (ratio["geo"], ratio["value"]) == ("ZWV", 8.4)
    b = vision.ambition("2.3.1")
    assert (b.geography, b.geography_basis) == ("ZWV", "swot")
    act = vision.figures.set_index("id").loc["activering-zwv"]
    assert (act["geo"], act["value"], act["same_as"]) == ("ZWV", 14000, "2.3.1")


def test_vacancies_area_rests_on_the_building_block_not_on_a_matching_swot_figure(vision):
    a = vision.ambition("3.1.1")
    assert a.geography == "ZWV" and a.geography_basis == "bouwsteen"
    assert "1.956" in a.note_nl and a.baseline_value == 1577


def test_printed_change_of_2_3_4_is_recorded_beside_the_computed_one(vision):
    a = vision.ambition("2.3.4")
    assert a.printed_change_pct == -20
    assert round(a.computed_change_pct, 1) == -19.3
    assert "-20 %" in a.note_nl and "-19,3 %" in a.note_nl


def test_relative_targets_carry_a_percentage_change_unit(vision):
    units = {a.code: (a.unit, a.target_unit) for a in vision.ambitions if a.target_kind == "relative_change"}
    assert units == {"1.1.1": ("miljoen euro", "% verandering"), "1.4.1": ("bedrijven", "% verandering"),
                     "1.5.1": ("euro per werknemer", "% verandering")}
    assert all(a.target_unit == a.unit for a in vision.ambitions if a.target_kind != "relative_change")


def test_missing_document_figures_are_rows_now(vision):
    f = vision.figures.set_index("id")
    want = {   # id -> (geo, period, value, unit), typed from pp. 10 and 12
        "laaggeschoold-daling-wvl": ("30000", "2006-2016", -4, "% verandering"),
        "laaggeschoold-daling-vl": ("02000", "2006-2016", -8, "% verandering"),
        "langdurig-zieken-groei-zwv": ("ZWV", "", 36, "% verandering"),
        "industrie-daling-personen-zwv": ("ZWV", "2007-2015", -6000, "personen"),
        "niet-werkend-60-64-zwv": ("ZWV", "2016", 70, "%"),
        "eu-doel-werkzaamheid": ("EU", "2020", 75, "%"),
    }
    for fid, (geo, per, val, unit) in want.items():
        r = f.loc[fid]
        assert (r["geo"], r["period"], r["value"], r["unit"]) == (geo, per, val, unit), fid
    assert "7 op de 10" in f.loc["niet-werkend-60-64-zwv", "note_nl"]
    assert "2010" in f.loc["langdurig-zieken-groei-zwv", "note_nl"]


def test_inactive_60_64_says_whose_share_it_is(vision):
    r = vision.figures.set_index("id").loc["inactief-60-64-zwv"]
    assert r["value"] == 36
    assert r["indicator_nl"] == "Aandeel 60-64-jarigen onder de niet-beroepsactieven van 20-64 jaar"
    assert r["age_group"] == "60-64 van 20-64"


def test_inferred_years_say_so(vision):
    f = vision.figures.set_index("id")
    assert "geen jaar" in f.loc["industrie-aandeel-vl", "note_nl"]
    assert "context" in f.loc["quartair-zwv", "note_nl"]


def test_three_swot_items_sit_in_both_opportunities_and_threats(vision):
    sw = vision.swot
    both = sw[sw["also_in"] != ""]
    assert set(both["item_nl"]) == {"Wetswijzigingen", "Klimaatveranderingen", "Demografische veranderingen"}
    assert set(both["quadrant"]) == {"kans"} and set(both["also_in"]) == {"bedreiging"}
    assert all("bedreiging" in n and "kansen" in n for n in both["note_nl"])
    text = norm(SEED.read_text(encoding="utf-8"))
    assert "kunnen ook een bedreiging vormen, maar bieden tegelijk kansen" in text


def test_environment_only_named_factors_are_certain(vision):
    env = vision.environment
    certain = env[env["certain"] == "ja"]
    assert set(certain["initiative_nl"]) == {""}                     # no pillar placement is certain
    text = norm(SEED.read_text(encoding="utf-8")).lower()
    for factor in certain["factor_nl"]:
        assert factor.lower() in text
    readings = env[env["certain"] == "nee"]
    assert len(readings) == 18 and all(n.startswith(("Een lezing", "Factor en pijler")) for n in readings["note_nl"])
    assert all("pijler 3" in n for n in readings[readings["pillar"] == "3"]["note_nl"])


def test_summaries_do_not_say_more_than_the_document(vision):
    trend = vision.trends.set_index("code").loc["3.3", "summary_nl"]
    assert "talent en bedrijven" not in trend and "doelgroepen te behouden en aan te trekken" in trend
    analysis = vision.texts["analysis"]["summary_nl"]
    assert "minstens tien jaar" not in analysis and "tien jaar of langer" in analysis


def test_start_ups_2019_is_the_sum_of_the_13_municipalities(vision):
    import csv
    munis = {g.geo for g in vision.municipalities()}
    with open(SHARED / "enterprises.csv", encoding="utf-8") as f:
        started = {r["nis_code"]: float(r["value"]) for r in csv.DictReader(f)
                   if r["indicator"] == "vat_enterprises_started" and r["year"] == "2019"}
    assert sum(started[g] for g in munis) == 2931
    assert started["34000"] + started["33029"] == 2931               # arrondissement Kortrijk + Wervik
    s = vision.series("1.3.1")
    assert list(zip(s["period"], s["value"])) == [("2016", 2391), ("2019", 2931)]
    row = s[s["period"] == "2019"].iloc[0]
    assert row["source"] == "statbel-vat-2019" and "hier berekend" in row["note"]


def test_start_ups_status_rests_on_two_points(vision):
    from streek.progress import Status, assess
    r = assess(vision.ambition("1.3.1"), vision.series("1.3.1"))
    # by hand: 2.931 (2019) is already above the 2030 target of 2.750 for a rising target
    assert r.n_points == 2 and r.latest_period == "2019" and r.latest_value == 2931
    assert r.baseline_value == 2391 and r.status is Status.MET
    # without the 2019 point there is nothing to assess
    only_base = vision.series("1.3.1").iloc[:1]
    assert assess(vision.ambition("1.3.1"), only_base).status is Status.NOT_ASSESSABLE


def test_eurostat_rows_equal_the_shared_file(vision):
    import csv
    with open(SHARED / "eurostat_lifelong_learning.csv", encoding="utf-8") as f:
        shared = {(r["geo_nuts"], int(r["year"])): (float(r["value_pct"]), r["eurostat_flag"]) for r in csv.DictReader(f)}
    df = vision.comparable
    ours = {(r.nuts, r.year): (r.value, r.flag) for r in df.itertuples()}
    assert ours == shared and len(ours) == 72
    assert set(zip(df["nuts"], df["geo"])) == {("BE25", "30000"), ("BE2", "02000"), ("BE", "01000")}
    assert set(df["ambition"]) == {"3.3.1"}
    # hand-checked against the public copy (datacommonsorg/data input_file.tsv @2328ab7c, row A,PC,T,Y25-64,BE25)
    assert ours[("BE25", 2016)] == (7.0, "") and ours[("BE25", 2012)] == (6.8, "")
    assert ours[("BE25", 2021)] == (11.3, "b") and ours[("BE25", 2023)] == (12.1, "")
    assert sorted({y for (n, y), (_, fl) in ours.items() if fl == "b"}) == [2004, 2006, 2017, 2021]
    assert vision.ambition("3.3.1").baseline_value == 6.8                # the document's own baseline stays


def test_every_new_figure_has_source_date_and_licence(vision):
    for sid in ("eurostat-trng-lfse-04", "statbel-vat-2019"):
        s = vision.sources[sid]
        assert s.publisher and s.reference_date and s.licence and s.copy
    import json
    dp = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    res = {r["name"]: r for r in dp["resources"]}
    assert res["eurostat"]["licenses"][0]["name"] == "Eurostat-reuse" and res["eurostat"]["referenceDate"]
