"""AppTest: a SWOT item that the document places in two quadrants is listed in both, with a note."""
import re

from conftest import open_via_router


def test_items_in_two_quadrants_are_listed_in_both(vision):
    at = open_via_router("pages/swot_page.py")
    grid = next(h.proto.body for h in at.get("html") if 'class="swot-grid"' in h.proto.body)   # the four quadrants, one element
    quadrants = re.findall(r'<section class="swot-q">(.*?)</section>', grid, re.S)
    assert len(quadrants) == 4
    kansen = next(q for q in quadrants if "Opkomst circulaire" in q)
    threats = next(q for q in quadrants if "Brexit" in q)
    for item in ("Wetswijzigingen", "Klimaatveranderingen", "Demografische veranderingen"):
        assert f"<li>{item}" in kansen and f"<li>{item}" in threats
        # in the threats list with a badge that says where else it sits
        assert re.search(rf'<li>{item}<span class="swot-badge gray">ook bij Kansen</span>', threats)
    # the count under each quadrant's heading (pages/ui.heading_html)
    counts = re.findall(r'<p class="card-caption">(\d+ items)</p>', grid)
    assert counts == ["10 items", "6 items", "8 items", "8 items"]    # opportunities: 8, threats: 5 of their own + 3 shared


def test_english_quadrants_mark_the_documents_dutch_items(vision):
    """In English the quadrants' headings, counts, badges and notes are English and the document's items
    stay Dutch, each marked lang="nl" so that a screen reader reads them as Dutch (WCAG 3.1.2)."""
    from conftest import open_via_router
    at = open_via_router("pages/swot_page.py", lang="en")
    grid = next(h.proto.body for h in at.get("html") if 'class="swot-grid"' in h.proto.body)
    for q in ("Strengths", "Weaknesses", "Opportunities", "Threats"):
        assert f'<h3 class="card-title">{q}</h3>' in grid, q
    items = re.findall(r"<li>(.*?)</li>", grid, re.S)
    assert len(items) == 32 and all(i.startswith('<span lang="nl">') for i in items)
    assert re.search(r'<li><span lang="nl">Wetswijzigingen</span><span class="swot-badge gray">also under Opportunities</span>', grid)
    assert "items</p>" in grid and "ook bij" not in grid and "cijfers" not in grid
