"""Browser: accessibility and finding your way (issue 12).

- axe-core (npm package in tests/node_modules, installed by ``make install-dev``) on every page, in
  Dutch and English, on a 1440 px desktop and a 390 px phone: no serious or critical violation of our
  own. Streamlit's own (its sidebar navigation's list markup, ``axe_scan.STREAMLIT_OWN``) are listed
  separately in test-output/axe-*.json and must stay exactly that: the rule on those elements.
  The same scan checks that every page is itself: opened directly by its URL (desktop) or through the
  navigation (phone), its own heading in that language, no page-not-found, no exception; on the phone the
  home page, a pillar page and the map fit the screen (tests/phone_fit.py).
- keyboard alone: from the home page to a pillar card's data table, and to presentation mode.
- the sidebar search box finds 2.1.1 by "werkzaamheid" and opens its card.
- an unknown address shows our own page-not-found page in Dutch and in English.
- the overview fits 1440 px and 390 px without sideways scrolling (checked in the axe scan of each screen).
- in English, the document's own titles and items (which stay Dutch) are marked lang="nl" on every page.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from about_checks import assert_context_matrix, assert_home_names_the_pillars, assert_method_formulas_and_tables
from axe_scan import AXE_JS, PATHS, VIEWPORTS, run_axe
from conftest import OUT, assert_icons_drawn, screenshot, wait_for_app, wait_for_charts
from phone_fit import PAGES as PHONE_FIT_PAGES
from phone_fit import assert_fits_a_phone

pytestmark = pytest.mark.browser


def _context(browser, viewport: str):
    phone = viewport == "phone"
    return browser.new_context(viewport=VIEWPORTS[viewport], locale="nl-BE", is_mobile=phone, has_touch=phone)


def _open(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page, timeout=60_000)
    wait_for_charts(page)   # charts lay out after the script has finished


# Each page's first heading (h1) in Dutch and in English: the page (not another one, not a stale one)
# is shown in that language. The presentation screen has no h1 (its h2 is the document's Dutch title).
H1 = {
    "": ("Streekvisie Zuid-West", "Regional vision South-West"),
    "overzicht": ("Overzicht van de ambities", "Overview of the ambitions"),
    "pijler-1": ("Pijler 1: Economische groei en transformatie", "Pillar 1: Economische groei en transformatie"),
    "pijler-2": ("Pijler 2: Kansrijke arbeidsmarkt", "Pillar 2: Kansrijke arbeidsmarkt"),
    "pijler-3": ("Pijler 3: Innovatieve leeroplossingen", "Pillar 3: Innovatieve leeroplossingen"),
    "kaart": ("Kaart van de 13 gemeenten", "Map of the 13 municipalities"),
    "gemeente": ("Mijn gemeente", "My municipality"),
    "swot": ("SWOT-analyse", "SWOT analysis"),
    "context": ("Trends en omgeving", "Trends and environment"),
    "workshop": ("Workshop: notities en voorstellen", "Workshop: notes and proposals"),
    "methode": ("Methode en bronnen", "Method and sources"),
    "aanmelden": ("Aanmelden voor redacteurs", "Sign in for editors"),
    "bestaat-niet": ("Pagina niet gevonden", "Page not found"),
}
LANGS = ("nl", "en")


def _shows(page, path: str, lang: str) -> None:
    """The page at ``path`` is shown in ``lang`` and has finished: its own heading, no page-not-found
    (Streamlit's English dialog or ours) where a real page belongs, no exception; charts drawn."""
    if path in H1:
        expect(page.locator("[data-testid=stMain] h1").first).to_contain_text(H1[path][LANGS.index(lang)],
                                                                           timeout=60_000)
    else:                                                  # the presentation screen
        expect(page.locator("[data-testid=stMain] h2").first).to_be_visible(timeout=60_000)
    wait_for_app(page, timeout=60_000)
    wait_for_charts(page)
    if path != "bestaat-niet":
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_text("Pagina niet gevonden")).to_have_count(0)
    expect(page.locator("[data-testid=stException]")).to_have_count(0)


