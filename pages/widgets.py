"""Shared Streamlit widget: a chart with its source, a data table and downloads (CSV, PNG, SVG).

Use it for every chart and map so that they all offer the same things."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from streek.i18n import t
from streek.render import spec_json, to_csv_bytes, to_png, to_svg


@st.cache_data(show_spinner=False, max_entries=512)
def _png(spec: str) -> bytes:
    return to_png(spec)


@st.cache_data(show_spinner=False, max_entries=512)
def _svg(spec: str) -> bytes:
    return to_svg(spec)


def chart_block(chart: alt.TopLevelMixin | dict, data: pd.DataFrame, *, key: str, filename: str,
                source_nl: str = "", table: pd.DataFrame | None = None, on_select=None,
                alt_text: str | None = None, show_table_label: str | None = None,
                csv_bytes: bytes | None = None, export_spec: str | dict | None = None, lang: str):
    """Render ``chart`` with its source under it, a "Toon data" table and three downloads.

    ``chart`` is an Altair chart or an already built Vega-Lite spec (a dict, e.g. from a cache:
    then the page does not pay Altair's ``to_dict`` on every rerun). ``data`` is what the CSV
    download holds (or pass ready ``csv_bytes``); ``table`` (default: ``data``) is the table shown.
    ``export_spec`` is the spec (JSON text or dict) the PNG/SVG downloads render, where it differs
    from the one shown (e.g. a cached spec whose datasets are already Arrow bytes).
    Returns the selection state when ``on_select`` is given."""
    kwargs = {}
    if on_select is not None:
        kwargs["on_select"] = on_select
    if alt_text:
        kwargs["alt"] = alt_text
    spec = spec_json(export_spec if export_spec is not None else chart)
    if isinstance(chart, dict):
        # Streamlit moves the datasets out of the spec it is given: hand it a shallow copy.
        state = st.vega_lite_chart(spec=dict(chart), width="stretch", key=key, **kwargs)
    else:
        state = st.altair_chart(chart, width="stretch", key=key, **kwargs)
    if source_nl:
        st.caption(source_nl)
    with st.expander(show_table_label or t("pillars.widget.show_data", lang)):
        st.dataframe(data if table is None else table, hide_index=True, width="stretch")
    c1, c2, c3 = st.columns(3)
    c1.download_button("CSV", csv_bytes if csv_bytes is not None else to_csv_bytes(data),
                       file_name=f"{filename}.csv", mime="text/csv", key=f"{key}-csv", on_click="ignore",
                       icon=":material/table:", help=t("pillars.widget.csv_help", lang))
    c2.download_button("PNG", lambda: _png(spec), file_name=f"{filename}.png", mime="image/png",
                       key=f"{key}-png", on_click="ignore", icon=":material/image:", help=t("pillars.widget.png_help", lang))
    c3.download_button("SVG", lambda: _svg(spec), file_name=f"{filename}.svg", mime="image/svg+xml",
                       key=f"{key}-svg", on_click="ignore", icon=":material/draw:", help=t("pillars.widget.svg_help", lang))
    return state
