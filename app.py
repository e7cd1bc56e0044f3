"""Streekvisie Explorer: router and shared frame (``streamlit run app.py``).

URL paths are part of the product (shared links): keep them stable.

A page file's name must never equal any url_path: because the project has a ``pages/``
folder, Streamlit first routes the URL as an old-style multipage app, and ``/swot`` would run
``pages/swot.py`` directly, without this router (no layout, wrong sidebar). Hence
``swot_page.py`` and ``context_page.py``.
"""
import streamlit as st

from pages.frame import language_selector
from streek.i18n import t

language_selector()   # ?lang=en: sets the catalogue's language before any title is made
st.set_page_config(page_title=t("app.short_title"), page_icon=":material/trending_up:", layout="wide")

PAGES = {
    t("nav.section.vision"): [
        st.Page("pages/home.py", title=t("nav.home"), icon=":material/home:", default=True),
        st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/checklist:", url_path="overzicht"),
    ],
    t("nav.section.pillars"): [
        st.Page("pages/pillar_1.py", title=t("nav.pillar_1"), icon=":material/factory:", url_path="pijler-1"),
        st.Page("pages/pillar_2.py", title=t("nav.pillar_2"), icon=":material/work:", url_path="pijler-2"),
        st.Page("pages/pillar_3.py", title=t("nav.pillar_3"), icon=":material/school:", url_path="pijler-3"),
    ],
    t("nav.section.explore"): [
        st.Page("pages/map.py", title=t("nav.map"), icon=":material/map:", url_path="kaart"),
        st.Page("pages/municipality_page.py", title=t("profile.nav_title"), icon=":material/location_city:", url_path="gemeente"),
        st.Page("pages/swot_page.py", title=t("nav.swot"), icon=":material/explore:", url_path="swot"),
        st.Page("pages/context_page.py", title=t("nav.context"), icon=":material/public:", url_path="context"),
    ],
    t("nav.section.about"): [
        st.Page("pages/method.py", title=t("nav.method"), icon=":material/functions:", url_path="methode"),
    ],
}
# Editing: visitors get only "Aanmelden voor redacteurs"; signed-in editors "Gegevens bijwerken".
from pages.editor_auth import editor_pages, sync_cookie  # noqa: E402

PAGES[t("editor.nav.section")] = editor_pages()
sync_cookie()   # the editor's sign-in cookie (kept across a reload and across workers)

PAGES[t("nav.section.explore")] += [
    st.Page("pages/presentation.py", title=t("present.nav_title"), icon=":material/slideshow:", url_path="presentatie"),
    st.Page("pages/workshop_page.py", title=t("notes.nav_title"), icon=":material/sticky_note_2:", url_path="workshop"),
]
# Issue 12: an unknown URL gets our own page-not-found page; the search box sits under the language choice.
from pages.focus import focus_outline  # noqa: E402
from pages.frame import page_lang  # noqa: E402
from pages.not_found import not_found_page  # noqa: E402
from pages.search_box import search_box  # noqa: E402

_missing = not_found_page(PAGES)
if _missing is not None:
    PAGES[t("nav.section.vision")].append(_missing)
search_box(page_lang())
focus_outline()
nav = st.navigation(PAGES)   # presentation mode hides the navigation with its own CSS (position="hidden" breaks deep links)
nav.run()
