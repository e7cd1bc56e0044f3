"""Overview: every ambition at a glance, grouped by pillar, with filters kept in the URL."""
from collections import Counter

import streamlit as st

from pages.frame import page_lang
from pages.pillar_view import PILLAR_PAGES, QUERY_KEY, redirect_if_elsewhere
from pages.ui import BADGE_CSS, assessments, code_pills, data_version, get_vision, status_badge
from streek import charts
from streek.db.safe import escape_markdown
from streek.fmt import fmt_number
from streek.card import status_text
from streek.i18n import t
from streek.progress import STATUS_ORDER, Status

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
                   format_func=lambda c: f"{c}. {vision.pillar(c).title_nl}", key="pijler", bind="query-params",
                   wrap=True)
statuses = code_pills(t("overview.filter.status", lang), [s.value for s in STATUS_ORDER],  # ?status=on_track
                      lambda v: status_text(v, lang), key="status")
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

# The code is the link to the card (one column less); fixed widths so that all columns fit the
# main area at 1440 px with the sidebar open (about 950 px). A phone gets a list of cards instead.
columns = {
    "open": st.column_config.LinkColumn(t("overview.col.code", lang), display_text=r"ambitie=(.+)$", width=78, pinned=True,
                                        help=t("overview.select_hint", lang)),
    "titel": st.column_config.TextColumn(t("overview.col.title", lang), width=198),
    "status": st.column_config.TextColumn(t("overview.col.status", lang), width=178),
    "laatste": st.column_config.TextColumn(t("overview.col.latest", lang), width=165),
    "doel": st.column_config.TextColumn(t("overview.col.target", lang), width=112),
    "metingen": st.column_config.LineChartColumn(t("overview.col.trend", lang), help=t("overview.col.trend_help", lang), width=70),
    "gebied": st.column_config.TextColumn(t("overview.col.geo", lang), width=110),
}
st.html("""<style>
@media (max-width: 640px) { .st-key-overzicht-tabel { display: none; } }
@media (min-width: 641px) { .st-key-overzicht-kaarten { display: none; } }
</style>""")
TINT = {status_text(s, lang): f"background-color: {s.color}38" for s in STATUS_ORDER}
wide, cards = st.container(key="overzicht-tabel"), st.container(key="overzicht-kaarten")
for p in vision.pillars:
    part = shown[shown["pijler"] == p.code].reset_index(drop=True)
    if part.empty:
        continue
    part["open"] = [f"pijler-{p.code}?ambitie={c}" for c in part["code"]]
    with wide:
        st.subheader(t("overview.pillar_head", lang, code=p.code, title=p.title_nl))
        styled = part.style.map(lambda v: TINT.get(v, ""), subset=["status"])   # colour beside symbol and word
        event = st.dataframe(styled, column_order=list(columns), column_config=columns, hide_index=True, width="stretch",
                             row_height=36, height=36 * (len(part) + 1) + 4, on_select="rerun", selection_mode="single-row",
                             key=f"overzicht-{p.code}")
    rows = event.selection.rows if event else []
    if rows:
        st.switch_page(PILLAR_PAGES[p.code], query_params={QUERY_KEY: part.loc[rows[0], "ambitie"]})
    with cards:   # phone: one short card per series, the code opens the card
        st.subheader(t("overview.pillar_head", lang, code=p.code, title=p.title_nl))
        for r in part.itertuples():
            st.markdown(f"**[{r.code}]({r.open})** {escape_markdown(r.titel)}  \n"
                        f"{status_badge(Status(r.status_code), lang)} · {escape_markdown(r.laatste)} → "
                        f"{escape_markdown(r.doel)} · {escape_markdown(r.gebied)}", unsafe_allow_html=True)
