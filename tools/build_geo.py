"""Build geo/ (browser-ready GeoJSON for the map) from the boundaries in ../shared/geo/.

Run: python tools/build_geo.py [path/to/shared/geo]     (or: make geo)

Build step only: geopandas is used here, never at run time (streek.geo reads the output with
``json``). What it does, and why, is written to geo/SOURCE.md by this script:

- checks that the 13 municipalities are there with the right NIS codes and valid geometries;
- keeps the municipal polygons unchanged (no simplification: the shared borders are exact and
  the file is ~68 KB; simplifying feature by feature would open slivers between neighbours);
- clips the context layers (neighbours, BE–FR border) to the map frame: the bounding box of the
  13 grown by FRAME_M metres. That is what the map shows, it makes the neighbours file far
  smaller, and the projection then fits that frame;
- makes every outer ring clockwise (holes counter-clockwise), which d3-geo, and so Vega-Lite /
  Altair ``mark_geoshape``, needs: counter-clockwise rings fill the whole globe;
- adds a label point to every feature: the pole of inaccessibility (``polylabel``) of its largest
  part, always inside the shape and far from its edges (``representative_point`` put names on
  borders, e.g. Harelbeke's beside Kuurne), then moved where needed so that no two names
  collide at any map width (``place_labels``; Lendelede/Harelbeke, Kuurne/Zwevegem/Avelgem on
  a phone) and no neighbour name runs out of the frame;
- draws hatch lines inside each municipality (used to mark "geen gegevens");
- dissolves the 13 into one outline of the region (for the locator map).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, box, mapping
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "geo"
OUT = ROOT / "geo"
LAMBERT = "EPSG:31370"          # Belgian Lambert 72, metres
WGS84 = "EPSG:4326"
FRAME_M = 3000                  # context shown around the 13 municipalities
HATCH_SPACING_M = 450           # distance between hatch lines
MIN_NEIGHBOUR_LABEL_KM2 = 6.0   # no label on a neighbour of which less is visible
DECIMALS = 6
# Label placement (see place_labels): the map is drawn at many widths, and its text size follows
# the width (streek.mapchart.label_font_expr) between a floor and a cap. Labels are placed for
# the most crowded case: LABEL_FONT_PX bold text on a map LABEL_MAP_PX wide (text relatively the
# largest, as on a 360 px phone where the font stops shrinking). Wider maps only get more room.
LABEL_MAP_PX = 420
LABEL_FONT_PX = 11.0
NEIGHBOUR_FONT_PX = 9.0
CHAR_EM = 0.62                  # average width of a character in em (bold sans; conservative)
LABEL_PAD_PX = 2.0              # white halo and breathing room around a label
LEADER_MIN_PX = 6.0             # a leader line when the label moved this far from its shape's centre

def _municipalities() -> dict[str, str]:
    """NIS code -> Dutch name of the 13 municipalities, from data/geographies.csv (the one list)."""
    import csv
    with open(ROOT / "data" / "geographies.csv", encoding="utf-8", newline="") as f:
        return {r["geo"]: r["name_nl"] for r in csv.DictReader(f) if r["level"] == "gemeente"}


EXPECTED = _municipalities()


class GeoBuildError(Exception):
    pass


def _rings(geom):
    polys = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
    for p in polys:
        if p.geom_type != "Polygon":
            continue
        yield p.exterior, True
        for r in p.interiors:
            yield r, False


def clockwise_ok(geom) -> bool:
    """True when every outer ring is clockwise and every hole counter-clockwise."""
    return all((not r.is_ccw) if outer else r.is_ccw for r, outer in _rings(geom))


def orient_cw(gs: gpd.GeoSeries) -> gpd.GeoSeries:
    return gs.orient_polygons(exterior_cw=True)


def _round(geom):
    return shapely.set_precision(geom, 10 ** -DECIMALS, mode="pointwise")


def hatch(poly_m, spacing: float = HATCH_SPACING_M):
    """Diagonal lines (45°) every ``spacing`` metres, clipped to ``poly_m`` (metric CRS)."""
    minx, miny, maxx, maxy = poly_m.bounds
    span = (maxx - minx) + (maxy - miny)
    lines = []
    for c in np.arange(minx - (maxy - miny), maxx + spacing, spacing):
        lines.append(LineString([(c, miny), (c + span, miny + span)]))
    cut = MultiLineString(lines).intersection(poly_m)
    return cut


def _features(gdf: gpd.GeoDataFrame, props: list[str], label: bool = True) -> dict:
    feats = []
    for _, row in gdf.iterrows():
        p = {k: (None if (isinstance(row[k], float) and np.isnan(row[k])) else row[k]) for k in props}
        if label:
            p["label_lon"] = round(float(row["label_lon"]), 5)
            p["label_lat"] = round(float(row["label_lat"]), 5)
        feats.append({"type": "Feature", "properties": p, "geometry": mapping(row.geometry)})
    return {"type": "FeatureCollection", "features": feats}


def _write(out: Path, name: str, fc: dict) -> Path:
    path = out / name
    path.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def _label_point(geom_m):
    """Pole of inaccessibility of the largest part (the point farthest from the edge, always
    inside): reads better than representative_point on long or curved shapes."""
    parts = list(getattr(geom_m, "geoms", [geom_m]))
    return polylabel(max(parts, key=lambda g: g.area), tolerance=5)


def _label_points(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    g_m = gdf.to_crs(LAMBERT).geometry
    pts = gpd.GeoSeries([_label_point(g) for g in g_m], index=gdf.index, crs=LAMBERT).to_crs(WGS84)
    gdf = gdf.copy()
    gdf["label_lon"] = pts.x.values
    gdf["label_lat"] = pts.y.values
    return gdf


def _text_size(text: str, font_px: float, m_per_px: float) -> tuple[float, float]:
    """Width and height (metres) that ``text`` covers with its halo."""
    return ((len(text) * CHAR_EM * font_px + 2 * LABEL_PAD_PX) * m_per_px,
            (font_px * 1.2 + 2 * LABEL_PAD_PX) * m_per_px)


def text_box(x: float, y: float, text: str, font_px: float, m_per_px: float):
    """The box (metric CRS) that ``text`` centred on (x, y) covers, with its halo."""
    w, h = _text_size(text, font_px, m_per_px)
    return box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def text_boxes(xs, ys, text: str, font_px: float, m_per_px: float):
    """``text_box`` for arrays of centres (an array of boxes)."""
    w, h = _text_size(text, font_px, m_per_px)
    return shapely.box(xs - w / 2, ys - h / 2, xs + w / 2, ys + h / 2)


def _candidates(poly, start, step: float, reach: float):
    """Points around ``start`` on a grid of ``step`` metres up to ``reach`` away (start first)."""
    x0, y0 = start.x, start.y
    n = int(reach // step)
    pts = [(x0 + i * step, y0 + j * step) for i in range(-n, n + 1) for j in range(-n, n + 1)
           if (i * i + j * j) * step * step <= reach * reach]
    return sorted(pts, key=lambda p: (p[0] - x0) ** 2 + (p[1] - y0) ** 2)


def place_labels(shapes: list[tuple[str, object, object]], frame_m, m_per_px: float,
                 obstacles: list | None = None) -> dict[str, tuple[float, float]]:
    """Label positions (metric CRS) for ``shapes`` = [(name, polygon, start point)] such that no two
    label boxes overlap, none leaves the frame, and each label stays on (or as near as possible
    to) its own shape. Greedy, most cramped shape first, then a few rounds of improvement; each
    label takes the candidate point with the least cost: the part of its box outside its own
    shape, plus a little for the distance moved. Raises GeoBuildError if a label finds no place."""
    obstacles = list(obstacles or [])
    inner = frame_m.buffer(-LABEL_PAD_PX * m_per_px)
    step = 2.0 * m_per_px
    placed: dict[str, object] = {}
    pos: dict[str, tuple[float, float]] = {}

    def best(name, poly, start):
        # every candidate box at once (shapely's array functions: the same GEOS operations per box as
        # one by one, without a Python object per box); the choice rule is the loop's: the first
        # candidate whose cost is lower than the best so far by more than 1e-9
        others = [b for n, b in placed.items() if n != name] + obstacles
        pts = np.array(_candidates(poly, start, step, 60 * m_per_px))
        boxes = text_boxes(pts[:, 0], pts[:, 1], name, LABEL_FONT_PX, m_per_px)
        ok = shapely.contains(inner, boxes)
        for o in others:
            ok &= ~shapely.intersects(boxes, o)
        idx = np.flatnonzero(ok)
        if not len(idx):
            raise GeoBuildError(f"geen plaats voor het label van {name} zonder overlap")
        inside = shapely.area(shapely.intersection(boxes[idx], poly))
        choice, low = None, None
        for k, a in zip(idx, inside):
            x, y = float(pts[k, 0]), float(pts[k, 1])
            outside = 1 - float(a) / boxes[k].area
            cost = outside + 0.002 * (((x - start.x) ** 2 + (y - start.y) ** 2) ** 0.5 / m_per_px)
            if low is None or cost < low - 1e-9:
                choice, low = (x, y, boxes[k]), cost
        return choice

    order = sorted(shapes, key=lambda s: s[1].area)
    for _ in range(3):
        for name, poly, start in order:
            x, y, b = best(name, poly, start)
            placed[name], pos[name] = b, (x, y)
    return pos


def place_neighbour_labels(shapes: list[tuple[str, object, object]], frame_m, m_per_px: float,
                           obstacles: list) -> dict[str, tuple[float, float]]:
    """Neighbour names (smaller, italic): on their own visible part (at least 85 % of the text box),
    inside the frame, clear of the municipal labels and of each other; a neighbour without such
    a place gets no label (rather than a name cut off by the frame or lying on the region)."""
    inner = frame_m.buffer(-LABEL_PAD_PX * m_per_px)
    taken = list(obstacles)
    out = {}
    for name, poly, start in sorted(shapes, key=lambda s: -s[1].area):
        for x, y in _candidates(poly, start, 2.0 * m_per_px, 40 * m_per_px):
            b = text_box(x, y, name, NEIGHBOUR_FONT_PX, m_per_px)
            if inner.contains(b) and b.intersection(poly).area >= 0.85 * b.area \
                    and not any(b.intersects(o) for o in taken):
                out[name] = (x, y)
                taken.append(b)
                break
    return out


def build(src: Path = DEFAULT_SRC, out: Path = OUT) -> dict:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    src = Path(src)
    if not (src / "zwvl_municipalities.geojson").exists():
        raise GeoBuildError(f"geen grenzen gevonden in {src} (verwacht: zwvl_municipalities.geojson)")

    mun = gpd.read_file(src / "zwvl_municipalities.geojson")
    mun["nis_code"] = mun["nis_code"].astype(str).str.zfill(5)
    codes = set(mun["nis_code"])
    if len(mun) != 13 or codes != set(EXPECTED):
        raise GeoBuildError(f"verwacht de 13 gemeenten {sorted(EXPECTED)}, gevonden {sorted(codes)}")
    wrong = {c: n for c, n in zip(mun["nis_code"], mun["name_nl"]) if EXPECTED[c] != n}
    if wrong:
        raise GeoBuildError(f"naam past niet bij NIS-code: {wrong}")
    if not mun.geometry.is_valid.all():
        raise GeoBuildError("ongeldige geometrie bij de gemeenten")
    mun = mun.sort_values("name_nl").reset_index(drop=True)
    mun["geometry"] = orient_cw(mun.geometry)       # no-op for the shared files, which are already CW

    mun_m = mun.to_crs(LAMBERT)
    frame_m = box(*mun_m.total_bounds).buffer(FRAME_M, join_style="mitre")
    frame = gpd.GeoSeries([frame_m], crs=LAMBERT).to_crs(WGS84).iloc[0]
    frame = box(*frame.bounds)                      # an axis-parallel lon/lat rectangle

    nb = gpd.read_file(src / "zwvl_neighbours.geojson")
    nb["nis_code"] = nb["nis_code"].astype(str).str.zfill(5)
    full_area = nb.to_crs(LAMBERT).area
    nb["geometry"] = nb.geometry.intersection(frame)
    nb = nb[~nb.geometry.is_empty].copy()
    nb["geometry"] = orient_cw(_round_series(nb.geometry))
    nb["visible_km2"] = nb.to_crs(LAMBERT).area / 1e6
    nb["clipped"] = nb.to_crs(LAMBERT).area < full_area.loc[nb.index] - 1.0
    nb = _label_points(nb)
    nb["show_label"] = nb["visible_km2"] >= MIN_NEIGHBOUR_LABEL_KM2
    if "merged_2025_into" not in nb:
        nb["merged_2025_into"] = None

    border = gpd.read_file(src / "zwvl_border_be_fr.geojson")
    border["geometry"] = _round_series(border.geometry.intersection(frame))
    # where to write "FRANKRIJK": inside the largest piece of the frame that no Belgian
    # municipality covers (the French side of the border)
    belgium = shapely.union_all(list(mun.geometry) + list(nb.geometry)).buffer(0)
    france = gpd.GeoSeries([frame.difference(belgium)], crs=WGS84).to_crs(LAMBERT).iloc[0]
    france = france.buffer(-300).buffer(300)         # drop the thin slivers along the frame
    pieces = list(getattr(france, "geoms", [france]))
    biggest = max(pieces, key=lambda g: g.area)
    fpt = gpd.GeoSeries([polylabel(biggest, tolerance=10)], crs=LAMBERT).to_crs(WGS84).iloc[0]
    border["label_lon"] = fpt.x
    border["label_lat"] = fpt.y

    wvl = gpd.read_file(src / "west_vlaanderen_outline.geojson")
    wvl["geometry"] = orient_cw(wvl.geometry)
    wvl = _label_points(wvl)

    region = gpd.GeoDataFrame({"geo": ["ZWV"], "name_nl": ["Zuid-West-Vlaanderen"]},
                              geometry=[shapely.union_all(list(mun.geometry))], crs=WGS84)
    region["geometry"] = orient_cw(_round_series(region.geometry))
    region = _label_points(region)

    mun = _label_points(mun)
    _place_all(mun, nb, border, frame)
    hatch_rows = []
    for code, g in zip(mun_m["nis_code"], mun_m.geometry):
        hatch_rows.append({"nis_code": code, "geometry": hatch(g)})
    hat = gpd.GeoDataFrame(hatch_rows, crs=LAMBERT).to_crs(WGS84)
    hat["geometry"] = _round_series(hat.geometry)

    # --- checks on what is written --------------------------------------------------------
    for name, gdf in (("gemeenten", mun), ("buren", nb), ("West-Vlaanderen", wvl), ("streek", region)):
        bad = [i for i, g in enumerate(gdf.geometry) if not clockwise_ok(g)]
        if bad:
            raise GeoBuildError(f"{name}: buitenringen niet met de klok mee bij rijen {bad}")
    pts = gpd.GeoSeries(gpd.points_from_xy(mun["anchor_lon"], mun["anchor_lat"]), crs=WGS84)
    if not all(g.covers(p) for g, p in zip(mun.geometry, pts)):
        raise GeoBuildError("een ankerpunt van een label ligt buiten zijn gemeente")
    mun["anchor_lon"] = mun["anchor_lon"].round(5)
    mun["anchor_lat"] = mun["anchor_lat"].round(5)
    mun["leader"] = mun["leader"].astype(bool)

    written = [
        _write(out, "municipalities.geojson", _features(
            mun, ["nis_code", "name_nl", "name_fr", "arrondissement_nl", "province_nl", "anchor_lon", "anchor_lat",
                  "leader"])),
        _write(out, "neighbours.geojson", _features(
            nb, ["nis_code", "name_nl", "name_fr", "region", "merged_2025_into", "show_label", "clipped"])),
        _write(out, "border_be_fr.geojson", _features(border, ["name_nl", "name_fr", "name_en"])),
        _write(out, "west_vlaanderen.geojson", _features(wvl, ["nis_code", "name_nl", "name_fr"])),
        _write(out, "region.geojson", _features(region, ["geo", "name_nl"])),
        _write(out, "hatch.geojson", _features(hat, ["nis_code"], label=False)),
    ]
    frame_b = [round(v, 5) for v in frame.bounds]
    info = {"files": {p.name: p.stat().st_size for p in written}, "frame": frame_b,
            "neighbours": int(len(nb)), "neighbour_labels": int(nb["show_label"].sum()),
            "dropped": sorted(set(gpd.read_file(src / "zwvl_neighbours.geojson")["name_nl"]) - set(nb["name_nl"]))}
    (out / "SOURCE.md").write_text(source_md(info), encoding="utf-8")
    return {"files": {p.name: p.stat().st_size for p in written}, "frame": frame_b,
            "neighbours": int(len(nb)), "neighbour_labels": int(nb["show_label"].sum())}


def source_md(info: dict) -> str:
    rows = "\n".join(f"| `{name}` | {DESCRIPTIONS[name]} | {size / 1024:.1f} KB |"
                     for name, size in info["files"].items())
    dropped = ", ".join(info["dropped"]) or "geen"
    return SOURCE_TEMPLATE.format(rows=rows, frame=info["frame"], n_nb=info["neighbours"],
                                  n_lab=info["neighbour_labels"], frame_m=FRAME_M, dropped=dropped,
                                  hatch=HATCH_SPACING_M, min_km2=MIN_NEIGHBOUR_LABEL_KM2)


DESCRIPTIONS = {
    "municipalities.geojson": "the 13 municipalities (main layer), unchanged geometry",
    "neighbours.geojson": "neighbouring municipalities, clipped to the map frame",
    "border_be_fr.geojson": "Belgium–France border, clipped to the map frame; label point = where to write FRANKRIJK",
    "west_vlaanderen.geojson": "outline of the province (generalised 50 m, for the locator map)",
    "region.geojson": "outline of Zuid-West-Vlaanderen: union of the 13",
    "hatch.geojson": "hatch lines inside each municipality (drawn where a value is missing)",
}

SOURCE_TEMPLATE = """# geo/: boundaries for the map (generated by tools/build_geo.py — do not edit by hand)

