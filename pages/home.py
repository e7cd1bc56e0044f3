"""Home page: the vision, its pillars and building blocks, and where the data come from."""
from collections import Counter

import streamlit as st

from pages.frame import page_lang
from pages.ui import BADGE_CSS, assessments, get_vision, status_badge
from streek.fmt import fmt_number
from streek.i18n import t
from streek.model import text_summary
from streek.progress import STATUS_ORDER

vision = get_vision()
lang = page_lang()
st.markdown(BADGE_CSS, unsafe_allow_html=True)
st.title(t("app.title", lang))
st.caption(t("home.period", lang, start=2020, end=2030, date=t("home.pub_date", lang)))
st.write(text_summary(vision.texts["vision"], lang))

n_amb = len({a.ambition for a in vision.ambitions})
st.header(t("home.pillars", lang, n_blocks=len(vision.building_blocks), n_ambitions=n_amb))
res = assessments(vision)
cols = st.columns(3)
for col, p in zip(cols, vision.pillars):
    with col:
        series = vision.ambitions_of(pillar=p.code)
        st.markdown(f"### {p.code}. {p.title_nl}")
        st.caption(t("home.n_ambitions", lang, n=len({a.ambition for a in series}), n_series=len(series)))
        st.write(p.summary(lang))
        for b in vision.blocks_of(p.code):
            st.markdown(f"- **{b.code}** {b.title_nl}")

st.header(t("home.status_overview", lang))
counts = Counter(r.status for r in res.values())
_lang_q = "&lang=EN" if lang == "en" else ""
# each count opens the overview filtered on that status (stable code in the URL: ?status=on_track)
st.markdown(" ".join(f'<a class="status-link" href="overzicht?status={s.value}{_lang_q}" target="_self">'
                     f'{status_badge(s, lang)} <span class="n">{fmt_number(counts.get(s, 0), lang=lang)}</span></a>' for s in STATUS_ORDER)
            + "<style>a.status-link{color:inherit;text-decoration:none;margin-right:.3rem;white-space:nowrap}"
              "a.status-link .n{text-decoration:underline;text-underline-offset:2px}"
              "a.status-link:hover .status-badge{text-decoration:underline}</style>",
            unsafe_allow_html=True)

st.header(t("home.sources", lang))
st.write(t("home.sources_text", lang))

# --- where the region lies (map work, issue 4) ----------------------------------------------------
from streek import geo as _geo  # noqa: E402
from streek.mapchart import locator_chart  # noqa: E402
from pages.widgets import show_chart  # noqa: E402


@st.cache_data(show_spinner=False, max_entries=4)
def _locator_specs(lang: str) -> tuple[dict, dict]:
    """The inset (province) and the region map as two specs, so that they stack on a phone.
    ``lang`` is part of the cache key (labels and tooltips)."""
    spec = locator_chart(lang=lang)
    common = {k: v for k, v in spec.items() if k not in ("hconcat", "spacing")}
    inset, region = ({**common, **part} for part in spec["hconcat"])
    region.pop("width", None)            # fills its column (the projection fits the width)
    return inset, region


st.header(t("home.region", lang))
_inset, _region = _locator_specs(lang)
_c1, _c2 = st.columns([1, 2.3], vertical_alignment="center")
show_chart(_inset, t("map.locator.alt", lang), where=_c1, width="content")
show_chart(_region, t("map.locator.alt", lang), where=_c2)
st.caption(t("map.locator.caption", lang, attribution=_geo.attribution(lang)))
st.page_link("pages/map.py", label=t("map.title", lang), icon=":material/map:")
st.page_link("pages/municipality_page.py", label=t("profile.nav_title", lang), icon=":material/location_city:")
