"""The shared view of a pillar page: per building block its title and summary, per ambition a card.

A card states the ambition (the document's title), its geography, baseline -> target, the latest
measurement with year and source, the progress status (word, symbol and colour) with its reason,
and one chart (``streek.charts``) with source, data table and downloads. ``?ambitie=CODE`` opens
the page of that ambition and scrolls to its card.
"""
from __future__ import annotations

import html
import json
from urllib.parse import urlencode, urlsplit

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from pages.frame import page_lang
from pages.jump import block_anchor, block_selector
from pages.ui import (BADGE_CSS, assessments, caption_html, data_version, facts_html, get_vision, heading_html,
                      status_badge)
from pages.whatif import card_extras
from pages.notes_view import page_notes
from pages.still_view import LIVE, live_on_scroll, still_image, still_or_live
from pages.widgets import chart_block, data_downloads
from streek import charts, download
from streek.a11y import echo
from streek.db.safe import escape_markdown
from streek.card import SeriesCard, build_card
from streek.i18n import doc_html, t, t_html
from streek.mapdata import has_municipal_values, map_url
from streek.model import Ambition, Vision
from streek.progress import Assessment

QUERY_KEY = "ambitie"
PILLAR_PAGES = {"1": "pages/pillar_1.py", "2": "pages/pillar_2.py", "3": "pages/pillar_3.py"}
PILLAR_PATHS = {"1": "pijler-1", "2": "pijler-2", "3": "pijler-3"}


# --- deep links ---------------------------------------------------------------------------------
def anchor_key(code: str) -> str:
    """The container key of a card; Streamlit renders it as the CSS class ``st-key-<key>``."""
    return "ambitie-" + code.replace(".", "-")


def resolve_ambition(vision: Vision, raw: str | None) -> tuple[str, str] | None:
    """``?ambitie=`` value -> (document ambition code, pillar), for ambition and series codes."""
    if not raw:
        return None
    code = raw.strip()
    if vision.has_ambition(code):
        a = vision.ambition(code)
        return a.ambition, a.pillar
    group = [a for a in vision.ambitions if a.ambition == code]
    if group:
        return code, group[0].pillar
    return None


def ambition_link(code: str, pillar: str) -> str:
    """Relative URL of a card: ``pijler-2?ambitie=2.1.2``."""
    return f"{PILLAR_PATHS[pillar]}?{urlencode({QUERY_KEY: code})}"


def absolute_link(code: str, pillar: str) -> str:
    """The full URL to share, built on the address the reader is using."""
    rel = ambition_link(code, pillar)
    try:
        url = st.context.url
    except Exception:  # no browser session (AppTest): a relative link still works
        url = None
    if not url:
        return rel
    parts = urlsplit(url)
    path = parts.path.rsplit("/", 1)[0] if parts.path.rsplit("/", 1)[-1] else parts.path.rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}/{rel}"


def redirect_if_elsewhere(vision: Vision, pillar: str | None, lang: str) -> str | None:
    """Read ``?ambitie=``; switch to the right pillar page when it belongs elsewhere.

    Returns the selected document ambition code on its own page, else None (a warning is shown
    for an unknown code)."""
    raw = st.query_params.get(QUERY_KEY)
    if not raw:
        return None
    found = resolve_ambition(vision, raw)
    if found is None:
        st.warning(t("pillars.deeplink.unknown", lang, code=echo(raw)))
        return None
    code, right = found
    if right != pillar:
        st.switch_page(PILLAR_PAGES[right], query_params={QUERY_KEY: raw})
    return code


def scroll_to(code: str) -> None:
    """Scroll the parent document to the card (retries while charts still change the layout;
    stops as soon as the reader scrolls or types)."""
    sel = json.dumps(".st-key-" + anchor_key(code))
    st.html(f"""<script>
(function() {{
  var stop = false, n = 0;
  var halt = function() {{ stop = true; }};
  ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function(e) {{
    window.addEventListener(e, halt, {{once: true, passive: true}});
  }});
  function go() {{
    if (stop) return;
    var el = document.querySelector({sel});
    if (el) {{
      el.style.scrollMarginTop = '4.5rem';   /* clear Streamlit's fixed header */
      el.scrollIntoView({{block: 'start'}});
      el.setAttribute('data-deeplinked', 'true');
    }}
    if (++n < 12) setTimeout(go, 350);
  }}
  go();
}})();
</script>""", unsafe_allow_javascript=True, width="content")


