"""What goes on the slides and pages of an export, computed once for the deck and the PDF.

One slide per chosen ambition (a document ambition with its sub-targets, or one target series),
with the chart as PNG, the figures of each series (status as word and colour, baseline, target,
latest measurement, what is needed), the sources, and the workshop notes pinned to it. Every
figure comes from ``data/`` or stored measurements; nothing is estimated here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from streek import mapchart, mapdata
from streek.card import DOCUMENT_SOURCE, SeriesCard, build_card, source_label
from streek.charts import ambition_chart
from streek.fmt import fmt_date, fmt_datetime, today_brussels
from streek.i18n import t
from streek.model import Ambition, Vision
from streek.progress import Assessment, assess

# Charts are drawn with the print theme (streek.theme: ~1.200 px wide, text >= 10 pt on A4 and on
# a slide); 1,25 x gives ~1.500 px: ~120 dpi across a 12,5-inch slide or 140 dpi on A4.
PNG_SCALE = 1.25
CHART_THEME = "print"

ChartFn = Callable[..., object]    # (vision, code, {series code: Assessment}, *, lang) -> Altair chart


@dataclass
class SlideContent:
    code: str
    title: str
    block: str
    page: int
    series: list[SeriesCard]         # the card model's rows (streek.card)
    chart_png: bytes | None
    sources: list[str]
    notes: list = field(default_factory=list)     # streek.notes.Note


@dataclass
class DeckContent:
    title: str
    subtitle: str
    made_on: str
    reference_dates: list[str]
    slides: list[SlideContent]
    map_png: bytes | None = None
    map_caption: str = ""
    # beside the map: the 13 from the highest value to the lowest, (municipality, value as the map writes it),
    # under the heading map_ranking_title (``map_ranking``)
    map_ranking: tuple[tuple[str, str], ...] = ()
    map_ranking_title: str = ""
    lang: str = "nl"
    with_notes: bool = False      # the presenter asked for the workshop notes


# --- selection --------------------------------------------------------------------------------
def document_codes(vision: Vision, pillar: str | None = None, block: str | None = None) -> list[str]:
    """The document's ambition codes (sub-targets grouped), in document order."""
    return vision.document_codes(pillar=pillar, block=block)


def series_of(vision: Vision, code: str) -> list[Ambition]:
    """The target series of ``code``: a document ambition with its sub-targets, or one series."""
    return vision.series_of(code)


def known_codes(vision: Vision) -> set[str]:
    return {a.code for a in vision.ambitions} | {a.ambition for a in vision.ambitions}


def selection(vision: Vision, *, pillar: str | None = None, block: str | None = None,
              ambitions: Iterable[str] | None = None, lang: str) -> tuple[list[str], str]:
    """Codes to export and the subtitle that names the selection. Raises KeyError on unknown codes."""
    if ambitions:
        codes = [c.strip() for c in ambitions if c and c.strip()]
        unknown = [c for c in codes if c not in known_codes(vision)]
        if unknown:
            raise KeyError(", ".join(unknown))
        return list(dict.fromkeys(codes)), t("deck.subtitle.selection", lang=lang, n=len(codes))
    if block:
        b = next((b for b in vision.building_blocks if b.code == str(block)), None)
        if b is None:
            raise KeyError(str(block))
        return document_codes(vision, block=b.code), t("deck.subtitle.block", lang=lang, code=b.code, title=b.title_nl)
    if pillar:
        p = next((p for p in vision.pillars if p.code == str(pillar)), None)
        if p is None:
            raise KeyError(str(pillar))
        return document_codes(vision, pillar=p.code), t("deck.subtitle.pillar", lang=lang, code=p.code, title=p.title_nl)
    return [], ""


def sources_of(vision: Vision, group: list[Ambition], *, lang: str) -> list[str]:
    """The indicator's source named in the document, and the sources of the measurements used (as
    the card names them). The document itself only where no source with its page already cites it:
    a footer has two lines, and the measurement's source is the one a reader asks for."""
    out: list[str] = []
    for a in group:
        if a.source_nl:
            out.append(f"{a.source_nl} ({t('deck.page', lang, page=a.page)})")
        for sid in vision.series(a.code)["source"].unique():
            if sid == DOCUMENT_SOURCE and a.source_nl:
                continue
            if sid in vision.sources:     # the footer says 'Bron:' once
                out.append(source_label(vision, sid, "", None, lang))
    return unique_texts(out)


