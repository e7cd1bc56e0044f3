"""Overview: every ambition at a glance, grouped by pillar, with filters and sort order kept in the URL.

The tables are plain HTML (``streek.figures.html_table``): a data grid makes the browser load and
run ~1,2 MB of script (issue 9). The interactive grid (sort on any column, search, full screen)
and the CSV/XLSX downloads are one click away, built only when the reader opens them."""
import html
from collections import Counter

import streamlit as st

from pages.frame import page_lang
from pages.pillar_view import ambition_link, redirect_if_elsewhere
from pages.ui import (BADGE_CSS, assessments, code_choice, code_pills, data_version, get_vision, heading_html, lang_link,
                      status_badge)
from pages.widgets import data_downloads
from streek import charts
from streek.card import status_text
from streek.figures import TABLE_CSS, html_table, sparkline
from streek.fmt import fmt_number
from streek.i18n import t, t_html
from streek.progress import STATUS_ORDER, Status

vision = get_vision()
lang = page_lang()
redirect_if_elsewhere(vision, None, lang)   # ?ambitie=CODE on the overview opens that ambition's card
res = assessments(vision)
SORTS = ("code", "status", "gebied")         # ?sorteer=status; "code" (the document's order) is the default


@st.cache_resource(show_spinner=False, max_entries=8)   # shared between sessions: never mutate
def _frame(version: str, lang: str, _vision, _res):
    """``lang`` is part of the cache key: the table holds texts in the visitor's language. With the
    cells of the static table ready (link, badge, sparkline), built once per data version and language."""
    df = charts.overview_frame(_vision, _res, lang)
    df["open"] = [lang_link(ambition_link(c, p), lang) for c, p in zip(df["code"], df["pijler"])]
    df["code_html"] = [f'<a href="{html.escape(h)}" target="_self">{html.escape(c)}</a>' for c, h in zip(df["code"], df["open"])]
    df["status_html"] = [status_badge(Status(s), lang) for s in df["status_code"]]
    df["trend_html"] = [sparkline(m, t("overview.trend_alt", lang, n=fmt_number(len(m), lang=lang),
                                       first=fmt_number(m[0], lang=lang), last=fmt_number(m[-1], lang=lang)))
                        if len(m) > 1 else "" for m in df["metingen"]]
    return df


df = _frame(data_version(vision), lang, vision, res)
COLS = {"code_html": "overview.col.code", "titel": "overview.col.title", "status_html": "overview.col.status",
        "laatste": "overview.col.latest", "doel": "overview.col.target", "trend_html": "overview.col.trend",
        "gebied": "overview.col.geo"}     # the static table's columns: frame column -> heading


def _geo_options(df) -> list[str]:
    return list(dict.fromkeys(df.sort_values("gebied_code")["gebied_code"]))


st.title(t("overview.title", lang))
st.write(t("overview.intro", lang, n=df["ambitie"].nunique(), n_series=len(df)))
counts = Counter(df["status_code"])
# st.html, not markdown with raw HTML: the frame already loads st.html's code, rehype-raw would be one more chunk
# a status word wraps inside its badge on a laptop (the description keeps its room); from 1600 px on, where the
# description has room to spare, it stays on one line ("Niet te beoordelen" in one badge on a projector)
WIDE = ("<style>@media (min-width: 641px) { .overview-table td:nth-of-type(1) { min-width: 12rem; } "
        ".overview-table .status-badge { white-space: normal; } }"
        "@media (min-width: 1600px) { .overview-table .status-badge { white-space: nowrap; } }</style>")
st.html(BADGE_CSS + TABLE_CSS + WIDE + "<p>" + " ".join(f"{status_badge(s, lang)} {fmt_number(counts.get(s.value, 0), lang=lang)}"
                                                  for s in STATUS_ORDER) + "</p>")

# Filters and sort order: stable codes in the URL (?pijler=1&status=on_track&gebied=ZWV&sorteer=status),
# so they survive a page switch and a shared link in either language.
geo_options = _geo_options(df)
geo_names = dict(zip(df["gebied_code"], df["gebied"]))
pillars = code_pills(t("overview.filter.pillar", lang), [p.code for p in vision.pillars],
                     lambda c: f"{c}. {vision.pillar(c).title_nl}", key="pijler")
statuses = code_pills(t("overview.filter.status", lang), [s.value for s in STATUS_ORDER],  # ?status=on_track
                      lambda v: status_text(v, lang), key="status")
