"""A chart first as a still image, interactive one click away (issue 9: page weight).

Vega (≈ 775 KB of script, a render after the script run) is the heaviest thing a page can load.
Where a chart is not the page's main interaction, the page shows it as a still SVG image
(``pages/static_files.still_chart``, cached per chart, data version and language) and an
"Interactieve grafiek" button that swaps it for the Vega chart (tooltips), the way the pillar
cards do (``pages/pillar_view.card_chart``). The swap runs in an ``st.fragment``: the click reruns
that chart only, never the page.
"""
from __future__ import annotations

import html
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import streamlit as st

from pages.static_files import publish, still_chart
from streek.i18n import t

LIVE = "live-"     # session state: the reader asked for the interactive chart ``LIVE + key``


@st.cache_resource(show_spinner=False, max_entries=256)   # ~40 charts × 2 languages
def still_image(name: str, version: str, lang: str, _spec, _alt: str, css_class: str = "streek-still",
                box_height: int | None = None, share: float = 1.0, _narrow: tuple | None = None) -> str:
    """The ``<img>`` of a still chart, made once per (chart name, data version, language): shared by
    every session, never mutated. ``_spec`` is the Vega-Lite spec (dict or JSON text). ``box_height``:
    the height of the interactive chart that replaces it, ``share`` its share of a card's width;
    ``_narrow``: (spec, height) of a phone layout (``static_files.still_chart``)."""
    return still_chart(_spec, _alt, lang, css_class=css_class, box_height=box_height, share=share, narrow=_narrow)


def button_key(key: str) -> str:
    """The st.key of chart ``key``'s "Interactieve grafiek" button (CSS class ``st-key-live-btn-<key>``)."""
    return f"{LIVE}btn-{key}"


def _go_live(key: str) -> None:
    st.session_state[LIVE + key] = True


def is_live(key: str) -> bool:
    return bool(st.session_state.get(LIVE + key))


@st.fragment
def still_or_live(key: str, still: Callable[[], None], live: Callable[[], None], lang: str,
                  label_key: str = "pillars.card.interactive",
                  after: Callable[[], None] | None = None) -> None:
    """``still()`` draws the still image (and its caption) with a button under it; after the click,
    ``live()`` draws the interactive chart instead. ``after()`` (e.g. the lazy "Data en downloads")
    follows the button. ``key`` names the chart (unique on the page). The button has no tooltip
    (``help``): Streamlit draws such a button twice, the tooltip's copy and the button, each label
    rendered as Markdown; on a pillar page that was a fifth of the extra time it took over the empty page."""
    if is_live(key):
        live()
        return
    still()
    st.button(t(label_key, lang), key=button_key(key), on_click=_go_live, args=(key,),
              icon=":material/touch_app:")
    if after is not None:
        after()


# The browser half of live_on_scroll, published as a file by content hash (static_files.publish): the
# run carries only its address and settings, and the browser caches it.
LIVE_ON_SCROLL_JS = Path(__file__).with_name("live_on_scroll.js")


@cache
def _live_on_scroll_url() -> str:
    return publish(LIVE_ON_SCROLL_JS.read_bytes(), ".js")


def live_on_scroll(card_prefix: str, page: str, heights: dict[str, int] | None = None, blocks: str = "") -> None:
    """Make a card's chart interactive when the reader scrolls to it, as if they pressed its button.

    Nothing happens at load: the first screen stays still images (no Vega) until the reader scrolls
    (wheel, touch, scroll keys or the scroll bar; a scroll the page makes itself, such as a deep link or
    a click's scrolling into view, does not count). After that, a chart whose still image is at least
    40 % in view for 0,4 s has its "Interactieve grafiek" button pressed by the page, one card at a time
    (the next after the last card's fragment has rerun): a fast fling past ten cards starts none of them.
    Never while printing or while keyboard focus is inside the card. Only charts whose ``still_or_live``
    key starts with ``card_prefix`` and whose card is the container keyed with that same key (the
    pillar cards: ``ambitie-2-1-2``). ``page`` names the page, so that the script starts afresh on
    another page (Streamlit re-executes a changed ``st.html`` script; a flag on ``window`` keeps its
    listeners single). ``heights``: per chart key, the height (px) of its interactive chart: while
    Vega's script loads (the first chart of a visit) its placeholder keeps that height instead of
    collapsing to ~40 px, so the page does not jump under the reader. ``blocks``: the st.key prefix of
    buttons that show a far building block in full (pages/pillar_view.far_block): after the same first
    scroll, such a button is pressed as soon as it comes within one screen height below the view, so
    that the block's full cards are there before the reader reaches them."""
    cfg = json.dumps({"btn": "st-key-" + button_key(""), "cards": card_prefix, "page": page,
                      "full": "st-key-" + blocks if blocks else ""})
    hold = "".join(f".st-key-{key} .stPrintGraphic>[data-testid=stSkeleton]{{height:{int(h)}px}}"
                   for key, h in (heights or {}).items() if h)
    st.html((f"<style>{hold}</style>" if hold else "")
            + f'<script src="{_live_on_scroll_url()}" data-cfg="{html.escape(cfg, quote=True)}"></script>',
            unsafe_allow_javascript=True, width="content")
