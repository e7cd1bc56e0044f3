"""The building-block selector at the top of a pillar page (issues 9 and 12).

A pillar page shows one building block at a time: a whole pillar at once is 10–12 cards and about
2.000 page elements, which made the page 2–3 × as slow to appear as an empty Streamlit page. The
selector is bound to the URL (``?bouwsteen=2.1``, a stable code; ``?bouwsteen=alle`` shows every
block, for reading or printing the whole pillar), so a block can be shared and the browser's back
button works. A deep link to an ambition (``?ambitie=2.1.2``) selects the block of that ambition.
Pills are keyboard-reachable buttons and wrap on a phone."""
from __future__ import annotations

import streamlit as st

from streek.i18n import t
from streek.model import BuildingBlock, Vision

BLOCK_KEY = "bouwsteen"          # ?bouwsteen=2.1 (also the search box's link to a building block)
ALL = "alle"                     # ?bouwsteen=alle: every block of the pillar
_PILL = "bouwsteen-pill-"        # session state of the selector, per pillar (+ its code)
_LINKED = "bouwsteen-linked"     # session state: the ?ambitie= value whose block was already selected


def block_anchor(code: str) -> str:
    """The HTML id of a building block's header: ``bouwsteen-2-1``."""
    return "bouwsteen-" + code.replace(".", "-")


def block_selector(vision: Vision, pillar_code: str, linked_block: str | None, linked_raw: str | None,
                   lang: str) -> list[BuildingBlock]:
    """Pills for the pillar's building blocks (and "all"); returns the blocks to show.

    ``linked_block``: the block of a deep-linked ambition (``linked_raw`` its ``?ambitie=`` value),
    selected once on arrival; after that the reader's choice counts. The URL holds the block's code
    (Streamlit's own ``bind="query-params"`` would write the displayed title), synced here."""
    blocks = vision.blocks_of(pillar_code)
    codes = [b.code for b in blocks]
    pill = _PILL + pillar_code
    raw = st.query_params.get(BLOCK_KEY)
    wanted = raw if raw in [*codes, ALL] else None
    if raw is not None and wanted is None:
        del st.query_params[BLOCK_KEY]                   # a code of another pillar or a typo
    if linked_block in codes and st.session_state.get(_LINKED) != linked_raw:
        st.session_state[_LINKED] = linked_raw           # once per link: later the reader's choice counts
        if wanted != ALL:                                 # "all" already shows the linked card
            wanted = linked_block
    if wanted is not None:
        st.session_state[pill] = wanted
    elif st.session_state.get(pill) in [*codes[1:], ALL]:  # back on this pillar (menu link): its last choice,
        st.query_params[BLOCK_KEY] = st.session_state[pill]  # and the URL says so
    else:
        st.session_state[pill] = codes[0]

    def changed() -> None:
        st.query_params[BLOCK_KEY] = st.session_state[pill]
        if "ambitie" in st.query_params:                  # the deep-linked card is no longer the subject
            del st.query_params["ambitie"]

    titles = {b.code: f"{b.code} {b.title_nl}" for b in blocks} | {ALL: t("jump.all", lang)}
    chosen = st.pills(t("jump.label", lang), [*codes, ALL], format_func=titles.__getitem__, key=pill,
                      required=True, on_change=changed, help=t("jump.help", lang))
    if chosen == ALL:
        return blocks
    return [b for b in blocks if b.code == chosen] or blocks[:1]
