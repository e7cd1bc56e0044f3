"""Streekvisie Explorer: router and shared frame (``streamlit run app.py``).

URL paths are part of the product (shared links): keep them stable.

A page file's name must never equal any url_path: because the project has a ``pages/``
folder, Streamlit first routes the URL as an old-style multipage app, and ``/swot`` would run
``pages/swot.py`` directly, without this router (no layout, wrong sidebar). Hence
``swot_page.py`` and ``context_page.py``.
"""
import streamlit as st

from pages.editor_auth import editor_route_visible
from pages.frame import language_selector
from pages.routes import ROUTES, Route
from streek.i18n import t

lang = language_selector()   # ?lang=en: the language of this run, before any title is made
st.set_page_config(page_title=t("app.short_title", lang), page_icon=":material/trending_up:", layout="wide")


def page(r: Route, **kw) -> st.Page:
    return st.Page(r.script, title=t(r.title_key, lang), icon=r.icon, **({"url_path": r.url_path} if r.url_path else
                                                                         {"default": True}), **kw)


# Sections in the order of pages/routes.py; the editor section shows the sign-in page to visitors and
# the editing page (sign-in hidden) to signed-in editors (pages/editor_auth.py).
PAGES: dict[str, list] = {}
for r in ROUTES:
    if r.editor:
        shown = editor_route_visible(r)
        if shown is None:
            continue
        PAGES.setdefault(t(r.section, lang), []).append(page(r, **({"visibility": "hidden"} if shown == "hidden" else {})))
    else:
        PAGES.setdefault(t(r.section, lang), []).append(page(r))
nav = st.navigation(PAGES)   # presentation mode hides the navigation with its own CSS (position="hidden" breaks deep links)
nav.run()
