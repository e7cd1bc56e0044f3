"""AppTest: a SWOT item that the document places in two quadrants is listed in both, with a note."""
import re

from streamlit.testing.v1 import AppTest

from conftest import ROOT


def test_items_in_two_quadrants_are_listed_in_both(vision):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/swot_page.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    md = [m.value for m in at.markdown]
    kansen = next(m for m in md if "Opkomst circulaire" in m)
    threats = next(m for m in md if "Brexit" in m)
    for item in ("Wetswijzigingen", "Klimaatveranderingen", "Demografische veranderingen"):
        assert item in kansen and item in threats
        # in the threats list with a badge that says where else it sits
        assert re.search(rf"{item} :gray-badge\[ook bij Kansen\]", threats)
    # the count under each quadrant's heading (pages/ui.heading_html)
    counts = re.findall(r'<p class="card-caption">(\d+ items)</p>', " ".join(h.proto.body for h in at.get("html")))
    assert "8 items" in counts    # opportunities: 8, threats: 5 of its own + 3 shared
    assert counts.count("8 items") == 2