# --- cached chart specs ---------------------------------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=256)
def card_bundle(code: str, version: str, lang: str, _vision: Vision, _res: dict[str, Assessment]) -> dict:
    """Everything a card shows, built once per (code, data version, language): the chart spec (its
    dataset already as Arrow bytes, so a rerun converts nothing), the spec for PNG/SVG, the data
    table, the CSV, and the card's texts. One shared object for every session (``cache_resource``:
    a rerun copies nothing); never mutate it."""
    chart, df = charts.build_chart(_vision, code, _res, lang=lang)
    group = charts.series_of(_vision, code)
    csv = download.chart_frame(df, {a.code: a.unit for a in group}, lang, {a.code: a.target_kind for a in group})
    full = chart.to_dict(validate=False)
    screen = dict(full)
    screen["datasets"] = {name: dataframe_util.convert_anything_to_arrow_bytes(pd.DataFrame(rows))
                          for name, rows in full["datasets"].items()}
    table = charts.data_table(df, lang=lang)
    c = build_card(_vision, code, lang, _res)
    return {
        "spec": screen, "export": json.dumps(full, sort_keys=True), "table": pa.Table.from_pandas(table, preserve_index=False),
        "csv": download.to_csv(csv, lang),
        "csv_frame": csv, "alt": charts.chart_alt_text(_vision, code, _res, lang=lang),
        "source": chart_source(_vision, group, table, df, lang),
        # the still's source under it, in the same st.html element (plain text, escaped as HTML)
        "still_caption": caption_html(chart_source(_vision, group, table, df, lang, escape=str)),
        # the card's heading and where it stands in the document, as one element
        "head": heading_html(4, f"{html.escape(code)} · {doc_html(c.title, lang)}", c.meta),
        "facts": [series_facts(sc, c.multi) for sc in c.series],
        "map_codes": [a.code for a in group if has_municipal_values(_vision, a.code)],
        "card": c,            # the card model itself (meta, title, series) for every view of this card
    }


def card_chart(b: dict, code: str, version: str, lang: str, live: bool, share: float = 1.0) -> None:
    """The chart of a card (``pages/still_view``, as on the other pages): first a still SVG image with
    its source, an "Interactieve grafiek" button and a lazy "Data en downloads" expander; the
    interactive Vega chart once the reader asks, or scrolls to the card (``still_view.live_on_scroll``,
    which presses that button), or at once for the deep-linked card. The click reruns this card's
    fragment, not the page. The still image is as high as the interactive chart: the swap moves nothing;
    ``share``: the chart's share of the card's width (the still is laid out for it)."""
    key = anchor_key(code)
    chart_key, filename = f"chart-{key}", t("download.file.ambition", lang, code=code)
    if live:
        st.session_state[LIVE + key] = True     # opened by its link: interactive from the start

    def still() -> None:
        # as high as the interactive chart (its spec's height): turning live does not move the page
        # keyword arguments: Streamlit's cache looks up the name of each positional argument in the function's
        # signature on every call (inspect.signature; a whole-pillar rerun made 60 such calls)
        st.html(still_image(name=f"card-{code}", version=version, lang=lang, _spec=b["export"], _alt=b["alt"],
                            box_height=b["spec"].get("height"), share=share) + b["still_caption"])

    def interactive() -> None:
        chart_block(b["spec"], b["csv_frame"], key=chart_key, filename=filename, source_nl=b["source"],
                    table=b["table"], alt_text=b["alt"], csv_bytes=b["csv"], export_spec=b["export"], lazy=True,
                    lang=lang)

    def downloads() -> None:
        data_downloads(b["csv_frame"], key=chart_key, filename=filename, spec=b["export"], table=b["table"],
                       csv_bytes=b["csv"], lazy=True, lang=lang)

    still_or_live(key, still, interactive, lang, after=downloads)


