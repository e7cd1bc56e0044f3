"""Presentation mode: one ambition (or the map) per screen, large type, no navigation, a QR code
in the corner that opens the current ambition's normal card on a phone (``pijler-2?ambitie=2.1.2``;
the map screen: the map page), previous/next with the arrow keys, an Exit button, and the exports.
Charts use the projector theme (streek.theme).

URL: ``/presentatie?presentatie=1&pijler=2&i=3``."""
import base64
import html
from urllib.parse import urlsplit

import streamlit as st

from pages.frame import LANG_KEY, PRESENT_KEY, page_lang
from pages.notes_view import all_notes, notes_engine
from pages.pillar_view import card_bundle
from pages.ui import BADGE_CSS, assessments, data_version, facts_html, get_vision, heading_html, status_badge
from pages.still_view import still_image, still_or_live
from pages.widgets import show_chart
from streek import charts
from streek.export import MIME, build_content, export_bytes, selection
from streek.export.content import map_parts, map_ranking, series_of, unique_texts
from streek.i18n import DEFAULT_LANG, doc_html, t
from streek.qr import base_from_headers, qr_png, view_url

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; padding-left: 2.5rem; padding-right: 2.5rem; max-width: 100%; }
[data-testid="stMain"] .stMarkdown p, [data-testid="stMain"] .stMarkdown li,
[data-testid="stMain"] .card-facts { font-size: 1.45rem; line-height: 1.45; }
.card-facts { margin: 0 0 1rem; }
[data-testid="stMain"] h2 { font-size: 2.5rem; line-height: 1.2; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p, [data-testid="stMain"] .card-caption { font-size: 1.1rem; }
.present-badge { display: inline-block; border: 3px solid; border-radius: 1.2rem; padding: .1rem .9rem;
  font-weight: 700; font-size: 1.5rem; white-space: nowrap; }
.present-badge.small { font-size: 1.05rem; border-width: 2px; padding: 0 .6rem; }
.present-series { font-size: 1.45rem; line-height: 1.4; margin: .6rem 0 .5rem; }   /* as large as the facts under it */
.st-key-present-prev button p, .st-key-present-next button p, .st-key-present-exit button p { font-size: 1.2rem; font-weight: 600; }
.st-key-present-prev kbd, .st-key-present-next kbd { display: none; }   /* one arrow per button: the label's */
.st-key-present-qr img { width: 240px !important; height: 240px !important; image-rendering: pixelated; }
/* on a phone itself: no QR code to open the card on a phone, no arrow keys, type for a hand-held screen */
@media (max-width: 640px) {
  .st-key-present-qr, .st-key-present-keys { display: none !important; }
  /* and the QR code's column itself: empty, it kept the columns' large gap (~100 px of white under the buttons) */
  [data-testid="stColumn"]:has(.st-key-present-qr) { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding-left: 1rem; padding-right: 1rem; }
  [data-testid="stMain"] h2 { font-size: 1.6rem; }
  [data-testid="stMain"] .stMarkdown p, [data-testid="stMain"] .stMarkdown li, [data-testid="stMain"] .card-facts,
  .present-series { font-size: 1.1rem; }
  .present-badge { font-size: 1.15rem; }
}
/* the map fills the screen under the top bar (with the heading beside the QR code), its legend included and
   its "Interactieve grafiek" button under it (1920 x 1080: 680 px high; on a smaller screen at least half its height) */
img.present-map { width: auto !important; height: min(max(calc(100vh - 400px), 50vh), 56vw) !important; max-width: 100% !important; }
/* beside it the 13 from the highest value to the lowest, in type that reads from the back of the room */
.present-rank { font-size: 1.35rem; line-height: 1.45; border-collapse: collapse; }
.present-rank caption { caption-side: top; text-align: left; font-size: 1.3rem; font-weight: 600; padding-bottom: .4rem; }
.present-rank thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.present-rank td { padding: 0 .8rem 0 0; border: 0; }
.present-rank td.r { text-align: right; color: rgba(17,20,24,.6); }
.present-rank td.v { text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; padding: 0 0 0 1.5rem; }
@media (max-width: 640px) { .present-rank, .present-rank caption { font-size: 1.05rem; } }
</style>
"""

vision = get_vision()
lang = page_lang()
pillars = [p.code for p in vision.pillars]


def _param(name: str, default: str) -> str:
    v = st.query_params.get(name)
    return v if v else default


pillar = _param("pijler", "2" if "2" in pillars else pillars[0])
if pillar not in pillars:
    pillar = pillars[0]
codes = charts.document_ambitions(vision, pillar)
screens = codes + ["kaart"]
try:
    i = int(_param("i", "1"))
except ValueError:
    i = 1
i = min(max(i, 1), len(screens))

# canonical URL of this view; the CSS below hides the navigation (st.navigation(position="hidden")
# makes Streamlit's frontend report "Page not found" on a deep link, so it is not used)
st.query_params[PRESENT_KEY] = "1"
st.query_params["pijler"] = pillar
st.query_params["i"] = str(i)

st.html(BADGE_CSS + CSS)   # the card's heading styles (pages/ui.heading_html), then the projector's sizes


def _go(delta: int) -> None:
    cur = int(st.query_params.get("i", "1"))
    st.query_params["i"] = str(min(max(cur + delta, 1), len(screens)))


def _pillar_changed() -> None:
    st.query_params["pijler"] = st.session_state["present-pillar"]
    st.query_params["i"] = "1"


def card_path(screen: str) -> tuple[str, dict[str, str]]:
    """URL path and parameters of the normal view of a screen: the pillar page with the ambition's
    card open, or the map page (what a phone in the audience should open, not presentation mode)."""
    params = {LANG_KEY: lang.upper()} if lang != DEFAULT_LANG else {}
    if screen == "kaart":      # the map on the screen (indicator, year, view), not the map page's default
        return "kaart", (built[0].link_params() if built else {}) | params
    return f"pijler-{pillar}", {"ambitie": screen} | params


def current_link() -> str | None:
    """The absolute link of this screen's normal card view (st.context.url is scheme, host and page path)."""
    host = None
    if st.context.url:
        parts = urlsplit(st.context.url)
        host = f"{parts.scheme}://{parts.netloc}"
    host = host or base_from_headers(st.context.headers)
    if not host:
        return None
    path, params = card_path(screens[i - 1])
    return view_url(f"{host}/{path}", params)


@st.cache_data(show_spinner=False, max_entries=24)
def _export(scope: str, choice: tuple, fmt: str, language: str, version: str, notes_key: tuple, _vision, _notes) -> bytes:
    """The deck or PDF of a pillar, a building block or picked ambitions (cached per choice,
    data version, language and notes)."""
    kw = {"pillar": choice[0]} if scope == "pillar" else {"block": choice[0]} if scope == "block" else {"ambitions": list(choice)}
    sel, subtitle = selection(_vision, lang=language, **kw)
    content = build_content(_vision, sel, subtitle, notes=_notes, lang=language,
                            pillar=choice[0] if scope == "pillar" else None)
    return export_bytes(content, fmt)


@st.cache_data(show_spinner=False, max_entries=128)
def _chart_spec(code: str, version: str, language: str, _vision, _res: dict) -> dict:
    """The ambition's chart in the projector theme as a Vega-Lite dict, built once per (ambition,
    data, language)."""
    group = series_of(_vision, code)
    return charts.ambition_chart(_vision, code, _res if len(group) > 1 else _res[group[0].code],
                                 theme="projector", lang=language).to_dict(validate=False)


# The chart column at 1920 px is about 1 080 px wide: a plot 850 px wide plus its axes and legend
# fills it at 1:1, so the still image keeps the projector theme's type size (smaller screens shrink it).
STILL_WIDTH = 850


def _screen_chart(code: str, spec: dict, alt: str, still_spec: dict, css_class: str = "streek-still",
                  narrow: tuple | None = None, **kw) -> None:
    """A screen's chart as a still SVG image (no Vega to load: issue 9), interactive (tooltips)
    after one click; the click reruns the chart only (st.fragment). ``narrow``: (spec, height) of
    the layout a phone gets instead of the projector's (whose type would shrink to ~5 px there)."""
    def still() -> None:
        st.html(still_image(f"present-{code}", data_version(vision), lang, still_spec, alt, css_class, _narrow=narrow))

    def live() -> None:
        show_chart(spec, alt, key=f"present-chart-{code}", lang=lang, **kw)

    still_or_live(f"present-{code}", still, live, lang)


@st.cache_resource(show_spinner=False, max_entries=16)
def _map(pillar: str, version: str, language: str, _vision):
    """The map screen's parts (``content.map_parts``: spec, caption, ranking) and the ranking as HTML, built
    once per (pillar, data version, language); shared, never mutated."""
    parts = map_parts(_vision, pillar, lang=language)
    return None if parts is None else (parts, ranking_html(parts, language))


def ranking_html(parts, language: str) -> str:
    """The 13 municipalities from the highest value to the lowest, beside the map: on a projector the
    colours tell the order, the numbers are read here (large type, one row each). A table with its
    caption and a header row for screen readers (hidden on screen: the caption says what the rows are)."""
    title, ranked = map_ranking(parts, language)
    rows = "".join(f'<tr><td class="r">{i}.</td><td>{html.escape(name)}</td><td class="v">{html.escape(value)}</td></tr>'
                   for i, (name, value) in enumerate(ranked, 1))
    head = "".join(f'<th scope="col">{html.escape(t(k, language))}</th>'
                   for k in ("map.table.rank", "map.table.municipality", "map.table.value"))
    return (f'<table class="present-rank"><caption>{html.escape(title)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _notes():
    eng = notes_engine(lang)
    return all_notes(eng, lang) if eng is not None else []


def badge(status, small: bool = False) -> str:
    return status_badge(status, lang, "present-badge small" if small else "present-badge")


# --- the screen's heading (drawn in the top bar, beside the QR code) ---------------------------------
screen = screens[i - 1]
if screen == "kaart":
    heading = heading_html(2, html.escape(t('deck.map_title', lang)))     # as the other screens' headings: one light element
    built = _map(pillar, data_version(vision), lang, vision)
else:
    group = series_of(vision, screen)
    res_all = assessments(vision)
    res = {a.code: res_all[a.code] for a in group}
    # the same card model as the pillar page and the deck, built once per (ambition, data version, language)
    b = card_bundle(screen, data_version(vision), lang, vision, res)
    card = b["card"]
    heading = heading_html(2, f"{html.escape(screen)} · {doc_html(card.title, lang)}", card.meta)   # heading and its place


# --- top bar --------------------------------------------------------------------------------------
bar, qr_col = st.columns([5, 1], gap="large")
with bar:
    c_pillar, c_prev, c_count, c_next, c_more, c_exit = st.columns([2.4, 1.7, 1.8, 1.7, 2.6, 1.4],
                                                                   vertical_alignment="center")
    c_pillar.segmented_control(t("present.pillar", lang), pillars, default=pillar, key="present-pillar", required=True,
                               format_func=lambda p: f"{t('present.pillar', lang)} {p}", on_change=_pillar_changed,
                               label_visibility="collapsed")
    c_prev.button(t("present.prev", lang), on_click=_go, args=(-1,), shortcut="Left",     # the arrow is in the label
                  disabled=i <= 1, key="present-prev", width="stretch")
    c_count.markdown(t("present.screen", lang, i=i, n=len(screens)))
    c_next.button(t("present.next", lang), on_click=_go, args=(1,),
                  shortcut="Right", disabled=i >= len(screens), key="present-next", width="stretch")
    if c_exit.button(t("present.exit", lang), icon=":material/close:", key="present-exit", type="primary", width="stretch"):
        path, qp = card_path(screens[i - 1])
        del st.query_params[PRESENT_KEY]
        st.switch_page(f"pages/pillar_{pillar}.py" if path != "kaart" else "pages/map.py", query_params=qp)
    with c_more.popover(t("present.downloads", lang), icon=":material/download:"):
        version = data_version(vision)
        with_notes = st.checkbox(t("present.with_notes", lang), value=False, key="present-with-notes")
        notes = _notes() if with_notes else None      # notes go into the deck only when the presenter asks
        notes_key = tuple((n.id, n.created_at.isoformat()) for n in notes) if notes is not None else None
        scopes = {t(f"present.scope.{k}", lang): k for k in ("pillar", "block", "pick")}   # labels as options: no
        scope = scopes[st.radio(t("present.scope", lang), list(scopes), horizontal=True)]  # format_func outside the run
        if scope == "pillar":
            choice = (pillar,)
        elif scope == "block":
            blocks = [b.code for b in vision.blocks_of(pillar)]
            choice = (st.selectbox(t("present.block", lang), blocks, key="present-block",
                                   format_func=lambda c: f"{c} {next(b.title_nl for b in vision.building_blocks if b.code == c)}"),)
        else:
            all_codes = charts.document_ambitions(vision)
            here = [screens[i - 1]] if screens[i - 1] != "kaart" else []
            choice = tuple(st.multiselect(t("present.pick", lang), all_codes, default=here, key="present-pick"))
        name = "-".join(choice) if scope != "pick" else str(len(choice))
        for fmt, label in (("pptx", t("present.download_pptx", lang)), ("pdf", t("present.download_pdf", lang))):
            st.download_button(label, lambda f=fmt, sc=scope, ch=choice: _export(sc, ch, f, lang, version, notes_key, vision, notes),
                               file_name=t(f"deck.file.{scope}", lang, name=name) + f".{fmt}", mime=MIME[fmt], on_click="ignore",
                               key=f"present-dl-{fmt}", disabled=not choice,
                               icon=":material/slideshow:" if fmt == "pptx" else ":material/picture_as_pdf:")
    with st.container(key="present-keys"):
        st.caption(t("present.keys_hint", lang))
    st.html(heading)     # the screen's heading beside the QR code: one band above the screen, not two
with qr_col:
    link = current_link()
    if link:
        with st.container(key="present-qr"):
            # in the page itself (a data: URL in st.html): no image component for the browser to load
            # first and no second request for the picture (issue 9)
            st.html(f'<img class="present-qr-img" src="data:image/png;base64,{base64.b64encode(qr_png(link)).decode()}" '
                    f'width="240" height="240" alt="{html.escape(t("present.qr_alt", lang, url=link))}">')
            st.caption(t("present.qr_caption_map" if screen == "kaart" else "present.qr_caption", lang))

# --- the screen -----------------------------------------------------------------------------------
if screen == "kaart":
    if built is None:
        st.info(t("present.map_not_ready", lang))
    else:
        parts, ranking = built
        left, right = st.columns(2, gap="large")
        with left:
            _screen_chart(f"kaart-{pillar}", parts.chart, f"{t('deck.map_title', lang)}. {parts.caption}", parts.chart,
                          "streek-still present-map")   # named for screen readers
        with right:
            st.html(ranking)
            st.caption(parts.caption)
else:
    head = group[0]
    chart = _chart_spec(screen, data_version(vision), lang, vision, res)
    # on a phone: the pillar card's own phone layout (the same picture as on its pillar page)
    phone = (b["export"], b["spec"].get("height"))
    source = t("deck.source", lang) + ": " + "; ".join(unique_texts(sc.annex_source for sc in card.series if sc.annex_source))
    if not card.multi:
        sc = card.series[0]
        left, right = st.columns([2, 3], gap="large")
        with left:
            st.html(badge(sc.status) + facts_html(sc))     # one element: badge and facts
        with right:
            _screen_chart(screen, chart, f"{screen} · {head.title_nl}", {**chart, "width": STILL_WIDTH}, narrow=phone,
                          theme=None)
            st.caption(source)
    else:   # sub-targets: one compact block per series beside the shared chart
        left, right = st.columns([3, 2], gap="large")
        with left:
            _screen_chart(screen, chart, f"{screen} · {head.title_nl}", {**chart, "width": STILL_WIDTH}, narrow=phone,
                          theme=None)
            st.caption(source)
        with right:
            for sc in card.series:
                st.html(f'<div class="present-series"><b>{html.escape(sc.code)}</b> · {html.escape(sc.series_title)}'
                        f'<br>{badge(sc.status, small=True)}</div>' + facts_html(sc))
    if lang != DEFAULT_LANG:
        st.caption(t("lang.data_stays_dutch", lang))
