"""Mijn gemeente: the profile of one of the 13 municipalities (``/gemeente?nis=34027``), compared
with a second one (``&vs=34022``), with its printable fiche. Thin view over ``streek.profile`` and
``streek.export.fiche``."""
import pandas as pd
import streamlit as st

from pages.frame import page_lang
from pages.pillar_view import ambition_link
from pages.ui import BADGE_CSS, data_version, get_vision, status_badge
from streek import profile
from datetime import date

from streek.export.fiche import MIME, fiche_bytes, fiche_content
from streek.i18n import t

lang = page_lang()
vision = get_vision()
codes = profile.municipality_codes(vision)
names = {c: vision.geographies[c].name(lang) for c in codes}
st.markdown(BADGE_CSS, unsafe_allow_html=True)

# The URL is the view: ?nis= and ?vs= hold NIS codes (a selectbox bound to the URL would put the
# name there). A hand-typed unknown code is said, cut to 40 characters, and dropped.
for key in ("nis", "vs"):
    raw = st.query_params.get(key)
    if raw and raw not in codes:
        st.warning(t("profile.unknown", lang, code=raw[:40]))
        del st.query_params[key]
        raw = None
    st.session_state[key] = raw or ("34022" if key == "nis" else "")   # Kortrijk until the reader chooses


def _to_url(key: str) -> None:
    value = st.session_state[key]
    if value:
        st.query_params[key] = value
    else:
        st.query_params.pop(key, None)


title_slot = st.empty()     # the title names the chosen municipality: filled once it is known
c1, c2 = st.columns(2)
nis = c1.selectbox(t("profile.choose", lang), codes, format_func=names.get, key="nis", on_change=_to_url, args=("nis",))
vs = c2.selectbox(t("profile.compare", lang), ["", *[c for c in codes if c != nis]], key="vs",
                  format_func=lambda c: names.get(c) or t("profile.compare_none", lang), on_change=_to_url, args=("vs",))
if vs == nis:
    vs = ""

@st.cache_resource(show_spinner=False, max_entries=128)   # immutable content, per data version and language
def _content(nis: str, vs: str, lang: str, version: str, day: str):
    return fiche_content(get_vision(), nis, lang, vs=vs or None, today=date.fromisoformat(day))


today = date.today().isoformat()      # the fiche says the day it was made: part of the key
c = _content(nis, vs, lang, data_version(vision), today)          # what the page says is what the fiche says
title_slot.title(c.title)
st.caption(c.intro)

trend_col = t("profile.col.trend", lang)
table = pd.DataFrame([dict(zip(c.headers, (r.indicator, r.period, r.value, r.rank, r.region, r.province, r.flanders,
                                           r.change, r.share)), **{trend_col: list(r.trend) if len(r.trend) > 1 else None})
                      for r in c.rows])
# a wide table on a screen, a list of short cards on a phone (the same rows; CSS shows one of the two)
st.html("""<style>
@media (max-width: 640px) { .st-key-gemeente-tabel { display: none; } }
@media (min-width: 641px) { .st-key-gemeente-kaarten { display: none; } }
</style>""")
with st.container(key="gemeente-tabel"):
    st.dataframe(table, hide_index=True, width="stretch", row_height=35, height=35 * (len(table) + 1) + 20,
                 column_config={trend_col: st.column_config.LineChartColumn(width="small"),
                                c.headers[0]: st.column_config.TextColumn(width="medium", pinned=True)})
with st.container(key="gemeente-kaarten"):
    h = c.headers
    for r in c.rows:
        st.markdown(f"**{r.indicator}** · {r.period}  \n**{r.value}** · {h[3]}: {r.rank}  \n"
                    f"{h[4]} {r.region} · {h[5]} {r.province} · {h[6]} {r.flanders}  \n"
                    f"{r.change}" + (f" · {r.share}" if r.share else ""))
st.caption(f"{t('profile.sources', lang)}: " + "; ".join(c.sources))

if c.comparison:
    st.subheader(c.comparison_title)
    st.markdown("\n".join(f"- {s}" for s in c.comparison))

st.subheader(t("profile.ambitions", lang, name=c.name))
st.caption(t("profile.ambitions_intro", lang, name=c.name))
for pillar, group in c.ambitions.items():
    st.markdown(f"**{pillar}**")
    st.markdown("\n".join(f"- [{a.code}]({ambition_link(a.code, a.code[0])}) {a.title} "
                          f"({t('profile.area', lang, area=a.area)}) {status_badge(a.status, lang)}" for a in group),
                unsafe_allow_html=True)
if c.n_no_area:
    st.caption(t("profile.ambitions_none_area", lang, n=c.n_no_area))

st.subheader(t("profile.fiche", lang))


@st.cache_data(show_spinner=False, max_entries=64)
def _fiche(nis: str, vs: str, fmt: str, lang: str, version: str, day: str) -> bytes:
    return fiche_bytes(_content(nis, vs, lang, version, day), fmt)


f1, f2 = st.columns(2)
f1.download_button(t("profile.fiche_pdf", lang), data=lambda: _fiche(nis, vs, "pdf", lang, data_version(vision), today),
                   file_name=f"{c.file_stem}.pdf", mime=MIME["pdf"], icon=":material/picture_as_pdf:", on_click="ignore")
f2.download_button(t("profile.fiche_pptx", lang), data=lambda: _fiche(nis, vs, "pptx", lang, data_version(vision), today),
                   file_name=f"{c.file_stem}.pptx", mime=MIME["pptx"], icon=":material/slideshow:", on_click="ignore")