# --- card pieces ----------------------------------------------------------------------------------
def series_facts(sc: SeriesCard, multi: bool) -> str:
    """One target series on its card, all from the card model, as one HTML block (``show_facts``):
    the series line, the facts, the status (badge and reason) and the notes."""
    series = (f"<p class=\"card-facts\"><strong>{html.escape(sc.code)}</strong> · {html.escape(sc.series_title)}</p>"
              if multi or sc.series_title else "")
    return (series + facts_html(sc)
            + f'<p class="card-status">{status_badge(sc.status, sc.lang)} {html.escape(sc.reason)}</p>'
            + '<p class="card-notes">' + "<br>".join(html.escape(x) for x in card_notes(sc)) + "</p>")


def card_notes(sc: SeriesCard) -> list[str]:
    details = [t("pillars.card.indicator", sc.lang, indicator=sc.indicator)]
    if sc.annex_source:
        details.append(t("pillars.card.annex_source", sc.lang, source=sc.annex_source))
    return details + list(sc.notes)


def show_facts(block: str) -> None:
    """One series' facts, status and notes (``series_facts``): one ``st.html`` element (three
    Markdown/HTML elements before; each element costs the browser its own render)."""
    st.html(block)


def chart_source(vision: Vision, group: list[Ambition], table, frame, lang: str, escape=escape_markdown) -> str:
    """The source line under a card's chart; ``escape`` makes the measurements' sources (imported
    text) safe for where the line goes: Markdown (``st.caption``) by default, ``str`` for HTML that
    is escaped as a whole."""
    pages = sorted({a.page for a in group})
    drawn = set(frame["_el"])      # the element keys (frame["element"] holds their words in ``lang``)
    # the legend of the marks only under a chart that draws them (not under bars or an index alone)
    marks = ([t("pillars.caption.marks", lang)] if charts.EL_TARGET in drawn
             and drawn & {charts.EL_BASE, charts.EL_MEAS, charts.EL_START} else [])
    parts = marks + [t("pillars.caption.document", lang, pages=", ".join(str(p) for p in pages))]
    annex = list({a.source_nl.lower(): a.source_nl for a in reversed(group) if a.source_nl}.values())[::-1]
    if annex:
        parts.append(t("pillars.caption.annex", lang, sources="; ".join(annex)))
    comparable_src = t("comparable.source", lang)   # a comparable series (streek.comparable) is no measurement
    meas = [s for s in dict.fromkeys(table[t("pillars.table.source", lang)])
            if s and not s.startswith("Just Make It!")
            and s not in (t("pillars.source.computed", lang), t("pillars.source.definition", lang), comparable_src)]
    if meas:
        parts.append(t("pillars.caption.measurements", lang, sources="; ".join(escape(m) for m in meas)))
    if comparable_src in set(table[t("pillars.table.source", lang)]):
        parts.append(t("comparable.caption", lang, source=escape(comparable_src)))
    computed = drawn & {charts.EL_PATH, charts.EL_TREND}   # name only what the chart computed (no trend: not projected)
    if computed:
        parts.append(t("pillars.caption.computed" if charts.EL_TREND in computed else "pillars.caption.computed_path", lang))
    return " · ".join(parts)


CARD_COLUMNS = (2, 3)   # a one-series card: facts | chart
# the chart column's share of the card's width, for its still's layouts: 3/5 less its part of the
# "medium" gap (measured 821 of 1.397 px at 1920 px: 0,588)
CHART_COLUMN = CARD_COLUMNS[1] / sum(CARD_COLUMNS) - 0.012


def bundle_of(vision: Vision, code: str, res_all: dict[str, Assessment], version: str, lang: str) -> dict:
    """The card's cached ``card_bundle`` (its chart, texts and downloads)."""
    res = {a.code: res_all[a.code] for a in charts.series_of(vision, code)}
    return card_bundle(code=code, version=version, lang=lang, _vision=vision, _res=res)   # keywords: see card_chart