## Source and attribution

- **Publisher:** FPS Finance (FOD Financiën / SPF Finances), General Administration of Patrimonial
  Documentation (AAPD / AGDP), the authentic source of Belgian administrative boundaries.
- **Dataset:** "Administrative units – situation on January 1st" (*Administratieve eenheden*), from the
  cadastral reference database CadGIS, municipality layer `Apn_AdMu` (key `AdMuKey` = NIS code),
  dataset version `20210101`.
- **Reference date:** 1 January 2021 (the 2019–2024 municipal map; none of the 13 municipalities
  changed in the mergers of 1 January 2025).
- **Licence, as stated by the source:** FPS Finance open data under its user licence for cadastral
  open data (Licentie_plan_opendata_NL.PDF / Licence_plan_opendata_FR.PDF), "based on Creative
  Commons", free use and reuse with credit to the source. The licence PDF itself could not be read.
- **Attribution (shown under every map):** "Grenzen: FOD Financiën – Algemene Administratie van de
  Patrimoniumdocumentatie (administratieve eenheden, toestand 1 januari 2021)". In English: "Source:
  FPS Finance – General Administration of Patrimonial Documentation (administrative units,
  situation 1 January 2021)".
- **Copy used:** `../shared/geo/` of this project (see its SOURCE.md): GeoJSON converted by the
  public repository `geo6/drawing-tool` (`public/data/municipalities.json`, commit
  `50e7e3ead5c5a5ac2ecd6d9c3a515ccd0385fc67`, simplified 10 m by that repository), then filtered,
  named and made topologically clean (shared borders, no gaps or overlaps) by the shared build.

