"""Issue 10: area names in the reader's language. data/geographies.csv has ``name_en`` beside ``name_nl``
(required, ``translationOf``); the model gives a name for a language passed in; English mode says
"Province of West Flanders", "Belgium", "South-West Flanders" where Dutch mode keeps its own names;
the validator names file, row and column of a missing English name; the English-walk detector
catches a Dutch-only area name."""
from __future__ import annotations

import csv
import inspect

from i10_english import DUTCH_PLACES, OUR_PROSE, dutch_units_in, our_dutch_in
from streek import card, mapdata
from streek.model import Vision
from streek.validate import validate_dir


def test_every_area_has_an_english_name_declared_as_a_translation(vision):
    assert OUR_PROSE[("geographies.csv", "name_nl")] == "name_en"
    assert all(g.name_en for g in vision.geographies.values())
    assert vision.geographies["30000"].name("en") == "Province of West Flanders"
    assert vision.geographies["01000"].name("en") == "Belgium"
    assert vision.geographies["02000"].name("en") == "Flemish Region"      # as the map's tooltip says
    assert vision.geographies["ZWV"].name("en") == "South-West Flanders"   # as the app's title says
    for g in vision.municipalities():                                       # official names in both
        assert g.name("en") == g.name("nl") == g.name_nl


def test_dutch_mode_keeps_the_dutch_names(vision):
    for code, g in vision.geographies.items():
        assert vision.geo_name(code, "nl") == g.name_nl
    assert vision.geo_name(None, "nl") == "gebied niet vermeld"
    assert vision.geo_name(None, "en") == "area not stated"


def test_the_language_of_a_name_is_a_required_parameter():
    assert inspect.signature(Vision.geo_name).parameters["lang"].default is inspect.Parameter.empty


def test_a_missing_english_name_is_named_by_file_row_and_column(data_copy):
    path = data_copy / "geographies.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    col = rows[0].index("name_en")
    line = next(i for i, r in enumerate(rows) if r[0] == "30000") + 1       # file line (header = 1)
    rows[line - 1][col] = ""
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    issues = validate_dir(data_copy)
    assert [(i.file, i.row, i.column) for i in issues] == [("geographies.csv", line, "name_en")], \
        [str(i) for i in issues]


def test_the_detector_catches_a_dutch_only_area_name():
    assert {"Provincie West-Vlaanderen", "België", "Vlaams Gewest"} <= set(DUTCH_PLACES)
    assert our_dutch_in(["Area: Provincie West-Vlaanderen"]) and our_dutch_in(["Flanders and België"])
    assert our_dutch_in(["<td>Vlaams Gewest</td>"])
    assert not our_dutch_in(["Area: Province of West Flanders", "Belgium", "Flemish Region", "Kortrijk",
                             "Source: RESOC Zuid-West-Vlaanderen, Just Make It! (May 2019)",   # an organisation
                             "Row Vlaams Gewest (Flemish Region) × 100"])                    # glossed


def test_cards_and_map_series_name_the_area_in_english(vision):
    a = next(x for x in vision.ambitions if x.geography == "30000")
    assert card.geography_text(vision, a, "en").startswith("Province of West Flanders")
    assert card.geography_text(vision, a, "nl").startswith("Provincie West-Vlaanderen")
    ind = mapdata.map_indicators(vision, lang="en")[0].id
    series, _ = mapdata.series_frame(vision, ind, "34022", lang="en")
    names = set(series["naam"])
    assert "Kortrijk" in names and not our_dutch_in(names), names
    series_nl, _ = mapdata.series_frame(vision, ind, "34022", lang="nl")
    assert set(series_nl["naam"]) & {"Zuid-West-Vlaanderen", "Vlaams Gewest", "Provincie West-Vlaanderen"}


def test_the_source_lines_give_the_months_in_the_readers_language():
    from streek.figures import doc_source
    from streek.i18n import t
    assert dutch_units_in(["Horizon 2020–2030 · RESOC, mei 2019"]) and not dutch_units_in(["RESOC, May 2019"])
    assert "(May 2019)" in doc_source(12, lang="en") and "(December 2018)" in doc_source(12, lang="en")
    assert doc_source(12, lang="nl") == ("Bron: RESOC Zuid-West-Vlaanderen, Just Make It! (mei 2019), p. 12; "
                                         "SWOT HIVA – KU Leuven (december 2018)")
    assert t("home.pub_date", "en") == "May 2019" and t("home.pub_date", "nl") == "mei 2019"


def test_the_home_locator_names_the_province_in_the_readers_language():
    from streek.mapchart import locator_chart
    from i10_english import strings_of
    for lang, name, other in (("en", "West Flanders", "West-Vlaanderen"), ("nl", "West-Vlaanderen", "West Flanders")):
        inset = locator_chart(lang=lang)["hconcat"][0]
        text = next(ly for ly in inset["layer"] if ly["mark"]["type"] == "text")
        assert text["encoding"]["text"]["field"] == "name"
        spec = locator_chart(lang=lang)
        rows = spec["datasets"][text["data"]["name"]] if "name" in text["data"] else text["data"]["values"]
        assert {r["name"] for r in rows} == {name} and other not in strings_of([r["name"] for r in rows])


def test_the_import_check_and_template_name_areas_in_the_readers_language(catalog):
    import io

    import openpyxl

    from streek.db.importer import plan_import, template_xlsx
    data = "\ufeffindicator;geo;period;value;source;note\r\n3.3.1;ZWV;2021;7,0;Statbel;\r\n".encode()
    msgs = {lang: " ".join(i.expected for i in plan_import(data, "x.csv", catalog, lang=lang).issues
                          if i.column == "geo") for lang in ("en", "nl")}
    assert "Province of West Flanders" in msgs["en"] and not our_dutch_in([msgs["en"]]), msgs
    assert "Provincie West-Vlaanderen" in msgs["nl"], msgs
    for lang, name in (("en", "Province of West Flanders"), ("nl", "Provincie West-Vlaanderen")):
        wb = openpyxl.load_workbook(io.BytesIO(template_xlsx(catalog, lang=lang)))
        assert {r[0].value: r[1].value for r in wb["gebieden"].iter_rows(min_row=2)}["30000"] == name


def test_the_deck_names_areas_in_english(vision):
    import dataclasses

    from streek.export.content import build_content

    def texts(o):
        if dataclasses.is_dataclass(o):
            return [s for f in dataclasses.fields(o) for s in texts(getattr(o, f.name))]
        if isinstance(o, str):
            return [o]
        if isinstance(o, (list, tuple)):
            return [s for x in o for s in texts(x)]
        return [s for x in o.values() for s in texts(x)] if isinstance(o, dict) else []
    codes = [a.code for a in vision.ambitions]
    en = texts(build_content(vision, codes, "x", chart_fn=lambda *a, **k: None, with_map=False, lang="en"))
    nl = texts(build_content(vision, codes, "x", chart_fn=lambda *a, **k: None, with_map=False, lang="nl"))
    assert any("Province of West Flanders" in s for s in en) and not our_dutch_in(en), our_dutch_in(en)[:3]
    assert any("Provincie West-Vlaanderen" in s for s in nl)
