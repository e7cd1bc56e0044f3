"""The shared frame (app.py): what every page keeps.

- ``?lang=EN`` stays in the URL on every page, also on pages that write their own view into the URL
  (the map, Mijn gemeente, the overview's filters, presentation mode), so that a copied link opens in
  the reader's language. The map replaced the whole query string and dropped it.
- No request leaves the app: the tab icon is our own file (a Material icon or an emoji as page icon is
  fetched from Google's servers by every visitor's browser).
"""
from __future__ import annotations

import re

import pytest

from conftest import open_via_router
from pages.routes import ROUTES

PAGES = [r for r in ROUTES if not r.editor]


@pytest.mark.parametrize("route", PAGES, ids=[r.name for r in PAGES])
def test_the_language_stays_in_the_url(route):
    at = open_via_router(route.script, lang="EN")
    assert at.query_params.get("lang") in ("EN", ["EN"]), (route.url_path, dict(at.query_params))


def test_a_click_on_the_map_keeps_the_language_in_the_url():
    at = open_via_router("pages/map.py", lang="EN", indicator="population_density")
    at.session_state["kaart_gemeente"] = "34022"      # as a click on Kortrijk does (pages/map.py)
    at.run()
    qp = dict(at.query_params)
    assert qp.get("lang") in ("EN", ["EN"]) and qp.get("indicator") in ("population_density", ["population_density"]), qp


@pytest.mark.browser
def test_no_request_leaves_the_app(page, app_server):
    """A room without internet, or a visitor who wants no third party to see the visit: every file a
    page needs (scripts, fonts, the tab icon, still charts, the map) comes from the app itself."""
    from playwright.sync_api import expect
    from conftest import wait_for_app, wait_for_charts
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    for path in ("kaart?lang=EN", "pijler-2"):
        page.goto(f"{app_server}/{path}")
        wait_for_app(page, 60_000)
        wait_for_charts(page)
    expect(page.locator("link[rel*=icon]").first).to_have_attribute("href", re.compile(r"/media/|favicon"))
    outside = [u for u in asked if not u.startswith((app_server, "data:", "blob:"))]
    assert asked and not outside, outside