## Files (GeoJSON FeatureCollections, EPSG:4326 lon/lat)

| file | content | size |
| --- | --- | --- |
{rows}

Every polygon feature has `label_lon` / `label_lat`: where its name is written.
Municipalities: `nis_code` (string, 5 digits), `name_nl`, `name_fr`, `arrondissement_nl`,
`province_nl`, `anchor_lon` / `anchor_lat` (the shape's own point), `leader`. Neighbours: `nis_code`, `name_nl`, `name_fr`, `region` (VLA/WAL),
`merged_2025_into` (Meulebeke and Nazareth), `show_label`, `clipped`.

## Processing done here

1. **Checks:** exactly the 13 NIS codes of Zuid-West-Vlaanderen with their Dutch names, valid geometry.
2. **Municipalities unchanged:** no simplification. The shared borders are exact (one set of
   vertices per border) and the file is small; simplifying feature by feature (Douglas–Peucker)
   would move each side of a shared border differently and open slivers between neighbours. A
   topology-aware simplification (TopoJSON) would save a few tens of KB; not worth a dependency.
3. **Map frame:** the bounding box of the 13 grown by {frame_m} m (in EPSG:31370), as a lon/lat
   rectangle: {frame}. Neighbours and the border line are clipped to it: that is all the map
   shows, the file halves, and the map projection fits exactly this frame. {n_nb} neighbours reach
   into the frame (left out, entirely outside it: {dropped}). Names are written on {n_lab} of
   them; the others show less than {min_km2} km² inside the frame. Clipped coordinates are rounded to
   6 decimals (about 0.1 m), like the source.
4. **Ring orientation:** outer rings **clockwise**, holes counter-clockwise
   (`GeoSeries.orient_polygons(exterior_cw=True)`, then checked for every polygon written). d3-geo,
   and so Vega-Lite / Altair `mark_geoshape`, needs this; counter-clockwise outer rings (the RFC 7946
   recommendation) fill the whole globe. Do not re-orient.
5. **Label points:** start from the pole of inaccessibility (`shapely.ops.polylabel`, computed in
   EPSG:31370) of each feature's largest part (kept as `anchor_lon` / `anchor_lat`; checked: every
   municipality covers it). Then the names are placed so that they never collide: text boxes are
   estimated for bold 11 px text on a map 420 px wide (the most crowded case of the map's
   width-following text size, i.e. a phone), and each municipality's name takes the nearby point
   whose box lies most on its own shape and overlaps no other name, FRANKRIJK or the frame
   edge (smallest shapes first, three rounds). `leader` is true where a name had to leave its
   shape (the map then draws a thin line to it). Neighbour names must lie for 85 % on their own
   visible part, inside the frame and clear of all other names, or are not shown (`show_label`).
   For FRANKRIJK: the pole of inaccessibility of the largest part of the frame that no Belgian
   municipality covers.