geo_col, order_col = st.columns([3, 2])
with geo_col:
    geos = code_pills(t("overview.filter.geo", lang), geo_options, lambda g: geo_names.get(g, g), key="gebied")
with order_col:
    order = code_choice(t("overview.sort", lang), list(SORTS), lambda s: t(f"overview.sort.{s}", lang), key="sorteer")


@st.cache_resource(show_spinner=False, max_entries=64)   # shared between sessions: never mutate
def _view(version: str, lang: str, pillars: tuple, statuses: tuple, geos: tuple, order: str, _df, _vision):
    """What the filters and the order show: the rows, one static table per pillar (heading, HTML),
    and the frames of the interactive grid and of the downloads. Built once per data version,
    language and choice, so a rerun sends ready text."""
    shown = _df
    if pillars:
        shown = shown[shown["pijler"].isin(pillars)]
    if statuses:
        shown = shown[shown["status_code"].isin(statuses)]
    if geos:
        shown = shown[shown["gebied_code"].isin(geos)]
    if order == "status":
        rank = {s.value: i for i, s in enumerate(STATUS_ORDER)}
        shown = shown.sort_values("status_code", key=lambda s: s.map(rank), kind="stable")
    elif order == "gebied":
        shown = shown.sort_values("gebied_code", key=lambda s: s.map(_geo_options(_df).index), kind="stable")
    # one static table per pillar: the code links to the card; on a phone every row becomes a short card
    heads = {c: t(k, lang) for c, k in COLS.items()}
    tables = []
    for p in _vision.pillars:
        part = shown[shown["pijler"] == p.code]
        if part.empty:
            continue
        caption = t("overview.table_caption", lang, code=p.code, n=fmt_number(len(part), lang=lang),
                    order=t(f"overview.sort.{order}", lang))
        tables.append((t_html("pillars.page.title", lang, p.title_nl, code=p.code),
                       html_table(part[list(COLS)].rename(columns=heads), caption, "plain-table overview-table",
                                  html_cols=(heads["code_html"], heads["status_html"], heads["trend_html"]),
                                  row_header=heads["code_html"], stack=True, doc_cols=(heads["titel"],), lang=lang)))
    grid = shown[["pijler", "open", "titel", "status", "laatste", "doel", "metingen", "gebied"]]
    download = shown[["pijler", "code", "titel", "status", "laatste", "doel", "n_metingen", "gebied"]].rename(
        columns={"pijler": t("overview.filter.pillar", lang), "code": heads["code_html"], "titel": heads["titel"],
                 "status": heads["status_html"], "laatste": heads["laatste"], "doel": heads["doel"],
                 "n_metingen": t("overview.col.n_measurements", lang), "gebied": heads["gebied"]})
    return len(shown), tables, grid, download


n_shown, tables, grid, download = _view(data_version(vision), lang, tuple(pillars), tuple(statuses), tuple(geos), order,
                                        df, vision)
st.caption(t("overview.n_shown", lang, n=n_shown, total=len(df)) + " · " + t("overview.select_hint", lang))
if not n_shown:
    st.info(t("overview.none", lang))
for head, table in tables:
    st.html(heading_html(3, head) + table)    # one element: the pillar's title (its Dutch part marked) and its table

# The interactive grid (sort on any column, search, full screen) and the downloads, built only when
# opened: the same rows in the same order
if n_shown:
    config = {
        "pijler": st.column_config.TextColumn(t("overview.filter.pillar", lang), width=60),
        "open": st.column_config.LinkColumn(t("overview.col.code", lang), display_text=r"ambitie=([^&]+)", width=78,
                                            pinned=True),
        "titel": st.column_config.TextColumn(t("overview.col.title", lang), width=198),
        "status": st.column_config.TextColumn(t("overview.col.status", lang), width=178),
        "laatste": st.column_config.TextColumn(t("overview.col.latest", lang), width=165),
        "doel": st.column_config.TextColumn(t("overview.col.target", lang), width=112),
        "metingen": st.column_config.LineChartColumn(t("overview.col.trend", lang), help=t("overview.col.trend_help", lang),
                                                     width=70),
        "gebied": st.column_config.TextColumn(t("overview.col.geo", lang), width=110),
    }
    data_downloads(download, key="overzicht", filename=t("overview.file", lang), spec=None, table=grid,
                   label=t("overview.interactive", lang), lazy=True, grid={"column_config": config}, lang=lang)
