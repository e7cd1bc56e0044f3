"""Draw every still picture of the pillar pages, the home page, the SWOT page and the map's default view once, in the
background, so that the first visitor after a fresh start (a new clone, new data) does not wait for
them.

Usage: ``python tools/prerender.py [--lang nl|en] [page script ...]`` (default: both languages, the
pages below) — ``make run`` and ``make serve`` start it at low priority
(``nice``) beside the server. It runs each page script once per language with Streamlit's AppTest
(no server, no browser): the pages build their stills as for a visitor, and the pictures land where
the server finds them — the render cache on disk (``var/cache/render``) and the published files
(``static/gen``). A server that is asked for a picture first simply draws it itself; nothing waits
for this script. Pictures already on disk cost a file read, so a warm start is done in seconds.
A page that fails here is reported and skipped: the server will show that failure to the reader
(and the tests catch it first).
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# every card of a pillar page (all building blocks), the home page's two maps, the SWOT charts
# ... and the map's default view (its three layouts), then the series of each of the 13 municipalities
# there (MAP_CLICKS), so that a room's first clicks on the map find their pictures drawn (pages/map.py)
SCRIPTS = (("pages/pillar_1.py", {"bouwsteen": "alle"}), ("pages/pillar_2.py", {"bouwsteen": "alle"}),
           ("pages/pillar_3.py", {"bouwsteen": "alle"}), ("pages/home.py", {}), ("pages/swot_page.py", {}),
           ("pages/map.py", {}))
MAP_CLICKS = "pages/map.py"


def runs() -> list[tuple[str, dict]]:
    """Every page run to make: SCRIPTS, then the map once per municipality (read from geo/)."""
    sys.path.insert(0, str(ROOT))
    from streek import geo
    return list(SCRIPTS) + [(MAP_CLICKS, {"gemeente": r["nis_code"]}) for r in geo.records("municipalities")]


def mark_path() -> Path | None:
    """The file that says a prerender is drawing into this render cache (None: the cache is off)."""
    sys.path.insert(0, str(ROOT))
    from streek.cachedir import disk_cache_dir  # light: no pandas, Altair or vl-convert
    folder = disk_cache_dir()
    return folder / "prerender.running" if folder is not None else None


def main(argv: list[str] | None = None) -> int:
    mark = mark_path()          # first of all: a launcher that starts beside us must see it at once
    if mark is not None:
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.write_text(str(os.getpid()))       # tools/warm.py waits while this is here
    try:
        return _main(argv)
    finally:
        if mark is not None:
            mark.unlink(missing_ok=True)


def _main(argv: list[str] | None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("nl", "en"), action="append", help="only this language (default: both)")
    ap.add_argument("scripts", nargs="*", help="only these page scripts (default: %(default)s)",
                    default=[s for s, _ in SCRIPTS])
    args = ap.parse_args(argv)
    unknown = set(args.scripts) - {s for s, _ in SCRIPTS}
    if unknown:
        ap.error(f"onbekende pagina: {', '.join(sorted(unknown))} (kies uit: {', '.join(s for s, _ in SCRIPTS)})")
    from apptest_router import registry, run_page  # tools/: this script's folder
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True   # bare-mode chatter
    start = time.perf_counter()
    registered = registry(timeout=300)
    failed = 0
    from pages.pillar_view import PILLAR_PAGES, whole_pillar_state
    from streek import load_vision
    vision = load_vision()
    pillar_of = {script: code for code, script in PILLAR_PAGES.items()}
    for lang in args.lang or ("nl", "en"):
        for script, params in [x for x in runs() if x[0] in args.scripts]:
            # a pillar's every block in full (the far blocks are light until a reader nears them)
            state = whole_pillar_state(vision, pillar_of[script]) if script in pillar_of else None
            at = run_page(script, registered, {**params, "lang": lang}, timeout=300, state=state)
            if at.exception:
                failed += 1
                print(f"prerender: {script} ({lang}) faalde: {at.exception[0].message}", file=sys.stderr)
    print(f"prerender: stilstaande grafieken klaar in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
