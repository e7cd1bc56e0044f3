"""The frame's own style, added once by app.py: a visible keyboard focus and a printable page.

Focus (WCAG 2.4.7): Streamlit marks focus on some widgets only by a faint background (the sidebar
navigation's links, page links, expander headers); a clear outline in the theme's blue shows where the
keyboard is. ``:focus-visible`` only: a mouse click does not draw it.

Print (Ctrl+P, a handout for a workshop): without it the browser printed the sidebar beside the page,
every button, expander and popover, and cut cards and charts in two. On paper: the page's own content
across the full width, nothing that only works on a screen (buttons, expanders, popovers, the
building-block choice), a heading kept with what follows, and a chart, a table or a row of columns
not split across two sheets."""
from __future__ import annotations

import streamlit as st

FRAME_CSS = """<style>
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible,
[role="button"]:focus-visible, input:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #1F4E79 !important; outline-offset: 2px !important;
}
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stMain"] :is([data-testid="stExpander"], [data-testid="stPopover"], [data-testid="stButton"],
    [data-testid="stDownloadButton"], [data-testid="stButtonGroup"]),
  [data-testid="stMain"] [data-testid="stElementContainer"]:has(> :is([data-testid="stButton"],
    [data-testid="stDownloadButton"], [data-testid="stButtonGroup"], [data-testid="stPopover"])),
  [data-testid="stMain"] [data-testid="stLayoutWrapper"]:has(> [data-testid="stExpander"]) { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  [class*="st-key-ambitie-"], img.streek-still, [data-testid="stVegaLiteChart"], table,
  [data-testid="stHorizontalBlock"] { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
}
</style>"""


def frame_style() -> None:
    st.html(FRAME_CSS)
