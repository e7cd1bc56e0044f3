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


def legend_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of every legend group of a Vega SVG."""
    found = re.findall(r'class="mark-group role-legend"[^>]*>\s*<g transform="translate\(([\d.-]+),([\d.-]+)\)">'
                       r'<path class="background"[^>]*d="M0,0h([\d.]+)v([\d.]+)', svg)
    return [tuple(float(v) for v in box) for box in found]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_both_legends_fit_a_desktop_card(vision, lang):
    spec = charts.ambition_chart(vision, "3.3.1", lang=lang).to_dict(validate=False)
    spec["width"], spec["autosize"] = CARD_WIDTH, {"type": "fit", "contains": "padding"}   # as Streamlit fits it
    svg = to_svg(json.dumps(spec), lang)
    svg = svg.decode() if isinstance(svg, bytes) else svg
    boxes = legend_boxes(svg)
    assert len(boxes) == 2, boxes                       # the Eurostat legend and the chart's own
    assert all(x + w <= CARD_WIDTH for x, _, w, _ in boxes), boxes
    (_, y1, _, h1), (_, y2, _, h2) = sorted(boxes, key=lambda b: b[1])
    assert y1 + h1 <= y2                                # one above the other, not side by side


def test_the_eurostat_legend_moves_above_the_plot_only_on_screen(vision):
    spec = charts.ambition_chart(vision, "3.3.1", lang="en", theme="print").to_dict(validate=False)
    orients = {lay["encoding"]["color"]["legend"]["orient"] for lay in spec["layer"]
               if "legend" in lay.get("encoding", {}).get("color", {})}
    assert orients == {"right"}          # print (slides, landscape PDF): beside the plot, under the chart's own legend
    slide = charts.ambition_chart(vision, "3.3.1", lang="en", theme="projector").to_dict(validate=False)
    orients = {lay["encoding"]["color"]["legend"]["orient"] for lay in slide["layer"]
               if "legend" in lay.get("encoding", {}).get("color", {})}
    assert orients == {"right"}                         # presentation mode: the same (the legend stays on the screen)
    screen = charts.ambition_chart(vision, "3.3.1", lang="en").to_dict()          # valid Vega-Lite
    orients = {lay["encoding"]["color"]["legend"]["orient"] for lay in screen["layer"]
               if "legend" in lay.get("encoding", {}).get("color", {})}
    assert orients == {"top"}
