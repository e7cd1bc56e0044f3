"""One page of the app run through its router (``app.py``) with Streamlit's AppTest, as a link opens it:
for the tests (``tests/conftest.open_via_router``) and ``tools/prerender.py``.

AppTest can only find a page that ``st.navigation`` registers under its own URL path after one run of
the router; :func:`registry` does that run once (the home page) and :func:`run_page` reuses its page
registry, so each run is only the page asked for. The router's default page is where a run starts:
switching to it by file would run ``pages/`` as an old-style multipage app, without ``app.py``."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from pages.routes import ROUTES  # noqa: E402  (imports no streamlit)

DEFAULT_PAGE = next(r.script for r in ROUTES if not r.url_path)


def registry(timeout: float = 120) -> dict:
    """The router's page registry, from one run of ``app.py``; raises if that run fails."""
    from streamlit.testing.v1 import AppTest
    probe = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout).run()
    if probe.exception:
        raise RuntimeError(f"app.py: {[e.value for e in probe.exception]}")
    return dict(probe._registered_pages)


def run_page(page: str, registered: dict, params: dict | None = None, timeout: float = 120, state: dict | None = None):
    """AppTest of ``app.py`` switched to ``page`` (a script path) with query ``params`` set before its
    first run, as a link would, and session ``state`` (e.g. a pillar's far blocks shown in full:
    pages/pillar_view.whole_pillar_state); after that run."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at._registered_pages = dict(registered)
    if page != DEFAULT_PAGE:
        at.switch_page(page)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    for k, v in (state or {}).items():
        at.session_state[k] = v
    return at.run()