def unique_texts(texts: Iterable[str]) -> list[str]:
    """Texts once each, compared without regard to case ("Steunpunt werk" = "Steunpunt Werk")."""
    seen: dict[str, str] = {}
    for s in texts:
        seen.setdefault(" ".join(s.split()).casefold(), s)
    return list(seen.values())


def reference_dates(vision: Vision, codes: list[str], extra: Iterable[str] = (), *, lang: str) -> list[str]:
    """Publisher, dataset and reference date of every source used by the chosen series (and
    ``extra`` source ids, e.g. those of the map slide)."""
    used: list[str] = [DOCUMENT_SOURCE, *extra]
    for code in codes:
        for a in series_of(vision, code):
            used += [s for s in vision.series(a.code)["source"].unique() if s]
    out = []
    for sid in dict.fromkeys(used):
        s = vision.sources.get(sid)
        if s is not None:
            out.append(s.attribution(lang, label=False))       # the slide has its own heading
    return unique_texts(out)


def default_chart_fn() -> ChartFn:
    """Deck charts: the same builder as the pages, in the print theme."""
    return lambda vision, code, res, *, lang: ambition_chart(vision, code, res, lang=lang, theme=CHART_THEME)


# The map of each pillar: a municipal indicator that belongs to its theme.
PILLAR_MAP = {"1": "vat_enterprises_active", "2": "employment_rate_20_64_census2011", "3": "population_20_64"}


@dataclass(frozen=True)
class MapParts:
    """A pillar's map of the 13 municipalities, latest period: the chart (streek.mapchart), its source line
    and the municipalities from the highest value to the lowest (``mapdata.ranked_table``)."""
    chart: object
    caption: str
    ranked: object          # pandas DataFrame: gemeente, waarde_nl, rang_nl, ... (mapdata.map_frame's columns)
    period: str
    indicator: str          # the map's indicator (mapdata id)
    view: str = "absoluut"  # the map's view (mapdata.VIEWS)

    def link_params(self) -> dict[str, str]:
        """The map page's query parameters that show this same map (``mapdata.map_url``): a phone that
        follows the presentation's QR code sees the map on the projector, not the map page's default."""
        return {"indicator": self.indicator, "jaar": self.period, "weergave": self.view}


def map_parts(vision: Vision, pillar: str | None = None, indicator: str | None = None, *, lang: str) -> MapParts | None:
    """The map of a pillar (or of ``indicator``); None where the indicator is not available."""
    ind = indicator or PILLAR_MAP.get(str(pillar or ""), "population_total")
    try:
        m = mapdata.map_indicator(vision, ind, lang=lang)
        period = mapdata.periods(vision, ind)[-1]
        view = MapParts.view
        frame = mapdata.map_frame(vision, ind, period, view, lang=lang)
        chart = mapchart.map_chart(frame, m, view, mapdata.view_title(vision, m, period, view, lang=lang), lang=lang)
    except (mapdata.MapInputError, IndexError):
        return None
    return MapParts(chart, mapdata.source_text(vision, m, lang=lang), mapdata.ranked_table(frame), period, ind)


