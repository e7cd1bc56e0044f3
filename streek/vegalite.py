"""Altair as every chart builder of this package uses it: ``from streek.vegalite import alt``.

By default Altair checks each part of a chart against the Vega-Lite schema while the chart is being
built ("debug mode"), and ``chart.to_dict()`` checks the whole chart once more. For our layered
charts that was about half of the time to make a spec (an ambition chart: ~190 ms built and
validated, ~100 ms without either). Our charts are checked against the schema where it can fail a
build: in the tests, by ``chart.to_dict()`` on every kind of chart (tests/test_charts.py,
test_figures.py, test_map.py, test_scenario.py, test_i10_english_comparable.py). The app makes its
specs with ``to_dict(validate=False)`` and does not pay for the checks on every cold run.
"""
from collections.abc import Iterable

import altair as alt

alt.utils.schemapi.disable_debug_mode()

__all__ = ["alt", "layered", "with_layers"]


# ``alt.LayerChart(layer=...)`` copies every layer deeply, twice, to lift selection parameters and
# shared properties to the top (our layers have neither: the specs come out identical, tests/test_charts.py),
# and so does every copy of a layer chart, also ``copy(deep=False)``: rebuilding a copy goes through the
# same constructor. That was a third of the time an ambition chart took to build (~30 ms of ~90 ms).
def layered(layers: Iterable, **props) -> alt.LayerChart:
    """``alt.LayerChart(layer=layers, **props)``, its layers taken as they are (not copied); where a
    layer has parameters (a selection), Altair's own constructor, which lifts them to the top."""
    layers = list(layers)
    if any(not alt.utils.is_undefined(getattr(layer, "params", alt.Undefined)) for layer in layers):
        return alt.LayerChart(layer=layers, **props)
    chart = alt.LayerChart(**props)
    chart.layer = layers
    return chart


def with_layers(chart: alt.LayerChart, layers: Iterable) -> alt.LayerChart:
    """A new layer chart with ``chart``'s properties (shared, as ``copy(deep=False)`` would) and ``layers``."""
    return layered(layers, **{k: v for k, v in chart._kwds.items() if k != "layer"})
