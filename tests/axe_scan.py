"""axe-core in Chromium for the accessibility tests (tests/test_browser_a11y.py) and for a manual scan.

``python tests/axe_scan.py [BASE_URL]`` prints every page's serious/critical violations in Dutch and
English, desktop and phone (starts its own server when no URL is given)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"

# Every page of the app, by its URL path (pages/routes.py; the editing page shows visitors the same
# sign-in form as /aanmelden), and an unknown path for the page-not-found page.
sys.path.insert(0, str(HERE.parent))
from pages.routes import ROUTES  # noqa: E402

PATHS = [r.url_path for r in ROUTES if r.editor != "editor"] + ["bestaat-niet"]
VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}

# Streamlit's own markup that the project cannot change: axe rule id -> the CSS selector of exactly the
# elements it may report. Precise on purpose: the same rule on any other element is still ours.
# st.navigation with sections renders <ul data-testid="stSidebarNavItems"> whose children are <div>s
# (one per section: its header and its <li> items), so axe reports the <ul> ("list": only <li> may be
# direct children) and each <li> ("listitem": no <ul>/<ol> parent).
NAV = 'ul[data-testid="stSidebarNavItems"]'
STREAMLIT_OWN = {
    "list": NAV,
    "listitem": f"{NAV} > div > li",
}


SIDEBAR = "[data-testid=stSidebar]"
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")   # WCAG 2.1 A and AA, and axe's best practices


def run_axe(page, sidebar: bool = True) -> list[dict]:
    """Serious and critical violations on the loaded page: [{rule, impact, target, html, summary, streamlit}] (streamlit: Streamlit's own markup, see STREAMLIT_OWN).
    ``sidebar=False`` leaves the sidebar out (the same on every page: a walk through all pages
    scans it once per language and screen; it is ~40 % of a page's scan time)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("""async ([own, exclude, tags]) => {
        // only the rules that can report a serious or critical violation: in axe-core 4.11 a violation's
        // impact is its rule's (tests/test_axe_rules.py), so the others (region, heading-order, the
        // landmark rules ...) could only report what this scan drops; a scan takes 10-35 % less time
        const rules = axe._audit.rules.filter(r => ['serious', 'critical'].includes(r.impact)
                                                  && r.tags.some(t => tags.includes(t))).map(r => r.id);
        const r = await axe.run(exclude ? {exclude: [[exclude]]} : document, {resultTypes: ['violations'],
            runOnly: {type: 'rule', values: rules}});
        const isOwn = (rule, target) => {
            if (!(rule in own) || target.length !== 1) return false;
            const el = document.querySelector(target[0]);
            return !!el && el.matches(own[rule]);
        };
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                      summary: (n.failureSummary || '').slice(0, 300),
                                      streamlit: isOwn(v.id, n.target)}))}));
    }""", [STREAMLIT_OWN, None if sidebar else SIDEBAR, list(TAGS)])
    out = []
    for v in result:
        if v["impact"] not in ("serious", "critical"):
            continue
        for n in v["nodes"]:
            out.append({"rule": v["id"], "impact": v["impact"], "target": n["target"], "html": n["html"],
                        "summary": n["summary"], "streamlit": n["streamlit"]})
    return out


def main(base: str | None = None) -> None:
    sys.path.insert(0, str(HERE))
    from conftest import find_chromium, start_streamlit, stop, wait_for_app
    from playwright.sync_api import sync_playwright
    proc = None
    if base is None:
        proc, base = start_streamlit()
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=find_chromium(), headless=True,
                                   args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            for vp_name, vp in VIEWPORTS.items():
                for lang in ("nl", "en"):
                    ctx = b.new_context(viewport=vp)
                    pg = ctx.new_page()
                    for path in PATHS:
                        sep = "&" if "?" in path else "?"
                        pg.goto(f"{base}/{path}" + (f"{sep}lang=EN" if lang == "en" else ""))
                        try:
                            wait_for_app(pg, timeout=60_000)
                        except Exception as e:  # noqa: BLE001 (a scan reports and goes on)
                            print(f"{vp_name} {lang} /{path}: not loaded ({type(e).__name__})")
                            continue
                        pg.wait_for_timeout(1000)
                        vs = run_axe(pg)
                        ours = [v for v in vs if not v["streamlit"]]
                        rules = sorted({v["rule"] for v in ours})
                        print(f"{vp_name:7} {lang} /{path:12} ours={len(ours):3} {rules}  streamlit={len(vs) - len(ours)}",
                              flush=True)
                        for v in ours[:6]:
                            print("     ", v["rule"], v["target"][:90], "|", v["html"][:90].replace("\n", " "))
                    ctx.close()
            b.close()
    finally:
        if proc is not None:
            stop(proc)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