def map_ranking(parts: MapParts, lang: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The heading and rows of the ranking beside a map (presentation mode, deck, PDF): the 13 from the highest
    value to the lowest, each (municipality, value as the map's tooltip writes it)."""
    return (t("deck.map_ranking", lang, period=parts.period),
            tuple((r.gemeente, r.waarde_nl) for r in parts.ranked.itertuples()))


def map_source_ids(vision: Vision, pillar: str | None = None) -> tuple[str, ...]:
    """The source ids of the pillar's map (for "Peildata")."""
    from streek import mapdata
    try:
        return mapdata.map_indicator(vision, PILLAR_MAP.get(str(pillar or ""), "population_total"), lang="nl").source_ids
    except (mapdata.MapInputError, KeyError):
        return ()


def _spec(chart) -> dict:
    """The chart's Vega-Lite dict without Altair's schema validation (the builders are tested;
    validating a map's inline GeoJSON costs seconds)."""
    return chart if isinstance(chart, dict) else chart.to_dict(validate=False)


def build_content(vision: Vision, codes: list[str], subtitle: str, *, notes=None, chart_fn: ChartFn | None = None,
                  with_map: bool = True, map_png: tuple[bytes | None, str] | None = None, today: date | None = None,
                  lang: str, assessments: dict[str, Assessment] | None = None,
                  pillar: str | None = None) -> DeckContent:
    """Everything the deck and the PDF show. ``notes``: a list of streek.notes.Note (optional)."""
    from streek.render import PngBatch
    chart_fn = chart_fn if chart_fn is not None else default_chart_fn()
    res_all = assessments or {}
    map_pillar = pillar or _pillar_of(vision, codes)
    by_amb: dict[str, list] = {}
    for n in notes or []:
        by_amb.setdefault(n.ambition, []).append(n)
    slides = []
    # the PNGs not cached yet render in worker processes while this loop builds the next chart
    # (streek.render.PngBatch; pillar 2 on 2 cores with no PNG cached: see bench/RESULTS.md)
    with PngBatch(lang, PNG_SCALE) as batch:
        # the map is the largest picture: it starts first
        built_map = map_parts(vision, map_pillar, lang=lang) if map_png is None and with_map else None
        map_job = batch.submit(_spec(built_map.chart)) if built_map is not None else None
        for code in codes:
            group = series_of(vision, code)
            res = {a.code: res_all.get(a.code) or assess(a, vision.series(a.code)) for a in group}
            png = None
            if chart_fn is not None:
                chart = chart_fn(vision, code, res if len(group) > 1 else res[group[0].code], lang=lang)
                png = batch.submit(_spec(chart)) if chart is not None else None
            first = group[0]
            card = build_card(vision, code, lang, res)
            pinned = []
            for c in dict.fromkeys([code, first.ambition] + [a.code for a in group]):
                pinned += by_amb.get(c, [])
            slides.append(SlideContent(
                code=code, title=f"{code} · {first.title_nl}" if len(group) > 1 or not first.series_nl
                else f"{code} · {first.title_nl} – {first.series_nl}",
                block=first.building_block, page=first.page,
                series=list(card.series),
                chart_png=png, sources=sources_of(vision, group, lang=lang), notes=sorted(pinned, key=lambda n: (n.created_at, n.id))))
        for sc in slides:
            if sc.chart_png is not None:
                sc.chart_png = sc.chart_png.result()
        mp, cap = map_png if map_png is not None else ((map_job.result(), built_map.caption) if map_job is not None else (None, ""))
    rank_title, ranking = map_ranking(built_map, lang) if built_map is not None and mp is not None else ("", ())
    map_ids = map_source_ids(vision, map_pillar) if mp is not None and map_png is None else ()
    return DeckContent(title=t("deck.title", lang=lang), subtitle=subtitle,
                       made_on=t("deck.made_on", lang=lang, date=fmt_date(today or today_brussels(), lang)),
                       reference_dates=reference_dates(vision, codes, map_ids, lang=lang), slides=slides, map_png=mp,
                       map_caption=cap, map_ranking=ranking, map_ranking_title=rank_title, lang=lang,
                       with_notes=notes is not None)


def _pillar_of(vision: Vision, codes: list[str]) -> str | None:
    pillars = {series_of(vision, c)[0].pillar for c in codes}
    return pillars.pop() if len(pillars) == 1 else None


def slide_subtitle(sc: SlideContent, lang: str) -> list[str]:
    """The line under an ambition's title on a slide or PDF page: (its sentence,) area, kind of
    target (and what is needed per year), composed once for both exports."""
    f0 = sc.series[0]
    sub = [f"{t('deck.geography', lang=lang)}: {f0.geography}", f"{t('deck.kind', lang=lang)}: {f0.kind}"]
    if len(sc.series) == 1:
        sub.insert(0, f0.label)
        if f0.needed:
            sub.append(f"{t('card.needed', lang=lang)}: {f0.needed}")     # labelled as on the card
    return sub


def note_line(n, lang: str, limit: int | None = None) -> str:
    """One note as plain text (exports are not HTML: nothing to escape, but never interpreted)."""
    text = n.text if limit is None or len(n.text) <= limit else n.text[: limit - 1] + "…"
    return t("deck.note_line", lang=lang, kind=t(f"notes.kind.{n.kind}", lang=lang),
             author=n.author or t("notes.anonymous", lang=lang), date=fmt_datetime(n.created_at, lang, date_only=True),
             text=text.replace("\n", " "))