def _by_url(page, base: str, path: str, lang: str) -> None:
    """Open ``path`` directly by its URL (a shared link), in ``lang``."""
    page.goto(f"{base}/{path}" + ("?lang=EN" if lang == "en" else ""))
    _shows(page, path, lang)


def _in_app(page, path: str, lang: str) -> bool:
    """Go to ``path`` through the sidebar's page link (an in-app page switch: no reload; the app keeps the
    language); False when the navigation does not list it (behind "View more", or no nav page)."""
    link = page.locator(f'[data-testid=stSidebarNav] a[href$="/{path}"]')
    if path in ("", "presentatie", "bestaat-niet") or link.count() != 1:
        return False
    link.dispatch_event("click")       # also on a phone, where the sidebar is folded away
    page.wait_for_url(lambda u: u.split("?")[0].endswith(f"/{path}"), timeout=60_000)
    _shows(page, path, lang)
    return True


def _switch_language(page, path: str, lang: str) -> bool:
    """Switch the shown page to ``lang`` with the sidebar's NL | EN control (a rerun, not a reload);
    False where that is not how a reader would do it (our not-found page switches to the home page;
    the presentation screen shows no language-specific heading to wait for)."""
    if path in ("presentatie", "bestaat-niet"):
        return False
    page.locator("[data-testid=stSidebar] [data-testid=stButtonGroup] button",
                 has_text=lang.upper()).dispatch_event("click")
    _shows(page, path, lang)
    return True


# The document's own words that stay Dutch in English mode: they must be marked lang="nl" (WCAG 3.1.2), so
# that a screen reader reads them with a Dutch voice. A text of the page that is such a title (or ends with
# it after a short lead-in of ours: "Pillar 1: ", "2.1 ", "Trend A · ") and whose nearest lang is not "nl" is
# reported. Widgets (pills, buttons, select boxes) take no lang attribute of ours and are left out.
UNMARKED_DUTCH_JS = """(titles) => {
    const out = [], main = document.querySelector('[data-testid=stMain]');
    const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode());) {
        const el = n.parentElement, text = n.textContent.trim();
        if (!text || el.closest('button, svg, script, style, [data-baseweb], [data-testid=stWidgetLabel], [role=tablist]')) continue;
        if (!titles.some(t => text.endsWith(t) && text.length - t.length <= 16)) continue;
        const marked = el.closest('[lang]');
        if (!marked || marked.lang !== 'nl') out.push(el.tagName + ': ' + text.slice(0, 80));
    }
    return out;
}"""


def document_titles(vision) -> list[str]:
    """The document's titles and items that the pages show as published (in Dutch)."""
    words = ({p.title_nl for p in vision.pillars} | {b.title_nl for b in vision.building_blocks}
             | {a.title_nl for a in vision.ambitions} | set(vision.swot["item_nl"]) | set(vision.trends["title_nl"])
             | set(vision.environment["factor_nl"]) | set(vision.environment["initiative_nl"])
             | {x["title_nl"] for x in vision.texts.values()})
    return sorted(w for w in words if len(w) >= 8)


def _checks(page, viewport: str, path: str, lang: str, vision) -> None:
    """Checks made on a page the scan shows anyway (instead of loading it again in a test of its own)."""
    assert_icons_drawn(page, f"/{path} {lang} {viewport}")       # tools/font_cut.py kept every icon shown
    if lang == "en" and viewport == "desktop":
        unmarked = page.evaluate(UNMARKED_DUTCH_JS, document_titles(vision))
        assert not unmarked, f"/{path}: the document's Dutch words unmarked in English mode: {unmarked[:8]}"
    if path == "overzicht" and lang == "nl":
        _assert_overview_fits(page, viewport)
    if viewport == "desktop" and lang == "nl":
        if path == "":
            assert_home_names_the_pillars(page)
        elif path == "context":
            assert_context_matrix(page, vision)
        elif path == "methode":
            assert_method_formulas_and_tables(page, vision)


