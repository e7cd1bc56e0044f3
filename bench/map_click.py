"""Browser timings of the map page: first render, and a click on a municipality until the series
beside the map shows it.

    measure(page, base_url) -> {"map_first_render_s": ..., "map_click_s": ..., ...}

``page`` is a Playwright page (sync API), ``base_url`` the running app (``http://127.0.0.1:8501``).
Self-contained: bench/run.py calls it when present; tests/test_browser_map.py uses the helpers.
Run alone: ``python bench/map_click.py http://127.0.0.1:8501`` (uses Chromium from the system).
"""
from __future__ import annotations

import sys
import time

CHART = "[data-testid=stVegaLiteChart]"
MUNICIPALITIES = ("Anzegem", "Avelgem", "Deerlijk", "Harelbeke", "Kortrijk", "Kuurne", "Lendelede", "Menen",
                  "Waregem", "Wevelgem", "Zwevegem", "Spiere-Helkijn", "Wervik")

# The coloured shapes carry aria-label "<name>: <value>" (streek.mapchart); returns one record per
# municipality found in the first chart's SVG: fill colour, size, and a point inside its fill.
SHAPES_JS = """(names) => {
  const chart = document.querySelectorAll('__CHART__')[0];
  if (!chart) return null;
  const svg = chart.querySelector('svg.marks');
  if (!svg) return {renderer: chart.querySelector('canvas') ? 'canvas' : 'none', shapes: []};
  const vb = svg.getBoundingClientRect();
  const out = [];
  for (const p of svg.querySelectorAll('path[aria-roledescription="geoshape"]')) {
    const label = p.getAttribute('aria-label') || '';
    const name = names.find(n => label.startsWith(n + ':'));
    if (!name) continue;
    const bb = p.getBBox();
    const pts = [];
    for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
      const q = svg.createSVGPoint();
      q.x = bb.x + bb.width * i / 24; q.y = bb.y + bb.height * j / 24;
      if (p.isPointInFill(q)) pts.push(q);
    }
    let inside = null;
    if (pts.length) {
      const cx = pts.reduce((s, q) => s + q.x, 0) / pts.length, cy = pts.reduce((s, q) => s + q.y, 0) / pts.length;
      pts.sort((a, b) => ((a.x-cx)**2 + (a.y-cy)**2) - ((b.x-cx)**2 + (b.y-cy)**2));
      const sp = pts[0].matrixTransform(p.getScreenCTM());
      inside = {x: sp.x, y: sp.y};
    }
    const r = p.getBoundingClientRect();
    out.push({name, label, fill: getComputedStyle(p).fill, w: r.width, h: r.height, inside});
  }
  return {renderer: 'svg', width: vb.width, height: vb.height, shapes: out};
}""".replace("__CHART__", CHART)


def map_shapes(page) -> dict:
    return page.evaluate(SHAPES_JS, list(MUNICIPALITIES))


def wait_for_map(page, timeout_ms: float = 60_000) -> None:
    """Until the first chart shows the coloured shapes of the 13 municipalities."""
    page.wait_for_function(
        """(names) => {
            const c = document.querySelectorAll('__CHART__')[0];
            if (!c) return false;
            const labels = Array.from(c.querySelectorAll('path[aria-roledescription="geoshape"]'))
                .map(p => p.getAttribute('aria-label') || '');
            return names.every(n => labels.some(l => l.startsWith(n + ':')));
        }""".replace("__CHART__", CHART), arg=list(MUNICIPALITIES), timeout=timeout_ms)


def series_text(page) -> str:
    charts = page.locator(CHART)
    return charts.nth(1).inner_text() if charts.count() > 1 else ""


def wait_for_idle(page, timeout_ms: float = 60_000) -> None:
    page.wait_for_function(
        """() => { const a = document.querySelector('[data-testid=stApp]');
                  return a && a.getAttribute('data-test-script-state') === 'notRunning'; }""",
        timeout=timeout_ms)


def dismiss_dialog(page) -> bool:
    """Close a modal dialog that covers the page (on the first page load of a fresh server,
    Streamlit 1.67 shows "Page not found" for a page path although it then runs that page).
    Returns True when one was closed."""
    dlg = page.locator("[data-testid=stDialog]")
    if dlg.count() == 0:
        return False
    page.keyboard.press("Escape")
    dlg.first.wait_for(state="detached", timeout=10_000)
    return True


def click_municipality(page, name: str, timeout_ms: float = 60_000) -> float:
    """Click inside ``name`` on the map; seconds until the series chart names it."""
    shapes = {s["name"]: s for s in map_shapes(page)["shapes"]}
    pt = shapes[name]["inside"]
    if pt is None:
        raise RuntimeError(f"geen punt gevonden binnen {name} op de kaart")
    t0 = time.perf_counter()
    page.mouse.click(pt["x"], pt["y"])
    page.wait_for_function(
        """(name) => { const c = document.querySelectorAll('__CHART__')[1];
                       return c && c.textContent.includes(name + ' naast'); }""".replace("__CHART__", CHART),
        arg=name, timeout=timeout_ms)
    return time.perf_counter() - t0


def measure(page, base_url: str, indicator: str = "vat_enterprises_active", view: str = "per1000",
            municipality: str = "Menen") -> dict:
    """Open the map page and time the first render and a click (seconds)."""
    t0 = time.perf_counter()
    page.goto(f"{base_url.rstrip('/')}/kaart?indicator={indicator}&weergave={view}")
    wait_for_map(page)
    first = time.perf_counter() - t0
    wait_for_idle(page)
    page.wait_for_timeout(300)
    dialog = dismiss_dialog(page)
    click = click_municipality(page, municipality)
    return {"page": "kaart", "map_first_render_s": round(first, 3), "map_click_s": round(click, 3),
            "indicator": indicator, "view": view, "clicked": municipality, "dialog_closed": dialog}


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8501"
    from run import find_chromium
    exe = find_chromium()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu"])
        pg = b.new_page(viewport={"width": 1400, "height": 1600})
        print(measure(pg, url))
        b.close()
