"""Mijn gemeente: the profile of one of the 13 municipalities (``/gemeente?nis=34027``), compared
with a second one (``&vs=34022``), with its printable fiche. Thin view over ``streek.profile`` and
``streek.export.fiche``."""
import html

import pandas as pd
import streamlit as st

from pages.frame import page_lang
from pages.pillar_view import ambition_link
from pages.ui import BADGE_CSS, data_version, get_vision, lang_link, status_badge
from pages.widgets import data_downloads
from streek import profile
from datetime import date

from streek.export.fiche import MIME, fiche_bytes, fiche_content
from streek.figures import TABLE_CSS, html_table, sparkline
from streek.fmt import fmt_number, today_brussels
from streek.i18n import doc_html, t, t_html

lang = page_lang()
vision = get_vision()
codes = profile.municipality_codes(vision)
names = {c: vision.geographies[c].name(lang) for c in codes}
DEFAULT_NIS = "34022"      # Kortrijk, until the reader chooses

# The URL is the view, and the only state: ?nis= and ?vs= hold NIS codes (a widget bound to the URL would put the name
# there). A hand-typed unknown code is said, cut to 40 characters, and dropped.
for key in ("nis", "vs"):
    raw = st.query_params.get(key)
    if raw and raw not in codes:
        st.warning(t("profile.unknown", lang, code=raw[:40]))
        del st.query_params[key]
        raw = None
    st.session_state[key] = raw or (DEFAULT_NIS if key == "nis" else None)   # each run: the widgets show the URL
if st.session_state["vs"] == st.session_state["nis"]:      # a municipality is not compared with itself
    st.session_state["vs"] = None
    st.query_params.pop("vs", None)


def _to_url(key: str) -> None:
    """A click goes into the URL. A second click on the chosen municipality leaves the URL as it is
    (there is always one: the run shows it chosen again); on the compared one it ends the comparison."""
    value = st.session_state[key]
    if value:
        st.query_params[key] = value
    elif key == "vs":
        st.query_params.pop(key, None)


# The 13 names as pills, not drop-down lists: one click instead of two, every choice in sight, and no
# list-box code for the browser to load first (the drop-down's ~130 kB of script weighed this page at
# 1,55 x an empty page; the pills' code is already loaded for the language switch; issue 9)
title_slot = st.empty()     # the title names the chosen municipality: filled once it is known
nis = st.pills(t("profile.choose", lang), codes, format_func=names.get, key="nis", on_change=_to_url, args=("nis",))
vs = st.pills(t("profile.compare", lang), [c for c in codes if c != nis], key="vs", format_func=names.get,
              on_change=_to_url, args=("vs",)) or ""


@st.cache_resource(show_spinner=False, max_entries=128)   # immutable content, per data version and language
def _content(nis: str, vs: str, lang: str, version: str, day: str):
    return fiche_content(get_vision(), nis, lang, vs=vs or None, today=date.fromisoformat(day))


today = today_brussels().isoformat()      # the fiche says the day it was made (in Belgium): part of the key
c = _content(nis, vs, lang, data_version(vision), today)          # what the page says is what the fiche says
title_slot.title(c.title)
st.caption(c.intro)


@st.cache_resource(show_spinner=False, max_entries=128)   # per municipality, data version and language; never mutate
def _tables(nis: str, vs: str, lang: str, version: str, day: str):
    """The profile's rows three ways: the static table (HTML with still sparklines), the interactive
    grid's frame (trend as a list) and the download frame (the fiche's columns)."""
    c = _content(nis, vs, lang, version, day)
    trend_col = t("profile.col.trend", lang)
    rows = [dict(zip(c.headers, (r.indicator, r.period, r.value, r.rank, r.region, r.province, r.flanders, r.change,
                                 r.share))) for r in c.rows]
    spark = [sparkline(r.trend, t("profile.trend_alt", lang, n=fmt_number(len(r.trend), lang=lang),
                                  first=fmt_number(r.trend[0], lang=lang), last=fmt_number(r.trend[-1], lang=lang)))
             if len(r.trend) > 1 else "" for r in c.rows]
    static = pd.DataFrame([{**row, trend_col: s} for row, s in zip(rows, spark)], columns=[*c.headers, trend_col])
    table = html_table(static, t("profile.table_caption", lang, name=c.name), html_cols=(trend_col,),
                       row_header=c.headers[0], stack=True)
    grid = pd.DataFrame([{**row, trend_col: list(r.trend) if len(r.trend) > 1 else None} for row, r in zip(rows, c.rows)])
    return table, grid, pd.DataFrame(rows, columns=list(c.headers))


# One static table (the same rows as the fiche); on a phone every row becomes a short card. The
# interactive grid (sort, search, full screen) and CSV/XLSX downloads open below it on request.
table, grid, download = _tables(nis, vs, lang, data_version(vision), today)
trend_col = t("profile.col.trend", lang)
st.html(BADGE_CSS + TABLE_CSS + table)
data_downloads(download, key="gemeente", filename=c.file_stem, spec=None, table=grid,
               label=t("profile.interactive", lang), lazy=True, lang=lang,
               grid={"column_config": {trend_col: st.column_config.LineChartColumn(width="small"),
                                       c.headers[0]: st.column_config.TextColumn(width="medium", pinned=True)}})
st.caption(f"{t('profile.sources', lang)}: " + "; ".join(c.sources))

if c.comparison:
    st.subheader(c.comparison_title)
    st.markdown("\n".join(f"- {s}" for s in c.comparison))

st.subheader(t("profile.ambitions", lang, name=c.name))
st.caption(t("profile.ambitions_intro", lang, name=c.name))
# st.html, not markdown with raw HTML: the frame already loads st.html's code (no rehype-raw chunk)
st.html("".join(f"<p><strong>{t_html('pillars.page.title', lang, title, code=code)}</strong></p><ul>" + "".join(
    f'<li><a href="{html.escape(lang_link(ambition_link(a.code, a.code[0]), lang))}" target="_self">{html.escape(a.code)}</a> '
    f"{doc_html(a.title, lang)} ({html.escape(t('profile.area', lang, area=a.area))}) {status_badge(a.status, lang)}</li>"
    for a in group) + "</ul>" for (code, title), group in c.ambitions.items()))
if c.n_no_area:
    st.caption(t("profile.ambitions_none_area", lang, n=c.n_no_area))

st.subheader(t("profile.fiche", lang))


@st.cache_data(show_spinner=False, max_entries=64)
def _fiche(nis: str, vs: str, fmt: str, lang: str, version: str, day: str) -> bytes:
    return fiche_bytes(_content(nis, vs, lang, version, day), fmt)


# the two files are made when asked for, behind one click: download buttons would load their own
# script into every visitor's browser (issue 9)
box = st.expander(t("profile.fiche_open", lang), key="fiche", on_change="rerun", icon=":material/download:")
if box.open:
    with box:
        f1, f2 = st.columns(2)
        f1.download_button(t("profile.fiche_pdf", lang), data=lambda: _fiche(nis, vs, "pdf", lang, data_version(vision), today),
                           file_name=f"{c.file_stem}.pdf", mime=MIME["pdf"], icon=":material/picture_as_pdf:",
                           on_click="ignore")
        f2.download_button(t("profile.fiche_pptx", lang), data=lambda: _fiche(nis, vs, "pptx", lang, data_version(vision), today),
                           file_name=f"{c.file_stem}.pptx", mime=MIME["pptx"], icon=":material/slideshow:",
                           on_click="ignore")
