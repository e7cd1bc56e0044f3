"""Load ``data/`` into a :class:`~streek.model.Vision`. Caching is left to the caller."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from streek.model import Ambition, BuildingBlock, Geography, Indicator, Pillar, Source, Vision
from streek.periods import parse_period
from streek.validate import DataError, validate_dir

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def _csv(data_dir: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(data_dir / name, dtype=str, keep_default_na=False, encoding="utf-8")


def _opt_float(s: str) -> float | None:
    return float(s) if s.strip() else None


def add_period_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Add numeric ``value`` and ``period_start``/``period_end``/``period_mid`` columns."""
    df = df.copy()
    df["value"] = pd.to_numeric(df["value"]).astype(float)
    periods = [parse_period(p) for p in df["period"]]
    df["period_start"] = [p.start for p in periods]
    df["period_end"] = [p.end for p in periods]
    df["period_mid"] = [p.mid for p in periods]
    if "geo" in df:
        df["geo"] = df["geo"].fillna("")
    for col in ("source", "note"):
        if col not in df:
            df[col] = ""
    return df


def load_vision(data_dir: Path | str = DATA_DIR, validate: bool = True) -> Vision:
    """Read and check all of ``data_dir``. Raises :class:`DataError` listing every problem."""
    data_dir = Path(data_dir)
    if validate:
        issues = validate_dir(data_dir)
        if issues:
            raise DataError(issues)
    pillars = tuple(Pillar(r.code, r.title_nl, r.summary_nl, int(r.page), r.summary_en)
                    for r in _csv(data_dir, "pillars.csv").itertuples())
    blocks = tuple(BuildingBlock(r.code, r.pillar, r.title_nl, r.summary_nl, int(r.page),
                                 r.summary_en)
                   for r in _csv(data_dir, "building_blocks.csv").itertuples())
    ambitions = tuple(
        Ambition(code=r.code, ambition=r.ambition, pillar=r.pillar, building_block=r.building_block,
                 title_nl=r.title_nl, series_nl=r.series_nl, indicator_nl=r.indicator_nl,
                 geography=r.geography or None, geography_basis=r.geography_basis, unit=r.unit,
                 direction=r.direction, target_kind=r.target_kind,
                 baseline_period=r.baseline_year or None, baseline_value=_opt_float(r.baseline_value),
                 target_period=r.target_year, target_value=float(r.target_value),
                 printed_change_pct=_opt_float(r.printed_change_pct), source_nl=r.source_nl,
                 note_nl=r.note_nl, page=int(r.page), target_unit=r.target_unit, note_en=r.note_en)
        for r in _csv(data_dir, "ambitions.csv").itertuples())
    geos = {r.geo: Geography(r.geo, r.name_nl, r.level, r.parent or None, r.note_nl, r.note_en, r.name_en)
            for r in _csv(data_dir, "geographies.csv").itertuples()}
    indicators = {r.id: Indicator(r.id, r.title_nl, r.unit, r.kind, r.per_capita_base or None,
                                  tuple(r.sources.split(";")), r.definition_nl, tuple(r.levels.split(";")),
                                  r.definition_en)
                  for r in _csv(data_dir, "indicators.csv").itertuples()}
    sources = {r.id: Source(r.id, r.publisher, r.dataset, r.reference_date, r.licence, r.copy, r.processing_nl,
                             r.licence_en, r.processing_en)
               for r in _csv(data_dir, "sources.csv").itertuples()}
    figures = _csv(data_dir, "document_figures.csv")
    figures["value"] = figures["value"].astype(float)
    texts = {r.id: {"title_nl": r.title_nl, "summary_nl": r.summary_nl, "summary_en": r.summary_en,
                 "page": int(r.page)}
             for r in _csv(data_dir, "texts.csv").itertuples()}
    swot = _csv(data_dir, "swot.csv")
    swot["position"] = swot["position"].astype(int)
    return Vision(pillars, blocks, ambitions, geos, indicators, sources,
                  add_period_columns(_csv(data_dir, "observations.csv")),
                  add_period_columns(_csv(data_dir, "statbel.csv")),
                  swot.sort_values(["quadrant", "position"]).reset_index(drop=True), figures,
                  _csv(data_dir, "trends.csv"), _csv(data_dir, "environment.csv"), texts,
                  comparable=_comparable(data_dir))


def _comparable(data_dir: Path) -> pd.DataFrame:
    """data/eurostat.csv with a numeric value and year (empty frame where the file is absent)."""
    path = data_dir / "eurostat.csv"
    if not path.exists():
        return pd.DataFrame(columns=["ambition", "geo", "nuts", "period", "value", "flag", "source", "note", "year"])
    df = _csv(data_dir, "eurostat.csv")
    df["value"] = df["value"].astype(float)
    df["year"] = df["period"].astype(int)
    return df
