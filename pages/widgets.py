"""Shared Streamlit widget: a chart with its source, a data table and downloads (CSV, XLSX, PNG, SVG).

Use it for every chart and map so that they all offer the same things."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from streek.download import DECIMALS_COL, to_csv, to_xlsx
from streek.figures import TABLE_CSS, html_table
from streek.a11y import accessible_spec
from streek.fmt import vega_locale
from streek.i18n import t
from streek.render import spec_json, to_png, to_svg   # cached there (the one render cache)


def _frame(data) -> pd.DataFrame:
    return data if isinstance(data, pd.DataFrame) else data.to_pandas()


def show_chart(chart: alt.TopLevelMixin | dict, alt_text: str, *, lang: str, where=st, width="stretch", **kwargs):
    """The one place that puts a chart on the page: with an accessible name and description
    (``streek.a11y``: the description names the SVG; its marks are hidden) and the number locale of
    ``lang`` in its config (``streek.fmt.vega_locale``: axes and legends write 28.309 or 28,309). Not
    also ``alt=``: Streamlit would warn that it overrides the description.
    ``where`` is a container or column (default: the current one)."""
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    # accessible_spec copies: Streamlit moves the datasets out of the spec it is given; the config is
    # copied too (a cached spec is shared by every session)
    spec = accessible_spec(spec, alt_text)
    spec["config"] = {**spec.get("config", {}), "locale": vega_locale(lang)}
    return where.vega_lite_chart(spec=spec, width=width, **kwargs)


def chart_block(chart: alt.TopLevelMixin | dict, data: pd.DataFrame, *, key: str, filename: str,
                source_nl: str = "", table: pd.DataFrame | None = None, on_select=None,
                alt_text: str | None = None, show_table_label: str | None = None,
                csv_bytes: bytes | None = None, export_spec: str | dict | None = None, lang: str,
                lazy: bool = False, static_table: bool = False, fill: str | None = None):
    """Render ``chart`` with its source under it, a "Toon data" table and four downloads.

    ``chart`` is an Altair chart or an already built Vega-Lite spec (a dict, e.g. from a cache:
    then the page does not pay Altair's ``to_dict`` on every rerun). ``data`` is what the CSV
    and XLSX downloads hold (``streek.download``, in ``lang``'s convention; or pass ready
    ``csv_bytes``); ``table`` (default: ``data``) is the table shown.
    ``export_spec`` is the spec (JSON text or dict) the PNG/SVG downloads render, where it differs
    from the one shown (e.g. a cached spec whose datasets are already Arrow bytes).
    ``lazy``: the table and the downloads sit in one expander that builds them only when opened
    (see :func:`data_downloads`). ``static_table``: the table as plain HTML (small tables).
    ``fill``: the chart fills the height of a container keyed ``fill`` (inside one keyed
    ``fill + "-kader"``), which the page's CSS sizes (the map: its height follows its width).
    Returns the selection state when ``on_select`` is given."""
    kwargs = {}
    if on_select is not None:
        kwargs["on_select"] = on_select
    spec = spec_json(export_spec if export_spec is not None else chart)
    if fill:
        with st.container(key=f"{fill}-kader"):
            kwargs.update(where=st.container(key=fill), height="stretch")
    state = show_chart(chart, alt_text or filename, key=key, lang=lang, **kwargs)
    if source_nl:
        st.caption(source_nl)
    data_downloads(data, key=key, filename=filename, spec=spec, table=table, label=show_table_label,
                   csv_bytes=csv_bytes, lazy=lazy, static_table=static_table, lang=lang)
    return state


def data_downloads(data: pd.DataFrame, *, key: str, filename: str, spec: str | None, table: pd.DataFrame | None = None,
                   label: str | None = None, csv_bytes: bytes | None = None, lazy: bool = False,
                   static_table: bool = False, grid: dict | None = None, lang: str) -> None:
    """The "Toon data" table and the CSV, PNG and SVG downloads of a chart (``spec``: its JSON text;
    None for a table without a chart: CSV and XLSX only). ``grid``: more arguments for the data
    grid (``column_config``, ``column_order``), e.g. a page's interactive table behind its static one.

    ``lazy``: one "Data en downloads" expander that mounts the grid and the buttons only when the
    reader opens it (a closed ``st.expander`` still mounts its content; this one is not built at
    all). Inside an ``st.fragment`` opening it reruns only the fragment.
    ``static_table``: the table as plain HTML (``streek.figures.html_table``: header cells with
    ``scope``, a keyboard-reachable scrolling wrapper) instead of a data grid, for a few rows: a grid
    makes the browser load and run ~1,2 MB of script even inside a closed expander (issue 9). It
    cannot be sorted; the CSV and XLSX downloads hold the same rows."""
    if lazy:
        box = st.expander(label or t("pillars.widget.data_downloads", lang), key=f"{key}-data", on_change="rerun",
                          icon=":material/download:")
        if not box.open:
            return
        with box:
            if static_table:
                st.html(TABLE_CSS + html_table(_frame(_shown(data, table))))
            else:
                st.dataframe(_shown(data, table), hide_index=True, width="stretch", **(grid or {}))
            _download_buttons(data, key=key, filename=filename, spec=spec, csv_bytes=csv_bytes, lang=lang)
        return
    with st.expander(label or t("pillars.widget.show_data", lang)):
        if static_table:
            st.html(TABLE_CSS + html_table(_frame(_shown(data, table))))
        else:
            st.dataframe(_shown(data, table), hide_index=True, width="stretch")
    _download_buttons(data, key=key, filename=filename, spec=spec, csv_bytes=csv_bytes, lang=lang)


def _shown(data, table):
    """The table shown: ``table`` or the download frame without its hidden precision column."""
    shown = data if table is None else table
    if isinstance(shown, pd.DataFrame) and DECIMALS_COL in shown.columns:
        shown = shown.drop(columns=[DECIMALS_COL])
    return shown


def _download_buttons(data: pd.DataFrame, *, key: str, filename: str, spec: str | None, csv_bytes: bytes | None,
                      lang: str) -> None:
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button("CSV", csv_bytes if csv_bytes is not None else to_csv(_frame(data), lang),
                       file_name=f"{filename}.csv", mime="text/csv", key=f"{key}-csv", on_click="ignore",
                       icon=":material/table:", help=t("download.csv_help" if spec else "download.table_csv_help", lang))
    c2.download_button("XLSX", lambda: to_xlsx(_frame(data), lang), file_name=f"{filename}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"{key}-xlsx", on_click="ignore", icon=":material/grid_on:",
                       help=t("download.xlsx_help" if spec else "download.table_xlsx_help", lang))
    if spec is None:    # a table without a chart: no image to download
        return
    c3.download_button("PNG", lambda: to_png(spec, lang), file_name=f"{filename}.png", mime="image/png",
                       key=f"{key}-png", on_click="ignore", icon=":material/image:", help=t("pillars.widget.png_help", lang))
    c4.download_button("SVG", lambda: to_svg(spec, lang), file_name=f"{filename}.svg", mime="image/svg+xml",
                       key=f"{key}-svg", on_click="ignore", icon=":material/draw:", help=t("pillars.widget.svg_help", lang))
