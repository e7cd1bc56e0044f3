"""AppTest: the map page through the router — a link reproduces the view, a click on the map (the
trigger value its component sends, as the browser sends it) shows that municipality's series."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from conftest import open_via_router
from pages.static_files import STATIC_DIR

ROOT = Path(__file__).resolve().parents[1]


def open_map(**params) -> AppTest:
    return open_via_router("pages/map.py", **params)


def map_data(at) -> dict:
    """What the page hands the map component (pages/clickable_map): layouts, selection, names, tooltips."""
    (comp,) = at.get("bidi_component")
    return json.loads(comp.proto.json)


def published(url: str) -> str:
    return (STATIC_DIR / url.removeprefix("app/static/")).read_text(encoding="utf-8")


def svg_title(svg: str) -> str:
    """The title of a chart drawn by vl-convert (its lines joined by spaces)."""
    return " ".join(html.unescape(x) for x in re.findall(r"role-title-text.*?aria-label=\"Title text '(.*?)'\"", svg, re.S))


def map_title(at, layout: int = -1) -> str:
    return svg_title(published(map_data(at)["layouts"][layout]["url"]))


def series_still(at) -> tuple[str, str]:
    """(alt text, SVG) of the series' still picture beside the map."""
    for h in at.get("html"):
        m = re.search(r'<img class="streek-still" src="([^"]+)" alt="([^"]*)"', h.proto.body)
        if m:
            return html.unescape(m.group(2)), published(m.group(1))
    raise AssertionError("geen stilstaande reeks op de pagina")


def series_title(at) -> str:
    return svg_title(series_still(at)[1])


def click(at: AppTest, nis: str | None) -> AppTest:
    """Send the trigger value the map's component sends after a click on a municipality."""
    (comp,) = at.get("bidi_component")
    states = at._tree.get_widget_states()
    ws = WidgetState()
    ws.id = _make_trigger_id(comp.proto.id, "events")
    ws.json_trigger_value = json.dumps([{"event": "click", "value": nis}])
    states.widgets.append(ws)
    return at._run(states)


def open_panel(at: AppTest) -> AppTest:
    """Open the "Indicator, jaar, weergave of gemeente kiezen" panel (its widgets are built when opened)."""
    at.session_state["kaart-keuze"] = True
    return at.run()


def test_default_view_is_a_still_map_of_13_municipalities_and_a_region_series():
    at = open_map()
    assert not at.exception
    assert not at.get("vega_lite_chart")             # no Vega on first render (issue 9): still pictures
    data = map_data(at)
    assert [ly["w"] for ly in data["layouts"]] == sorted(ly["w"] for ly in data["layouts"]) and len(data["layouts"]) == 3
    assert map_title(at) == "Bevolkingsdichtheid (inwoners per km²), 2015"
    for ly in data["layouts"]:        # every layout draws the 13 with the name the component looks for
        shapes = set(re.findall(r'aria-label="([^":]+): [^"]*inwoners per km', published(ly["url"])))
        assert shapes == set(data["names"].values()) and len(shapes) == 13
    assert data["selected"] is None
    assert data["tips"]["34022"].split("\n")[:3] == ["Gemeente: Kortrijk", "Waarde: 940,0 inwoners per km²", "Rang: 4e van 13"]
    assert "De streek, de provincie en Vlaanderen" in series_title(at)
    assert dict(at.query_params) == {"indicator": "population_density", "jaar": "2015", "weergave": "absoluut"}
    captions = " ".join(c.value for c in at.caption)
    assert "Bron: Statbel" in captions and "FOD Financiën" in captions and "1 januari 2021" in captions


def test_a_link_reproduces_indicator_year_view_and_municipality():
    at = open_map(indicator="vat_enterprises_active", weergave="per1000", gemeente="34027")
    assert not at.exception and not at.warning
    assert map_title(at) == "Actieve btw-plichtige ondernemingen per 1.000 inwoners, 2019"
    assert "Menen naast de streek" in series_title(at)
    assert map_data(at)["selected"] == "34027"
    assert dict(at.query_params) == {"indicator": "vat_enterprises_active", "jaar": "2019",
                                     "weergave": "per1000", "gemeente": "34027"}
    assert any("Per 1.000 inwoners: gedeeld door de bevolking op 1 januari 2019" in h.proto.body for h in at.get("html"))


