"""The map's data and chart: 13 features with the data's values, colours rising with the
values, per 1.000 inhabitants divided by the right population, honest gaps, series beside it."""
from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from streek import mapchart as mc
from streek import mapdata as md
from streek.render import to_svg

ROOT = Path(__file__).resolve().parents[1]
CODES = {"34002", "34003", "34009", "34013", "34022", "34023", "34025", "34027",
         "34040", "34041", "34042", "34043", "33029"}


@pytest.fixture(scope="module")
def statbel_csv():
    with open(ROOT / "data" / "statbel.csv", encoding="utf-8") as f:
        return {(r["indicator"], r["geo"], r["period"]): float(r["value"]) for r in csv.DictReader(f)}


def _without(vision, indicator, geos, period=None):
    """A copy of the vision in which some measurements are missing (a data gap)."""
    st = vision.statbel
    drop = (st["indicator"] == indicator) & st["geo"].isin(geos)
    if period is not None:
        drop &= st["period"] == period
    return type(vision)(vision.pillars, vision.building_blocks, vision.ambitions, vision.geographies,
                        vision.indicators, vision.sources, vision.observations,
                        st[~drop].reset_index(drop=True), vision.swot, vision.figures, vision.trends,
                        vision.environment, vision.texts)


def _layers(spec):
    return spec["layer"]


def _param(spec):
    params = [p for p in spec.get("params", []) if p.get("name") == md.SELECTION_PARAM]
    assert len(params) == 1
    return params[0]


def _interactive_layer(spec):
    """The layer that carries the click selection (Altair lifts params to the top level and
    names the layer in ``views``)."""
    views = _param(spec)["views"]
    layers = [ly for ly in _layers(spec) if ly.get("name") in views]
    assert len(layers) == 1
    return layers[0]


_FILTERS = {   # the Vega filters the map's layers use on their shared datasets
    "isValid(datum.waarde)": lambda r: r.get("waarde") is not None,
    "!isValid(datum.waarde)": lambda r: r.get("waarde") is None,
    "datum.show_label": lambda r: bool(r.get("show_label")),
    "datum.leader": lambda r: bool(r.get("leader")),
}


def _data_values(spec, layer):
    """The records a layer draws: its dataset, through its transforms (a lookup joins the view's
    values to the shapes by key, as Vega does; a filter keeps what passes)."""
    data = layer["data"]
    recs = data["values"] if "values" in data else spec["datasets"][data["name"]]
    for tr in layer.get("transform", []):
        if "lookup" in tr:
            src = tr["from"]
            table = {r[src["key"]]: r for r in spec["datasets"][src["data"]["name"]]}
            recs = [{**r, **{f: table.get(r[tr["lookup"]], {}).get(f) for f in src["fields"]}} for r in recs]
        else:
            recs = [r for r in recs if _FILTERS[tr["filter"]](r)]
    return recs


def _map_spec(vision, ind, period, view="absoluut", since=None, selected=None):
    m = md.map_indicator(vision, ind, lang="nl")
    frame = md.map_frame(vision, ind, period, view, since, lang="nl")
    chart = mc.map_chart(frame, m, view, md.view_title(vision, m, period, view, since, lang="nl"), since=since,
                         selected=selected, lang="nl")
    return chart, chart, frame


# --- indicators --------------------------------------------------------------------------------
def test_indicator_list_is_derived_from_the_data(vision):
    ids = [m.id for m in md.map_indicators(vision, lang="nl")]
    for expected in ("population_total", "population_density", "population_20_64", "vat_enterprises_active",
                     "vat_enterprises_started", "vat_enterprises_stopped", "employment_rate_20_64_census2011",
                     "unemployment_rate_15_64_census2011"):
        assert expected in ids
    # regional-only series are not offered on a map of municipalities
    assert "employment_rate_20_64_lfs" not in ids and "vat_first_registrations" not in ids


