"""The accessibility scan (tests/axe_scan.py) runs only axe-core's rules whose impact is serious or
critical. That drops nothing only while a violation's impact is its rule's: checked here on a page full
of faults of every impact, so that an axe-core upgrade that changes this fails here, not silently."""
from __future__ import annotations

import pytest

from axe_scan import AXE_JS, TAGS, run_axe

pytestmark = pytest.mark.browser

# faults of every impact: critical (image-alt, label, button-name), serious (color-contrast, link-name,
# list), moderate (heading-order, region, landmark-unique), minor (empty-heading, empty-table-header)
FAULTS = """<html><head><title>t</title></head><body><h1></h1><h4>skip</h4><img src="x.png"><a href="#"></a>
<button></button><p style="color:#aaa;background:#fff">low contrast</p><table><tr><th></th><td>1</td></tr></table>
<input type="text"><ul><div>x</div></ul><li>y</li><div role="foo">z</div><span aria-foo="1">q</span><select></select>
<main></main><main></main><header></header><header></header><div style="overflow:scroll;height:20px"><p>a</p><p>b</p></div>
<svg role="img"></svg><iframe></iframe><marquee>m</marquee></body></html>"""

FULL_SCAN = """async (tags) => {
    const impact = Object.fromEntries(axe._audit.rules.map(r => [r.id, r.impact]));
    const r = await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: tags}});
    return r.violations.map(v => ({rule: v.id, ruleImpact: impact[v.id], impacts: [...new Set(v.nodes.map(n => n.impact))]}));
}"""


def test_a_violation_has_its_rules_impact_so_the_scan_drops_nothing(tab):
    page = tab(width=800, height=600)
    page.set_content(FAULTS)
    page.add_script_tag(path=str(AXE_JS))
    full = page.evaluate(FULL_SCAN, list(TAGS))
    assert {v["ruleImpact"] for v in full} == {"minor", "moderate", "serious", "critical"}     # the page has them all
    assert [v for v in full if v["impacts"] != [v["ruleImpact"]]] == []
    serious = sorted({v["rule"] for v in full if v["ruleImpact"] in ("serious", "critical")})
    assert {"color-contrast", "image-alt", "label", "link-name", "list"} <= set(serious)
    # the scan of the tests, with its smaller rule set, finds exactly the serious and critical ones
    assert sorted({v["rule"] for v in run_axe(page)}) == serious