def render_card(vision: Vision, code: str, res_all: dict[str, Assessment], version: str, selected: bool,
                lang: str, notes: list | None = None) -> int | None:
    """One card; returns the height (px) of its interactive chart."""
    group = charts.series_of(vision, code)
    head = group[0]
    b = bundle_of(vision, code, res_all, version, lang)
    with st.container(border=True, key=anchor_key(code)):
        if selected:
            st.info(t("pillars.deeplink.opened", lang), icon=":material/link:")
        st.html(b["head"])     # "2.1.2 · <the document's title>" and where it stands in the document

        def chart(share: float = 1.0) -> None:
            card_chart(b, code, version, lang, selected, share)

        if len(group) == 1:
            left, right = st.columns(list(CARD_COLUMNS), gap="medium")
            with left:
                show_facts(b["facts"][0])
            with right:
                chart(CHART_COLUMN)
        else:   # sub-targets: the shared chart first, then the facts of each series side by side
            chart()
            for i in range(0, len(group), 3):
                cols = st.columns(3, gap="medium")
                for col, f in zip(cols, b["facts"][i:i + 3]):
                    with col:
                        show_facts(f)
        links = [f":material/link: [{t('pillars.card.share', lang)}]({ambition_link(code, head.pillar)})"]
        links += [f":material/map: [{t('pillars.card.map', lang, code=c)}]({map_url(c)})" for c in b["map_codes"]]
        # the links and the copy button on one row, side by side (wrapping on a phone)
        row = st.container(horizontal=True, vertical_alignment="center", gap="medium")
        row.markdown(" · ".join(links), width="content")
        with row.popover(t("pillars.card.share_popover", lang), icon=":material/share:"):
            st.caption(t("pillars.card.share_help", lang))
            st.code(absolute_link(code, head.pillar), language=None)
        card_extras(vision, code, {a.code: res_all[a.code] for a in group}, lang, notes)   # what-if scenario and workshop notes (pages/whatif.py)
    return b["spec"].get("height")


# --- the view of every building block: far blocks light until the reader nears them (issue 9) --------
# ``?bouwsteen=alle`` once rendered every card of a pillar in full (10-12 cards: 1,7-2,0 × an empty page in
# Chromium, against 1,4-1,5 × for one block). Now the first block (or the block of a deep-linked card) is
# full, and every other block first shows its cards' headings, facts and status as one piece of HTML, with
# a "Grafieken en details tonen" button; pages/live_on_scroll.js presses that button when the reader
# scrolls to within a screen of the block, so the full cards are there by the time they arrive. The
# choice is kept per block for the session (a rerun, a language switch keep it).
FULL = "full-"     # session state: the full cards of building block FULL + code were asked for


def full_block_key(block: str) -> str:
    """The st.key of a far block's button (CSS class ``st-key-full-btn-1-2``), for live_on_scroll."""
    return f"{FULL}btn-{block.replace('.', '-')}"


def whole_pillar_state(vision: Vision, pillar: str) -> dict[str, bool]:
    """Session state that shows every building block of ``pillar`` in full (tools/prerender.py, tests)."""
    return {FULL + b.code: True for b in vision.blocks_of(pillar)}


def _go_full(block: str) -> None:
    st.session_state[FULL + block] = True


def light_cards_html(bundles: list[tuple[str, dict]], lang: str) -> str:
    """The cards of a far block before the reader nears it: per card its heading (with where it stands in
    the document) and the facts and status of each series (the card model's HTML, as on the full card).
    On paper (a whole-pillar page printed before the reader scrolled through it) a line says why the
    chart is missing and where to get it."""
    note = f'<p class="light-print-note">{html.escape(t("pillars.block.print_note", lang))}</p>'
    # data-card: the st.key of the full card that replaces it (live_on_scroll.js moves a keyboard reader's focus there)
    return "".join(f'<section class="light-card" data-card="{anchor_key(code)}">' + b["head"] + '<div class="light-facts">'
                   + "".join(f"<div>{f}</div>" for f in b["facts"]) + "</div>" + note + "</section>" for code, b in bundles)


