"""The shared frame (app.py): what every page keeps.

- ``?lang=EN`` stays in the URL on every page, also on pages that write their own view into the URL
  (the map, Mijn gemeente, the overview's filters, presentation mode), so that a copied link opens in
  the reader's language. The map replaced the whole query string and dropped it.
- No request leaves the app: the tab icon is our own file (a Material icon or an emoji as page icon is
  fetched from Google's servers by every visitor's browser).
- A deep link connects without a failed probe first, and ``<html lang>`` is the reader's language.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, open_via_router
from pages.routes import PAGES_KEY, ROUTES

PAGES = [r for r in ROUTES if not r.editor]


@pytest.mark.parametrize("route", PAGES, ids=[r.name for r in PAGES])
def test_the_language_stays_in_the_url(route):
    at = open_via_router(route.script, lang="EN")
    assert at.query_params.get("lang") in ("EN", ["EN"]), (route.url_path, dict(at.query_params))


def test_the_navigation_is_made_once_per_session_and_language():
    """app.py makes its page objects once per session and language (each resolves its script on disk,
    ~2 ms per run for all of them); a rerun reuses them, another language makes them anew."""
    at = open_via_router("pages/overview.py")
    key, pages = at.session_state[PAGES_KEY]
    assert key == ("nl", False) and "Overzicht ambities" in [p.title for s in pages.values() for p in s]
    at.run()
    assert not at.exception and at.session_state[PAGES_KEY][1] is pages
    at.sidebar.button_group[0].set_value("EN").run()
    key, english = at.session_state[PAGES_KEY]
    assert key == ("en", False) and english is not pages
    assert "Ambitions overview" in [p.title for s in english.values() for p in s]
    assert at.title[0].value.startswith("Overview")


def test_a_click_on_the_map_keeps_the_language_in_the_url():
    at = open_via_router("pages/map.py", lang="EN", indicator="population_density")
    at.session_state["kaart_gemeente"] = "34022"      # as the choices panel's list does (pages/map.py)
    at.run()
    qp = dict(at.query_params)
    assert qp.get("lang") in ("EN", ["EN"]) and qp.get("indicator") in ("population_density", ["population_density"]), qp
    assert qp.get("gemeente") in ("34022", ["34022"]), qp


@pytest.mark.browser
def test_a_deep_link_connects_at_once_in_its_language_and_asks_no_third_party(page, app_server):
    """- No request leaves the app (a room without internet, or a visitor who wants no third party to see
      the visit): scripts, fonts, the tab icon, still charts and the map all come from the app itself.
    - A deep link connects at once: no failed ``/<page>/_stcore/health`` probe first (tools/serve.py).
    - ``<html lang>`` is the page's language, from the link and after a switch in the sidebar.
    - The scripts every page needs (tools/serve.py EVERY_PAGE: st.html's, the language pills') are asked
      for while the index page is read, not after the page's run has arrived."""
    from playwright.sync_api import expect
    from conftest import wait_for_app, wait_for_charts
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    html = page.locator("html")
    for path, lang in (("kaart?lang=EN", "en"), ("pijler-2", "nl")):
        page.goto(f"{app_server}/{path}")
        wait_for_app(page, 60_000)
        wait_for_charts(page)
        expect(html).to_have_attribute("lang", lang)
        early = page.evaluate("""() => { const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
            return performance.getEntriesByType('resource').filter(e => /\\/(Html|ButtonGroup)\\.[\\w-]+\\.js$/.test(e.name))
                .map(e => [e.name.split('/').pop(), e.startTime < dcl]); }""")
        assert len(early) == 2 and all(ok for _, ok in early), early
    expect(page.locator("link[rel*=icon]").first).to_have_attribute("href", re.compile(r"/media/|favicon"))
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="EN", exact=True).click()
    expect(html).to_have_attribute("lang", "en")
    expect(page.locator("h1").first).to_contain_text("Pillar 2")
    outside = [u for u in asked if not u.startswith((app_server, "data:", "blob:"))]
    assert asked and not outside, outside
    probes = [u for u in asked if "_stcore/health" in u]
    assert probes and all(u == f"{app_server}/_stcore/health" for u in probes), probes


