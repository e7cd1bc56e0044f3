"""AppTest: the SWOT, context and method pages run without exceptions and show all their content."""
import html
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, open_via_router
from streek.figures import figure_groups

SWOT, CONTEXT, METHOD = "pages/swot_page.py", "pages/context_page.py", "pages/method.py"


def _run(page: str, query: dict | None = None) -> AppTest:
    return open_via_router(page, **(query or {}))     # through the frame, as a link opens it; no exception


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader] + [h.value for h in at.title] + [m.value for m in at.get("alert")]
    parts += _html(at)
    return "\n".join(parts)


def _html(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html")]


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def _stills(at: AppTest) -> list[str]:
    return [b for b in _html(at) if 'class="streek-still"' in b]


def _live(at: AppTest) -> AppTest:
    """Click every "Interactieve grafiek" (each reruns its own fragment)."""
    for key in [b.key for b in at.button if b.key and b.key.startswith("live-btn-")]:
        at.button(key=key).click().run()
        assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(scope="module")
def swot_at():
    return _run(SWOT)


def test_swot_page_lists_every_item_in_its_quadrant(swot_at, vision):
    text = _text(swot_at)
    for r in vision.swot.itertuples():
        assert r.item_nl in text, r.item_nl
        if r.note_nl:
            assert r.note_nl in text
    grid = [h.proto.body for h in swot_at.get("html") if 'class="swot-grid"' in h.proto.body]
    assert len(grid) == 1                                        # the four quadrants in one element
    for q in ("Sterktes", "Zwaktes", "Kansen", "Bedreigingen"):     # each quadrant's heading (pages/ui.heading_html)
        assert f'<section class="swot-q"><h3 class="card-title">{q}</h3>' in grid[0], q


def _expected(vision, section):
    names = {g: x.name_nl for g, x in vision.geographies.items()}
    return [g for g in figure_groups(vision.figures, names, lang="nl") if g.section == section]


def test_swot_first_tab_charts_the_strengths_with_document_values(vision):
    """First a still image per chart (alt text = the chart's description, no Vega to load); after
    "Interactieve grafiek" the interactive charts, with the document's titles and subtitles."""
    at = _run(SWOT)
    expected = [g for g in _expected(vision, "sterkte") if g.is_comparison]
    assert not _charts(at)
    stills = _stills(at)
    assert len(stills) == len(expected)
    for body, g in zip(stills, expected):
        assert f'alt="{html.escape(g.alt_text(lang="nl"), quote=True)}"' in body
        src = re.search(r'src="app/static/(gen/[0-9a-f]{40}\.svg)"', body).group(1)
        svg = (ROOT / "static" / src).read_text(encoding="utf-8")
        assert g.indicator_nl in html.unescape(svg)           # the still image draws the chart's title
    specs = _charts(_live(at))
    assert [s["title"]["text"] for s in specs] == [g.indicator_nl for g in expected]
    for spec, g in zip(specs, expected):
        assert spec["title"]["subtitle"] == g.subtitle(lang="nl")
        assert spec.get("autosize", {}).get("type") == "fit-x"
    # the single figures of the strengths are shown in full, with unit, year and age group
    singles = [g for g in _expected(vision, "sterkte") if not g.is_comparison]
    assert singles
    text = _text(at)
    for g in singles:
        assert f'>{g.rows["label"].iloc[0]}</div>' in text
        assert g.subtitle(lang="nl") in text


def test_swot_tab_in_url_shows_that_part(vision):
    at = _live(_run(SWOT, {"cijfers": "Kansen en bedreigingen in cijfers"}))
    expected = [g.indicator_nl for g in _expected(vision, "kansen-bedreigingen") if g.is_comparison]
    assert [s["title"]["text"] for s in _charts(at)] == expected
    assert "Arbeidsmarktkrapte" in _text(at)


def test_swot_chart_downloads_hold_the_document_table(swot_at, vision):
    """Table and downloads are one click away ("Toon data", built when opened)."""
    groups = [g for g in _expected(vision, "sterkte") if g.is_comparison]
    assert not swot_at.get("download_button")
    for g in groups:
        swot_at.session_state[f"swot-{g.key}-data"] = True
    swot_at.run()
    csvs = [b for b in swot_at.get("download_button") if b.proto.label == "CSV"]
    assert len(csvs) == len(groups)
    for g in groups:
        swot_at.session_state[f"swot-{g.key}-data"] = False


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
    assert not [b for b in _html(at) if 'class="plain-table"' in b] and not at.get("download_button")
    at.session_state["context-env-table"] = True         # the table and its CSV, built when opened
    at.run()
    tables = [b for b in _html(at) if 'class="plain-table"' in b]
    assert len(tables) == 1 and len(at.get("download_button")) == 1
    assert tables[0].count("<tr>") == len(vision.environment) + 1   # header row + one row per line


def test_method_page_has_formulas_thresholds_and_a_source_per_ambition(vision):
    at = _run(METHOD)
    text = _text(at)
    # the formulas as HTML (no KaTeX to load), each read out from its aria-label
    for reading in ("CAGR a = (y t / y 0) ^ (1 / (t − t 0)) − 1", "CAGR r = (y T / y 0) ^ (1 / (T − t 0)) − 1",
                    "R = CAGR a / CAGR r", "nodig per jaar vanaf t = (y T / y t) ^ (1 / (T − t)) − 1",
                    "trend doorgetrokken tot T = y t × (1 + CAGR a) ^ (T − t)"):
        assert f'role="math" aria-label="{reading}"' in text, reading
    assert not at.get("latex") and "$" not in text        # no TeX left for KaTeX
    assert "R ≥ 95 %" in text and "60 % ≤ R < 95 %" in text
    for label in ("Doel bereikt", "Op koers", "Versnelling nodig", "Onvoldoende vooruitgang",
                  "Beweegt weg van het doel", "Niet te beoordelen"):
        assert label in text
    assert "FOD Financiën – Algemene Administratie van de Patrimoniumdocumentatie" in text
    assert "`python -m streek validate`" in text   # inline code (a code block loads a 1,5 MB highlighter)

    tables = [b for b in _html(at) if 'class="plain-table"' in b and "status-rules" not in b]
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
