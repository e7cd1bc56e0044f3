"""English mode shows no Dutch data unit or indicator label outside the document's own titles:
in every card, chart (axis titles, legends, tooltips, labels), the overview, the map's labels, the
SWOT benchmark charts, the CSV downloads and the PowerPoint deck (Dutch mode keeps its words)."""
from __future__ import annotations

import io

import pytest

from i10_english import dutch_units_in, strings_of
from streek import charts, download, figures, mapdata
from streek.card import build_card
from streek.mapchart import map_chart, series_chart
from streek.progress import assess


@pytest.fixture(scope="module")
def codes(vision):
    return charts.document_ambitions(vision)


def test_the_detector_catches_units_and_labels_but_not_titles(vision):
    assert dutch_units_in(["7,719 personen"]) and dutch_units_in(["Miljoen euro"])
    assert dutch_units_in(["Aantal actieve ondernemingen"]) and dutch_units_in(["per 1,000 inwoners"])
    from i10_english import DUTCH_UNIT
    title = next(a.title_nl for a in vision.ambitions if DUTCH_UNIT.search(a.title_nl))   # a document title
    assert not dutch_units_in([title, "7,719 persons", "75.4% in 2016", "+4.6 percentage points"])


def test_cards_in_english(vision, codes):
    found = []
    for code in codes:
        c = build_card(vision, code, "en")
        texts = [c.meta, c.kind]
        for s in c.series:
            texts += [s.label if c.multi else "", s.indicator, s.baseline, s.target, s.from_to, s.change or "",
                      s.latest_line, s.needed, s.reason, *s.notes, *(v for _, v in s.fact_rows)]
        found += [f"{code}: {f}" for f in dutch_units_in(texts)]
    assert not found, "\n".join(found)


def test_charts_axes_legends_tooltips_in_english(vision, codes):
    found = []
    for code in codes:
        chart, df = charts.build_chart(vision, code, lang="en")
        texts = strings_of(chart.to_dict(validate=False)) + [charts.chart_alt_text(vision, code, lang="en")]
        found += [f"{code}: {f}" for f in dutch_units_in(texts)]
    assert not found, "\n".join(found[:20])


def test_overview_in_english(vision):
    res = {a.code: assess(a, vision.series(a.code)) for a in vision.ambitions}
    frame = charts.overview_frame(vision, res, "en")
    texts = [str(x) for col in frame.columns for x in frame[col] if isinstance(x, str)] + list(map(str, frame.columns))
    assert not dutch_units_in(texts), dutch_units_in(texts)[:10]


def test_csv_downloads_in_english_and_dutch(vision, codes):
    found = []
    for code in codes:
        _, df = charts.build_chart(vision, code, lang="en")
        group = charts.series_of(vision, code)
        frame = download.chart_frame(df, {a.code: a.unit for a in group}, "en", {a.code: a.target_kind for a in group})
        found += [f"{code}: {f}" for f in dutch_units_in([download.to_csv(frame, "en").decode("utf-8-sig")])]
    assert not found, "\n".join(found[:20])
    _, df = charts.build_chart(vision, "1.2.1", lang="nl")
    nl = download.chart_frame(df, {"1.2.1": "ondernemingen"}, "nl", {"1.2.1": "level"})
    assert set(nl["eenheid"]) == {"ondernemingen"}                     # Dutch mode unchanged


def test_map_labels_in_english(vision):
    found = []
    for m in mapdata.map_indicators(vision, lang="en"):
        periods = mapdata.periods(vision, m.id)
        p = periods[-1]
        texts = [mapdata.view_title(vision, m, p, "absoluut", lang="en"),
                 mapdata.view_unit(m, "absoluut", lang="en"),
                 *mapdata.series_title(vision, m, mapdata.series_mode(m, "absoluut"), None, lang="en"),
                 mapdata.series_axis_title(m, mapdata.series_mode(m, "absoluut"), None, "en")]
        frame = mapdata.map_frame(vision, m.id, p, "absoluut", lang="en")
        texts += strings_of(map_chart(frame, m, "absoluut", texts[0], lang="en"))
        found += [f"{m.id}: {f}" for f in dutch_units_in(texts)]
    assert not found, "\n".join(found[:20])


def test_map_series_chart_in_english(vision):
    m = mapdata.map_indicator(vision, "population_total", lang="en")
    mode = mapdata.series_mode(m, "absoluut")
    series, mode = mapdata.series_frame(vision, "population_total", "34022", "absoluut", lang="en")
    spec = series_chart(series, mode, mapdata.series_title(vision, m, mode, "34022", lang="en"),
                        mapdata.series_axis_title(m, mode, None, "en"), lang="en")
    texts = strings_of(spec if isinstance(spec, dict) else spec.to_dict(validate=False))
    assert not dutch_units_in(texts), dutch_units_in(texts)[:10]


def test_swot_benchmark_charts_in_english(vision):
    found = []
    for g in figures.figure_groups(vision.figures, {k: vision.geo_name(k, "en") for k in vision.geographies}, lang="en"):
        texts = strings_of(figures.benchmark_chart(g, lang="en").to_dict(validate=False))
        texts += [g.subtitle(lang="en"), g.alt_text(lang="en")]
        table = g.table(lang="en")
        texts += [str(x) for col in table.columns for x in table[col] if isinstance(x, str)]
        found += dutch_units_in(texts)
    assert not found, "\n".join(found[:20])


def test_the_english_deck_has_no_dutch_units(vision):
    from pptx import Presentation

    from streek.export import build_content, export_bytes, selection
    codes, subtitle = selection(vision, pillar="2", lang="en")
    content = build_content(vision, codes, subtitle, with_map=False, lang="en")
    deck = Presentation(io.BytesIO(export_bytes(content, "pptx")))
    texts = [p.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
             for p in shape.text_frame.paragraphs]
    texts += [c.text for slide in deck.slides for shape in slide.shapes if shape.has_table
              for row in shape.table.rows for c in row.cells]
    assert any("persons" in x for x in texts)
    assert not dutch_units_in(texts), dutch_units_in(texts)[:10]


def test_map_download_headers_units_and_sources_in_english_dutch_unchanged(vision):
    m_en = mapdata.map_indicator(vision, "population_total", lang="en")
    fr = mapdata.map_frame(vision, "population_total", "2022", "absoluut", lang="en")
    en = mapdata.download_frame(vision, fr, m_en, "2022", "absoluut", lang="en")
    assert list(en.columns) == ["nis_code", "municipality", "indicator", "period", "view", "since", "value", "unit",
                                "rank", "note", "source"]
    assert set(en["unit"]) == {"persons"} and en["source"].iloc[0].startswith("Statbel (Statistics Belgium), ") and "Source:" not in en["source"].iloc[0]
    assert "1 January" in en["source"].iloc[0]
    text = download.to_csv(en, "en").decode("utf-8-sig")
    assert not dutch_units_in([text]), dutch_units_in([text])[:5]
    m_nl = mapdata.map_indicator(vision, "population_total", lang="nl")
    nl = mapdata.download_frame(vision, mapdata.map_frame(vision, "population_total", "2022", "absoluut", lang="nl"),
                                m_nl, "2022", "absoluut", lang="nl")
    assert list(nl.columns) == ["nis_code", "gemeente", "indicator", "periode", "weergave", "sinds", "waarde", "eenheid",
                                "rang", "opmerking", "bron"]
    assert set(nl["eenheid"]) == {"personen"} and nl["bron"].iloc[0].startswith("Statbel (Algemene Directie Statistiek), ")
