"""AppTest: the SWOT, context and method pages run without exceptions and show all their content."""
import html
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from streek.figures import figure_groups

SWOT, CONTEXT, METHOD = "pages/swot_page.py", "pages/context_page.py", "pages/method.py"


def _run(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader] + [h.value for h in at.title] + [m.value for m in at.get("alert")]
    return "\n".join(parts)


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


@pytest.fixture(scope="module")
def swot_at():
    return _run(SWOT)


def test_swot_page_lists_every_item_in_its_quadrant(swot_at, vision):
    text = _text(swot_at)
    for r in vision.swot.itertuples():
        assert r.item_nl in text, r.item_nl
        if r.note_nl:
            assert r.note_nl in text
    for q in ("Sterktes", "Zwaktes", "Kansen", "Bedreigingen"):
        assert any(s.value == q for s in swot_at.subheader)


def _expected(vision, section):
    names = {g: x.name_nl for g, x in vision.geographies.items()}
    return [g for g in figure_groups(vision.figures, names, lang="nl") if g.section == section]


def test_swot_first_tab_charts_the_strengths_with_document_values(swot_at, vision):
    expected = [g for g in _expected(vision, "sterkte") if g.is_comparison]
    specs = _charts(swot_at)
    assert [s["title"]["text"] for s in specs] == [g.indicator_nl for g in expected]
    for spec, g in zip(specs, expected):
        assert spec["title"]["subtitle"] == g.subtitle(lang="nl")
        assert spec.get("autosize", {}).get("type") == "fit-x"
    # the single figures of the strengths are shown in full, with unit, year and age group
    singles = [g for g in _expected(vision, "sterkte") if not g.is_comparison]
    assert singles
    text = _text(swot_at)
    for g in singles:
        assert f'>{g.rows["label"].iloc[0]}</div>' in text
        assert g.subtitle(lang="nl") in text


def test_swot_tab_in_url_shows_that_part(vision):
    at = _run(SWOT, {"cijfers": "Kansen en bedreigingen in cijfers"})
    expected = [g.indicator_nl for g in _expected(vision, "kansen-bedreigingen") if g.is_comparison]
    assert [s["title"]["text"] for s in _charts(at)] == expected
    assert "Arbeidsmarktkrapte" in _text(at)


def test_swot_chart_downloads_hold_the_document_table(swot_at):
    csvs = [b for b in swot_at.get("download_button") if b.proto.label == "CSV"]
    assert len(csvs) == len(_charts(swot_at))


def test_context_page_lists_trends_and_every_environment_factor(vision):
    at = _run(CONTEXT)
    text = _text(at)
    assert len(vision.trends) == 5
    for r in vision.trends.itertuples():
        assert r.title_nl in text and r.summary_nl in text
    for f in vision.environment["factor_nl"].unique():
        assert f in text, f
    for r in vision.environment.itertuples():
        if r.initiative_nl:
            assert r.initiative_nl.replace("&", "&amp;") in text
    assert vision.texts["actions"]["summary_nl"] in text
    assert vision.texts["partnership"]["summary_nl"] in text
    tables = [m.value for m in at.markdown if 'class="plain-table"' in m.value]
    assert len(tables) == 1
    assert tables[0].count("<tr>") == len(vision.environment) + 1   # header row + one row per line


def test_method_page_has_formulas_thresholds_and_a_source_per_ambition(vision):
    at = _run(METHOD)
    latex = " ".join(el.value for el in at.get("markdown") if el.value.startswith("$$"))
    latex += " ".join(el.proto.body for el in at.get("latex")) if at.get("latex") else ""
    text = _text(at) + latex
    for sym in ("CAGR}_a", "CAGR}_r", "R ="):
        assert sym in text, sym
    assert "R ≥ 95 %" in text and "60 % ≤ R < 95 %" in text
    for label in ("Doel bereikt", "Op koers", "Versnelling nodig", "Onvoldoende vooruitgang",
                  "Beweegt weg van het doel", "Niet te beoordelen"):
        assert label in text
    assert "FOD Financiën – Algemene Administratie van de Patrimoniumdocumentatie" in text
    assert "`python -m streek validate`" in text   # inline code (a code block loads a 1,5 MB highlighter)

    tables = [m.value for m in at.markdown if 'class="plain-table"' in m.value]
    assert len(tables) == 2
    ind, src = tables
    amb = pd.read_csv(ROOT / "data" / "ambitions.csv", dtype=str, keep_default_na=False)
    assert ind.count("<tr>") == len(amb) + 1
    rows = ind.split("<tr>")[2:]
    assert [r.split("</td>")[0].removeprefix("<td>") for r in rows] == list(amb["code"])
    for row, r in zip(rows, amb.itertuples()):
        assert f"<td>{html.escape(r.source_nl or 'niet vermeld in bijlage 2')}</td>" in row, r.code
    sources = pd.read_csv(ROOT / "data" / "sources.csv", dtype=str, keep_default_na=False)
    assert src.count("<tr>") == len(sources) + 1
    for r in sources.itertuples():
        assert html.escape(r.licence) in src and html.escape(r.dataset) in src
