"""Typed model of the vision: pillars, building blocks, ambitions, geographies, indicators, sources."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from streek.i18n import t

COUNT_UNITS = {"personen", "ondernemingen", "vestigingen", "bedrijven", "vacatures", "leerlingen",
               "werkplekken", "overeenkomsten", "studenten"}


class _Summarised:
    """Our own concise summary (``summary_nl``/``summary_en``), as opposed to the document's Dutch titles."""
    summary_nl: str
    summary_en: str

    def summary(self, lang: str) -> str:
        """The summary in ``lang``: English for "en", Dutch otherwise."""
        return self.summary_en if lang == "en" and self.summary_en else self.summary_nl


def in_lang(nl: str, en: str, lang: str) -> str:
    """One of our own texts stored in both languages (``*_nl``/``*_en`` in data/): English for "en",
    Dutch otherwise (the validator makes sure an English text is there wherever the Dutch one is)."""
    return en if lang == "en" and en else nl


def row_text(row, column: str, lang: str) -> str:
    """``row[column + "_nl"]`` or its English ``_en`` form from a data/ table row (a Series, a mapping or
    a namedtuple from ``itertuples``)."""
    get = row.get if hasattr(row, "get") else (lambda k, d="": getattr(row, k, d))
    return in_lang(get(f"{column}_nl", "") or "", get(f"{column}_en", "") or "", lang)


def text_summary(text: dict, lang: str) -> str:
    """Summary of one entry of ``Vision.texts`` in ``lang``: English for "en", Dutch otherwise."""
    return (text.get("summary_en") or text["summary_nl"]) if lang == "en" else text["summary_nl"]


@dataclass(frozen=True)
class Pillar(_Summarised):
    code: str
    title_nl: str
    summary_nl: str
    page: int
    summary_en: str = ""


@dataclass(frozen=True)
class BuildingBlock(_Summarised):
    code: str
    pillar: str
    title_nl: str
    summary_nl: str
    page: int
    summary_en: str = ""


@dataclass(frozen=True)
class Geography:
    geo: str
    name_nl: str
    level: str
    parent: str | None
    note_nl: str = ""
    note_en: str = ""
    name_en: str = ""

    def name(self, lang: str) -> str:
        """The area's name in ``lang`` ("België" / "Belgium"; a municipality keeps its official name)."""
        return in_lang(self.name_nl, self.name_en, lang)

    def note(self, lang: str) -> str:
        return in_lang(self.note_nl, self.note_en, lang)


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    dataset: str
    reference_date: str
    licence: str
    copy: str
    processing_nl: str = ""
    licence_en: str = ""
    processing_en: str = ""

    def licence_text(self, lang: str) -> str:
        """The licence as we describe it (``licence``/``licence_en``)."""
        return in_lang(self.licence, self.licence_en, lang)

    def processing(self, lang: str) -> str:
        """What we did to the data (``processing_nl``/``processing_en``)."""
        return in_lang(self.processing_nl, self.processing_en, lang)

    def attribution(self, lang: str, *, label: bool = True) -> str:
        """'Bron: publisher, dataset, reference date' / 'Source: ...' (names stay as published);
        ``label=False`` leaves out 'Bron:' for a list that has its own (a slide's footer)."""
        from streek.i18n import t
        from streek.i18n.names import reference_date
        text = f"{self.publisher_name(lang)}, {self.dataset_name(lang)}, {reference_date(self.reference_date, lang)}"
        return f"{t('common.source', lang)}: {text}" if label else text

    def publisher_name(self, lang: str) -> str:
        from streek.i18n.names import source_name
        return source_name(self.publisher, lang)

    def dataset_name(self, lang: str) -> str:
        """The dataset's name in ``lang`` (the document's own title stays as published)."""
        from streek.i18n.names import source_name
        return source_name(self.dataset, lang)


@dataclass(frozen=True)
class Indicator:
    """A context indicator (Statbel) with values per municipality and wider areas."""
    id: str
    title_nl: str
    unit: str
    kind: str
    per_capita_base: str | None
    sources: tuple[str, ...]
    definition_nl: str
    levels: tuple[str, ...]
    definition_en: str = ""

    def definition(self, lang: str) -> str:
        """Our definition of the indicator (``definition_nl``/``definition_en``)."""
        return in_lang(self.definition_nl, self.definition_en, lang)

    @property
    def is_count(self) -> bool:
        return self.kind == "count"


@dataclass(frozen=True)
class Ambition:
    """One target series. Sub-targets (2.1.1a…) share ``ambition`` with their parent code."""
    code: str
    ambition: str
    pillar: str
    building_block: str
    title_nl: str
    series_nl: str
    indicator_nl: str
    geography: str | None
    geography_basis: str
    unit: str
    direction: str
    target_kind: str
    baseline_period: str | None
    baseline_value: float | None
    target_period: str
    target_value: float
    printed_change_pct: float | None
    source_nl: str
    note_nl: str
    page: int
    # the unit of target_value: the indicator's unit, except '% verandering' for a relative_change target
    target_unit: str = ""
    note_en: str = ""

    def note(self, lang: str) -> str:
        """Our note on this series (``note_nl``/``note_en``): geography, age group, printed figures."""
        return in_lang(self.note_nl, self.note_en, lang)

    @property
    def is_percentage(self) -> bool:
        return self.unit == "%"

    @property
    def is_sub_target(self) -> bool:
        return self.code != self.ambition

    @property
    def label_nl(self) -> str:
        """The sentence that states this target series, as in the document."""
        return self.series_nl or self.title_nl

    @property
    def target_year(self) -> int:
        return int(self.target_period[-4:])

    @property
    def baseline_year(self) -> int | None:
        if not self.baseline_period:
            return None
        return int(self.baseline_period[:4])

    @property
    def computed_change_pct(self) -> float | None:
        """The change from baseline to target, computed from the document's numbers."""
        if self.target_kind != "level" or not self.baseline_value:
            return None
        return (self.target_value / self.baseline_value - 1) * 100


