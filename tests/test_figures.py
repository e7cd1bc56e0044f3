"""Benchmark charts (SWOT figures) and the environment matrix: exact document values, honest labels."""
import re

import pandas as pd
import pytest

from streek.figures import (
    benchmark_chart, bar_label, environment_matrix, environment_matrix_html, figure_groups,
    html_table, sparkline,
)
from streek.render import to_svg


@pytest.fixture(scope="module")
def groups(vision):
    return figure_groups(vision.figures, {g: x.name_nl for g, x in vision.geographies.items()}, lang="nl")


def _chart_rows(chart) -> list[dict]:
    """The data rows a chart spec holds (inline datasets)."""
    spec = chart.to_dict()
    rows = [r for data in spec.get("datasets", {}).values() for r in data]
    assert rows, "chart holds no data"
    return rows


def test_every_document_figure_is_in_exactly_one_group(vision, groups):
    ids = [i for g in groups for i in g.rows["id"]]
    assert sorted(ids) == sorted(vision.figures["id"])


def test_groups_never_mix_units_periods_or_age_groups(vision, groups):
    fig = vision.figures.set_index("id")
    for g in groups:
        sub = fig.loc[g.rows["id"]]
        assert set(sub["unit"]) == {g.unit}
        assert set(sub["period"]) == {g.period}
        assert set(sub["age_group"]) == {g.age_group}
        assert set(sub["swot_item_nl"]) == {g.swot_item_nl}


def test_the_known_benchmarks_compare_the_document_areas(groups):
    by_indicator = {(g.indicator_nl, g.period): g for g in groups}
    g = by_indicator[("Werkzaamheidsgraad", "2016")]
    assert list(g.rows["geo"]) == ["ZWV", "02000", "01000"]
    assert list(g.rows["waarde"]) == [75.4, 72.6, 67.3]
    g = by_indicator[("Niet-werkende werkzoekenden per openstaande vacature", "2017")]
    assert list(g.rows["geo"]) == ["ZWV", "30000", "02000"]
    assert list(g.rows["waarde"]) == [3.9, 4.1, 5.5]


def test_each_chart_holds_exactly_the_document_values(vision, groups):
    comparisons = [g for g in groups if g.is_comparison]
    assert len(comparisons) >= 10
    fig = vision.figures.set_index("id")
    for g in comparisons:
        rows = _chart_rows(benchmark_chart(g, lang="nl"))
        got = sorted((r["gebied"], r["waarde"]) for r in rows)
        names = {k: x.name_nl for k, x in vision.geographies.items()}
        want = sorted((names[fig.loc[i, "geo"]], float(fig.loc[i, "value"])) for i in g.rows["id"])
        assert got == want, g.indicator_nl


def test_each_chart_title_names_indicator_unit_year_and_age(groups):
    for g in (g for g in groups if g.is_comparison):
        title = benchmark_chart(g, lang="nl").to_dict()["title"]
        assert title["text"] == g.indicator_nl
        sub = title["subtitle"]
        assert f"Eenheid: {g.unit}" in sub
        if g.period:
            assert g.period.replace("-", "–") in sub
        else:
            assert "jaar niet vermeld" in sub
        if g.age_group:
            assert g.age_group.replace("-", "–") in sub
        else:
            assert "geen leeftijdsgroep vermeld" in sub


def test_labels_and_tooltips_are_dutch_strings(groups):
    g = next(g for g in groups if g.indicator_nl == "Bevolkingsdichtheid")
    rows = {r["gebied"]: r for r in _chart_rows(benchmark_chart(g, lang="nl"))}
    assert rows["Zuid-West-Vlaanderen"]["waarde_nl"] == "686,5 inwoners per km²"
    assert rows["Zuid-West-Vlaanderen"]["label"] == "686,5"
    assert bar_label(75.4, "%", lang="nl") == "75,4 %"
    assert bar_label(-3.7, "% verandering", lang="nl") == "-3,7 %"
    assert bar_label(66.7, "% verandering", lang="nl") == "+66,7 %"
    assert bar_label(33643, "personen", lang="nl") == "33.643"


def test_notes_where_table_and_text_disagree_travel_with_the_chart(groups):
    g = next(g for g in groups if g.indicator_nl == "Werkzaamheidsgraad laaggeschoolden")
    assert any("West-Vlaanderen" in n for n in g.notes)
    # the document's own attribution: the 44,4 % belongs to West-Vlaanderen, not to the region
    assert list(g.rows["geo"]) == ["30000", "02000"]


def test_every_chart_renders_with_vl_convert(groups):
    for g in (g for g in groups if g.is_comparison):
        svg = to_svg(benchmark_chart(g, lang="nl")).decode()
        assert svg.startswith("<svg")
        # every value label is drawn (Dutch format)
        for label in g.rows["label"]:
            assert label.replace("&", "&amp;") in svg, (g.indicator_nl, label)
        assert len(re.findall(r'role-mark', svg)) >= 3