def _scan(page, path: str, lang: str, report: dict) -> None:
    """axe on the shown page; the sidebar (the same on every page) only on the first page scanned in
    ``lang`` (``report[lang]`` still empty)."""
    found = run_axe(page, sidebar=not report[lang])
    report[lang][path or "/"] = found


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_axe_no_serious_violations_of_our_own(browser, app_server, viewport, vision):
    """Every page in both languages, scanned with axe-core; each page is also checked to be itself
    (its heading in that language, no page-not-found, no exception).

    On the desktop every page is opened directly by its URL (a shared link) in Dutch and then switched to
    English in place; on the phone the pages are reached through the navigation where it lists them, in
    the language the previous page was left in, and switched to the other one. (Fewer full page loads:
    the scans took 40 s per language and screen.) The phone walks the pages in the opposite order: the
    two walks start together on two test workers, each against its own server, and on a fresh clone
    both servers drew the same 62 still pictures at the same moment; in opposite orders the second
    server mostly finds them on disk (the render cache is shared). A small gain: ~1 core-s."""
    assert AXE_JS.exists(), "axe-core ontbreekt: `make install-dev` (npm install in tests/)"
    assert set(H1) | {"presentatie"} == set(PATHS), "a new page needs its heading in H1"
    ctx = _context(browser, viewport)
    page = ctx.new_page()
    report: dict[str, dict] = {lang: {} for lang in LANGS}
    try:
        lang = "nl"
        for path in (PATHS if viewport == "desktop" else PATHS[::-1]):
            if viewport == "desktop" or not _in_app(page, path, lang):
                _by_url(page, app_server, path, lang)
            if viewport == "phone" and path in PHONE_FIT_PAGES:
                assert_fits_a_phone(page, path)      # home, a pillar page and the map fit a phone screen
            _checks(page, viewport, path, lang, vision)
            _scan(page, path, lang, report)
            other = LANGS[1 - LANGS.index(lang)]
            if not _switch_language(page, path, other):
                _by_url(page, app_server, path, other)
            _checks(page, viewport, path, other, vision)
            _scan(page, path, other, report)
            if viewport == "desktop":
                lang = "nl"               # the next page opened by URL, in Dutch again
            else:
                lang = other              # the app keeps the language across an in-app switch
    finally:
        ctx.close()
    OUT.mkdir(exist_ok=True)
    ours = []
    for lang in LANGS:
        assert set(report[lang]) == {p or "/" for p in PATHS}      # every page was scanned in both languages
        (OUT / f"axe-{viewport}-{lang}.json").write_text(json.dumps(report[lang], indent=1, ensure_ascii=False))
        ours += [f"{lang} /{path.strip('/')} {v['rule']} ({v['impact']}): {v['target']} {v['html'][:80]}"
                 for path, found in report[lang].items() for v in found if not v["streamlit"]]
    assert not ours, f"{len(ours)} ernstige toegankelijkheidsfouten van ons:\n" + "\n".join(ours[:40])
    # Streamlit's own: only the navigation's list rules, and they are really there (else the allow-list is stale)
    own = {v["rule"] for lang in LANGS for found in report[lang].values() for v in found if v["streamlit"]}
    assert own <= {"list", "listitem"}, own


