"""The Eurostat series beside 3.3.1: drawn beside the document's baseline and target, never joined."""
import json

import vl_convert as vlc

from streek import comparable
from streek.charts import COLUMNS, build_chart, overview_frame
from streek.progress import assess


def _spec(chart) -> dict:
    return chart.to_dict(validate=False)


def test_331_chart_holds_both_series_distinguishable(vision):
    chart, df = build_chart(vision, "3.3.1", lang="nl")
    assert list(df.columns) == [*COLUMNS, "_el", "_periode"]
    doc = df[df["code"] == "3.3.1"]
    eu = df[df["reeks"].str.startswith("Eurostat")]
    assert set(eu["reeks"]) == {"Eurostat – West-Vlaanderen", "Eurostat – Vlaanderen", "Eurostat – België"}
    assert set(eu["element"]) == {"vergelijkbare reeks (Eurostat)"}
    # the document's own baseline and target are still there, under their own series name
    base = doc[doc["element"] == "Basiswaarde"]
    assert base["waarde"].tolist() == [6.8] and base["jaar"].tolist() == [2016.0]
    assert doc[doc["element"] == "Doel"]["waarde"].tolist() == [10.0]
    # never one line: the document's series name is not an Eurostat name, and 2016 differs (7,0 vs 6,8)
    assert not set(eu["reeks"]) & set(doc[doc["element"] == "Basiswaarde"]["reeks"])
    wvl16 = eu[(eu["reeks"] == "Eurostat – West-Vlaanderen") & (eu["jaar"] == 2016)]["waarde"].tolist()
    assert wvl16 == [7.0]
    assert eu["jaar"].min() == 2000 and eu["jaar"].max() == 2023 and len(eu) == 72
    spec = _spec(chart)
    colors = [lay["encoding"]["color"] for lay in spec["layer"] if "color" in lay.get("encoding", {})]
    eu_color = [c for c in colors if c.get("field") == "reeks" and "legend" in c]
    assert eu_color and eu_color[0]["scale"]["range"] == ["#0072B2", "#E69F00", "#8C8C8C"]
    assert "niet de meting van de ambitie" in " ".join(eu_color[0]["legend"]["title"])


def test_331_chart_marks_the_break_years(vision):
    chart, _ = build_chart(vision, "3.3.1", lang="nl")
    spec = _spec(chart)
    rules = [lay for lay in spec["layer"] if lay.get("mark", {}).get("type") == "rule"
             and isinstance(lay.get("data"), dict) and "values" in lay["data"]]
    years = sorted(v["jaar"] for v in rules[0]["data"]["values"])
    assert years == [2004.0, 2006.0, 2017.0, 2021.0]
    texts = [lay for lay in spec["layer"] if lay.get("mark", {}).get("type") == "text"
             and isinstance(lay.get("data"), dict) and lay["data"].get("values", [{}])[0].get("tekst") == "breuk"]
    assert len(texts) == 1
    # and it renders: the x axis spans 2000 to 2030 (the ambition's own axes take in the comparable
    # series, so that its labels are placed on the axes as drawn, off the Eurostat lines)
    vg = vlc.vegalite_to_vega(json.dumps(spec))
    xdom = next(s for s in vg["scales"] if s["name"] == "x")["domain"]
    flat = [v for part in xdom["fields"] for v in part] if isinstance(xdom, dict) else xdom
    assert min(flat) < 2000 and max(flat) > 2030
    assert vlc.vegalite_to_png(json.dumps(spec))[:4] == b"\x89PNG"


def test_english_labels_and_numbers(vision):
    _, df = build_chart(vision, "3.3.1", lang="en")
    eu = df[df["reeks"].str.startswith("Eurostat")]
    assert set(eu["reeks"]) == {"Eurostat – West Flanders", "Eurostat – Flanders", "Eurostat – Belgium"}
    assert "7.0%" in set(eu["waarde_nl"])
    assert any(v.endswith("(break)") for v in eu["waarde_nl"])


def test_other_ambitions_get_no_comparable_layer(vision):
    _, df = build_chart(vision, "1.2.1", lang="nl")
    assert not df["reeks"].str.startswith("Eurostat").any()
    assert comparable.note(vision, "1.2.1", "nl") == ""


def test_status_of_331_rests_on_the_document_only(vision):
    r = assess(vision.ambition("3.3.1"), vision.series("3.3.1"))
    assert r.n_points == 1 and r.latest_value == 6.8           # Eurostat never feeds the status
    note = comparable.note(vision, "3.3.1", "nl")
    assert "7,0 %" in note and "6,8 %" in note and "2004, 2006, 2017, 2021" in note


def test_overview_names_the_comparable_series(vision):
    res = {a.code: assess(a, vision.series(a.code)) for a in vision.ambitions}
    df = overview_frame(vision, res, "nl").set_index("code")
    assert df.loc["3.3.1", "laatste"].endswith("vergelijkbare reeks: Eurostat 2023 12,1 %")
    assert "Eurostat" not in df.loc["1.2.1", "laatste"]
