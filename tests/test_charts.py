"""The ambition charts: every spec renders, holds the document's figures, and draws what it claims."""
from __future__ import annotations

import json
from functools import cache

import pandas as pd
import pytest

from streek import load_vision
from streek.charts import (
    EL_AVG,
    EL_AVG_TARGET,
    EL_BASE,
    EL_FLOOR,
    EL_MEAS,
    EL_PATH,
    EL_TARGET,
    EL_TREND,
    ambition_chart,
    build_chart,
    data_version,
    document_ambitions,
    el_label,
    overview_frame,
    series_of,
)
from streek.card import build_card
from streek.progress import assess
from streek.render import to_svg

VISION = load_vision()
CODES = document_ambitions(VISION)


@cache
def built(code: str):
    """(chart, data, spec) of one ambition's Dutch chart with the document's data, built once per
    module: several tests read the same chart (a build takes 0,1-0,2 s; the readers never change it)."""
    chart, df = build_chart(VISION, code, lang="nl")
    return chart, df, chart.to_dict()


# every kind of target, sub-targets, a period average, a comparable series beside, and charts with and
# without a measurement (the empty state's text)
KINDS_AND_SHAPES = ["1.1.2", "1.4.3", "1.5.1", "2.1.1", "2.3.2", "3.3.1"]


@pytest.mark.parametrize("theme", ["projector", "print"])
@pytest.mark.parametrize("code", KINDS_AND_SHAPES)
def test_charts_of_every_theme_are_valid_vega_lite(code, theme):
    """The app builds and sends its specs without Altair's schema checks (streek.vegalite): here they
    are checked, in the other themes and in English too (``built`` checks the Dutch screen charts)."""
    import jsonschema
    chart, _ = build_chart(VISION, code, lang="en", theme=theme)
    try:
        chart.to_dict()                                   # validates against the Vega-Lite schema
    except jsonschema.ValidationError as e:               # Altair raises its own subclass
        pytest.fail(f"{code} {theme}: {e}")


def spec_rows(chart, spec: dict | None = None) -> pd.DataFrame:
    """The rows of the chart's own (single, named) dataset, as Vega-Lite receives them."""
    spec = chart.to_dict() if spec is None else spec
    datasets = spec["datasets"]
    assert len(datasets) == 1, "one dataset per chart (the layers filter it)"
    return pd.DataFrame(next(iter(datasets.values())))


def rows_of(df: pd.DataFrame, code: str, el: str) -> pd.DataFrame:
    return df[(df["code"] == code) & (df["element"] == el_label(el, lang="nl"))]


def test_document_has_31_ambitions_12_10_9():
    assert len(CODES) == 31
    assert [len(document_ambitions(VISION, p)) for p in "123"] == [12, 10, 9]


@cache
def font_chars() -> set[str]:
    """The characters of Streek Sans, the charts' font in vl-convert (streek/fonts, tools/build_font.py)."""
    from fontTools.ttLib import TTFont
    from streek.png_worker import FONT_DIR
    return {chr(c) for c in TTFont(str(FONT_DIR / "StreekSans.ttf")).getBestCmap()}


@pytest.mark.parametrize("code", CODES)
def test_every_chart_renders_with_vl_convert(code):
    svg = to_svg(built(code)[0]).decode()
    assert svg.startswith("<svg") and "</svg>" in svg
    assert "<path" in svg or "<rect" in svg   # marks were drawn
    assert "Jaar" in svg                       # Dutch axis title
    # every character it writes is in the font vl-convert measures it with (the subset holds them all)
    import html
    import re
    written = set(html.unescape("".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))))
    assert written - font_chars() == set(), (code, sorted(written - font_chars()))


@pytest.mark.parametrize("code", CODES)
def test_chart_data_hold_document_baseline_and_target(code):
    chart, _, spec = built(code)
    df = spec_rows(chart, spec)
    for a in series_of(VISION, code):
        if a.target_kind == "level":
            assert rows_of(df, a.code, EL_BASE)["waarde"].tolist() == [a.baseline_value]
            assert rows_of(df, a.code, EL_TARGET)["waarde"].tolist() == [a.target_value]
            assert rows_of(df, a.code, EL_TARGET)["jaar"].tolist() == [a.target_year]
        elif a.target_kind == "relative_change":
            assert rows_of(df, a.code, EL_TARGET)["waarde"].tolist() == [100 + a.target_value]
        elif a.target_kind == "maintain":
            assert set(rows_of(df, a.code, EL_FLOOR)["waarde"]) == {a.target_value}
        elif a.target_kind == "period_average":
            assert rows_of(df, a.code, EL_AVG)["waarde"].tolist() == [a.baseline_value]
            assert rows_of(df, a.code, EL_AVG_TARGET)["waarde"].tolist() == [a.target_value]
        else:
            assert rows_of(df, a.code, EL_TARGET)["waarde"].tolist() == [a.target_value]


