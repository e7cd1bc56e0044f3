"""Altair as every chart builder of this package uses it: ``from streek.vegalite import alt``.

By default Altair checks each part of a chart against the Vega-Lite schema while the chart is being
built ("debug mode"), and ``chart.to_dict()`` checks the whole chart once more. For our layered
charts that was about half of the time to make a spec (an ambition chart: ~190 ms built and
validated, ~100 ms without either). Our charts are checked against the schema where it can fail a
build: in the tests, by ``chart.to_dict()`` on every kind of chart (tests/test_charts.py,
test_figures.py, test_map.py, test_scenario.py, test_i10_english_comparable.py). The app makes its
specs with ``to_dict(validate=False)`` and does not pay for the checks on every cold run.
"""
import altair as alt

alt.utils.schemapi.disable_debug_mode()

__all__ = ["alt"]