def test_change_view_from_a_link_with_since():
    at = open_map(indicator="population_total", jaar="2022", weergave="verandering", sinds="2000")
    assert not at.exception
    assert map_title(at) == "Bevolking: % verandering 2000–2022"
    assert not at.select_slider                       # the choices panel is closed: no widgets yet
    at = open_panel(at)
    assert [s.value for s in at.select_slider] == ["2022", "2000"]
    assert at.radio[0].value == "verandering" and at.selectbox[0].value == "population_total"


def test_a_click_on_the_map_shows_that_municipalitys_series():
    at = open_map(indicator="population_total")
    assert "De streek, de provincie en Vlaanderen" in series_title(at)
    at = click(at, "34027")
    assert not at.exception
    alt, svg = series_still(at)
    assert "Menen naast de streek, de provincie en Vlaanderen" in svg_title(svg) and "voor Menen" in alt
    assert map_data(at)["selected"] == "34027"
    at.session_state["kaart-reeks-data"] = True          # open the series' "Data en downloads" (built when opened)
    at.run()
    table = next(d.value for d in at.dataframe if "Gebied" in d.value.columns)   # the series' "Toon data"
    assert set(table["Gebied"]) == {"Menen", "Zuid-West-Vlaanderen", "Provincie West-Vlaanderen", "Vlaams Gewest"}
    assert len(table[table["Gebied"] == "Menen"]) == 31
    assert at.query_params["gemeente"] == "34027"
    # the list in the choices panel shows the clicked municipality
    at = open_panel(at)
    assert at.selectbox[1].value == "34027"
    # a code that is not one of the 13 (or none) changes nothing
    at = click(at, "99999")
    assert "Menen" in series_title(at)
    at = click(at, None)
    assert "Menen" in series_title(at)
    # another municipality replaces it, in the panel's list too
    at = click(at, "34022")
    assert "Kortrijk naast" in series_title(at) and at.selectbox[1].value == "34022"
    # and a choice from the list shows its series, in the URL and on the map
    at.selectbox[1].set_value("34023").run()
    assert "Kuurne naast" in series_title(at) and map_data(at)["selected"] == "34023"
    assert at.query_params["gemeente"] == "34023"


def test_choosing_another_indicator_keeps_a_valid_year_after_the_panel_closes():
    at = open_panel(open_map(indicator="population_total", jaar="1995"))
    at.selectbox[0].set_value("vat_enterprises_active").run()
    assert not at.exception
    assert at.query_params["jaar"] == "2019"
    assert "2019" in map_title(at)
    at.session_state["kaart-keuze"] = False            # closed: its widgets are gone, the choice stays
    at.run()
    assert not at.selectbox and at.query_params["indicator"] == "vat_enterprises_active"
    assert map_title(at) == "Actieve btw-plichtige ondernemingen (ondernemingen), 2019"


def test_a_bad_link_gives_dutch_warnings_and_the_default_map():
    at = open_map(indicator="bestaat_niet", jaar="1800")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "indicator 'bestaat_niet'" in warnings and "genegeerd" in warnings
    assert map_title(at).startswith("Bevolkingsdichtheid")


def test_the_page_is_reachable_through_the_router():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    at.switch_page("pages/map.py").run()
    assert not at.exception
    assert at.title[0].value == "Kaart van de 13 gemeenten"


def test_a_clicked_municipality_links_to_its_profile():
    at = click(open_map(), "34027")
    assert not at.exception
    bodies = [h.proto.body for h in at.get("html")]
    assert any('<a href="gemeente?nis=34027" target="_self">Profiel van Menen</a>' in b for b in bodies)
    ranking = next(b for b in bodies if "map-ranking" in b)   # plain HTML, no data grid
    assert '<a href="gemeente?nis=34027" target="_self">Menen</a>' in ranking   # the name opens the profile
    assert ranking.count("<tr>") == 14                      # header + the 13
    assert not at.dataframe


def test_the_maps_run_is_small_and_its_downloads_hold_the_whole_map():
    """The run carries the view's layouts (addresses of published SVG files, by content hash) and the
    tooltips, not the shapes; the downloads render the whole spec."""
    at = open_map()
    (comp,) = at.get("bidi_component")
    assert len(comp.proto.json) < 12_000
    assert all(re.fullmatch(r"app/static/gen/[0-9a-f]{40}\.svg", ly["url"]) for ly in map_data(at)["layouts"])
    at.session_state["kaart-chart-data"] = True
    at.run()
    assert {b.label for b in at.get("download_button")} >= {"CSV", "XLSX", "PNG", "SVG"}
