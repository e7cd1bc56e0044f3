"""Presentation mode: one ambition (or the map) per screen, large type, no navigation, a QR code
in the corner that opens the current ambition's normal card on a phone (``pijler-2?ambitie=2.1.2``;
the map screen: the map page), previous/next with the arrow keys, an Exit button, and the exports.
Charts use the projector theme (streek.theme).

URL: ``/presentatie?presentatie=1&pijler=2&i=3``."""
import html
from urllib.parse import urlsplit

import streamlit as st

from pages.frame import LANG_KEY, PRESENT_KEY
from pages.ui import assessments, get_vision
from pages.widgets import show_chart
from streek import charts
from streek.export import MIME, build_content, export_bytes, selection
from streek.export.content import (baseline_text, latest_text, map_for, needed_text, series_of, target_text,
                                   unique_texts)
from streek.i18n import DEFAULT_LANG, get_language, t
from streek.qr import base_from_headers, qr_png, view_url

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; padding-left: 2.5rem; padding-right: 2.5rem; max-width: 100%; }
[data-testid="stMain"] .stMarkdown p, [data-testid="stMain"] .stMarkdown li { font-size: 1.45rem; line-height: 1.45; }
[data-testid="stMain"] h2 { font-size: 2.5rem; line-height: 1.2; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.1rem; }
.present-badge { display: inline-block; border: 3px solid; border-radius: 1.2rem; padding: .1rem .9rem;
  font-weight: 700; font-size: 1.5rem; white-space: nowrap; }
