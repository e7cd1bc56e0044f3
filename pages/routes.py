"""The one list of the app's pages: script, URL path, title key, icon and navigation section.

``app.py`` builds its navigation from it; ``bench/run.py`` and the tests import it (no parsing of
app.py). URL paths are part of the product (shared links): keep them stable. This module imports
no streamlit, so tools can read it cheaply.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    script: str          # page script, relative to the repository root
    url_path: str        # "" for the default page (served at /)
    title_key: str       # catalogue key of the page title
    icon: str
    section: str         # catalogue key of the navigation section
    editor: str = ""     # "editor": only for signed-in editors; "login": the sign-in page

    @property
    def name(self) -> str:
        return self.url_path or "(start)"


PAGES_KEY = "_streek_pages"   # session state: ((language, signed in), the navigation's page objects), app.py

ROUTES: tuple[Route, ...] = (
    Route("pages/home.py", "", "nav.home", ":material/home:", "nav.section.vision"),
    Route("pages/overview.py", "overzicht", "nav.overview", ":material/checklist:", "nav.section.vision"),
    Route("pages/pillar_1.py", "pijler-1", "nav.pillar_1", ":material/factory:", "nav.section.pillars"),
    Route("pages/pillar_2.py", "pijler-2", "nav.pillar_2", ":material/work:", "nav.section.pillars"),
    Route("pages/pillar_3.py", "pijler-3", "nav.pillar_3", ":material/school:", "nav.section.pillars"),
    Route("pages/map.py", "kaart", "nav.map", ":material/map:", "nav.section.explore"),
    Route("pages/municipality_page.py", "gemeente", "profile.nav_title", ":material/location_city:", "nav.section.explore"),
    Route("pages/swot_page.py", "swot", "nav.swot", ":material/explore:", "nav.section.explore"),
    Route("pages/context_page.py", "context", "nav.context", ":material/public:", "nav.section.explore"),
    Route("pages/presentation.py", "presentatie", "present.nav_title", ":material/slideshow:", "nav.section.explore"),
    Route("pages/workshop_page.py", "workshop", "notes.nav_title", ":material/sticky_note_2:", "nav.section.explore"),
    Route("pages/method.py", "methode", "nav.method", ":material/functions:", "nav.section.about"),
    Route("pages/editor.py", "gegevens-bijwerken", "editor.nav.editor", ":material/edit:", "editor.nav.section", "editor"),
    Route("pages/editor_login.py", "aanmelden", "editor.nav.login", ":material/login:", "editor.nav.section", "login"),
)

