"""geo/: the committed boundaries are what the map needs (13 NIS codes, clockwise rings, label
points inside, no overlap with the neighbours), the build step checks its input, and the run
time reader needs neither geopandas nor ../shared."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT / "geo"
sys.path.insert(0, str(ROOT / "tools"))

EXPECTED = {
    "34002": "Anzegem", "34003": "Avelgem", "34009": "Deerlijk", "34013": "Harelbeke",
    "34022": "Kortrijk", "34023": "Kuurne", "34025": "Lendelede", "34027": "Menen",
    "34040": "Waregem", "34041": "Wevelgem", "34042": "Zwevegem", "34043": "Spiere-Helkijn",
    "33029": "Wervik",
}


def _fc(name):
    return json.loads((GEO / f"{name}.geojson").read_text(encoding="utf-8"))


def _signed_area(ring):
    """Shoelace in lon/lat: > 0 counter-clockwise, < 0 clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def _polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    return []


def test_municipalities_are_the_13_with_their_names():
    feats = _fc("municipalities")["features"]
    got = {f["properties"]["nis_code"]: f["properties"]["name_nl"] for f in feats}
    assert len(feats) == 13
    assert got == EXPECTED


@pytest.mark.parametrize("layer", ["municipalities", "neighbours", "west_vlaanderen", "region"])
def test_outer_rings_clockwise_holes_counter_clockwise(layer):
    n_rings = 0
    for f in _fc(layer)["features"]:
        for poly in _polygons(f["geometry"]):
            assert _signed_area(poly[0]) < 0, f"{layer}: {f['properties'].get('name_nl')} buitenring niet CW"
            for hole in poly[1:]:
                assert _signed_area(hole) > 0
            n_rings += 1
    assert n_rings > 0


def test_label_points_lie_inside_their_municipality_or_have_a_leader_line():
    for f in _fc("municipalities")["features"]:
        p = f["properties"]
        g = shape(f["geometry"])
        assert g.contains(Point(p["anchor_lon"], p["anchor_lat"])), p["name_nl"]
        assert p["leader"] or g.contains(Point(p["label_lon"], p["label_lat"])), p["name_nl"]


def test_neighbours_do_not_overlap_the_13_and_share_their_borders():
    region = shape(_fc("region")["features"][0]["geometry"])
    nbs = [shape(f["geometry"]) for f in _fc("neighbours")["features"]]
    assert 20 <= len(nbs) <= 30
    overlap = sum(region.intersection(n).area for n in nbs)
    assert overlap < region.area * 1e-4
    touching = [n for n in nbs if n.distance(region) < 1e-6]
    assert len(touching) >= 8      # the region is surrounded by neighbours except at the French border


def test_region_is_one_polygon_with_the_area_of_the_13():
    feats = _fc("region")["features"]
    assert len(feats) == 1 and feats[0]["geometry"]["type"] == "Polygon"
    total = sum(shape(f["geometry"]).area for f in _fc("municipalities")["features"])
    assert shape(feats[0]["geometry"]).area == pytest.approx(total, rel=1e-4)


def test_hatch_lines_stay_inside_each_municipality():
    mun = {f["properties"]["nis_code"]: shape(f["geometry"]) for f in _fc("municipalities")["features"]}
    hatch = _fc("hatch")["features"]
    assert {f["properties"]["nis_code"] for f in hatch} == set(EXPECTED)
    for f in hatch:
        lines = shape(f["geometry"])
        assert lines.length > 0
        assert mun[f["properties"]["nis_code"]].buffer(1e-5).covers(lines)


def test_source_md_carries_publisher_date_licence_and_attribution():
    text = (GEO / "SOURCE.md").read_text(encoding="utf-8")
    for needle in ("FPS Finance", "FOD Financiën", "1 January 2021", "toestand 1 januari 2021",
                   "Licence", "clockwise", "20210101"):
        assert needle in text


def test_build_rejects_a_source_without_the_13(tmp_path):
    from build_geo import GeoBuildError, build
    src = tmp_path / "src"
    src.mkdir()
    fc = _fc("municipalities")
    fc["features"] = [f for f in fc["features"] if f["properties"]["nis_code"] != "33029"]
    (src / "zwvl_municipalities.geojson").write_text(json.dumps(fc), encoding="utf-8")
    with pytest.raises(GeoBuildError, match="verwacht de 13 gemeenten"):
        build(src, tmp_path / "out")


def test_build_says_where_it_looked_when_the_source_is_missing(tmp_path):
    from build_geo import GeoBuildError, build
    with pytest.raises(GeoBuildError, match="geen grenzen gevonden"):
        build(tmp_path / "nergens", tmp_path / "out")


@pytest.mark.skipif(not (ROOT.parent / "shared" / "geo").exists(), reason="bron ../shared/geo niet aanwezig")
def test_build_reproduces_the_committed_files(tmp_path):
    from build_geo import build
    build(ROOT.parent / "shared" / "geo", tmp_path)
    for name in ("municipalities", "neighbours", "border_be_fr", "region", "hatch", "west_vlaanderen"):
        assert json.loads((tmp_path / f"{name}.geojson").read_text()) == _fc(name), name


def test_run_time_reader_needs_no_geopandas():
    code = ("import sys; import streek.geo as g, streek.mapdata, streek.mapchart; "
            "print(len(g.features('municipalities')), 'geopandas' in sys.modules, 'shapely' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["13", "False", "False"]


def test_reader_reports_a_missing_or_broken_layer_in_dutch(tmp_path):
    from streek import geo
    with pytest.raises(geo.GeoDataError, match="kaartlaag ontbreekt"):
        geo.features("municipalities", tmp_path)
    (tmp_path / "municipalities.geojson").write_text("{kapot", encoding="utf-8")
    with pytest.raises(geo.GeoDataError, match="geen geldige GeoJSON"):
        geo.features("municipalities", tmp_path)
    with pytest.raises(geo.GeoDataError, match="onbekende kaartlaag"):
        geo.features("rivieren")


def test_records_are_flat_features_and_fresh_copies():
    from streek import geo
    recs = geo.records("municipalities")
    assert all(r["type"] == "Feature" and "nis_code" in r and "geometry" in r for r in recs)
    recs[0]["nis_code"] = "XXXXX"
    assert geo.records("municipalities")[0]["nis_code"] != "XXXXX"
