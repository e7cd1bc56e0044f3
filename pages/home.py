"""Home page: the vision, its pillars and building blocks, and where the data come from."""
import html
from collections import Counter

import streamlit as st

from pages.frame import page_lang
from pages.ui import BADGE_CSS, assessments, get_vision, heading_html, status_badge
from streek.fmt import fmt_number
from streek.i18n import doc_html, t
from streek.model import text_summary
from streek.progress import STATUS_ORDER

vision = get_vision()
lang = page_lang()
# st.html, not st.markdown(unsafe_allow_html=True): the frame already loads st.html's code, raw
# markdown would make the browser load rehype-raw (≈ 184 KB) for this page alone (issue 9)
st.html(BADGE_CSS)
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
        # the document's titles, marked as Dutch in English mode (st.html: Markdown takes no lang attribute)
        st.html(heading_html(3, f"{html.escape(p.code)}. {doc_html(p.title_nl, lang)}"))
        st.caption(t("home.n_ambitions", lang, n=len({a.ambition for a in series}), n_series=len(series)))
        st.write(p.summary(lang))
        st.html('<ul class="block-list">' + "".join(f"<li><strong>{html.escape(b.code)}</strong> {doc_html(b.title_nl, lang)}</li>"
                                                     for b in vision.blocks_of(p.code)) + "</ul>")

st.header(t("home.status_overview", lang))
counts = Counter(r.status for r in res.values())
_lang_q = "&lang=EN" if lang == "en" else ""
# each count opens the overview filtered on that status (stable code in the URL: ?status=on_track)
st.html(" ".join(f'<a class="status-link" href="overzicht?status={s.value}{_lang_q}" target="_self">'
                     f'{status_badge(s, lang)} <span class="n">{fmt_number(counts.get(s, 0), lang=lang)}</span></a>' for s in STATUS_ORDER)
            + "<style>a.status-link{color:inherit;text-decoration:none;margin-right:.3rem;white-space:nowrap}"
              "a.status-link .n{text-decoration:underline;text-underline-offset:2px}"
              "a.status-link:hover .status-badge{text-decoration:underline}</style>")

st.header(t("home.sources", lang))
st.write(t("home.sources_text", lang))

# --- where the region lies (map work, issue 4) ----------------------------------------------------
from streek import geo as _geo  # noqa: E402
from streek.mapchart import locator_chart  # noqa: E402
from pages.still_view import still_image, still_or_live  # noqa: E402
from pages.widgets import show_chart  # noqa: E402


@st.cache_resource(show_spinner=False, max_entries=4)
def _locator_specs(lang: str) -> tuple[dict, dict, dict]:
    """The inset (province) and the region map as two specs, so that they stack on a phone, plus
    the region map at its natural width for the still image. ``lang`` is part of the cache key
    (labels and tooltips). Shared by every session: never mutated (show_chart copies)."""
    spec = locator_chart(lang=lang)
    common = {k: v for k, v in spec.items() if k not in ("hconcat", "spacing")}
    inset, region = ({**common, **part} for part in spec["hconcat"])
    fill = {k: v for k, v in region.items() if k != "width"}   # fills its column (the projection fits the width)
    return inset, fill, region


def _locator(lang: str) -> None:
    """A still picture of both maps (no Vega to load: issue 9), interactive (a tooltip per
    municipality) after one click. ``geo/`` is read once per process (streek.geo), the same for
    every data version: the images are cached per language."""
    inset, fill, region = _locator_specs(lang)
    alt = t("map.locator.alt", lang)
    version = "geo"

    def still() -> None:
        c1, c2 = st.columns([1, 2.3], vertical_alignment="center")
        with c1:
            st.html(still_image("locator-inset", version, lang, inset, alt))
        with c2:
            st.html(still_image("locator-region", version, lang, region, alt))

    def live() -> None:
        c1, c2 = st.columns([1, 2.3], vertical_alignment="center")
        show_chart(inset, alt, where=c1, width="content", lang=lang)
        show_chart(fill, alt, where=c2, lang=lang)

    still_or_live("home-locator", still, live, lang, "map.locator.interactive")


st.header(t("home.region", lang))
_locator(lang)
st.caption(t("map.locator.caption", lang, attribution=_geo.attribution(lang)))
st.page_link("pages/map.py", label=t("map.title", lang), icon=":material/map:")
st.page_link("pages/municipality_page.py", label=t("profile.nav_title", lang), icon=":material/location_city:")