LEVEL = [a for a in VISION.ambitions if a.target_kind == "level"]


@pytest.mark.parametrize("a", LEVEL, ids=[a.code for a in LEVEL])
def test_required_path_runs_from_baseline_to_target(a):
    df = built(a.ambition)[1]
    path = rows_of(df, a.code, EL_PATH).sort_values("jaar")
    assert path["jaar"].iloc[0] == a.baseline_year and path["jaar"].iloc[-1] == a.target_year
    assert path["waarde"].iloc[0] == pytest.approx(a.baseline_value)
    assert path["waarde"].iloc[-1] == pytest.approx(a.target_value)
    steps = path["waarde"].diff().dropna()
    assert (steps < 0).all() if a.direction == "decrease" else (steps > 0).all()


def test_decreasing_targets_are_drawn_downwards():
    decreasing = [a for a in VISION.ambitions if a.direction == "decrease"]
    assert {a.code for a in decreasing} >= {"2.1.2", "2.1.3", "2.3.4", "3.1.1"}
    for a in decreasing:
        df = built(a.ambition)[1]
        path = rows_of(df, a.code, EL_PATH).sort_values("jaar")
        assert path["waarde"].is_monotonic_decreasing
        assert path["waarde"].iloc[-1] == pytest.approx(a.target_value)
        assert a.target_value < a.baseline_value


@pytest.mark.parametrize("code,n", [("2.1.1", 5), ("1.5.2", 3)])
def test_sub_target_chart_has_one_series_per_sub_target(code, n):
    chart, _, spec = built(code)
    df = spec_rows(chart, spec)
    assert df["reeks"].nunique() == n
    domains = [layer["encoding"]["color"]["scale"]["domain"] for layer in spec["layer"]
               if "color" in layer.get("encoding", {})]
    assert domains and all(len(d) == n for d in domains)
    assert all(d[0].startswith(code) for d in domains)


def test_single_series_measured_line_is_dark_not_the_status_colour():
    # issue 11: the light status colours (#56B4E9 on white is 2,5 : 1) made the measured line faint
    from streek.theme import MEASURED_COLOR, contrast_ratio
    a = VISION.ambition("1.2.1")
    res = assess(a, VISION.series("1.2.1"))
    spec = ambition_chart(VISION, "1.2.1", res, lang="nl").to_dict()
    colours = {layer["mark"].get("color") for layer in spec["layer"] if layer["mark"]["type"] == "line"}
    assert MEASURED_COLOR in colours and res.status.color not in colours
    assert contrast_ratio(MEASURED_COLOR) >= 4.5


def test_trend_drawn_from_two_measurements_to_2030():
    # 1.2.1 has the 2016 baseline and one later measurement (2019): two measurements are enough
    # for the growth rate the status uses, so the trend is drawn, from the latest value to 2030
    df = built("1.2.1")[1]
    assert len(rows_of(df, "1.2.1", EL_MEAS)) == 2
    trend = rows_of(df, "1.2.1", EL_TREND).sort_values("jaar")
    assert trend["jaar"].iloc[0] == 2019 and trend["jaar"].iloc[-1] == 2030
    assert trend["berekend"].all() and set(trend["element"]) == {"Trend (projectie tot 2030)"}


def _with(extra_rows):
    return VISION.with_observations(pd.DataFrame(extra_rows))


def test_trend_projected_to_2030_from_two_later_measurements():
    v = _with([{"indicator": "2.1.2", "geo": "ZWV", "period": p, "value": val, "source": "test", "note": ""}
               for p, val in (("2019", 7300), ("2021", 7100))])
    a = v.ambition("2.1.2")
    res = assess(a, v.series("2.1.2"))
    assert res.cagr_actual is not None
    _, df = build_chart(v, "2.1.2", res, lang="nl")
    trend = rows_of(df, "2.1.2", EL_TREND).sort_values("jaar")
    assert trend["jaar"].iloc[0] == 2021 and trend["jaar"].iloc[-1] == 2030
    assert trend["waarde"].iloc[0] == 7100
    assert trend["waarde"].iloc[-1] == pytest.approx(res.projected_target_year)
    assert trend["berekend"].all()