def test_an_imported_municipal_measurement_of_an_ambition_appears(vision):
    assert not md.has_municipal_values(vision, "1.2.1")
    extra = pd.DataFrame([{"indicator": "1.2.1", "geo": "34027", "period": "2020", "value": "2700",
                           "source": "test", "note": ""}])
    v2 = vision.with_observations(extra)
    assert md.has_municipal_values(v2, "1.2.1")
    m = md.map_indicator(v2, "1.2.1", lang="nl")
    assert m.is_ambition and m.per1000 and m.unit == "ondernemingen"
    fr = md.map_frame(v2, "1.2.1", "2020", lang="nl")
    assert fr.set_index("nis_code").loc["34027", "waarde"] == 2700
    assert (fr["status"] == "geen gegevens").sum() == 12


def test_map_url_keeps_the_contract_and_refuses_unknown_keys():
    assert md.map_url("population_density", jaar="2015") == "kaart?indicator=population_density&jaar=2015"
    assert md.map_url("2.1.1", gemeente="") == "kaart?indicator=2.1.1"
    with pytest.raises(md.MapInputError, match="onbekende parameter"):
        md.map_url("population_density", year="2015")


# --- the map specification ---------------------------------------------------------------------
def test_map_spec_has_exactly_the_13_municipalities(vision):
    _, spec, _ = _map_spec(vision, "population_density", "2015")
    recs = _data_values(spec, _interactive_layer(spec))
    assert sorted(r["nis_code"] for r in recs) == sorted(CODES)
    assert all(r["type"] == "Feature" and r["geometry"]["type"] in ("Polygon", "MultiPolygon") for r in recs)
    assert _param(spec)["select"]["fields"] == ["nis_code"]


@pytest.mark.parametrize("ind,period", [("population_density", "2015"), ("vat_enterprises_active", "2019"),
                                        ("population_total", "1992"), ("unemployment_rate_15_64_census2011", "2011")])
def test_each_value_equals_data_statbel_csv(vision, statbel_csv, ind, period):
    _, spec, _ = _map_spec(vision, ind, period)
    recs = _data_values(spec, _interactive_layer(spec))
    for r in recs:
        assert r["waarde"] == pytest.approx(statbel_csv[(ind, r["nis_code"], period)], abs=1e-9), r["name_nl"]


def test_tooltip_text_is_dutch_with_rank_region_and_flanders(vision, statbel_csv):
    fr = md.map_frame(vision, "population_density", "2015", lang="nl").set_index("nis_code")
    kuurne = fr.loc["34023"]
    assert kuurne["waarde_nl"] == "1.307,3 inwoners per km²"
    dens = {c: statbel_csv[("population_density", c, "2015")] for c in CODES}
    top = max(dens, key=dens.get)
    assert fr.loc[top, "rang_nl"] == "1e van 13"
    assert fr.loc[min(dens, key=dens.get), "rang_nl"] == "13e van 13"
    assert kuurne["streek_nl"] == "680,7 inwoners per km²"
    assert kuurne["vlaanderen_nl"] == "476,6 inwoners per km²"


def test_rates_have_no_region_value_rather_than_an_average(vision):
    fr = md.map_frame(vision, "employment_rate_20_64_census2011", "2011", lang="nl").set_index("nis_code")
    assert fr.loc["34027", "waarde_nl"] == "70,5 %"
    assert set(fr["streek_nl"]) == {"geen gegevens"}
    assert set(fr["vlaanderen_nl"]) == {"geen gegevens"}


def _fills_by_name(chart):
    svg = to_svg(chart).decode()
    out = {}
    for tag in re.findall(r"<path[^>]*aria-roledescription=\"geoshape\"[^>]*>", svg):
        label = re.search(r'aria-label="([^"]*)"', tag)
        fill = re.search(r'fill="(#[0-9a-fA-F]{6}|rgb\([^)]*\))"', tag)
        if label and fill and ":" in label.group(1):
            out[label.group(1).split(":")[0]] = fill.group(1)
    return out


