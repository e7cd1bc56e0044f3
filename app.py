"""Streekvisie Explorer: router and shared frame (``streamlit run app.py``).

URL paths are part of the product (shared links): keep them stable.

A page file's name must never equal any url_path: because the project has a ``pages/``
folder, Streamlit first routes the URL as an old-style multipage app, and ``/swot`` would run
``pages/swot.py`` directly, without this router (no layout, wrong sidebar). Hence
``swot_page.py`` and ``context_page.py``.
"""
from pathlib import Path

import streamlit as st

from pages.editor_auth import current_editor, editor_route_visible, sync_cookie
from pages.frame import frame_style, language_selector
from pages.not_found import not_found_page
from pages.routes import PAGES_KEY, ROUTES, Route
from pages.search_box import search_box
from streek.i18n import t

lang = language_selector()   # ?lang=en: the language of this run, before any title is made
# The tab icon is our own file: a Material icon or an emoji would make every visitor's browser fetch it
# from Google's servers (fonts.gstatic.com): a request to a third party, and a broken icon offline.
FAVICON = Path(__file__).parent / "static" / "favicon.png"
st.set_page_config(page_title=t("app.short_title", lang), page_icon=FAVICON, layout="wide")


def page(r: Route, lang: str, **kw) -> st.Page:
    return st.Page(r.script, title=t(r.title_key, lang), icon=r.icon, **({"url_path": r.url_path} if r.url_path else
                                                                         {"default": True}), **kw)


# Sections in the order of pages/routes.py. Both editor pages always exist (a reload or a shared
# link never ends on "page not found"): visitors see the sign-in page in the menu and get the sign-in
# form on the editing page's URL; signed-in editors see the editing page (pages/editor_auth.py).
def build_pages(lang: str, editor: bool) -> dict[str, list]:
    pages: dict[str, list] = {}
    for r in ROUTES:
        hidden = bool(r.editor) and editor_route_visible(r, editor) == "hidden"
        pages.setdefault(t(r.section, lang), []).append(page(r, lang, **({"visibility": "hidden"} if hidden else {})))
    return pages


# The page objects are made once per session, language and sign-in state, not on every run: making
# one resolves its script's path on disk (~2 ms a run for the 14). Per session, never shared:
# st.navigation marks the page it chose on the object itself, and sessions run side by side.
_key = (lang, bool(current_editor()))
if st.session_state.get(PAGES_KEY, (None,))[0] != _key:
    st.session_state[PAGES_KEY] = (_key, build_pages(*_key))
PAGES = {section: list(pages) for section, pages in st.session_state[PAGES_KEY][1].items()}
sync_cookie()   # the editor's sign-in cookie (kept across a reload and across workers)
# An unknown URL gets our own page-not-found page; the search box sits under the language choice.
_missing = not_found_page(PAGES)
if _missing is not None:
    PAGES[t("nav.section.vision", lang)].append(_missing)
search_box(lang)
frame_style()
nav = st.navigation(PAGES)   # presentation mode hides the navigation with its own CSS (position="hidden" breaks deep links)
nav.run()