@dataclass
class Vision:
    pillars: tuple[Pillar, ...]
    building_blocks: tuple[BuildingBlock, ...]
    ambitions: tuple[Ambition, ...]
    geographies: dict[str, Geography]
    indicators: dict[str, Indicator]
    sources: dict[str, Source]
    observations: pd.DataFrame       # ambition measurements: indicator, geo, period, value, source, note
    statbel: pd.DataFrame            # context measurements, same columns
    swot: pd.DataFrame
    figures: pd.DataFrame
    trends: pd.DataFrame
    environment: pd.DataFrame
    texts: dict[str, dict]
    _by_code: dict[str, Ambition] = field(default_factory=dict, repr=False)
    # comparable public series beside an ambition (data/eurostat.csv): never a measurement of it
    comparable: pd.DataFrame = field(default_factory=pd.DataFrame)
    version: str = ""               # data version (content hash of data/ + store revision), set by the app

    def __post_init__(self) -> None:
        self._by_code = {a.code: a for a in self.ambitions}

    # --- lookups -------------------------------------------------------------------------
    def ambition(self, code: str) -> Ambition:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"onbekende ambitie '{code}'") from None

    def has_ambition(self, code: str) -> bool:
        return code in self._by_code

    def pillar(self, code: str) -> Pillar:
        return next(p for p in self.pillars if p.code == str(code))

    def blocks_of(self, pillar: str) -> list[BuildingBlock]:
        return [b for b in self.building_blocks if b.pillar == str(pillar)]

    def ambitions_of(self, pillar: str | None = None, block: str | None = None) -> list[Ambition]:
        out = list(self.ambitions)
        if pillar is not None:
            out = [a for a in out if a.pillar == str(pillar)]
        if block is not None:
            out = [a for a in out if a.building_block == block]
        return out

    def document_codes(self, pillar: str | None = None, block: str | None = None) -> list[str]:
        """The document's ambition codes (sub-targets grouped), in document order."""
        out: list[str] = []
        for a in self.ambitions_of(pillar=pillar, block=block):
            if a.ambition not in out:
                out.append(a.ambition)
        return out

    def series_of(self, code: str) -> list[Ambition]:
        """The target series of ``code``: a document ambition with its sub-targets, or one series."""
        group = [a for a in self.ambitions if a.ambition == code]
        return group or [self.ambition(code)]

    def geo_name(self, geo: str | None, lang: str) -> str:
        """The name of area ``geo`` in ``lang`` (the code itself if unknown)."""
        if not geo:
            return t("common.geo_not_stated", lang)
        g = self.geographies.get(geo)
        return g.name(lang) if g else geo

    def municipalities(self) -> list[Geography]:
        return [g for g in self.geographies.values() if g.level == "gemeente"]

    # --- measurements --------------------------------------------------------------------
    def series(self, code: str, geo: str | None = "__ambition__") -> pd.DataFrame:
        """Measurements of an ambition's indicator, oldest first.

        By default at the ambition's own geography (empty geography included)."""
        a = self.ambition(code)
        df = self.observations[self.observations["indicator"] == code]
        target_geo = a.geography if geo == "__ambition__" else geo
        df = df[df["geo"].fillna("") == (target_geo or "")]
        return df.sort_values(["period_start", "period_end"]).reset_index(drop=True)

    def context_series(self, indicator: str, geo: str | None = None) -> pd.DataFrame:
        df = self.statbel[self.statbel["indicator"] == indicator]
        if geo is not None:
            df = df[df["geo"] == geo]
        return df.sort_values(["geo", "period_start"]).reset_index(drop=True)

    def with_observations(self, extra: pd.DataFrame) -> Vision:
        """A copy in which ``extra`` measurements (same columns) replace or add to the seed.

        Per indicator, geography and period the row of ``extra`` wins. Ambition codes go to
        ``observations``, context indicator ids to ``statbel``."""
        from streek.load import add_period_columns
        if extra is None or extra.empty:
            return self
        extra = add_period_columns(extra.copy())
        key = ["indicator", "geo", "period"]

        def merge(base: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
            if new.empty:
                return base
            both = pd.concat([base, new[base.columns.intersection(new.columns)]], ignore_index=True)
            both["geo"] = both["geo"].fillna("")
            return both.drop_duplicates(key, keep="last").reset_index(drop=True)

        is_amb = extra["indicator"].isin(self._by_code)
        return Vision(self.pillars, self.building_blocks, self.ambitions, self.geographies,
                      self.indicators, self.sources, merge(self.observations, extra[is_amb]),
                      merge(self.statbel, extra[~is_amb]), self.swot, self.figures, self.trends,
                      self.environment, self.texts, comparable=self.comparable)