def test_relative_change_without_measurement_is_an_honest_empty_state():
    _, df, spec_dict = built("1.1.1")
    assert rows_of(df, "1.1.1", EL_MEAS).empty
    assert rows_of(df, "1.1.1", EL_TARGET)["waarde"].tolist() == [125.0]
    spec = json.dumps(spec_dict)
    assert "nog geen meting" in spec
    assert "Index (vertrekpunt = 100)" in spec


def test_relative_change_with_measurements_is_an_index_on_the_first():
    v = _with([{"indicator": "1.1.1", "geo": "ZWV", "period": p, "value": val, "source": "test", "note": ""}
               for p, val in (("2018", 4000), ("2020", 4300))])
    _, df = build_chart(v, "1.1.1", lang="nl")
    meas = rows_of(df, "1.1.1", EL_MEAS).sort_values("jaar")
    assert meas["waarde"].tolist() == [100.0, pytest.approx(107.5)]
    path = rows_of(df, "1.1.1", EL_PATH).sort_values("jaar")
    assert path["waarde"].iloc[0] == 100 and path["waarde"].iloc[-1] == pytest.approx(125)
    assert "4.300" in meas["waarde_nl"].iloc[-1]   # the real value, Dutch formatted, in the tooltip


def test_tooltips_and_labels_are_dutch_formatted_with_units():
    df = built("1.2.1")[1]
    base = rows_of(df, "1.2.1", EL_BASE).iloc[0]
    assert base["waarde_nl"] == "28.309 ondernemingen"
    assert rows_of(df, "1.2.1", EL_TARGET).iloc[0]["label"] == "Doel 2030: 34.000 ondernemingen"
    df = built("2.1.1")[1]
    assert rows_of(df, "2.1.1", EL_BASE).iloc[0]["waarde_nl"] == "75,4 %"


def test_downloaded_svg_has_dutch_axis_numbers():
    svg = to_svg(built("1.2.1")[0]).decode()
    assert "34.000" in svg and "34,000" not in svg


def test_chart_specs_are_deterministic():
    a = json.dumps(built("2.1.1")[2], sort_keys=True)                 # an earlier build and a new one
    b = json.dumps(ambition_chart(VISION, "2.1.1", lang="nl").to_dict(), sort_keys=True)
    assert a == b


def test_data_version_follows_the_measurements():
    v2 = _with([{"indicator": "1.2.1", "geo": "ZWV", "period": "2021", "value": 32000, "source": "test", "note": ""}])
    assert data_version(VISION) == data_version(load_vision())
    assert data_version(v2) != data_version(VISION)


def test_overview_frame_has_every_series_with_its_computed_status():
    res = {a.code: assess(a, VISION.series(a.code)) for a in VISION.ambitions}
    df = overview_frame(VISION, res, "nl")
    assert df["code"].tolist() == [a.code for a in VISION.ambitions]
    assert df["ambitie"].nunique() == 31
    for row in df.itertuples():
        assert row.status_code == res[row.code].status.value
        assert row.link == f"pijler-{row.pijler}?ambitie={row.ambitie}"
    assert df.set_index("code").loc["1.2.1", "laatste"] == "31.391 ondernemingen (2019)"
    assert df.set_index("code").loc["1.1.1", "laatste"] == "nog geen meting"     # the card's own words
    en = overview_frame(VISION, res, "en").set_index("code")
    assert en.loc["1.2.1", "laatste"] == "31,391 enterprises (2019)"
    assert en.loc["3.1.1", "status"] == "✖ Moving away from the target"


@pytest.mark.parametrize("lang,code,el,year,period,text", [
    ("nl", "1.2.1", EL_PATH, 2017, "2017", "28.682 ondernemingen"),      # not "2.017", "28.681,84 ondernemingen"
    ("en", "1.2.1", EL_PATH, 2017, "2017", "28,682 enterprises"),
    ("nl", "1.2.1", EL_TREND, 2020, "2020", "32.491 ondernemingen"),
    ("nl", "2.1.1", EL_PATH, 2017, "2017", "75,7 %"),                    # a percentage keeps one decimal
    ("en", "1.2.1", EL_TREND, 2020, "2020", "32,491 enterprises"),
])
def test_computed_points_show_a_plain_year_and_the_figures_precision(lang, code, el, year, period, text):
    """The tooltip of a point on the required path or the trend: its year as a year, its value as precise
    as the document's figures (a computed 28.681,84 enterprises claims a precision no source has)."""
    _, df = build_chart(VISION, code, lang=lang)
    row = df[(df["_el"] == el) & (df["jaar"] == year)].iloc[0]
    assert (row["periode"], row["waarde_nl"]) == (period, text)