@st.fragment
def far_block(vision: Vision, bundles: dict[str, dict], res_all: dict[str, Assessment], version: str, lang: str,
              notes: list | None, block: str, head: str) -> None:
    """A building block below the first in the view of every block: its heading and summary (``head``)
    with light cards and what the button does, as one element, and the button; or, once asked for, its
    heading and its full cards. A fragment: the button reruns this block only. The button has no
    tooltip: Streamlit draws a button with ``help`` twice (the tooltip's copy and the button), its label
    rendered as Markdown in each; what the tooltip said stands in the block's text above the button.
    ``bundles``: the block's cards' ``card_bundle`` by code, in the block's order."""
    if st.session_state.get(FULL + block):
        st.html(head)
        for code in bundles:
            render_card(vision, code, res_all, version, False, lang, notes)
        return
    st.html(head + light_cards_html(list(bundles.items()), lang)
            + f'<p class="card-caption block-hint">{html.escape(t("pillars.block.full_help", lang))}</p>')
    st.button(t("pillars.block.full", lang, code=block), key=full_block_key(block), on_click=_go_full, args=(block,),
              icon=":material/expand_more:")


def block_head(blk, lang: str) -> str:
    """A building block's heading (its code and the document's title, with the grey line under it) and
    its summary, as one ``st.html`` element (a heading and a Markdown paragraph before)."""
    return (heading_html(2, f"{html.escape(blk.code)} {doc_html(blk.title_nl, lang)}", anchor=block_anchor(blk.code), rule=True)
            + f'<p class="block-summary">{html.escape(blk.summary(lang))}</p>')


def render_pillar(pillar_code: str) -> None:
    vision = get_vision()
    pillar_code = str(pillar_code)
    lang = page_lang()
    selected = redirect_if_elsewhere(vision, pillar_code, lang)
    st.html(BADGE_CSS)
    p = vision.pillar(pillar_code)
    # headings as st.html: the document's Dutch title inside them marked lang="nl" in English mode (st.title
    # and st.header take no HTML; raw HTML in st.markdown would load rehype-raw for this page alone)
    st.html(heading_html(1, t_html("pillars.page.title", lang, p.title_nl, code=p.code)))
    st.write(p.summary(lang))
    res_all = assessments(vision)
    version = data_version(vision)
    codes = charts.document_ambitions(vision, pillar_code)
    notes = page_notes(lang)        # once for all cards
    st.caption(t("pillars.page.intro", lang, n=len(codes), n_blocks=len(vision.blocks_of(pillar_code)), page=p.page))
    linked_block = charts.series_of(vision, selected)[0].building_block if selected else None
    heights: dict[str, int | None] = {}
    for i, blk in enumerate(block_selector(vision, pillar_code, linked_block, st.query_params.get(QUERY_KEY), lang)):
        block_codes = [c for c in codes if charts.series_of(vision, c)[0].building_block == blk.code]
        if i > 0 and selected not in block_codes:      # the view of every block: a block below the first
            # each card's bundle looked up once for the block's light cards and its chart's height
            bundles = {c: bundle_of(vision, c, res_all, version, lang) for c in block_codes}
            far_block(vision, bundles, res_all, version, lang, notes, blk.code, block_head(blk, lang))
            heights |= {anchor_key(c): b["spec"].get("height") for c, b in bundles.items()}
            continue
        st.html(block_head(blk, lang))
        for code in block_codes:
            heights[anchor_key(code)] = render_card(vision, code, res_all, version, selected == code, lang, notes)
    # a card turns interactive when scrolled to, a far block full when the reader nears it
    live_on_scroll(anchor_key(""), PILLAR_PATHS[pillar_code], heights, blocks=full_block_key(""))
    if selected:
        scroll_to(selected)