def _luminance(color):
    if color.startswith("#"):
        r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    else:
        r, g, b = (float(x) for x in re.findall(r"[\d.]+", color)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_colours_darken_as_values_rise(vision):
    chart, _, frame = _map_spec(vision, "population_density", "2015")
    fills = _fills_by_name(chart)
    values = dict(zip(frame["gemeente"], frame["waarde"]))
    assert set(fills) == set(values)
    assert len(set(fills.values())) >= 10          # several colours, not one
    ordered = sorted(values, key=values.get)
    lum = [_luminance(fills[n]) for n in ordered]
    assert all(a >= b for a, b in zip(lum, lum[1:])), list(zip(ordered, lum))
    assert lum[0] - lum[-1] > 100


def test_per_1000_divides_by_the_same_municipality_and_year(vision, statbel_csv):
    # hand check, Menen 2019: 2.658 active VAT enterprises, 33.385 inhabitants on 1 January 2019
    assert statbel_csv[("vat_enterprises_active", "34027", "2019")] == 2658
    assert statbel_csv[("population_total", "34027", "2019")] == 33385
    fr = md.map_frame(vision, "vat_enterprises_active", "2019", "per1000", lang="nl").set_index("nis_code")
    assert fr.loc["34027", "waarde"] == pytest.approx(2658 / 33385 * 1000)
    assert fr.loc["34027", "waarde_nl"] == "79,6 per 1.000 inwoners"
    for c in CODES:
        expect = statbel_csv[("vat_enterprises_active", c, "2019")] / statbel_csv[("population_total", c, "2019")] * 1000
        assert fr.loc[c, "waarde"] == pytest.approx(expect)
    zwv = statbel_csv[("vat_enterprises_active", "ZWV", "2019")] / statbel_csv[("population_total", "ZWV", "2019")] * 1000
    assert fr.loc["34027", "streek_nl"] == f"{zwv:.1f}".replace(".", ",") + " per 1.000 inwoners"


def test_per_1000_without_that_years_population_says_so(vision):
    v2 = _without(vision, "population_total", ["34027"], "2019")
    fr = md.map_frame(v2, "vat_enterprises_active", "2019", "per1000", lang="nl").set_index("nis_code")
    assert math.isnan(fr.loc["34027", "waarde"])
    assert fr.loc["34027", "waarde_nl"] == "geen gegevens"
    assert fr.loc["34027", "opmerking"] == "geen bevolkingscijfer voor 2019"
    assert fr.loc["34022", "rang_nl"].endswith("van 12")


def test_per_1000_is_only_offered_for_counts(vision):
    assert "per1000" in md.available_views(md.map_indicator(vision, "vat_enterprises_active", lang="nl"), 1)
    assert "per1000" not in md.available_views(md.map_indicator(vision, "population_density", lang="nl"), 21)
    assert "per1000" not in md.available_views(md.map_indicator(vision, "population_total", lang="nl"), 31)
    with pytest.raises(md.MapInputError, match="past niet"):
        md.map_frame(vision, "population_density", "2015", "per1000", lang="nl")


def test_change_since_a_year(vision, statbel_csv):
    fr = md.map_frame(vision, "population_total", "2022", "verandering", "2000", lang="nl").set_index("nis_code")
    expect = (statbel_csv[("population_total", "34022", "2022")] / statbel_csv[("population_total", "34022", "2000")] - 1) * 100
    assert fr.loc["34022", "waarde"] == pytest.approx(expect)
    assert fr.loc["34022", "waarde_nl"] == "+3,9 %"          # 74.790 -> 77.741
    with pytest.raises(md.MapInputError, match="vóór het gekozen jaar"):
        md.map_frame(vision, "population_total", "2000", "verandering", "2022", lang="nl")


def test_missing_municipality_is_grey_hatched_and_labelled(vision):
    v2 = _without(vision, "vat_enterprises_active", ["34043", "34022"])
    _, spec, frame = _map_spec(v2, "vat_enterprises_active", "2019")
    assert set(frame.loc[frame["status"] == "geen gegevens", "nis_code"]) == {"34043", "34022"}
    colour_layer = next(ly for ly in _layers(spec) if ly.get("encoding", {}).get("color", {}).get("field") == "waarde")
    assert len(_data_values(spec, colour_layer)) == 11
    nodata = next(ly for ly in _layers(spec) if ly.get("encoding", {}).get("fill", {}).get("field") == "status")
    assert nodata["encoding"]["fill"]["scale"]["domain"] == ["geen gegevens"]
    assert {r["nis_code"] for r in _data_values(spec, nodata)} == {"34043", "34022"}
    hatch = [ly for ly in _layers(spec) if ly.get("mark", {}).get("filled") is False
             and ly["mark"].get("stroke") == mc.NODATA_HATCH]
    assert {r["nis_code"] for r in _data_values(spec, hatch[0])} == {"34043", "34022"}
    texts = [r.get("status") for ly in _layers(spec) if ly["mark"]["type"] == "text"
             for r in _data_values(spec, ly) if ly["encoding"].get("text", {}).get("field") == "status"]
    assert texts.count("geen gegevens") >= 2


def test_values_shown_together_share_the_sources_precision_and_the_readers_percent_sign(vision, statbel_csv):
    """A ranked table and its tooltips give every value the decimals of its source ("76,0 %" beside
    "75,9 %", not "76 %"), and the percent sign as the language writes it: "76,6 %" / "76.6%"."""
    ind = "employment_rate_20_64_census2011"
    raw = {c: statbel_csv[(ind, c, "2011")] for c in CODES}
    whole = [c for c, v in raw.items() if float(v) == round(float(v))]
    assert whole, "the test needs a municipality whose rate is a whole number in the source"
    for lang, pattern in (("nl", r"\d{2},\d %"), ("en", r"\d{2}\.\d%")):
        fr = md.map_frame(vision, ind, "2011", lang=lang).set_index("nis_code")
        assert all(re.fullmatch(pattern, x) for x in fr["waarde_nl"]), list(fr["waarde_nl"])
        assert fr.loc[whole[0], "waarde_nl"] == f"{float(raw[whole[0]]):.1f}".replace(".", "," if lang == "nl" else ".") \
            + (" %" if lang == "nl" else "%")
    series, _ = md.series_frame(vision, ind, whole[0], "absoluut", None, lang="en")
    assert all(re.fullmatch(r"\d{2}\.\d%", x) for x in series["waarde_nl"]), list(series["waarde_nl"])


def test_axis_and_legend_labels_drop_a_trailing_zero_decimal():
    assert mc._num_spec([70.4, 76.6], "absoluut") == ",.1~f"          # "72", "72,5" — not "72,0"
    assert mc._num_spec([-3.2, 4.1], "verandering") == "+,.1~f"
    assert mc._num_spec([1307.3], "absoluut") == ",.0f"


def test_legend_has_units_and_dutch_numbers(vision):
    _, spec, _ = _map_spec(vision, "vat_enterprises_active", "2019", "per1000")
    colour = next(ly for ly in _layers(spec) if ly.get("encoding", {}).get("color", {}).get("field") == "waarde")
    legend = colour["encoding"]["color"]["legend"]
    assert legend["title"] == "per 1.000 inw."
    # numbers as the reader writes them through the chart's locale (streek.fmt.vega_locale, set by the page),
    # not by swapping separators in a label expression
    assert legend["format"] in (",.1~f", ",.0f") and "labelExpr" not in legend
    assert colour["encoding"]["color"]["scale"]["scheme"] == "blues"
    assert "per 1.000 inwoners, 2019" in spec["title"]["text"]


def test_neighbours_and_border_are_drawn(vision):
    _, spec, _ = _map_spec(vision, "population_density", "2015")
    shapes = [ly for ly in _layers(spec) if ly["mark"]["type"] == "geoshape"]
    nb = next(ly for ly in shapes if ly["mark"].get("fill") == mc.NEIGHBOUR_FILL)
    assert len(_data_values(spec, nb)) > 20
    border = next(ly for ly in shapes if ly["mark"].get("stroke") == mc.BORDER)
    assert _data_values(spec, border)[0]["geometry"]["type"] in ("LineString", "MultiLineString")


def test_selected_municipality_is_the_initial_selection(vision):
    _, spec, _ = _map_spec(vision, "population_density", "2015", selected="34027")
    assert _param(spec)["value"] == [{"nis_code": "34027"}]


# --- series and clicks -------------------------------------------------------------------------
def test_series_of_a_clicked_municipality_beside_region_province_flanders(vision, statbel_csv):
    s, mode = md.series_frame(vision, "population_total", "34027", lang="nl")
    assert mode == md.SERIES_INDEX        # counts of different size: index, first common year = 100
    assert list(dict.fromkeys(s["geo"])) == ["34027", "ZWV", "30000", "02000"]
    menen = s[s["geo"] == "34027"].set_index("periode")["waarde"]
    assert menen["1992"] == pytest.approx(100)
    expect = statbel_csv[("population_total", "34027", "2022")] / statbel_csv[("population_total", "34027", "1992")] * 100
    assert menen["2022"] == pytest.approx(expect)
    s2, mode2 = md.series_frame(vision, "vat_enterprises_active", "34027", lang="nl")
    assert mode2 == md.SERIES_PER1000
    assert s2.set_index("geo").loc["34027", "waarde"] == pytest.approx(2658 / 33385 * 1000)
    s3, mode3 = md.series_frame(vision, "population_density", "34027", lang="nl")
    assert mode3 == md.SERIES_VALUE and len(s3[s3["geo"] == "34027"]) == 21
    with pytest.raises(md.MapInputError, match="geen van de 13"):
        md.series_frame(vision, "population_total", "44021", lang="nl")


def test_series_chart_draws_lines_or_bars(vision):
    s, mode = md.series_frame(vision, "population_total", "34027", lang="nl")
    spec = mc.series_chart(s, mode, ["a", "b"], lang="nl").to_dict()
    assert {ly["mark"]["type"] for ly in spec["layer"]} >= {"line", "point"}
    s2, mode2 = md.series_frame(vision, "vat_enterprises_active", "34027", lang="nl")
    spec2 = mc.series_chart(s2, mode2, "x", lang="nl").to_dict()
    assert spec2["layer"][0]["mark"]["type"] == "bar"


def _plot_height(svg: str) -> float:
    """Height of the plot area in a vl-convert SVG: the length of the vertical grid lines."""
    return max((float(y) for y in re.findall(r'<line[^>]*y2="([0-9.]+)"', svg)), default=0.0)


@pytest.mark.parametrize("ind,view,axis", [
    ("population_total", "absoluut", "index (1992 = 100)"),
    ("population_total", "verandering", "index (2000 = 100)"),
    ("vat_enterprises_active", "per1000", "per 1.000 inwoners"),
    ("population_density", "absoluut", "inwoners per km²"),
])
def test_series_chart_is_tall_with_a_value_axis_title_and_a_legend_above_the_plot(vision, ind, view, axis):
    since = "2000" if view == "verandering" else None
    m = md.map_indicator(vision, ind, lang="nl")
    s, mode = md.series_frame(vision, ind, "34027", view, since, lang="nl")
    base = md.index_base(vision, ind, "34027", view, since)
    y_title = md.series_axis_title(m, mode, base, "nl")
    assert y_title == axis
    spec = mc.series_chart(s, mode, md.series_title(vision, m, mode, "34027", base, lang="nl"), y_title, lang="nl").to_dict()
    enc = [ly["encoding"] for ly in spec["layer"] if "encoding" in ly and "y" in ly["encoding"]]
    value_enc = [e["y"] if e["y"].get("type") == "quantitative" else e["x"] for e in enc]
    assert any(e.get("title") == axis for e in value_enc)
    # Streamlit fits title + legend + plot into `height`: the plot keeps >= 220 px of it (lines), or a
    # band of SERIES_BAR_STEP px per area (bars of one period)
    title_lines = len(spec["title"]["text"])
    legend_rows = s["naam"].nunique() if s["periode"].nunique() > 1 else 0
    plot = 220 if s["periode"].nunique() > 1 else mc.SERIES_BAR_STEP * s["naam"].nunique()
    assert spec["height"] - mc.SERIES_LINE_PX * (title_lines + legend_rows) - mc.SERIES_AXES_PX >= plot
    legend = next((e["color"]["legend"] for e in enc if e.get("color", {}).get("legend")), None)
    if s["periode"].nunique() > 1:
        assert legend["columns"] == 1 and legend["orient"] == "top"
        svg = to_svg(spec).decode()
        assert _plot_height(svg) >= 220
        assert axis in svg


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [322, 560])
@pytest.mark.parametrize("ind", ["population_density", "vat_enterprises_started"])    # lines; bars of one year
def test_series_still_keeps_its_text_inside_the_picture_in_the_charts_font(vision, ind, width, lang):
    """The series picture beside the map, laid out for a phone and for the map page's column: its
    text is in the theme's font (vl-convert measures what the browser draws; with the generic
    "sans-serif" the legend entries ran into each other in the browser), and nothing runs past its
    right edge: not the title, not the legend with the longest names ("Provincie West-Vlaanderen",
    "Province of West Flanders"; two columns ran past the edge), not the value written after the
    longest bar ("11,3" did on a phone)."""
    from conftest import right_edge_is_clear
    from pages.static_files import laid_out
    from streek.theme import FONT
    m = md.map_indicator(vision, ind, lang=lang)
    s, mode = md.series_frame(vision, ind, "34022", "absoluut", None, lang=lang)
    title = md.series_title(vision, m, mode, "34022", None, lang=lang, with_references=md.references_drawn(s))
    spec = mc.series_chart(s, mode, title, md.series_axis_title(m, mode, None, lang), lang=lang).to_dict()
    svg = to_svg(laid_out(spec, width, spec["height"]), lang).decode()
    fonts = set(re.findall(r'font-family="([^"]*)"', svg))
    assert fonts == {FONT}, fonts
    if s["periode"].nunique() > 1:
        legend = re.findall(r'<g class="mark-text role-legend-label"[^>]*>(.*?)</g>', svg, re.S)
        assert set(s["naam"]) <= set(re.findall(r">([^<>]+)</text>", "".join(legend)))      # no name cut short
    assert right_edge_is_clear(svg), (ind, lang, width, "cut off at the right edge")


