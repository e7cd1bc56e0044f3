"""Browser: accessibility and finding your way (issue 12).

- axe-core (npm package in tests/node_modules, installed by ``make install-dev``) on every page, in
  Dutch and English, on a 1440 px desktop and a 390 px phone: no serious or critical violation of our
  own. Streamlit's own (its sidebar navigation's list markup, ``axe_scan.STREAMLIT_OWN``) are listed
  separately in test-output/axe-*.json and must stay exactly that: the rule on those elements.
- keyboard alone: from the home page to a pillar card's data table, and to presentation mode.
- the sidebar search box finds 2.1.1 by "werkzaamheid" and opens its card.
- an unknown address shows our own page-not-found page in Dutch and in English.
- the overview fits 1440 px and 390 px without sideways scrolling.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from axe_scan import AXE_JS, PATHS, VIEWPORTS, run_axe
from conftest import OUT, screenshot, wait_for_app, wait_for_charts

pytestmark = pytest.mark.browser


def _context(browser, viewport: str):
    phone = viewport == "phone"
    return browser.new_context(viewport=VIEWPORTS[viewport], locale="nl-BE", is_mobile=phone, has_touch=phone)


def _open(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page, timeout=60_000)
    wait_for_charts(page)   # charts lay out after the script has finished


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_no_serious_violations_of_our_own(browser, app_server, viewport, lang):
    assert AXE_JS.exists(), "axe-core ontbreekt: `make install-dev` (npm install in tests/)"
    ctx = _context(browser, viewport)
    page = ctx.new_page()
    report, ours = {}, []
    try:
        for path in PATHS:
            _open(page, f"{app_server}/{path}" + ("?lang=EN" if lang == "en" else ""))
            found = run_axe(page)
            report[path or "/"] = found
            ours += [f"/{path} {v['rule']} ({v['impact']}): {v['target']} {v['html'][:80]}"
                     for v in found if not v["streamlit"]]
    finally:
        ctx.close()
    assert set(report) == {p or "/" for p in PATHS}      # every page was scanned
    OUT.mkdir(exist_ok=True)
    (OUT / f"axe-{viewport}-{lang}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    assert not ours, f"{len(ours)} ernstige toegankelijkheidsfouten van ons:\n" + "\n".join(ours[:40])
    # Streamlit's own: only the navigation's list rules, and they are really there (else the allow-list is stale)
    own = {v["rule"] for found in report.values() for v in found if v["streamlit"]}
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


def test_keyboard_reaches_a_card_table_and_presentation_mode(browser, app_server):
    ctx = _context(browser, "desktop")
    page = ctx.new_page()
    try:
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
    finally:
        ctx.close()


@pytest.mark.parametrize("lang,query,code,page_path", [("nl", "werkzaamheid", "2.1.1", "pijler-2"),
                                                       ("nl", "vakature", "3.1.1", "pijler-3"),
                                                       ("en", "vacancies", "3.1.1", "pijler-3")])
def test_search_box_opens_the_card(browser, app_server, lang, query, code, page_path):
    ctx = _context(browser, "desktop")
    page = ctx.new_page()
    try:
        _open(page, app_server + ("/?lang=EN" if lang == "en" else ""))
        # the search field sits in a lazy sidebar expander (built when opened)
        page.locator("[data-testid=stSidebar] summary", has_text="Search" if lang == "en" else "Zoeken").click()
        box = page.locator("[data-testid=stSidebar] input[type=search]")
        box.fill(query)
        link = page.locator("[data-testid=stSidebar] [data-testid=stPageLink] a", has_text=code).first
        link.wait_for(state="visible", timeout=20_000)
        link.click()
        page.wait_for_url(lambda u: f"/{page_path}?" in u and f"ambitie={code}" in u, timeout=30_000)
        wait_for_app(page, timeout=60_000)
        card = page.locator(f".st-key-ambitie-{code.replace('.', '-')}")
        card.wait_for(state="visible", timeout=30_000)
    finally:
        ctx.close()


@pytest.mark.parametrize("lang,title,home", [("nl", "Pagina niet gevonden", "Naar de startpagina"),
                                             ("en", "Page not found", "To the home page")])
def test_unknown_address_shows_our_not_found_page(browser, app_server, lang, title, home):
    ctx = _context(browser, "desktop")
    page = ctx.new_page()
    try:
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
    finally:
        ctx.close()


OVERFLOW_JS = """() => {
    const tables = [...document.querySelectorAll('[data-testid=stMain] .plain-wrap')]
        .filter(w => w.getBoundingClientRect().width > 0)
        .map(w => w.scrollWidth - w.clientWidth);
    return {page: document.scrollingElement.scrollWidth, vw: window.innerWidth, tables};
}"""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_overview_fits_without_sideways_scrolling(browser, app_server, viewport):
    ctx = _context(browser, viewport)
    page = ctx.new_page()
    try:
        _open(page, f"{app_server}/overzicht")
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
    finally:
        ctx.close()
