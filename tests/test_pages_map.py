"""AppTest: the map page through the router — a link reproduces the view, a click on the map (the
chart's selection state, as the browser sends it) shows that municipality's series."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow as pa

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from conftest import open_script
from pages.static_files import STATIC_DIR

from streek import mapdata as md

ROOT = Path(__file__).resolve().parents[1]


def open_map(**params) -> AppTest:
    return open_script("pages/map.py", **params)


def charts(at):
    """The page's Vega-Lite specs, with the datasets Streamlit sends beside the spec (as Arrow) put
    back under ``datasets`` by name, as the browser does."""
    out = []
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        for d in c.proto.datasets:
            spec.setdefault("datasets", {})[d.name] = pa.ipc.open_stream(d.data.data).read_all().to_pylist()
        out.append(spec)
    return out


def title_text(spec) -> str:
    t = spec["title"]["text"]
    if isinstance(t, dict):       # one line where the map is wide enough (mapchart.screen_title): that line
        t = json.loads(re.search(r"\? (\[.*?\]) :", t["expr"]).group(1))
    return " ".join(t) if isinstance(t, list) else t


def click(at: AppTest, nis: str | None) -> AppTest:
    """Send the selection state the browser sends after a click on a municipality."""
    chart = at.get("vega_lite_chart")[0]
    states = at._tree.get_widget_states()
    ws = WidgetState()
    ws.id = chart.proto.id
    pts = [{"nis_code": nis}] if nis else []
    ws.string_value = json.dumps({"selection": {md.SELECTION_PARAM: pts}})
    states.widgets.append(ws)
    return at._run(states)


def test_default_view_is_a_map_with_13_municipalities_and_a_region_series():
    at = open_map()
    assert not at.exception
    specs = charts(at)
    assert len(specs) == 2
    assert title_text(specs[0]) == "Bevolkingsdichtheid (inwoners per km²), 2015"
    views = specs[0]["params"][0]["views"]
    layer = next(ly for ly in specs[0]["layer"] if ly.get("name") in views)
    # the clickable layer draws the 13 shapes (a published file) with the view's values joined by code
    (lookup,) = [tr for tr in layer["transform"] if "lookup" in tr]
    recs = specs[0]["datasets"][lookup["from"]["data"]["name"]]
    assert len({r["nis_code"] for r in recs}) == 13 and lookup["lookup"] == "nis_code"
    shapes = json.loads((STATIC_DIR / layer["data"]["url"].removeprefix("app/static/")).read_text(encoding="utf-8"))
    assert {r["nis_code"] for r in shapes} == {r["nis_code"] for r in recs}
    assert "De streek, de provincie en Vlaanderen" in title_text(specs[1])
    assert dict(at.query_params) == {"indicator": "population_density", "jaar": "2015", "weergave": "absoluut"}
    captions = " ".join(c.value for c in at.caption)
    assert "Bron: Statbel" in captions and "FOD Financiën" in captions and "1 januari 2021" in captions


def test_a_link_reproduces_indicator_year_view_and_municipality():
    at = open_map(indicator="vat_enterprises_active", weergave="per1000", gemeente="34027")
    assert not at.exception and not at.warning
    specs = charts(at)
    assert title_text(specs[0]) == "Actieve btw-plichtige ondernemingen per 1.000 inwoners, 2019"
    assert "Menen naast de streek" in title_text(specs[1])
    assert specs[0]["params"][0]["value"] == [{"nis_code": "34027"}]
    assert dict(at.query_params) == {"indicator": "vat_enterprises_active", "jaar": "2019",
                                     "weergave": "per1000", "gemeente": "34027"}
    assert "Per 1.000 inwoners: gedeeld door de bevolking op 1 januari 2019" in "\n".join(m.value for m in at.markdown)


def test_change_view_from_a_link_with_since():
    at = open_map(indicator="population_total", jaar="2022", weergave="verandering", sinds="2000")
    assert not at.exception
    assert title_text(charts(at)[0]) == "Bevolking: % verandering 2000–2022"
    assert [s.value for s in at.select_slider] == ["2022", "2000"]


def test_a_click_on_the_map_shows_that_municipalitys_series():
    at = open_map(indicator="population_total")
    assert "De streek, de provincie en Vlaanderen" in title_text(charts(at)[1])
    at = click(at, "34027")
    assert not at.exception
    series = charts(at)[1]
    assert "Menen naast de streek, de provincie en Vlaanderen" in title_text(series)
    at.session_state["kaart-reeks-data"] = True          # open the series' "Data en downloads" (built when opened)
    at.run()
    table = next(d.value for d in at.dataframe if "Gebied" in d.value.columns)   # the series' "Toon data"
    assert set(table["Gebied"]) == {"Menen", "Zuid-West-Vlaanderen", "Provincie West-Vlaanderen", "Vlaams Gewest"}
    assert len(table[table["Gebied"] == "Menen"]) == 31
    assert at.query_params["gemeente"] == "34027"
    assert at.selectbox[1].value == "34027"
    # a click beside the shapes (empty selection) keeps Menen
    at = click(at, None)
    assert "Menen" in title_text(charts(at)[1])
    # another municipality replaces it
    at = click(at, "34022")
    assert "Kortrijk naast" in title_text(charts(at)[1])


def test_choosing_another_indicator_keeps_a_valid_year():
    at = open_map(indicator="population_total", jaar="1995")
    at.selectbox[0].set_value("vat_enterprises_active").run()
    assert not at.exception
    assert at.query_params["jaar"] == "2019"
    assert "2019" in title_text(charts(at)[0])


def test_a_bad_link_gives_dutch_warnings_and_the_default_map():
    at = open_map(indicator="bestaat_niet", jaar="1800")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "indicator 'bestaat_niet'" in warnings and "genegeerd" in warnings
    assert title_text(charts(at)[0]).startswith("Bevolkingsdichtheid")


def test_the_page_is_reachable_through_the_router():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    at.switch_page("pages/map.py").run()
    assert not at.exception
    assert at.title[0].value == "Kaart van de 13 gemeenten"


def test_a_clicked_municipality_links_to_its_profile():
    at = click(open_map(), "34027")
    assert not at.exception
    assert any("(gemeente?nis=34027)" in m.value and "Profiel van Menen" in m.value for m in at.markdown)
    ranking = next(h.proto.body for h in at.get("html") if "map-ranking" in h.proto.body)   # plain HTML, no data grid
    assert '<a href="gemeente?nis=34027" target="_self">Menen</a>' in ranking   # the name opens the profile
    assert ranking.count("<tr>") == 14                      # header + the 13
    assert not at.dataframe


def test_the_map_sends_its_municipalities_and_links_the_unchanging_layers():
    """The page's map carries the view's values; the neighbours, the 13 shapes and the border are
    published files (static/gen, by content hash) the browser fetches once and keeps."""
    from streek import geo
    at = open_map()
    spec = charts(at)[0]
    assert set(spec["datasets"]) == {"waarden"}
    urls = {ly["data"]["url"] for ly in spec["layer"] if "url" in ly.get("data", {})}
    assert len(urls) == 3 and all(u.startswith("app/static/gen/") and u.endswith(".json") for u in urls)
    files = [json.loads((STATIC_DIR / u.removeprefix("app/static/")).read_text(encoding="utf-8")) for u in sorted(urls)]
    assert geo.records("neighbours") in files and geo.records("border_be_fr") in files
    assert geo.records("municipalities") in files
