"""The 3.3.1 card's interactive chart (Eurostat comparison layer, streek/comparable.py) keeps both of
its legends inside a 533 px wide card (the card's width on a 1440 px desktop): the two legends
under the plot are stacked, not side by side (the second one, "Line – required path", was cut off)."""
from __future__ import annotations

import json
import re

import pytest

from streek import charts
from streek.render import to_svg

CARD_WIDTH = 533     # px: the chart's container in a pillar page's card at 1440 px (measured in Chromium)


def legend_boxes(svg: str) -> list[tuple[float, float]]:
    """(x, width) of every legend group of a Vega SVG."""
    out = []
    for x, w in re.findall(r'class="mark-group role-legend"[^>]*>\s*<g transform="translate\(([\d.-]+),[\d.-]+\)">'
                           r'<path class="background"[^>]*d="M0,0h([\d.]+)v', svg):
        out.append((float(x), float(w)))
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_both_legends_fit_a_desktop_card(vision, lang):
    spec = charts.ambition_chart(vision, "3.3.1", lang=lang).to_dict(validate=False)
    spec["width"], spec["autosize"] = CARD_WIDTH, {"type": "fit", "contains": "padding"}   # as Streamlit fits it
    svg = to_svg(json.dumps(spec), lang)
    svg = svg.decode() if isinstance(svg, bytes) else svg
    boxes = legend_boxes(svg)
    assert len(boxes) == 2, boxes                       # the Eurostat legend and the chart's own
    assert all(x + w <= CARD_WIDTH for x, w in boxes), boxes
    assert boxes[0][0] == boxes[1][0]                   # stacked: one above the other


def test_print_charts_keep_their_legend_beside_the_plot(vision):
    spec = charts.ambition_chart(vision, "3.3.1", lang="en", theme="print").to_dict(validate=False)
    assert "layout" not in spec["config"].get("legend", {})
    screen = charts.ambition_chart(vision, "3.3.1", lang="en").to_dict(validate=False)
    assert screen["config"]["legend"]["layout"]["bottom"]["direction"] == "vertical"