def test_one_period_bars_are_bars_and_missing_areas_are_named(vision):
    """The census 2011 indicator has a value for Kortrijk but none for the region, the province or
    Flanders: one bar of normal thickness (it was one slab 190 px thick), and the three areas the
    title promises are named as missing, in the reader's language."""
    ind = "employment_rate_20_64_census2011"
    s, mode = md.series_frame(vision, ind, "34022", lang="nl")
    assert list(s["geo"]) == ["34022"]
    spec = mc.series_chart(s, mode, "x", lang="nl").to_dict()
    bar = spec["layer"][0]
    assert bar["mark"]["type"] == "bar" and bar["mark"]["size"] == mc.SERIES_BAR_PX
    svg = to_svg(spec).decode()
    heights = [float(h) for h in re.findall(r'<path[^>]*aria-roledescription="bar"[^>]*d="M[\d.,-]+h[\d.-]+v([\d.]+)', svg)]
    assert heights and max(heights) <= mc.SERIES_BAR_PX + 0.5, heights
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"] == [mc.SERIES_COLORS[0]]   # the municipality's colour
    assert md.series_missing(vision, s, "34022", lang="nl") == ["Zuid-West-Vlaanderen", "Provincie West-Vlaanderen",
                                                                "Vlaams Gewest"]
    assert md.series_missing(vision, s, "34022", lang="en")[0] == vision.geo_name(md.REGION, "en")
    full, _ = md.series_frame(vision, "population_total", "34022", lang="nl")
    assert md.series_missing(vision, full, "34022", lang="nl") == []
    # and the title does not promise them: the municipality alone
    m = md.map_indicator(vision, ind, lang="nl")
    assert not md.references_drawn(s) and md.references_drawn(full)
    assert md.series_title(vision, m, mode, "34022", lang="nl", with_references=False)[1] == "Kortrijk"
    assert md.series_title(vision, m, mode, "34022", lang="nl")[1] == "Kortrijk naast de streek, de provincie en Vlaanderen"


