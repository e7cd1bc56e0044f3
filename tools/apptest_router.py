"""One page of the app run through its router (``app.py``) with Streamlit's AppTest, as a link opens it:
for the tests (``tests/conftest.open_via_router``) and ``tools/prerender.py``.

AppTest can only find a page that ``st.navigation`` registers under its own URL path after one run of
the router; :func:`registry` does that run once (the home page) and :func:`run_page` reuses its page
registry, so each run is only the page asked for. The router's default page is where a run starts:
switching to it by file would run ``pages/`` as an old-style multipage app, without ``app.py``.
:func:`no_pages_directory_pass` and :func:`as_the_server_runs_it` remove AppTest's other differences from a server."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from pages.routes import ROUTES  # noqa: E402  (imports no streamlit)

DEFAULT_PAGE = next(r.script for r in ROUTES if not r.url_path)


def registry(timeout: float = 120) -> dict:
    """The router's page registry, from one run of ``app.py``; raises if that run fails."""
    from streamlit.testing.v1 import AppTest
    no_pages_directory_pass()
    probe = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout).run()
    if probe.exception:
        raise RuntimeError(f"app.py: {[e.value for e in probe.exception]}")
    return dict(probe._registered_pages)


def run_page(page: str, registered: dict, params: dict | None = None, timeout: float = 120, state: dict | None = None):
    """AppTest of ``app.py`` switched to ``page`` (a script path) with query ``params`` set before its
    first run, as a link would, and session ``state`` (e.g. a pillar's far blocks shown in full:
    pages/pillar_view.whole_pillar_state); after that run. Raises if the router did not run ``page``
    first (AppTest switches to a script the registry does not know without an error, and the router then
    runs its default page)."""
    from streamlit.testing.v1 import AppTest
    no_pages_directory_pass()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at._registered_pages = dict(registered)
    if page != DEFAULT_PAGE:
        at.switch_page(page)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    for k, v in (state or {}).items():
        at.session_state[k] = v
    with _pages_run() as ran:
        at.run()
    # a page the registry does not know is no error to AppTest: the router then runs its default page.
    # (A page may switch to another on purpose: a deep link to an ambition of another pillar.)
    if ran[:1] != [page]:
        errors = [str(e.value)[:300] for e in at.exception]
        raise RuntimeError(f"{page}: the router ran {ran or 'no page'} instead (is it in the registry?)"
                           + (f"; the run raised {errors}" if errors else ""))
    return at


@contextmanager
def _pages_run():
    """The scripts (relative to the repository) of the pages the router ran while inside."""
    from streamlit.navigation.page import StreamlitPage
    ran: list[str] = []
    page_run = StreamlitPage.run

    def run_and_note(self) -> None:
        ran.append(os.path.relpath(self._page, ROOT) if isinstance(self._page, Path) else repr(self._page))
        return page_run(self)

    StreamlitPage.run = run_and_note
    try:
        yield ran
    finally:
        StreamlitPage.run = page_run


def no_pages_directory_pass() -> None:
    """No old-style ``pages/`` pass in this process's AppTest runs, as on a server: AppTest resets
    Streamlit's "uses a pages directory" flag before every run, and with our ``pages/`` folder it then runs
    each run as an old-style multipage app first (app.py as a page of its own, a page object for each of the
    folder's files); a server never does (``tools/serve.py`` turns that off before the first session, and
    ``st.navigation`` does so for good on its first run). It patches Streamlit's PagesManager for the rest
    of the process, once however often it is called: :func:`registry` and :func:`run_page` call it, and
    tests/conftest.py at its start, so that a test's own ``AppTest.from_file("app.py")`` runs the same way
    whatever ran before it in that process."""
    from streamlit.runtime.pages_manager import PagesManager
    init = PagesManager.__init__
    if getattr(init, "streek_as_server", False):
        return

    def init_as_server(self, *a, **kw):
        init(self, *a, **kw)
        PagesManager.uses_pages_directory = False

    init_as_server.streek_as_server = True
    PagesManager.__init__ = init_as_server


def as_the_server_runs_it() -> None:
    """Make AppTest run pages as the server runs them, for the rest of this process (bench/run.py's
    timing child calls it): :func:`no_pages_directory_pass`, and a browser without our cookies: AppTest's
    client is a mock, whose made-up cookie the frame would check as an editor's sign-in token on every
    run (``pages/editor_auth.py``). The tests keep the mock: it patches how every page reads cookies."""
    import streamlit.runtime.context as st_context
    no_pages_directory_pass()
    st_context._get_client_context = lambda: None
