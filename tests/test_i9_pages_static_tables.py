"""Issue 9 (page weight): the SWOT charts' data tables are plain HTML tables, not data grids, and
still hold every row with proper header cells; the method page has no code block. A data grid or a
code block makes the browser load ~1,2-1,5 MB of script, even inside a closed expander."""
import html
import re

import pytest

from conftest import open_via_router
from streek.figures import figure_groups


def _tables(at) -> list[str]:
    return [el.proto.body for el in at.get("html") if 'class="plain-table"' in el.proto.body]


def _cells(table: str, tag: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", table)]


@pytest.mark.parametrize("lang", ["NL", "EN"])
def test_swot_tables_are_static_with_every_row_and_header_cells(vision, lang):
    at = open_via_router("pages/swot_page.py", lang=lang)
    assert len(at.dataframe) == 0                       # no data grid on the page
    code = lang.lower()
    names = {g: x.name(code) for g, x in vision.geographies.items()}
    groups = [g for g in figure_groups(vision.figures, names, lang=code) if g.section == "sterkte" and g.is_comparison]
    for g in groups:                                    # "Toon data" opened under every chart
        at.session_state[f"swot-{g.key}-data"] = True
    at.run()
    assert len(at.dataframe) == 0
    stills = [el for el in at.get("html") if 'class="streek-still"' in el.proto.body]
    tables = _tables(at)
    assert len(tables) == len(groups) == len(stills)   # one table per chart, in order
    for tab, g in zip(tables, groups):
        frame = g.table(lang=code)
        heads = re.findall(r'<th scope="col">(.*?)</th>', tab)
        assert [html.unescape(h) for h in heads] == [str(c) for c in frame.columns]
        assert tab.count("<tr>") == len(frame) + 1     # header row + one row per area
        cells = _cells(tab.split("<tbody>")[1], "td")
        assert cells == ["" if v is None else str(v) for row in frame.itertuples(index=False) for v in row]
        assert 'tabindex="0"' in tab                     # the scrolling wrapper is reachable by keyboard
    # the downloads stay beside every table
    assert len([b for b in at.get("download_button") if b.proto.label == "CSV"]) == len(groups)


def test_method_page_has_no_code_block_but_shows_the_command():
    at = open_via_router("pages/method.py")
    assert len(at.code) == 0
    assert any("`python -m streek validate`" in m.value for m in at.markdown)