def test_tooltips_name_the_same_fields_as_the_charts_tooltip(vision):
    """The still map's tooltips (pages/clickable_map: no Vega) say what the chart's tooltip says, per
    language, with the note only where a municipality has one."""
    spec, _, frame = _map_spec(vision, "population_density", "2015")
    tips = mc.tooltip_texts(frame, lang="nl")
    assert set(tips) == CODES
    assert tips["34022"].split("\n") == ["Gemeente: Kortrijk", "Waarde: 940,0 inwoners per km²", "Rang: 4e van 13",
                                          "Zuid-West-Vlaanderen: 680,7 inwoners per km²",
                                          "West-Vlaanderen: 375,0 inwoners per km²", "Vlaams Gewest: 476,6 inwoners per km²"]
    titles = [tt["title"] for ly in _layers(spec) for tt in ly.get("encoding", {}).get("tooltip", [])]
    assert [line.split(":")[0] for line in tips["34022"].split("\n")[:3]] == titles[:3]
    en = mc.tooltip_texts(md.map_frame(vision, "population_density", "2015", "absoluut", None, lang="en"), lang="en")
    assert en["34022"].startswith("Municipality: Kortrijk\nValue: 940.0 inhabitants per km²")


def test_links_are_checked_with_dutch_messages(vision):
    ok, problems = md.url_choice(vision, {"indicator": "population_total", "jaar": "2010",
                                          "weergave": "verandering", "sinds": "1995", "gemeente": "34027"}, lang="nl")
    assert ok == {"indicator": "population_total", "jaar": "2010", "weergave": "verandering", "sinds": "1995",
                  "gemeente": "34027"} and not problems
    ok, problems = md.url_choice(vision, {"indicator": "population_density", "jaar": "2030",
                                          "weergave": "per1000", "gemeente": "12345"}, lang="nl")
    assert ok == {"indicator": "population_density"}
    text = " ".join(problems)
    assert "jaar '2030'" in text and "weergave 'per1000'" in text and "gemeente '12345'" in text
    ok, problems = md.url_choice(vision, {"indicator": "bestaat_niet"}, lang="nl")
    assert ok == {} and "geen cijfers per gemeente" in problems[0]
    # a municipality alone (the default indicator): kept; it was dropped without a word
    assert md.url_choice(vision, {"gemeente": "34022"}, lang="nl") == ({"gemeente": "34022"}, [])