def _marks(spec: dict):
    for layer in spec.get("layer", []):
        if "layer" in layer:
            yield from _marks(layer)
        else:
            yield layer


def _y_domain(spec: dict) -> list[float]:
    return next(layer["encoding"]["y"]["scale"]["domain"] for layer in spec["layer"]
                if "scale" in layer.get("encoding", {}).get("y", {}))


def _label_texts(spec: dict) -> list[str]:
    return [v["label"] for m in _marks(spec) for v in m.get("data", {}).get("values", []) if "label" in v]


@pytest.mark.parametrize("lang,text", [("nl", "trend 2030: 31.709 vacatures"), ("en", "trend 2030: 31,709 vacancies")])
def test_a_steep_trend_leaves_the_plot_with_its_end_named(lang, text):
    """3.1.1 with a (test) measurement of 3.000 vacancies in 2019: three years of +24 % a year compounded to
    2030 is 31.709 (3.000 x (3.000 / 1.577) ^ (11 / 3)) against a target of 1.200. The y axis keeps to the
    measurements and the target (with room for the trend's start), the dotted line leaves the plot, and a
    label states where it ends; before, the measurements and the target were a flat line at the bottom of
    a 0-35.000 axis."""
    v = _with([{"indicator": "3.1.1", "geo": "ZWV", "period": "2019", "value": 3000, "source": "test", "note": ""}])
    chart, df = build_chart(v, "3.1.1", lang=lang, theme="projector")
    spec = chart.to_dict(validate=False)
    lo, hi = _y_domain(spec)
    assert lo < 1200 and 3000 < hi < 10_000, (lo, hi)      # not stretched to the 31.709 the trend reaches
    assert df.loc[df["_el"] == EL_TREND, "waarde"].max() == pytest.approx(31709.03, abs=0.01)   # the data keeps the whole projection
    assert text in _label_texts(spec)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_year_of_change_is_not_carried_on_to_2030(lang):
    """3.1.1 as published: 1.577 vacancies in 2016, 1.956 in 2017. One year's +24 % compounded over the 13
    years to 2030 made "trend 2030: 32.163" on the card, on the projector and in the deck: a number no
    source supports. A span under streek.progress.TREND_MIN_YEARS is not projected; the status still reads
    the change so far, and a note on the card says why the dotted line is missing."""
    res = assess(VISION.ambition("3.1.1"), VISION.series("3.1.1"))
    assert res.status.name == "MOVING_AWAY" and res.cagr_actual == pytest.approx(1956 / 1577 - 1)
    assert res.projected_target_year is None
    chart, df = build_chart(VISION, "3.1.1", res, lang=lang, theme="projector")
    spec = chart.to_dict(validate=False)
    assert df[df["_el"] == EL_TREND].empty
    assert not [x for x in _label_texts(spec) if x.lower().startswith("trend")]
    assert 1956 < _y_domain(spec)[1] < 5000
    note = {"nl": "De basiswaarde (2016) en de laatste meting (2017) liggen minder dan 3 jaar uit elkaar: te kort om de trend door te trekken "
                  "tot het doeljaar. De status steunt op de verandering tot nu toe.",
            "en": "The baseline (2016) and the latest measurement (2017) are less than 3 years apart: too short to carry the trend on to the "
                  "target year. The status rests on the change so far."}[lang]
    assert any(n == note for n in build_card(VISION, "3.1.1", lang).series[0].notes)


def test_a_trend_within_reach_is_drawn_whole():
    chart, df = build_chart(VISION, "1.2.1", lang="nl", theme="projector")
    spec = chart.to_dict(validate=False)
    assert _y_domain(spec)[1] >= df.loc[df["_el"] == EL_TREND, "waarde"].max()
    assert not [t for t in _label_texts(spec) if t.startswith("trend")]



