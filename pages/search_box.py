"""The sidebar's search box: ambitions, building blocks and indicators by a word (streek.search).

Typing commits after a short pause (``live``); each hit is a link that opens the card
(``pijler-2?ambitie=2.1.1``), the building block on its pillar page or the map of an indicator.

The field sits in a lazy sidebar expander ("Zoeken"): a text field makes every page load some
twenty extra script files before it is complete (issue 9), and most visitors never search. The
expander is built as a fragment, so opening it or typing reruns only the search, not the page."""
from __future__ import annotations

import streamlit as st

from pages.ui import data_version, get_vision
from streek.i18n import t
from streek.search import build_index, search

PAGE_FILES = {"pijler-1": "pages/pillar_1.py", "pijler-2": "pages/pillar_2.py", "pijler-3": "pages/pillar_3.py",
              "kaart": "pages/map.py"}
KIND_ICONS = {"ambition": ":material/flag:", "block": ":material/view_agenda:", "indicator": ":material/map:"}


@st.cache_resource(show_spinner=False)
def _index(_vision, version: str):
    return build_index(_vision)


@st.cache_data(show_spinner=False, max_entries=256)
def _search(query: str, lang: str, version: str):
    return search(_index(get_vision(seed_only=True), version), query, lang)


def search_box(lang: str) -> None:
    """Search field and up to eight links in the sidebar."""
    with st.sidebar:
        _search_panel(lang)


@st.fragment
def _search_panel(lang: str) -> None:
    box = st.expander(t("search.label", lang), icon=":material/search:", key="zoek-open", on_change="rerun")
    if not box.open:
        return
    with box:
        query = st.text_input(t("search.label", lang), key="zoek", type="search", live=True, max_chars=80,
                              placeholder=t("search.placeholder", lang), help=t("search.help", lang))
        if not query or not query.strip():
            return
        vision = get_vision(seed_only=True)
        version = data_version(vision)          # the seed data's content hash, as every page cache
        hits = _search(query.strip(), lang, version)
        if not hits:
            st.caption(t("search.none", lang, query=query.strip()[:40]))
            return
        for h in hits:
            e = h.entry
            label = f"{e.code} {e.title}" if e.kind != "indicator" else e.title
            st.page_link(PAGE_FILES[e.target], label=label[:90] + ("…" if len(label) > 90 else ""),
                         icon=KIND_ICONS[e.kind], help=t(f"search.kind.{e.kind}", lang),
                         query_params=e.params)   # ?lang= is kept by the language selector itself