def test_ranked_table_puts_the_highest_first_and_gaps_last(vision):
    v2 = _without(vision, "population_density", ["34022"], "2015")
    t = md.ranked_table(md.map_frame(v2, "population_density", "2015", lang="nl"))
    assert t.iloc[0]["gemeente"] == "Kuurne"
    assert t.iloc[-1]["gemeente"] == "Kortrijk" and t.iloc[-1]["waarde_nl"] == "geen gegevens"


def test_download_frame_has_numbers_unit_and_source(vision):
    m = md.map_indicator(vision, "vat_enterprises_active", lang="nl")
    fr = md.map_frame(vision, "vat_enterprises_active", "2019", "per1000", lang="nl")
    d = md.download_frame(vision, fr, m, "2019", "per1000", lang="nl")
    assert len(d) == 13 and d["waarde"].dtype.kind == "f"
    assert set(d["eenheid"]) == {"per 1.000 inwoners"}
    assert d["bron"].iloc[0].startswith("Statbel (") and "Bron:" not in d["bron"].iloc[0]   # the column says it


def test_locator_map_shows_the_region_in_the_province_and_the_13_with_neighbours():
    spec = mc.locator_chart(lang="nl")
    inset, main = spec["hconcat"]

    def values(layer):
        d = layer["data"]
        return d["values"] if "values" in d else spec["datasets"][d["name"]]
    inset_names = {r.get("name_nl") for ly in inset["layer"] for r in values(ly)}
    assert {"West-Vlaanderen", "Zuid-West-Vlaanderen"} <= inset_names
    shapes = [ly for ly in main["layer"] if ly["mark"]["type"] == "geoshape"]
    codes = [{r.get("nis_code") for r in values(ly)} for ly in shapes]
    assert CODES in codes                                  # the 13
    assert any(len(c - CODES) > 20 for c in codes)        # and the neighbours