@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_mark_has_its_own_tooltip_or_none(lang):
    """Streamlit's chart theme gives a mark without a tooltip one made of its raw fields. Over a label that
    was "jaar 2019 | waarde 31391 | label 2019: 31.391" (Dutch field names in English mode), over "nog geen
    meting" the text's invented position ("Number of establishments 1,052.4"), over a break "jaar 2004 |
    tekst break". Every mark of every card chart (3.3.1 with its Eurostat comparison) now states its tooltip,
    or has none."""
    from streek import comparable
    specs = [(code, built(code)[2] if lang == "nl" else build_chart(VISION, code, lang=lang)[0].to_dict(validate=False))
             for code in CODES]
    specs.append(("3.3.1 Eurostat", {"layer": [c.to_dict(validate=False) for c in comparable.layers(VISION, "3.3.1", lang)]}))
    bare = []
    for code, spec in specs:
        for m in _marks(spec):
            mark = m["mark"] if isinstance(m["mark"], dict) else {"type": m["mark"]}
            if "tooltip" not in m.get("encoding", {}) and mark.get("tooltip", "unset") is not None:
                bare.append((code, mark["type"], sorted(m.get("encoding", {}))))
    assert not bare, bare[:8]


def test_charts_are_built_without_altairs_shorthand_lookup(monkeypatch):
    """Every encoding is given as a channel object (``alt.Text("label:N")``), never as a shorthand
    string or a plain dict (``text="label:N"``, ``alt.datum(0)``): Altair turns those into objects
    through ``SchemaBase.from_dict``, which builds a look-up table of its ~600 schema classes on every
    call (~2 ms); that was a quarter of building a chart. Charts of every kind (screen, print,
    sub-targets, period averages, a comparable series beside, the empty state) and the map, its
    series, the locator and the SWOT benchmark charts."""
    from altair.utils import schemapi

    from streek import figures, mapchart, mapdata
    calls = []
    real = schemapi._FromDict.__init__
    def counting(self, *args, **kwargs):
        calls.append(1)
        real(self, *args, **kwargs)
    monkeypatch.setattr(schemapi._FromDict, "__init__", counting)
    for code in KINDS_AND_SHAPES:
        for theme in ("screen", "print"):
            build_chart(VISION, code, lang="en", theme=theme)
    for view in ("absoluut", "per1000"):
        m = mapdata.map_indicator(VISION, "vat_enterprises_active", lang="nl")
        frame = mapdata.map_frame(VISION, m.id, mapdata.periods(VISION, m.id)[-1], view, lang="nl")
        mapchart.map_chart(frame, m, view, "titel", lang="nl")
    for ind in ("population_total", "vat_enterprises_active"):
        m = mapdata.map_indicator(VISION, ind, lang="nl")
        for mode_view in ("absoluut", "per1000"):
            series, mode = mapdata.series_frame(VISION, ind, "34022", mode_view, lang="nl")
            mapchart.series_chart(series, mode, ["titel"], "as", lang="nl")
    mapchart.locator_chart(lang="nl")
    for g in figures.figure_groups(VISION.figures, {k: VISION.geo_name(k, "nl") for k in VISION.geographies}, lang="nl"):
        figures.benchmark_chart(g, lang="nl")
    assert not calls, f"{len(calls)} encodings went through Altair's from_dict"


@pytest.mark.parametrize("code", ["1.2.1", "2.1.1", "3.3.1"])     # a plain card, a percentage, one with Eurostat beside
def test_layer_charts_built_without_altairs_copies_are_the_same_spec(code):
    """streek.vegalite.layered / with_layers (no deep copies of every layer) give the spec that Altair's
    own LayerChart gives for the same layers and properties; with_layers leaves the chart it starts from as it was."""
    from streek.vegalite import alt, layered, with_layers
    chart = built(code)[0]
    props = {k: v for k, v in chart._kwds.items() if k != "layer" and not alt.utils.is_undefined(v)}
    assert len(chart.layer) >= 3 and {"data", "width", "height", "config"} <= set(props)
    ours = layered(chart.layer, **props).to_dict()
    assert ours == alt.LayerChart(layer=chart.layer, **props).to_dict()
    before = json.dumps(chart.to_dict(), sort_keys=True)
    extra = alt.Chart().mark_rule().encode(y=alt.YDatum(0))
    more = with_layers(chart, [extra, *chart.layer])
    assert len(more.layer) == len(chart.layer) + 1 and more.height == chart.height
    assert json.dumps(chart.to_dict(), sort_keys=True) == before
    # a layer with a selection: Altair's constructor lifts it to the top, as before
    sel = alt.selection_point(name="p")
    with_sel = layered([alt.Chart().mark_point().encode(x=alt.X("jaar:Q")).add_params(sel), extra], data=props["data"])
    assert [p["name"] for p in with_sel.to_dict()["params"]] == ["p"]
