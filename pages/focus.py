"""A visible keyboard focus everywhere (WCAG 2.4.7), added once by the frame (app.py).

Streamlit marks focus on some widgets only by a faint background (the sidebar navigation's links,
page links, expander headers); a clear outline in the theme's blue shows where the keyboard is.
``:focus-visible`` only: a mouse click does not draw it."""
from __future__ import annotations

import streamlit as st

FOCUS_CSS = """<style>
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible,
[role="button"]:focus-visible, input:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #1F4E79 !important; outline-offset: 2px !important;
}
</style>"""


def focus_outline() -> None:
    st.html(FOCUS_CSS)
