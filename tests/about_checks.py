"""Checks of the home, context and method pages (Dutch), made in the desktop axe scan that opens those
pages by URL anyway (tests/test_browser_a11y.py); formerly tests of their own in test_browser_home.py and
test_browser_about.py."""
from __future__ import annotations

from playwright.sync_api import expect

from conftest import screenshot


def assert_home_names_the_pillars(page) -> None:
    """/ (Dutch, loaded): the document's title and its three pillars, no exception."""
    assert page.locator("[data-testid=stException]").count() == 0
    body = page.locator("[data-testid=stMain]").inner_text()
    for title in ("Economische groei en transformatie", "Kansrijke arbeidsmarkt", "Innovatieve leeroplossingen"):
        assert title in body
    assert "Just Make It!" in body
    screenshot(page, "home")


def assert_context_matrix(page, vision) -> None:
    """/context (Dutch, loaded): every trend, the environment matrix with a row per factor, a flag per
    uncertain initiative and a column per pillar."""
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    text = page.locator("[data-testid=stMain]").inner_text()
    for title in vision.trends["title_nl"]:
        assert title in text
    env = vision.environment
    expect(page.locator("table.omg-matrix tbody tr")).to_have_count(env["factor_nl"].nunique())
    unsure = int(((env["certain"] != "ja") & (env["initiative_nl"] != "")).sum())
    assert page.locator("table.omg-matrix .omg-flag").count() == unsure
    assert page.locator("table.omg-matrix thead th").count() == 1 + len(vision.pillars)
    screenshot(page, "about-context")


def assert_method_formulas_and_tables(page, vision) -> None:
    """/methode (Dutch, loaded): five formulas drawn as HTML fractions (no KaTeX), the status words and
    sources, the ambitions table and the status rules."""
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    # five formulas, drawn as HTML (no KaTeX): each fraction really stacks (two rows, a bar between)
    formulas = page.locator("[data-testid=stMain] [role=math]")
    expect(formulas).to_have_count(5)
    stacked = page.evaluate("""() => [...document.querySelectorAll('[role=math] .fr')].map(f => {
        const [a, b] = f.children; return b.getBoundingClientRect().top >= a.getBoundingClientRect().bottom - 1; })""")
    assert len(stacked) == 7 and all(stacked), stacked     # 2 + 2 + 1 + 2 (the projection has none)
    assert page.locator(".katex").count() == 0
    text = page.locator("[data-testid=stMain]").inner_text()
    for label in ("Op koers", "Versnelling nodig", "Beweegt weg van het doel", "FOD Financiën"):
        assert label in text
    tables = page.locator("[data-testid=stMain] table.plain-table:not(.status-rules)")
    expect(tables).to_have_count(2)
    assert tables.first.locator("tbody tr").count() == len(vision.ambitions)
    expect(page.locator("table.status-rules tbody tr")).to_have_count(6)
    screenshot(page, "about-methode")