def _serve_module():
    import importlib.util
    spec = importlib.util.spec_from_file_location("streek_serve", ROOT / "tools" / "serve.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_index_page_names_its_language_and_the_server():
    """tools/serve.py rewrites Streamlit's own index.html per request (read from the installed package)."""
    from streamlit import file_util
    serve = _serve_module()
    original = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    nl = serve.index_html(original, "", b"")
    en = serve.index_html(original, "", b"ambitie=2.1.1&lang=en")
    assert '<html lang="nl">' in nl and '<html lang="en">' in en and 'lang="en"' not in nl
    assert '<html lang="nl">' in serve.index_html(original, "", b"lang=FR")      # unknown: Dutch, as the app does
    setting = 'BACKEND_BASE_URL: window.location.origin + "/"'
    assert nl.index(setting) < nl.index('type="module"')     # set before Streamlit's bundle reads it
    assert 'window.location.origin + "/streek/"' in serve.index_html(original, "/streek/", b"")


def test_the_map_page_alone_also_preloads_its_component_scripts(app_server):
    """The map's clickable picture is a custom component (BidiComponent and the Arrow code it loads): the
    index page of /kaart names those scripts too (tools/serve.py PAGE_SCRIPTS), other pages do not. A/B,
    12 alternating visits twice: /kaart drew 25-42 ms sooner."""
    from urllib.request import urlopen
    from streamlit import file_util
    serve = _serve_module()
    kaart = urlopen(f"{app_server}/kaart?lang=EN").read().decode()
    other = urlopen(f"{app_server}/pijler-2").read().decode()
    js = Path(file_util.get_static_dir()) / "static" / "js"
    for stem in serve.PAGE_SCRIPTS["kaart"]:
        found = re.findall(rf'<link rel="modulepreload" crossorigin href="\./static/js/({re.escape(stem)}\.[\w-]+\.js)">', kaart)
        assert len(found) == 1 and (js / found[0]).is_file(), stem
        assert f"/{stem}." not in other, stem
    assert '<html lang="en">' in kaart and "Html." in other                  # the rest of the index page as before


def test_the_index_page_preloads_the_scripts_every_page_needs():
    """Streamlit loads an element type's script when the first such element arrives; the index page
    names those every page of ours needs (tools/serve.py EVERY_PAGE) beside Streamlit's own bundle.
    Each name must still be a file of the installed Streamlit (an upgrade that renames one fails here),
    and nothing Streamlit preloads already is named twice."""
    from streamlit import file_util
    serve = _serve_module()
    static = Path(file_util.get_static_dir())
    original = (static / "index.html").read_text(encoding="utf-8")
    links = serve.preload_links(str(static), original)
    page = serve.index_html(original, "", b"", links)
    named = re.findall(r'<link rel="modulepreload" crossorigin href="\./static/js/([^"]+)">', page)
    assert len(named) == len(set(named))                              # no script twice
    stems = {re.fullmatch(r"(.+)\.[\w-]+\.js", n).group(1) for n in named}
    assert set(serve.EVERY_PAGE) <= stems, set(serve.EVERY_PAGE) - stems
    for n in named:
        assert (static / "static" / "js" / n).is_file(), n
    assert page.index("Html.") < page.index("</head>")                # in the head, loaded at once


def test_streamlit_bundle_is_sent_compressed_once_and_whole(app_server):
    """Streamlit sends its own scripts uncompressed (~2,1 MB for a first visit); tools/serve.py sends them
    gzipped to a browser that accepts it (a first visit: 2,7 MB -> 1,1 MB; on a 10 Mbit/s link /pijler-2
    complete in 2,0 s instead of 3,5 s). The same bytes once decompressed, the cache headers kept, a tag
    of its own; a client without gzip, or asking for a range, gets the file as it is."""
    import gzip
    from urllib.request import Request, urlopen
    from streamlit import file_util
    index = urlopen(f"{app_server}/pijler-2").read().decode()
    main_js = re.search(r'src="\./static/js/(index\.[\w-]+\.js)"', index).group(1)
    original = (Path(file_util.get_static_dir()) / "static" / "js" / main_js).read_bytes()
    url = f"{app_server}/static/js/{main_js}"
    with urlopen(Request(url, headers={"Accept-Encoding": "br, gzip, deflate"})) as r:
        zipped, headers = r.read(), r.headers
    assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(zipped) == original and len(zipped) < len(original) / 2
    assert "immutable" in headers["Cache-Control"] and headers.get("Accept-Ranges") is None
    with urlopen(Request(url)) as r:                                  # urllib asks for no encoding
        assert r.headers.get("Content-Encoding") is None and r.read() == original
        assert r.headers["ETag"] != headers["ETag"]                   # two representations, two tags
    for h in ({"Accept-Encoding": "gzip;q=0"}, {"Accept-Encoding": "gzip", "Range": "bytes=0-99"}):
        with urlopen(Request(url, headers=h)) as r:
            assert r.headers.get("Content-Encoding") is None, h
            assert original.startswith(r.read())


@pytest.mark.parametrize("header, whole, expected", [
    (b"gzip, deflate, br", True, True), (b"br;q=1.0, gzip;q=0.5", True, True), (b"GZIP", True, True),
    (b"gzip;q=0", True, False), (b"gzip; q=0.0", True, False), (b"deflate, br", True, False), (b"*", True, True),
    (b"", True, False), (b"gzip", False, False)])
def test_gzip_only_for_clients_that_accept_it_and_want_the_whole_file(header, whole, expected):
    serve = _serve_module()
    headers = [(b"accept-encoding", header)] + ([] if whole else [(b"range", b"bytes=0-9")])
    assert serve.accepts_gzip({"headers": headers}) is expected


def test_fonts_go_out_cut_to_what_the_pages_show(browser, app_server):
    """Streamlit's fonts are sent cut down (tools/font_cut.py, made at the server's start): the icon font
    to the icons a page can show (365 -> 53 KB), Source Sans to Latin scripts and symbols (166 -> 74 KB).
    In a fresh browser (nothing cached) a first visit loads only cuts, and every icon of a pillar page, its
    open "Data en downloads", the share popover, the open search box and the navigation's full list is
    drawn as its picture."""
    import time
    from urllib.request import urlopen
    from conftest import assert_icons_drawn, wait_for_app
    import font_cut      # tools/ is on the path (conftest)
    cuts = {f: font_cut.cached_path(f, kind) for f, kind in font_cut.font_files().items()}
    deadline = time.time() + 120
    while not all(c.exists() for c in cuts.values()) and time.time() < deadline:   # made beside the server
        time.sleep(0.5)
    for font, cut in cuts.items():
        sent = urlopen(f"{app_server}/static/media/{font.name}").read()
        assert sent == cut.read_bytes() and len(sent) < font.stat().st_size * 0.65, font.name
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = ctx.new_page()
        loaded = []
        page.on("requestfinished", lambda r: loaded.append(r) if r.url.endswith(".woff2") else None)
        page.goto(f"{app_server}/pijler-2")
        wait_for_app(page)
        names = set(assert_icons_drawn(page, "/pijler-2"))
        assert {r.url.rsplit("/", 1)[1].split(".")[0] for r in loaded} >= {"MaterialSymbols-Rounded", "SourceSansVF-Upright"}
        assert all(r.sizes()["responseBodySize"] < 100_000 for r in loaded), [(r.url, r.sizes()) for r in loaded]
        page.get_by_text("Data en downloads").first.click()
        page.locator("[data-testid=stPopover] button").first.click()
        page.locator("[data-testid=stSidebarNavViewButton]").click()
        page.locator("[data-testid=stSidebar] [data-testid=stExpander] summary").first.click()
        wait_for_app(page)
        names |= set(assert_icons_drawn(page, "/pijler-2, opened"))
        assert {"keyboard_double_arrow_left", "expand_more", "touch_app", "search"} <= names, names
        assert page.evaluate("() => document.fonts.check('16px \"Source Sans\"', 'Zwevegem €')")
    finally:
        ctx.close()
