"""Overview: every ambition at a glance, grouped by pillar, with filters kept in the URL."""
from collections import Counter

import streamlit as st

from pages.frame import page_lang
from pages.pillar_view import PILLAR_PAGES, QUERY_KEY, redirect_if_elsewhere
from pages.ui import BADGE_CSS, assessments, code_pills, data_version, get_vision, status_badge
from streek import charts
from streek.fmt import fmt_number
from streek.card import status_text
from streek.i18n import t
from streek.progress import STATUS_ORDER

vision = get_vision()
lang = page_lang()
redirect_if_elsewhere(vision, None, lang)   # ?ambitie=CODE on the overview opens that ambition's card
res = assessments(vision)


@st.cache_data(show_spinner=False, max_entries=8)
def _frame(version: str, lang: str, _vision, _res):
    """``lang`` is part of the cache key: the table holds texts in the visitor's language."""
    return charts.overview_frame(_vision, _res, lang)


df = _frame(data_version(vision), lang, vision, res)

st.markdown(BADGE_CSS, unsafe_allow_html=True)
st.title(t("overview.title", lang))
st.write(t("overview.intro", lang, n=df["ambitie"].nunique(), n_series=len(df)))
counts = Counter(df["status_code"])
st.markdown(" ".join(f"{status_badge(s, lang)} {fmt_number(counts.get(s.value, 0), lang=lang)}" for s in STATUS_ORDER),
            unsafe_allow_html=True)

# Filters: bound to the URL (?pijler=1&status=met&gebied=ZWV), so they survive a page switch and a shared link.
geo_options = list(dict.fromkeys(df.sort_values("gebied_code")["gebied_code"]))
geo_names = dict(zip(df["gebied_code"], df["gebied"]))
# Streamlit writes the option's displayed text into the URL, so the texts are kept short and readable.
pillars = st.pills(t("overview.filter.pillar", lang), [p.code for p in vision.pillars], selection_mode="multi",
                   format_func=lambda c: f"{c}. {vision.pillar(c).title_nl}", key="pijler", bind="query-params")
c2, c3 = st.columns([3, 2])
with c2:
    statuses = code_pills(t("overview.filter.status", lang), [s.value for s in STATUS_ORDER],  # ?status=on_track
                          lambda v: status_text(v, lang), key="status")
with c3:
    geos = st.multiselect(t("overview.filter.geo", lang), geo_options, format_func=lambda g: geo_names.get(g, g),
                          key="gebied", bind="query-params", placeholder=t("overview.filter.all", lang))

shown = df
if pillars:
    shown = shown[shown["pijler"].isin(pillars)]
if statuses:
    shown = shown[shown["status_code"].isin(statuses)]
if geos:
    shown = shown[shown["gebied_code"].isin(geos)]
st.caption(t("overview.n_shown", lang, n=len(shown), total=len(df)) + " · " + t("overview.select_hint", lang))
if shown.empty:
    st.info(t("overview.none", lang))

columns = {
    "code": st.column_config.TextColumn(t("overview.col.code", lang), width="small", pinned=True),
    "link": st.column_config.LinkColumn(t("overview.col.link", lang), display_text=t("overview.col.link_text", lang), width="small"),
    "titel": st.column_config.TextColumn(t("overview.col.title", lang), width="large"),
    "status": st.column_config.TextColumn(t("overview.col.status", lang)),
    "laatste": st.column_config.TextColumn(t("overview.col.latest", lang)),
    "doel": st.column_config.TextColumn(t("overview.col.target", lang)),
    "metingen": st.column_config.LineChartColumn(t("overview.col.trend", lang), help=t("overview.col.trend_help", lang), width="small"),
    "gebied": st.column_config.TextColumn(t("overview.col.geo", lang)),
}
TINT = {status_text(s, lang): f"background-color: {s.color}38" for s in STATUS_ORDER}
for p in vision.pillars:
    part = shown[shown["pijler"] == p.code].reset_index(drop=True)
    if part.empty:
        continue
    st.subheader(t("overview.pillar_head", lang, code=p.code, title=p.title_nl))
    styled = part.style.map(lambda v: TINT.get(v, ""), subset=["status"])   # colour beside symbol and word
    event = st.dataframe(styled, column_order=list(columns), column_config=columns, hide_index=True, width="stretch",
                         row_height=36, height=36 * (len(part) + 1) + 4, on_select="rerun", selection_mode="single-row", key=f"overzicht-{p.code}")
    rows = event.selection.rows if event else []
    if rows:
        st.switch_page(PILLAR_PAGES[p.code], query_params={QUERY_KEY: part.loc[rows[0], "ambitie"]})
