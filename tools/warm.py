"""Warm a freshly started server the way the facilitator would, before the room arrives.

A new Streamlit process pays once for everything a page caches (the vision, the assessments, the
cards' charts, the map's views): the first visitor of each page waits ~2 s longer than the next. With
``make serve`` every worker pays it again, and the facilitator's own visit warms only the worker that
serves the facilitator — half a room could meet a cold worker at once. So ``make run`` and ``make
serve`` (``STREEK_WARM=1``) visit every visitor page (pages/routes.py) once in each language on every process, over the
WebSocket as a browser would (``tools/streamlit_ws.Visitor``), in a background thread of the launcher:
the server does the work, nothing waits for it, and a reader who arrives first is simply served.

It starts after ``tools/prerender.py`` has drawn the still pictures (it waits, at most 2 minutes,
while that marks itself running): the pictures come from disk then, instead of being drawn inside
the server, where they would hold it up. A page that fails is reported; the server keeps running.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "tools") not in sys.path:        # prerender and streamlit_ws live beside this file
    sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(1, str(ROOT))
from pages.routes import ROUTES  # noqa: E402  (the one list of pages; imports no streamlit)

# every page a visitor can open (not the editors' pages), in the navigation's order
PAGES = tuple(r.url_path for r in ROUTES if not r.editor)
LANG_QUERY = {"nl": "", "en": "lang=EN"}
PRERENDER_WAIT_S = 120


def _healthy(url: str, timeout: float) -> bool:
    """Whether ``url`` answers within ``timeout`` seconds (a worker may still be starting)."""
    from server import healthy
    deadline = time.time() + timeout
    while not healthy(url):
        if time.time() >= deadline:
            return False
        time.sleep(0.5)
    return True


def _prerender_running() -> bool:
    from prerender import mark_path
    mark = mark_path()
    try:
        return mark is not None and time.time() - mark.stat().st_mtime < 600   # a stale mark (a killed run) does not count
    except FileNotFoundError:
        return False


async def _visit_all(url: str, timeout: float) -> list[str]:
    from streamlit_ws import Visitor
    problems = []
    for lang, query in LANG_QUERY.items():
        async with Visitor(url, timeout=timeout) as v:      # one session per language, like one reader
            for page in PAGES:
                run = await v.open(page, query)
                if not run.ok:
                    problems.append(f"/{page} ({lang}): {run.exceptions[:1] or 'pagina niet gevonden'}")
    return problems


def warm(urls: list[str], timeout: float = 300) -> list[str]:
    """Visit every page of ``PAGES`` in both languages on each server in ``urls`` (once it answers);
    returns the problems seen."""
    start = time.time()
    while _prerender_running() and time.time() - start < PRERENDER_WAIT_S:
        time.sleep(1)
    problems = []
    for url in urls:
        if not _healthy(url, timeout):
            problems.append(f"{url}: antwoordt niet")
            continue
        from streamlit_ws import run_sync
        problems += run_sync(_visit_all(url, timeout))
    return problems


def warm_in_background(urls: list[str]) -> threading.Thread:
    """:func:`warm` in a daemon thread; prints one line when done."""
    def work() -> None:
        t0 = time.time()
        try:
            problems = warm(urls)
        except Exception as e:  # noqa: BLE001 (warming is a courtesy: report, never stop the server)
            problems = [f"{type(e).__name__}: {e}"]
        what = f"{len(PAGES)} pagina's × {len(LANG_QUERY)} talen × {len(urls)} proces(sen)"
        if problems:
            print(f"opwarmen: {what}, {len(problems)} probleem/problemen: " + "; ".join(problems[:3]),
                  file=sys.stderr, flush=True)
        else:
            print(f"opwarmen: {what} klaar in {time.time() - t0:.1f} s", file=sys.stderr, flush=True)
    thread = threading.Thread(target=work, name="streek-warm", daemon=True)
    thread.start()
    return thread


def wanted() -> bool:
    """Whether the launcher should warm its server(s): ``STREEK_WARM=1`` (set by ``make run``/``make serve``)."""
    return os.environ.get("STREEK_WARM") == "1"
