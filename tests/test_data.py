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