def _tab_to(page, predicate_js: str, limit: int, shift: bool = False) -> bool:
    """Press Tab until the focused element satisfies ``predicate_js`` (an arrow function of the element)."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if shift else "Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({predicate_js})(el); }}"):
            return True
    return False


FOCUS_VISIBLE_JS = """() => {
    const s = getComputedStyle(document.activeElement);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
}"""


def test_keyboard_reaches_a_card_table_and_presentation_mode(tab, app_server):
    page = tab(**VIEWPORTS["desktop"])   # a new tab (session) in the worker's browser context
    _open(page, app_server)
    assert _tab_to(page, "el => el.tagName === 'A' && el.textContent.includes('Kansrijke arbeidsmarkt')", 60), \
        "de pijlerpagina is niet met Tab te bereiken"
    assert page.evaluate(FOCUS_VISIBLE_JS), "geen zichtbare focus op de navigatielink"
    page.keyboard.press("Enter")
    page.wait_for_url("**/pijler-2**", timeout=30_000)
    wait_for_app(page, timeout=60_000)
    # the building-block selector first, then the first card's "Data en downloads" (a lazy expander's summary)
    assert _tab_to(page, "el => el.getAttribute('role') === 'radio' && el.textContent.includes('2.1 Kwalitatief')"
                         " && el.closest('[data-testid=stMain]') !== null", 80), "de bouwsteenkeuze is niet met Tab te bereiken"
    assert page.evaluate(FOCUS_VISIBLE_JS), "geen zichtbare focus in de bouwsteenkeuze"
    assert _tab_to(page, "el => el.tagName === 'SUMMARY' && el.textContent.includes('Data en downloads')", 250), \
        "de datatabel van een kaart is niet met Tab te bereiken"
    page.keyboard.press("Enter")
    table = page.locator("details[open] [data-testid=stDataFrame]").first
    table.wait_for(state="visible", timeout=15_000)
    # presentation mode: back to the navigation (Shift+Tab), Enter, then ← → browse
    assert _tab_to(page, "el => el.tagName === 'A' && el.textContent.trim().endsWith('Presentatie')", 400, shift=True), \
        "de presentatiemodus is niet met het toetsenbord te bereiken"
    page.keyboard.press("Enter")
    page.wait_for_url("**/presentatie**", timeout=30_000)
    wait_for_app(page, timeout=60_000)
    assert page.locator("[data-testid=stSidebar]").is_hidden() or page.locator("[data-testid=stSidebar]").count() == 0
    screenshot(page, "keyboard-presentation")


def test_keyboard_shows_a_far_block_and_lands_on_its_first_card(tab, app_server):
    """In the view of every block, a keyboard reader reaches a far block's "Grafieken en details tonen"
    button with Tab; Enter shows the block's full cards and puts the focus on the first of them (the
    button they were on is gone: without this the next Tab went on after the block)."""
    page = tab(**VIEWPORTS["desktop"])
    _open(page, f"{app_server}/pijler-1?bouwsteen=alle")
    assert _tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.includes('Grafieken en details van 1.2 tonen')", 150), \
        "de knop van een verre bouwsteen is niet met Tab te bereiken"
    page.keyboard.press("Enter")
    expect(page.locator(".st-key-ambitie-1-2-1 h4")).to_be_focused(timeout=30_000)
    expect(page.locator(".st-key-full-btn-1-2")).to_have_count(0)
    expect(page.locator(".st-key-full-btn-1-3")).to_have_count(1)        # the other far blocks stay light
    page.keyboard.press("Tab")                  # on into the card: its first control, not the next block
    assert page.evaluate("() => !!document.activeElement.closest('.st-key-ambitie-1-2-1')")


@pytest.mark.parametrize("lang,query,code,page_path", [("nl", "werkzaamheid", "2.1.1", "pijler-2"),
                                                       ("nl", "vakature", "3.1.1", "pijler-3"),
                                                       ("en", "vacancies", "3.1.1", "pijler-3")])
def test_search_box_opens_the_card(tab, app_server, lang, query, code, page_path):
    page = tab(**VIEWPORTS["desktop"])   # a new tab (session) in the worker's browser context
    _open(page, app_server + ("/?lang=EN" if lang == "en" else ""))
    # the search field sits in a lazy sidebar expander (built when opened)
    page.locator("[data-testid=stSidebar] summary", has_text="Search" if lang == "en" else "Zoeken").click()
    box = page.locator("[data-testid=stSidebar] input[type=search]")
    box.fill(query)
    link = page.locator("[data-testid=stSidebar] [data-testid=stPageLink] a", has_text=code).first
    link.wait_for(state="visible", timeout=20_000)
    wait_for_app(page, timeout=60_000)   # the search's rerun has finished: click the link it leaves, not one it replaces
    # once more if the first click was lost (seen once in CI at load 3-4: a rerun replaced the link
    # between finding it and the click, as with the downloads)
    target = re.compile(rf"/{re.escape(page_path)}\?.*ambitie={re.escape(code)}")
    link.click()
    try:
        expect(page).to_have_url(target, timeout=15_000)
    except AssertionError:
        wait_for_app(page, timeout=60_000)
        link.click()
        expect(page).to_have_url(target, timeout=30_000)
    wait_for_app(page, timeout=60_000)
    card = page.locator(f".st-key-ambitie-{code.replace('.', '-')}")
    card.wait_for(state="visible", timeout=30_000)


@pytest.mark.parametrize("lang,title,home", [("nl", "Pagina niet gevonden", "Naar de startpagina"),
                                             ("en", "Page not found", "To the home page")])
def test_unknown_address_shows_our_not_found_page(tab, app_server, lang, title, home):
    page = tab(**VIEWPORTS["desktop"])   # a new tab (session) in the worker's browser context
    long_name = "bestaat-niet-" + "x" * 300
    _open(page, f"{app_server}/{long_name}" + ("?lang=EN" if lang == "en" else ""))
    main = page.locator("[data-testid=stMain]")
    assert main.locator("h1", has_text=title).count() == 1
    text = main.inner_text()
    assert "x" * 60 not in text, "the unknown address is echoed in full"
    # Streamlit's own English dialog does not appear
    assert page.locator("[role=dialog]").count() == 0
    screenshot(page, f"not-found-{lang}")
    page.get_by_role("link", name=home).click()
    # the click starts an in-app page switch: wait for it, not for the page that is still shown
    page.wait_for_url(lambda u: "bestaat-niet" not in u, timeout=60_000)
    wait_for_app(page, timeout=60_000)
    expect(page.locator("[data-testid=stMain] h1").first).to_have_text(re.compile(r"^Just Make It!"),
                                                                       timeout=60_000)


OVERFLOW_JS = """() => {
    const tables = [...document.querySelectorAll('[data-testid=stMain] .plain-wrap')]
        .filter(w => w.getBoundingClientRect().width > 0)
        .map(w => w.scrollWidth - w.clientWidth);
    return {page: document.scrollingElement.scrollWidth, vw: window.innerWidth, tables};
}"""


def _assert_overview_fits(page, viewport: str) -> None:
    """The overview (/overzicht, Dutch) fits 1440 px and 390 px without sideways scrolling: every column of
    every table visible; on a phone every row a short card of "heading: value" lines; the status filter's
    last option fully visible. Checked in the axe scan of that screen, which shows the page anyway."""
    table = page.locator("[data-testid=stMain] table.overview-table").first
    expect(table).to_be_visible(timeout=20_000)
    m = page.evaluate(OVERFLOW_JS)
    screenshot(page, f"overview-{viewport}")
    assert m["page"] <= m["vw"], m
    assert len(m["tables"]) == 3 and max(m["tables"]) <= 2, m   # every column of every table visible
    head = table.locator("thead")
    if viewport == "desktop":   # a table with a visible header row
        assert head.is_visible()
    else:                        # a phone: every row a short card of "heading: value" lines
        box = head.bounding_box()
        assert box is None or box["height"] <= 1, box      # the header row is for screen readers only
        row = table.locator("tbody tr").first
        assert row.evaluate("r => getComputedStyle(r).display") == "block"
        label = row.locator("td").first.evaluate("c => getComputedStyle(c, '::before').content")
        assert label == '"Omschrijving: "', label             # each value says what it is
        w = row.bounding_box()["width"]
        assert w <= m["vw"], w
        expect(table.get_by_role("link", name="1.1.1", exact=True)).to_be_visible()
    # the status filter's last option is fully visible (not clipped)
    pill = page.get_by_role("button", name="Niet te beoordelen").last
    box, vw = pill.bounding_box(), m["vw"]
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= vw
