"""A chart first as a still image, interactive one click away (issue 9: page weight).

Vega (≈ 775 KB of script, a render after the script run) is the heaviest thing a page can load.
Where a chart is not the page's main interaction, the page shows it as a still SVG image
(``pages/static_files.still_chart``, cached per chart, data version and language) and an
"Interactieve grafiek" button that swaps it for the Vega chart (tooltips), the way the pillar
cards do (``pages/pillar_view.card_chart``). The swap runs in an ``st.fragment``: the click reruns
that chart only, never the page.
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from pages.static_files import still_chart
from streek.i18n import t

LIVE = "live-"     # session state: the reader asked for the interactive chart ``LIVE + key``


@st.cache_resource(show_spinner=False, max_entries=256)   # ~40 charts × 2 languages
def still_image(name: str, version: str, lang: str, _spec, _alt: str, css_class: str = "streek-still") -> str:
    """The ``<img>`` of a still chart, made once per (chart name, data version, language): shared by
    every session, never mutated. ``_spec`` is the Vega-Lite spec (dict or JSON text)."""
    return still_chart(_spec, _alt, lang, css_class=css_class)


def _go_live(key: str) -> None:
    st.session_state[LIVE + key] = True


def is_live(key: str) -> bool:
    return bool(st.session_state.get(LIVE + key))


@st.fragment
def still_or_live(key: str, still: Callable[[], None], live: Callable[[], None], lang: str,
                  label_key: str = "pillars.card.interactive", help_key: str = "pillars.card.interactive_help",
                  after: Callable[[], None] | None = None) -> None:
    """``still()`` draws the still image (and its caption) with a button under it; after the click,
    ``live()`` draws the interactive chart instead. ``after()`` (e.g. the lazy "Data en downloads")
    follows the button. ``key`` names the chart (unique on the page)."""
    if is_live(key):
        live()
        return
    still()
    st.button(t(label_key, lang), key=f"{LIVE}btn-{key}", on_click=_go_live, args=(key,),
              icon=":material/touch_app:", help=t(help_key, lang))
    if after is not None:
        after()