def test_rank_ordinal_follows_the_language():
    from streek.mapdata import ordinal
    assert [ordinal(n, "nl") for n in (1, 2, 3, 13)] == ["1e", "2e", "3e", "13e"]
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21)] == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st"]



_TEXT_RE = re.compile(r'<text[^>]*aria-roledescription="text mark"[^>]*transform="translate\(([-0-9.]+),([-0-9.]+)\)"'
                      r'[^>]*font-size="([0-9.]+)px"[^>]*font-weight="(\w+)"[^>]*fill="([^"]+)"[^>]*>([^<]*)</text>')


def _label_boxes(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(text, box) of every name drawn in a vl-convert SVG of the map (the halo copies left out).
    Width estimated from the font size and the characters (bold ~0,6 em per character)."""
    out = []
    for x, y, size, weight, fill, text in _TEXT_RE.findall(svg):
        if fill == "white":
            continue
        x, y, fs = float(x), float(y), float(size)
        w = len(text) * fs * (0.6 if weight == "bold" else 0.52)
        out.append((text, (x - w / 2, y - fs * 0.6, x + w / 2, y + fs * 0.6)))
    return out


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("width", [620, 480, 340])
def test_map_labels_do_not_collide_and_stay_in_the_frame(vision, width):
    """At a PNG's, a desktop column's and a phone's width: all 13 names drawn, no two names
    (municipalities, neighbours, FRANKRIJK) overlapping, none cut off by the frame."""
    _, spec, _ = _map_spec(vision, "vat_enterprises_active", "2019", "per1000")
    spec = {**spec, "width": width, "height": round(width * 0.66)}
    svg = to_svg(spec).decode()
    boxes = _label_boxes(svg)
    names = [t for t, _ in boxes]
    assert set(md.municipal_codes(vision)) and {
        "Anzegem", "Avelgem", "Deerlijk", "Harelbeke", "Kortrijk", "Kuurne", "Lendelede", "Menen", "Waregem",
        "Wevelgem", "Zwevegem", "Spiere-Helkijn", "Wervik"} <= set(names)
    assert "FRANKRIJK" in names and len(names) > 20          # neighbours named too
    hits = [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:] if _overlap(ba, bb)]
    assert not hits, hits
    # the map's frame: the neighbours' shapes span it; no name runs out of it
    frame_w = float(re.search(r'<svg[^>]*width="([0-9.]+)"', svg).group(1))
    for text, (x0, _, x1, _) in boxes:
        assert x0 >= 0 and x1 <= frame_w, (text, x0, x1, frame_w)


def test_map_layers_share_one_dataset_per_kind_of_shape(vision):
    """The 13 shapes and the neighbours are each sent once (named datasets shared by the layers); the
    view's values once, joined to the shapes by the layers that show them."""
    import json
    _, spec, _ = _map_spec(vision, "vat_enterprises_active", "2019", "per1000")
    assert set(spec["datasets"]) == {"buren", "gemeenten", "grens", "waarden"}
    assert all("geometry" not in r for r in spec["datasets"]["waarden"]) and len(spec["datasets"]["waarden"]) == 13
    assert all("values" not in ly.get("data", {}) for ly in _layers(spec))
    assert len(json.dumps(spec)) < 250_000        # was ~0,5 MB with a copy per layer


def test_source_line_names_its_label_once(vision):
    m = md.map_indicator(vision, "population_total", lang="nl")
    text = md.source_text(vision, m, lang="nl")
    assert text.startswith("Bron: Statbel (Algemene Directie Statistiek), Bevolking per gemeente") and text.count("Bron:") == 1
    assert text.count("; ") == 1 and md.source_text(vision, m, lang="nl", label=False) == text.removeprefix("Bron: ")


def test_a_change_is_signed_and_written_per_language(vision):
    count = md.map_indicator(vision, "population_total", lang="nl")
    rate = md.map_indicator(vision, "employment_rate_20_64_census2011", lang="nl")
    assert md.format_view_value(2.5, count, "verandering", lang="nl") == "+2,5 %"
    assert md.format_view_value(2.5, count, "verandering", lang="en") == "+2.5%"
    assert md.format_view_value(-3.0, count, "verandering", lang="nl") == "-3,0 %"
    assert md.format_view_value(1.26, rate, "verandering", lang="nl") == "+1,3 procentpunt"