6. **Hatch lines:** 45° lines every {hatch} m (EPSG:31370) clipped to each municipality, used to
   mark municipalities without a value ("geen gegevens") in a way that does not rely on colour.
7. **Region outline:** `union_all` of the 13 (one polygon, no holes).

Rebuild: `make geo` (or `python tools/build_geo.py [path/to/shared/geo]`). The app reads these files
with `json` (streek/geo.py) and does not need `../shared` or geopandas at run time.
"""


def _place_all(mun: gpd.GeoDataFrame, nb: gpd.GeoDataFrame, border: gpd.GeoDataFrame, frame) -> None:
    """Move the label points of the municipalities and the neighbours so that no names collide
    (see place_labels); record the shape's own point (``anchor_*``) and whether a leader line
    joins the two. FRANKRIJK keeps its place and is an obstacle for the others."""
    frame_m = gpd.GeoSeries([frame], crs=WGS84).to_crs(LAMBERT).iloc[0]
    minx, _, maxx, _ = frame_m.bounds
    m_per_px = (maxx - minx) / LABEL_MAP_PX
    mun_m = mun.to_crs(LAMBERT)
    starts = gpd.GeoSeries(gpd.points_from_xy(mun["label_lon"], mun["label_lat"]), crs=WGS84).to_crs(LAMBERT)
    fr = gpd.GeoSeries(gpd.points_from_xy(border["label_lon"], border["label_lat"]), crs=WGS84).to_crs(LAMBERT)
    france = [text_box(p.x, p.y, "FRANKRIJK", LABEL_FONT_PX, m_per_px) for p in fr[:1]]
    shapes = [(n, _largest(g), p) for n, g, p in zip(mun["name_nl"], mun_m.geometry, starts)]
    pos = place_labels(shapes, frame_m, m_per_px, obstacles=france)
    moved = gpd.GeoSeries(gpd.points_from_xy([pos[n][0] for n in mun["name_nl"]], [pos[n][1] for n in mun["name_nl"]]),
                          crs=LAMBERT)
    mun["anchor_lon"], mun["anchor_lat"] = mun["label_lon"].values, mun["label_lat"].values
    mun["leader"] = [not g.contains(p) and p.distance(s) / m_per_px >= LEADER_MIN_PX
                     for g, p, s in zip(mun_m.geometry, moved, starts)]
    moved = moved.to_crs(WGS84)
    mun["label_lon"], mun["label_lat"] = moved.x.values, moved.y.values
    boxes = [text_box(pos[n][0], pos[n][1], n, LABEL_FONT_PX, m_per_px) for n in mun["name_nl"]] + france

    nb_m = nb.to_crs(LAMBERT)
    nb_starts = gpd.GeoSeries(gpd.points_from_xy(nb["label_lon"], nb["label_lat"]), crs=WGS84).to_crs(LAMBERT)
    cand = [(n, _largest(g), p) for n, g, p, show in zip(nb["name_nl"], nb_m.geometry, nb_starts, nb["show_label"])
            if show]
    npos = place_neighbour_labels(cand, frame_m, m_per_px, boxes)
    nb["show_label"] = [bool(show) and n in npos for n, show in zip(nb["name_nl"], nb["show_label"])]
    pts = gpd.GeoSeries(gpd.points_from_xy([npos.get(n, (p.x, p.y))[0] for n, p in zip(nb["name_nl"], nb_starts)],
                                           [npos.get(n, (p.x, p.y))[1] for n, p in zip(nb["name_nl"], nb_starts)]),
                        crs=LAMBERT).to_crs(WGS84)
    nb["label_lon"], nb["label_lat"] = pts.x.values, pts.y.values


def _largest(geom):
    return max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)


def _round_series(gs: gpd.GeoSeries) -> gpd.GeoSeries:
    return gpd.GeoSeries([_round(g) for g in gs], index=gs.index, crs=gs.crs)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    try:
        info = build(src)
    except GeoBuildError as e:
        print(f"fout: {e}", file=sys.stderr)
        return 1
    for name, size in info["files"].items():
        print(f"geo/{name}: {size / 1024:.1f} KB")
    print(f"kader (lon/lat): {info['frame']}; buren: {info['neighbours']} "
          f"(met label: {info['neighbour_labels']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