def test_single_figures_are_not_charted(groups):
    singles = [g for g in groups if not g.is_comparison]
    assert singles
    assert all(len(g.rows) == 1 for g in singles)


# --- environment matrix ---------------------------------------------------------------------
def test_matrix_places_every_initiative_once_and_flags_uncertain_ones(vision):
    env = vision.environment
    codes = [p.code for p in vision.pillars]
    factors, cells, factor_notes, notes = environment_matrix(env, codes, lang="nl")
    assert factors == list(dict.fromkeys(env["factor_nl"]))
    placed = [(f, p, c.initiative, c.certain) for f in factors for p in codes for c in cells[f][p]]
    want = [(r.factor_nl, r.pillar, r.initiative_nl, r.certain == "ja") for r in env.itertuples() if r.initiative_nl]
    assert sorted(placed) == sorted(want)
    for f in factors:
        for p in codes:
            for c in cells[f][p]:
                assert (c.note_no is None) == c.certain
    assert set(factor_notes) == {r.factor_nl for r in env.itertuples() if not r.initiative_nl}


def test_matrix_html_marks_uncertain_cells_with_a_word_and_a_reason(vision):
    env = vision.environment
    html = environment_matrix_html(env, [(p.code, p.title_nl) for p in vision.pillars], lang="nl")
    n_unsure = int(((env["certain"] != "ja") & (env["initiative_nl"] != "")).sum())
    assert html.count('class="omg-flag"') == n_unsure > 0
    assert html.count('<th scope="row">') == env["factor_nl"].nunique()
    for reason in env.loc[env["certain"] != "ja", "note_nl"].unique():
        assert reason in html
    assert "<script" not in html


def test_matrix_html_escapes_text():
    env = pd.DataFrame([{"factor_nl": "<b>x</b>", "pillar": "1", "initiative_nl": "a & b", "certain": "nee",
                         "note_nl": "<i>why</i>"}])
    html = environment_matrix_html(env, [("1", "Pijler")], lang="nl")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "a &amp; b" in html and "&lt;i&gt;why&lt;/i&gt;" in html


def test_html_table_keeps_every_cell_and_escapes_it():
    df = pd.DataFrame({"Code": ["1.1.1", "<x>"], "Bron": ["A & B", None]})
    out = html_table(df)
    assert out.count("<tr>") == 3
    assert '<th scope="col">Code</th>' in out
    assert "<td>1.1.1</td>" in out and "<td>&lt;x&gt;</td>" in out and "<td>A &amp; B</td>" in out
    assert "<x>" not in out


def test_html_table_row_headers_ready_html_cells_and_phone_cards():
    """The overview's and the profile's table: the code names its row, only the columns the caller
    builds from escaped parts pass as HTML, and on a phone the rows become labelled cards with the
    table's roles kept (display: block would drop them)."""
    df = pd.DataFrame({"Code": ["1.2.1"], "Titel": ["<b>x</b>"], "Link": ['<a href="p?a=1">1.2.1</a>']})
    out = html_table(df, "Pijler 1", html_cols=("Link",), row_header="Code", stack=True)
    assert '<caption>Pijler 1</caption>' in out and 'class="plain-table stack" role="table"' in out
    assert '<th scope="row" role="rowheader" data-label="Code">1.2.1</th>' in out
    assert '<td role="cell" data-label="Titel">&lt;b&gt;x&lt;/b&gt;</td>' in out       # escaped
    assert '<td role="cell" data-label="Link"><a href="p?a=1">1.2.1</a></td>' in out    # ready HTML
    assert out.count('role="columnheader"') == 3 and out.count('role="row"') == 2
    plain = html_table(df)
    assert "role=" not in plain and "data-label" not in plain and "<b>" not in plain


def test_sparkline_is_a_still_image_with_words_and_needs_two_values():
    import base64
    img = sparkline([1.0, 3.0, 2.0], 'Verloop "a" & b')
    assert img.startswith('<img class="spark" src="data:image/svg+xml;base64,') and 'alt="Verloop &quot;a&quot; &amp; b"' in img
    svg = base64.b64decode(re.search(r"base64,([^\"]+)", img).group(1)).decode()
    points = re.search(r'points="([^"]+)"', svg).group(1).split()
    assert len(points) == 3
    ys = [float(p.split(",")[1]) for p in points]
    assert ys[1] < ys[2] < ys[0]                  # highest value drawn highest (SVG y grows downwards)
    assert sparkline([5.0], "x") == "" and sparkline([], "x") == "" and sparkline([1.0, float("nan")], "x") == ""
