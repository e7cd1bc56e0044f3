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

MAP = ".streek-map"          # pages/clickable_map: the still map, its municipalities buttons (data-nis)
MUNICIPALITIES = ("Anzegem", "Avelgem", "Deerlijk", "Harelbeke", "Kortrijk", "Kuurne", "Lendelede", "Menen",
                  "Waregem", "Wevelgem", "Zwevegem", "Spiere-Helkijn", "Wervik")

# The municipalities carry aria-label "<name>: <value>" (streek.mapchart); returns one record per
# municipality found in the map's SVG: fill colour, size, NIS code, pressed state, and a point inside its fill.
SHAPES_JS = """(names) => {
  const box = document.querySelector('__MAP__');
  const svg = box && box.querySelector('svg');
  if (!svg) return null;
  const vb = svg.getBoundingClientRect();
  const out = [];
  for (const p of svg.querySelectorAll('path[data-nis]')) {
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
    out.push({name, label, nis: p.dataset.nis, pressed: p.getAttribute('aria-pressed') === 'true',
              fill: getComputedStyle(p).fill, w: r.width, h: r.height, inside});
  }
  return {width: vb.width, height: vb.height, shapes: out};
}""".replace("__MAP__", MAP)


def map_shapes(page) -> dict:
    return page.evaluate(SHAPES_JS, list(MUNICIPALITIES))


def wait_for_map(page, timeout_ms: float = 60_000) -> None:
    """Until the map shows the 13 municipalities as buttons."""
    page.wait_for_function(
        """() => document.querySelectorAll('__MAP__ svg path[data-nis]').length === 13""".replace("__MAP__", MAP),
        timeout=timeout_ms)


# the series beside the map: its still picture's alt text ("Reeks van … voor Menen, …") or, once the
# reader made it interactive, the Vega chart's text
SERIES_JS = """() => [...document.querySelectorAll('img.streek-still')].map(i => i.complete && i.naturalWidth ? i.alt : '')
    .concat([...document.querySelectorAll('[data-testid=stVegaLiteChart]')].map(c => c.textContent)).join(' | ')"""


def series_text(page) -> str:
    return page.evaluate(SERIES_JS)


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
    """Click inside ``name`` on the map; seconds until the series beside it names it (its still picture
    loaded)."""
    shapes = {s["name"]: s for s in map_shapes(page)["shapes"]}
    pt = shapes[name]["inside"]
    if pt is None:
        raise RuntimeError(f"geen punt gevonden binnen {name} op de kaart")
    t0 = time.perf_counter()
    page.mouse.click(pt["x"], pt["y"])
    page.wait_for_function("(name) => (" + SERIES_JS + ")().includes(' ' + name + ',')", arg=name, timeout=timeout_ms)
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