.present-badge.small { font-size: 1.05rem; border-width: 2px; padding: 0 .6rem; }
.present-series { font-size: 1.15rem; line-height: 1.5; margin-bottom: .9rem; }
.st-key-present-prev button p, .st-key-present-next button p, .st-key-present-exit button p { font-size: 1.2rem; font-weight: 600; }
.st-key-present-prev kbd, .st-key-present-next kbd { display: none; }   /* one arrow per button: the label's */
.st-key-present-qr img { width: 240px !important; height: 240px !important; }
</style>
"""

vision = get_vision()
lang = get_language()
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

st.html(CSS)


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
    if screen == "kaart":
        return "kaart", params
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


@st.cache_resource(show_spinner=False)
def _version(_vision, vid: int) -> str:
    return charts.data_version(_vision)


@st.cache_data(show_spinner=False, max_entries=128)
def _chart_spec(code: str, version: str, language: str, _vision, _res: dict) -> dict:
    """The ambition's chart in the projector theme as a Vega-Lite dict, built once per (ambition,
    data, language)."""
    group = series_of(_vision, code)
    return charts.ambition_chart(_vision, code, _res if len(group) > 1 else _res[group[0].code],
                                 theme="projector").to_dict(validate=False)


def _notes():
    try:
        from pages.notes_view import all_notes, notes_engine
        eng = notes_engine()
        return all_notes(eng) if eng is not None else []
    except ImportError:
        return []


def badge(status, small: bool = False) -> str:
    return (f'<span class="present-badge{" small" if small else ""}" style="border-color:{status.color};">'
            f'<span aria-hidden="true" style="color:{status.color};">{status.symbol}</span> '
            f"{t(f'deck.status.{status.value}')}</span>")


# --- top bar --------------------------------------------------------------------------------------
bar, qr_col = st.columns([5, 1], gap="large")
with bar:
    c_pillar, c_prev, c_count, c_next, c_more, c_exit = st.columns([2.4, 1.7, 1.8, 1.7, 2.6, 1.4],
                                                                   vertical_alignment="center")
    c_pillar.segmented_control(t("present.pillar"), pillars, default=pillar, key="present-pillar", required=True,
                               format_func=lambda p: f"{t('present.pillar')} {p}", on_change=_pillar_changed,
                               label_visibility="collapsed")
    c_prev.button(t("present.prev", lang), on_click=_go, args=(-1,), shortcut="Left",     # the arrow is in the label
                  disabled=i <= 1, key="present-prev", width="stretch")
    c_count.markdown(t("present.screen", i=i, n=len(screens)))
    c_next.button(t("present.next", lang), on_click=_go, args=(1,),
                  shortcut="Right", disabled=i >= len(screens), key="present-next", width="stretch")
    if c_exit.button(t("present.exit", lang), icon=":material/close:", key="present-exit", type="primary", width="stretch"):
        path, qp = card_path(screens[i - 1])
        del st.query_params[PRESENT_KEY]
        st.switch_page(f"pages/pillar_{pillar}.py" if path != "kaart" else "pages/map.py", query_params=qp)
    with c_more.popover(t("present.downloads"), icon=":material/download:"):
        version = _version(vision, id(vision))
        with_notes = st.checkbox(t("present.with_notes", lang), value=False, key="present-with-notes")
        notes = _notes() if with_notes else None      # notes go into the deck only when the presenter asks
        notes_key = tuple((n.id, n.created_at.isoformat()) for n in notes) if notes is not None else None
        scopes = {t(f"present.scope.{k}"): k for k in ("pillar", "block", "pick")}   # labels as options: no
        scope = scopes[st.radio(t("present.scope"), list(scopes), horizontal=True)]  # format_func outside the run
        if scope == "pillar":
            choice = (pillar,)
        elif scope == "block":
            blocks = [b.code for b in vision.blocks_of(pillar)]
            choice = (st.selectbox(t("present.block"), blocks, key="present-block",
                                   format_func=lambda c: f"{c} {next(b.title_nl for b in vision.building_blocks if b.code == c)}"),)
        else:
            all_codes = charts.document_ambitions(vision)
            here = [screens[i - 1]] if screens[i - 1] != "kaart" else []
            choice = tuple(st.multiselect(t("present.pick"), all_codes, default=here, key="present-pick"))
        name = "-".join(choice) if scope != "pick" else str(len(choice))
        for fmt, label in (("pptx", t("present.download_pptx")), ("pdf", t("present.download_pdf"))):
            st.download_button(label, lambda f=fmt, sc=scope, ch=choice: _export(sc, ch, f, lang, version, notes_key, vision, notes),
                               file_name=t(f"deck.file.{scope}", lang, name=name) + f".{fmt}", mime=MIME[fmt], on_click="ignore",
                               key=f"present-dl-{fmt}", disabled=not choice,
                               icon=":material/slideshow:" if fmt == "pptx" else ":material/picture_as_pdf:")
    st.caption(t("present.keys_hint"))
with qr_col:
    link = current_link()
    if link:
        with st.container(key="present-qr"):
            st.image(qr_png(link), width=240, alt=t("present.qr_alt", url=link))
        st.caption(t("present.qr_caption"))

# --- the screen -----------------------------------------------------------------------------------
screen = screens[i - 1]
if screen == "kaart":
    st.markdown(f"## {t('deck.map_title')}")
    built = map_for(vision, pillar)
    if built is None:
        st.info(t("present.map_not_ready"))
    else:
        chart, caption = built
        show_chart(chart, f"{t('deck.map_title')}. {caption}", key="present-map")   # named for screen readers
        st.caption(caption)
else:
    group = series_of(vision, screen)
    res_all = assessments(vision)
    res = {a.code: res_all[a.code] for a in group}
    head = group[0]
    st.markdown(f"## {screen} · {head.title_nl}")
    st.caption(t("deck.page", page=head.page) + " · " + t("deck.geography") + ": " + vision.geo_name(head.geography))
    chart = _chart_spec(screen, _version(vision, id(vision)), lang, vision, res)
    source = t("deck.source") + ": " + "; ".join(unique_texts(a.source_nl for a in group if a.source_nl))
    if len(group) == 1:
        r = res[head.code]
        left, right = st.columns([2, 3], gap="large")
        with left:
            st.markdown(badge(r.status), unsafe_allow_html=True)
            lines = [f"**{t('deck.baseline')}:** {baseline_text(head)}", f"**{t('deck.target')}:** {target_text(head)}",
                     f"**{t('deck.latest')}:** {latest_text(head, r)}"]
            if needed_text(r):
                lines.append(needed_text(r))
            st.markdown("  \n".join(lines))
        with right:
            show_chart(chart, f"{screen} · {head.title_nl}", key=f"present-chart-{screen}", theme=None)
            st.caption(source)
    else:   # sub-targets: one compact row per series beside the shared chart
        left, right = st.columns([3, 2], gap="large")
        with left:
            show_chart(chart, f"{screen} · {head.title_nl}", key=f"present-chart-{screen}", theme=None)
            st.caption(source)
        with right:
            for a in group:
                r = res[a.code]
                latest = ""
                if r.latest_value is not None and r.latest_period != a.baseline_period:
                    latest = f"<br>{html.escape(t('deck.latest'))}: {html.escape(latest_text(a, r))}"
                st.markdown(f'<div class="present-series"><b>{html.escape(a.code)}</b> · {html.escape(a.series_nl or a.indicator_nl)}'
                            f'<br>{badge(r.status, small=True)} {html.escape(baseline_text(a))} → {html.escape(target_text(a))}'
                            f'{latest}</div>', unsafe_allow_html=True)
    if lang != DEFAULT_LANG:
        st.caption(t("lang.data_stays_dutch"))
