"""The prepared boundaries in geo/ (built by tools/build_geo.py), read with ``json``.

No geopandas at run time: reading all layers takes a few milliseconds. Every layer is a list of
GeoJSON Feature dicts whose outer rings are clockwise (what Vega-Lite / Altair need). Each call returns fresh copies, so callers may
change what they get.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

GEO_DIR = Path(__file__).resolve().parents[1] / "geo"
LAYERS = ("municipalities", "neighbours", "border_be_fr", "west_vlaanderen", "region", "hatch")

BOUNDARIES_NL = ("FOD Financiën – Algemene Administratie van de Patrimoniumdocumentatie "
                 "(administratieve eenheden, toestand 1 januari 2021)")
BOUNDARIES_EN = ("FPS Finance – General Administration of Patrimonial Documentation "
                 "(administrative units, situation 1 January 2021)")
ATTRIBUTION_NL = f"Grenzen: {BOUNDARIES_NL}"
ATTRIBUTION_EN = f"Boundaries: {BOUNDARIES_EN}"


def attribution(lang: str = "nl", short: bool = False) -> str:
    """The credit line of the boundaries (``short``: without the leading 'Grenzen:')."""
    if lang == "en":
        return BOUNDARIES_EN if short else ATTRIBUTION_EN
    return BOUNDARIES_NL if short else ATTRIBUTION_NL


class GeoDataError(Exception):
    """A layer of geo/ is missing or not what the map needs."""


@cache
def _load(name: str, geo_dir: str) -> tuple:
    path = Path(geo_dir) / f"{name}.geojson"
    if not path.exists():
        raise GeoDataError(f"kaartlaag ontbreekt: {path} (bouw geo/ opnieuw met 'make geo')")
    try:
        fc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise GeoDataError(f"kaartlaag {path.name} is geen geldige GeoJSON: {e}") from None
    feats = fc.get("features") if isinstance(fc, dict) else None
    if not isinstance(feats, list):
        raise GeoDataError(f"kaartlaag {path.name} heeft geen 'features'")
    return tuple(json.dumps(f, separators=(",", ":")) for f in feats)


def features(name: str, geo_dir: Path | str = GEO_DIR) -> list[dict]:
    """Fresh copies of the features of layer ``name`` (see :data:`LAYERS`)."""
    if name not in LAYERS:
        raise GeoDataError(f"onbekende kaartlaag '{name}' (bekend: {', '.join(LAYERS)})")
    return [json.loads(s) for s in _load(name, str(geo_dir))]


def records(name: str, geo_dir: Path | str = GEO_DIR) -> list[dict]:
    """Flat records for Vega-Lite: ``{"type": "Feature", "geometry": ..., <properties>}``.

    d3-geo reads ``type`` and ``geometry`` and ignores the rest, so properties sit at the top
    level where ``selection_point(fields=["nis_code"])`` and tooltips can reach them."""
    out = []
    for f in features(name, geo_dir):
        rec = {"type": "Feature", "geometry": f["geometry"]}
        rec.update(f.get("properties") or {})
        out.append(rec)
    return out


