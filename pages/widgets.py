"""Shared Streamlit widget: a chart with its source, a data table and downloads (CSV, PNG, SVG).

Use it for every chart and map so that they all offer the same things."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from streek.render import spec_json, to_csv_bytes, to_png, to_svg


@st.cache_data(show_spinner=False, max_entries=512)
def _png(spec: str) -> bytes:
    return to_png(spec)


@st.cache_data(show_spinner=False, max_entries=512)
def _svg(spec: str) -> bytes:
    return to_svg(spec)


def chart_block(chart: alt.TopLevelMixin, data: pd.DataFrame, *, key: str, filename: str,
                source_nl: str = "", table: pd.DataFrame | None = None, on_select=None,
                alt_text: str | None = None, show_table_label: str = "Toon data"):
    """Render ``chart`` with its source under it, a "Toon data" table and three downloads.

    ``data`` is what the CSV download holds; ``table`` (default: ``data``) is the table shown.
    Returns the selection state when ``on_select`` is given."""
    kwargs = {}
    if on_select is not None:
        kwargs["on_select"] = on_select
    if alt_text:
        kwargs["alt"] = alt_text
    state = st.altair_chart(chart, width="stretch", key=key, **kwargs)
    if source_nl:
        st.caption(source_nl)
    with st.expander(show_table_label):
        st.dataframe(data if table is None else table, hide_index=True, width="stretch")
    spec = spec_json(chart)
    c1, c2, c3 = st.columns(3)
    c1.download_button("CSV", to_csv_bytes(data), file_name=f"{filename}.csv", mime="text/csv",
                       key=f"{key}-csv", on_click="ignore", icon=":material/table:")
    c2.download_button("PNG", lambda: _png(spec), file_name=f"{filename}.png", mime="image/png",
                       key=f"{key}-png", on_click="ignore", icon=":material/image:")
    c3.download_button("SVG", lambda: _svg(spec), file_name=f"{filename}.svg", mime="image/svg+xml",
                       key=f"{key}-svg", on_click="ignore", icon=":material/draw:")
    return state
