"""The shared frame: its language selector (called by app.py before the navigation is built, so
that page titles are in the chosen language) and its own style (``frame_style``: a visible keyboard
focus, a printable page)."""
from __future__ import annotations

import streamlit as st

from streek.i18n import DEFAULT_LANG, LANGS, t

LANG_KEY = "lang"                 # ?lang=EN, kept in the URL across pages
OPTIONS = {code.upper(): code for code in LANGS}    # "NL" -> "nl", "EN" -> "en"
PRESENT_KEY = "presentatie"       # ?presentatie=1 marks a presentation link (pages/presentation.py)


def language_selector() -> str:
    """NL | EN in the sidebar, bound to ``?lang=`` (kept across pages); returns the language of
    this run. A hand-typed unknown value falls back to Dutch."""
    raw = st.query_params.get(LANG_KEY)
    wanted = raw.upper() if isinstance(raw, str) else None
    if raw is not None and wanted not in OPTIONS:
        del st.query_params[LANG_KEY]
        wanted = None
    if LANG_KEY not in st.session_state:           # first run: the URL decides (also where no browser seeds it)
        st.session_state[LANG_KEY] = wanted or DEFAULT_LANG.upper()
    current = OPTIONS.get(st.session_state.get(LANG_KEY) or "", DEFAULT_LANG)
    choice = st.sidebar.segmented_control(t("lang.label", current), list(OPTIONS), key=LANG_KEY,
                                          bind="query-params", required=True, help=t("lang.help", current))
    lang = OPTIONS.get(choice or "", DEFAULT_LANG)
    if lang != DEFAULT_LANG:
        st.sidebar.caption(t("lang.data_stays_dutch", lang))
    _document_language(lang)
    return lang


def _document_language(lang: str) -> None:
    """``<html lang>`` follows the reader's choice, so that a screen reader reads Dutch with a Dutch
    voice and English with an English one. The index page already gets the link's language
    (tools/serve.py); this keeps it right after a switch without a reload. Hidden, takes no space."""
    with st.sidebar.container(key="doc-lang"):
        st.html("<style>.st-key-doc-lang{display:none}</style>"
                f"<script>document.documentElement.lang = {lang!r};</script>", unsafe_allow_javascript=True)


def page_lang() -> str:
    """The reader's language for this run ("nl" or "en"), as chosen by ``language_selector``.

    Views call this once and pass the result down explicitly (``t(key, lang)``, ``fmt_*(..., lang=lang)``,
    streek builders' ``lang`` parameter); ``streek`` itself never reads a current language."""
    return OPTIONS.get(st.session_state.get(LANG_KEY) or "", DEFAULT_LANG)


# --- the frame's own style, added once by app.py -------------------------------------------------
# A visible keyboard focus and a printable page.
#
# Focus (WCAG 2.4.7): Streamlit marks focus on some widgets only by a faint background (the sidebar
# navigation's links, page links, expander headers); a clear outline in the theme's blue shows where the
# keyboard is. ``:focus-visible`` only: a mouse click does not draw it.
#
# Print (Ctrl+P, a handout for a workshop): without it the browser printed the sidebar beside the page,
# every button, expander and popover, and cut cards and charts in two. On paper: the page's own content
# across the full width, nothing that only works on a screen (buttons, expanders, popovers, the
# building-block choice), a heading kept with what follows, and a chart, a table or a row of columns
# not split across two sheets.
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
