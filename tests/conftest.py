"""Shared fixtures: the seed vision, a writable copy of data/, and a live app for browser tests."""
from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-output"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import apptest_router as _router  # noqa: E402  (tools/apptest_router.py)
import server as _server  # noqa: E402  (tools/server.py)

# Every AppTest run scans the metadata of every installed package for Streamlit component manifests
# (~70 ms; a make test makes ~110 such runs). The installed packages do not change while the tests run:
# one scan per test process. (Our own map component is declared in pages/clickable_map.py, not found
# by this scan.)
import streamlit.components.v2.manifest_scanner as _manifests  # noqa: E402

_manifests.scan_component_manifests = functools.cache(_manifests.scan_component_manifests)

# AppTest runs our pages as a server does: without an old-style pages/ pass before every run (5-8 ms a run;
# tools/apptest_router.py)
_router.no_pages_directory_pass()

# Tests never read or write a real measurement store (var/streek.sqlite or DATABASE_URL): the app
# and its subprocesses get an empty SQLite file of their own; tests that need one make their own.
# The folder goes when this process ends (each pytest worker makes its own; they piled up in /tmp).
for _k in ("DATABASE_URL", "STREEK_DB_URL"):
    os.environ.pop(_k, None)
_DB_DIR = tempfile.mkdtemp(prefix="streek-test-db-")
atexit.register(shutil.rmtree, _DB_DIR, True)
os.environ["STREEK_DB_PATH"] = os.path.join(_DB_DIR, "session.sqlite")


@functools.cache
def bench_run():
    """bench/run.py as a module, loaded once per test process by its path under a name of its own:
    bench/ on sys.path would put its load.py, run.py … before any module of that name for the rest of
    the test worker."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_REGISTERED: dict = {}   # the router's pages (script hash -> info), learnt once per test process


def open_via_router(page: str, lang: str | None = None, state: dict | None = None, **params):
    """AppTest of app.py switched to ``page`` with query parameters (``lang`` and the others set
    before the page's first run, as a link would) and session ``state``; fails on any exception. The
    router's page registry is learnt once per test process (tools/apptest_router.py)."""
    if not _REGISTERED:
        _REGISTERED.update(_router.registry())
    at = _router.run_page(page, _REGISTERED, {**({"lang": lang} if lang else {}), **params}, state=state)
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_text(body: str) -> str:
    """The text a reader sees of an ``st.html`` element (tags removed, entities read)."""
    import html
    return html.unescape(re.sub(r"<(style|script)\b.*?</\1>|<[^>]+>", " ", body, flags=re.S))


def page_text(at) -> str:
    """The text of a page in an AppTest: its titles, headers, Markdown, captions and the text of its
    ``st.html`` elements (the pages draw the document's titles there, marked as Dutch in English)."""
    parts = [x.value for kind in (at.title, at.header, at.subheader, at.markdown, at.caption) for x in kind]
    return "\n".join(parts + [" ".join(html_text(h.proto.body).split()) for h in at.get("html")])


def page_title(at) -> str:
    """The page's first heading: ``st.title``'s, else the first ``<h1>`` of its ``st.html`` elements."""
    if at.title:
        return at.title[0].value
    found = [m for h in at.get("html") for m in re.findall(r"<h1\b.*?</h1>", h.proto.body, flags=re.S)]
    assert found, "no page title"
    return " ".join(html_text(found[0]).split())


@pytest.fixture(scope="session")
def vision():
    from streek import load_vision
    return load_vision()


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may corrupt."""
    dst = tmp_path / "data"
    shutil.copytree(ROOT / "data", dst)
    return dst


# --- browser tests ------------------------------------------------------------------------
def find_chromium() -> str | None:
    """Debian's Chromium, its headless shell first (the same engine without the full browser's
    windowing layers: the browser tests took ~15 % less time with it), or another system Chrome;
    None lets Playwright use its own. The benchmark (bench/run.py) measures the full Chromium."""
    env = os.environ.get("CHROMIUM_PATH")
    if env:
        return env
    for name in ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        p = shutil.which(name)
        if p:
            return p
    return None


def start_streamlit(env_extra: dict | None = None, script: str = "app.py", own_session: bool = False):
    """(process, base URL) of the app served on a free port (tools/server.py); ``own_session``: it
    outlives this process (the shared server, stopped by pytest's main process)."""
    return _server.start(script, {**os.environ, **(env_extra or {})}, timeout=60, own_session=own_session)


def stop(proc) -> None:
    _server.stop(proc)


# One app server for every test process of a run: the first browser test of any pytest-xdist worker
# starts it (under a file lock), the others find its address; pytest's main process stops it at the end
# (pytest_unconfigure). A server per worker ran each page's first (cold) run and drew each still once
# per worker, and cost its start: ~10 core-s of a 2-core make test. No browser test changes what the
# server shows (the editor and restart tests start servers of their own), so the workers do not meet.
_SHARED = "STREEK_TEST_SHARED_DIR"


def pytest_configure(config):
    if not hasattr(config, "workerinput") and _SHARED not in os.environ:
        os.environ[_SHARED] = tempfile.mkdtemp(prefix="streek-test-shared-")   # the workers inherit it
        config._streek_shared = os.environ[_SHARED]


def pytest_unconfigure(config):
    folder = getattr(config, "_streek_shared", None)
    if folder is None:
        return
    pids = Path(folder, "app.pids")
    for pid in (int(x) for x in (pids.read_text().split() if pids.exists() else [])):
        _server.stop_pid(pid)
    shutil.rmtree(folder, ignore_errors=True)
    os.environ.pop(_SHARED, None)


@pytest.fixture(scope="session")
def app_server():
    import fcntl
    folder = Path(os.environ[_SHARED])
    with open(folder / "app.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)           # one starts it, the others wait for its address
        known = folder / "app.url"
        url = known.read_text() if known.exists() else ""
        if not url or not _server.healthy(url):
            proc, url = start_streamlit({"STREEK_DB_PATH": str(folder / "browser.sqlite")}, own_session=True)
            with open(folder / "app.pids", "a") as f:
                f.write(f"{proc.pid}\n")
            known.write_text(url)
    return url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright
    # Auto-retrying expectations wait up to 30 s (Playwright's default is 5 s): a shared, loaded
    # machine can take that long to draw a page of charts; a passing check returns at once.
    expect.set_options(timeout=30_000)
    exe = find_chromium()
    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=exe, headless=True, args=args)
        except Exception as e:  # a real failure, never a skip: the browser tests are part of `make test`
            raise RuntimeError(
                "Geen Chromium gevonden voor de browsertests. Installeer Debian's pakket 'chromium' "
                "(CI doet dat in .ci/run) of zet CHROMIUM_PATH naar een Chrome/Chromium.") from e
        yield b
        b.close()


@pytest.fixture(scope="session")
def _shared_context(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-BE", accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture()
def tab(_shared_context):
    """``tab(width, height)``: a fresh tab (a new Streamlit session) of that size in one browser
    context per test process. The app's scripts come from the browser's cache and its compiled-code
    cache after the first test, as for a returning visitor (a fresh context per test parsed
    Streamlit's 2 MB of JavaScript every time). Cookies and storage are cleared after the test, so
    no test sees another's sign-in. Tests that need a phone (touch, is_mobile) make their own context."""
    opened = []

    def open_tab(width: int = 1400, height: int = 1000):
        pg = _shared_context.new_page()
        pg.set_viewport_size({"width": width, "height": height})
        opened.append(pg)
        return pg
    yield open_tab
    for pg in opened:
        if not pg.is_closed():
            pg.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
            pg.close()
    _shared_context.clear_cookies()


@pytest.fixture()
def page(tab):
    return tab()


# How often a wait_for_function checks its condition: every 100 ms, not on every animation frame
# (Playwright's default, "raf"), which keeps the renderer making frames at 60 Hz for as long as a test
# waits (the two accessibility walks: renderer 37,9 -> 35,2 core-s with this in wait_for_charts alone;
# all browser tests: 113 -> 110 core-s).
POLL_MS = 100


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until the Streamlit app is connected, has drawn content and no script is running
    (Playwright's auto-retrying expectations; no fixed sleeps)."""
    from playwright.sync_api import expect
    app = page.locator("[data-testid=stApp]")
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=timeout)
    expect(page.locator("[data-testid=stMain] [data-testid=stElementContainer]").first).to_be_attached(timeout=timeout)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout)
    # every element drawn, not a placeholder: an element whose script Streamlit loads on demand (st.html,
    # a button) shows a skeleton for a moment after the run has ended; a test that read the page then
    # missed the cards' headings, the presentation's facts and the SWOT quadrants (bench/run.py's
    # READY_JS waits for the same)
    expect(page.locator("[data-testid=stMain] [data-testid=stSkeleton]")).to_have_count(0, timeout=timeout)


# Every chart on the page has drawn its marks and every image has loaded (a page without charts passes
# at once): what a fixed pause after wait_for_app used to wait for, without idling on a fast page.
CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
        .every(c => c.querySelector('svg.marks, canvas'))
    && [...document.images].every(i => i.complete)"""


def download(page, button) -> tuple[str, bytes]:
    """Click a download button and return (file name, bytes). A second click if the first brought no
    file within 10 s: on a loaded machine a rerun (a fragment, or the run that builds a lazy download)
    can replace the button between finding it and the click, and the click then lands on nothing. (Under the
    full test load a page and four files take 4-5 s, test_downloads_deliver_csv_xlsx_png_and_svg; the
    first wait was 20 s, and one lost click cost a run those 20 s.) Also a second click if the browser
    cancelled the first file: a button whose file is made on click (``data=`` a callable) asks the server
    for it by an id that a rerun still under way can have replaced (Streamlit: "a click that still holds
    the old id fails until the browser receives the new delta"); seen once in a fresh clone under load."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    for attempt in (1, 2):
        try:
            with page.expect_download(timeout=10_000 if attempt == 1 else 40_000) as d:
                button.click()
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            wait_for_app(page)
            continue
        failure = d.value.failure()         # None once saved; else why not (the browser's word, e.g. "canceled")
        if failure is None:
            return d.value.suggested_filename, Path(d.value.path()).read_bytes()
        if attempt == 2:
            raise AssertionError(f"download {d.value.suggested_filename!r} failed twice: {failure}")
        wait_for_app(page)
    raise AssertionError("unreachable")


# Every icon on the page is drawn as its picture: its name set free-standing in the icon font is one glyph
# about as wide as the font is high; a name the font does not know is drawn as letters, 10-25 times wider.
# (Streamlit's icon spans have a fixed width, so the icon itself cannot tell.) tools/font_cut.py cuts the
# font down to the icons a page can show: this is what catches an icon that the cut left out.
ICONS_NOT_DRAWN_JS = """async () => {
    await document.fonts.ready;
    // every element drawn in the icon font (stIconMaterial, an expander's own icon, ...) with text of its own
    const inFont = [...document.querySelectorAll('body *')].filter(e => e.childElementCount === 0 && e.textContent.trim()
        && getComputedStyle(e).fontFamily.includes('Material Symbols'));
    const names = [...new Set(inFont.map(e => e.textContent.trim()))];
    const probe = document.createElement('span');
    probe.style.cssText = 'font-family:"Material Symbols Rounded";font-size:24px;white-space:nowrap;position:absolute;left:-9999px';
    document.body.appendChild(probe);
    const bad = [];
    for (const n of names) {
        probe.textContent = n;
        const w = probe.getBoundingClientRect().width;
        if (w > 36) bad.push(n + ': ' + Math.round(w) + ' px');
    }
    probe.remove();
    return {names, bad};
}"""


def assert_icons_drawn(page, where: str = "") -> list[str]:
    """Every Material icon on ``page`` is drawn as its picture, not as its name in letters; the names seen."""
    found = page.evaluate(ICONS_NOT_DRAWN_JS)
    assert not found["bad"], f"{where}: icons drawn as their names: {found['bad']}"
    return found["names"]


def wait_for_charts(page, timeout: float = 30_000) -> None:
    """Wait until every chart has drawn and every image has loaded, then let the browser paint."""
    page.wait_for_function(CHARTS_DRAWN, timeout=timeout, polling=POLL_MS)
    settle(page)


def settle(page) -> None:
    """Let the browser lay out and paint what the last script run changed (two animation frames:
    charts and maps size themselves after the script has finished)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))")


_SVG_ROOT = re.compile(r'(<svg\b[^>]*?) width="([\d.]+)" height="([\d.]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"')


def right_edge_is_clear(svg: str) -> bool:
    """Nothing drawn runs off a still picture's right edge: no dark pixel in its rightmost column,
    drawn by vl-convert with the charts' font registered (streek.png_worker.converter), as measured.
    Only that column is drawn (the root's viewBox narrowed to it, on the same pixel grid): the same
    pixels as the column of the whole picture (compared for 290 screen charts and 78 map series pictures),
    in half the time."""
    import io
    import math

    from PIL import Image

    from streek.png_worker import converter
    root = _SVG_ROOT.search(svg)
    assert root, svg[:300]
    right = math.ceil(float(root.group(2))) - 1
    column = (svg[:root.start()] + f'{root.group(1)} width="1" height="{root.group(3)}" '
              f'viewBox="{right} 0 1 {root.group(5)}"' + svg[root.end():])
    png = Image.open(io.BytesIO(converter().svg_to_png(column, scale=1))).convert("L")
    assert png.width == 1, png.size
    return min(png.getpixel((0, y)) for y in range(png.height)) > 200


def screenshot(page, name: str) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- measurement store (issue 5): SQLite file and a throwaway PostgreSQL server ---------------
def _pg_bindir() -> Path | None:
    import glob
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(d) / "pg_ctl").exists() and (Path(d) / "initdb").exists():
            return Path(d)
    found = shutil.which("pg_ctl")
    return Path(found).resolve().parent if found and (Path(found).resolve().parent / "initdb").exists() else None


def _no_postgres(reason: str):
    """Outside CI a missing server is a skip that says why; in CI (CI=true) it is a failure."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL-tests konden niet draaien in CI: {reason}")
    pytest.skip(f"PostgreSQL-tests niet uitgevoerd: {reason}")


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server in a temporary folder on 127.0.0.1 (initdb + pg_ctl), stopped at the
    end; as user 'postgres' when the tests run as root. STREEK_TEST_PG_URL uses an existing one."""
    import tempfile
    given = os.environ.get("STREEK_TEST_PG_URL")
    if given:
        yield given
        return
    bindir = _pg_bindir()
    if bindir is None:
        _no_postgres("initdb/pg_ctl niet gevonden (Debian: apt-get install postgresql; .ci/run doet dat)")
    base = Path(tempfile.mkdtemp(prefix="streek-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        import pwd
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            _no_postgres("de tests draaien als root en er is geen gebruiker 'postgres' om de server als te starten")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, log = base / "data", base / "server.log"
    port = _server.free_port()
    r = subprocess.run(run_as + [str(bindir / "initdb"), "-D", str(data), "-U", "streek", "--auth=trust",
                                 "-E", "UTF8", "--no-locale"], capture_output=True, text=True)
    if r.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        _no_postgres(f"initdb mislukte: {r.stderr.strip()[-300:]}")
    r = subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
                                 f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60",
                                 "start"], capture_output=True, text=True)
    if r.returncode != 0:
        msg = log.read_text(errors="replace")[-500:] if log.exists() else r.stderr
        shutil.rmtree(base, ignore_errors=True)
        _no_postgres(f"pg_ctl start mislukte: {msg.strip()}")
    try:
        yield f"postgresql+psycopg://streek@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(run_as + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture()
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import uuid
    import sqlalchemy as sa
    from streek.db.engine import dispose
    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = pg_server.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        dispose(url)
        with admin.connect() as c:
            c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """The same test against an SQLite file and against a real PostgreSQL server."""
    if request.param == "sqlite":
        from streek.db.engine import dispose
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
        yield url
        dispose(url)
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def catalog(vision):
    from streek.db.importer import Catalog
    return Catalog.from_vision(vision)


# --- parallel runs (pytest-xdist, `make test`): balance the load over the workers -------------------
# --dist loadscope keeps a module on one worker (its module fixtures are built once). Modules listed in
# SPLIT have no costly module fixture and hold several long browser tests: each of their tests is a
# work unit of its own, so they spread over the workers instead of ending the run on one. Units are
# handed out longest first (the durations of the last run in .pytest_cache, else the table below, in
# seconds of a full run), so no long module starts last.
SPLIT = {"tests/test_browser_a11y.py", "tests/test_browser_pillars.py", "tests/test_browser_home.py"}
COST = {"tests/test_browser_a11y.py": 132, "tests/test_browser_pillars.py": 77, "tests/test_serve.py": 33,
        "tests/test_pages_editor.py": 17, "tests/test_browser_map.py": 16, "tests/test_i10_english_views.py": 15,
        "tests/test_pages_pillars.py": 12, "tests/test_charts.py": 11, "tests/test_card_views.py": 10,
        "tests/test_db_store.py": 10, "tests/test_chart_theme.py": 10, "tests/test_browser_presentation.py": 9,
        "tests/test_deck_render.py": 9, "tests/test_export.py": 9, "tests/test_browser_about.py": 9,
        "tests/test_frame.py": 8, "tests/test_i10_notes.py": 8, "tests/test_geo.py": 8, "tests/test_browser_home.py": 8,
        "tests/test_i9_map_browser.py": 8, "tests/test_browser_municipality.py": 7, "tests/test_auth.py": 6,
        "tests/test_i9_map_render.py": 6, "tests/test_fiche.py": 6, "tests/test_import_checks.py": 6,
        "tests/test_db_cli.py": 6}
_COST_KEY = "streek/test-seconds"


def _module(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_auto_num_workers(config):
    """``-n auto``: one worker per core (``--maxprocesses`` caps it; PYTEST_XDIST_AUTO_NUM_WORKERS
    overrides). Two per core looked faster on a machine shared with other sessions (more processes
    win a bigger share of a busy CPU), but alone on 2 cores 4 workers took 502 s and 2 workers 370 s:
    every worker starts its own app server, Chromium and PostgreSQL."""
    env = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if env and env.isdigit():
        return int(env)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def __init__(self, config, log=None):
            super().__init__(config, log)
            config.option.loadscopereorder = False    # keep the longest-first order of the collection

        def _split_scope(self, nodeid: str) -> str:
            return nodeid if _module(nodeid) in SPLIT else super()._split_scope(nodeid)

    return Scheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """Longest first: by module (a module's tests stay together and in their order), a split module's
    tests by their own last duration."""
    cache = getattr(config, "cache", None)
    last = cache.get(_COST_KEY, {}) if cache else {}
    per_module: dict[str, float] = {}
    for nodeid, sec in last.items():
        per_module[_module(nodeid)] = per_module.get(_module(nodeid), 0.0) + sec

    def cost(item) -> float:
        mod = _module(item.nodeid)
        if mod in SPLIT and item.nodeid in last:
            return last[item.nodeid]
        return per_module.get(mod, COST.get(mod, 0.0))
    order = {item.nodeid: k for k, item in enumerate(items)}
    first_of = {}
    for item in items:
        first_of.setdefault(_module(item.nodeid), order[item.nodeid])
    items.sort(key=lambda it: (-cost(it), first_of[_module(it.nodeid)], order[it.nodeid]))


_seconds: dict[str, float] = {}


def pytest_runtest_logreport(report):
    _seconds[report.nodeid] = _seconds.get(report.nodeid, 0.0) + report.duration


def pytest_sessionfinish(session, exitstatus):
    """Remember every test's duration (setup + call + teardown) for the next run's order."""
    cache = getattr(session.config, "cache", None)
    if cache is None or hasattr(session.config, "workerinput") or not _seconds:
        return
    ran = {_module(k) for k in _seconds}    # a module that ran: its tests now (a removed test's time is dropped)
    root = Path(str(session.config.rootpath))
    kept = {k: v for k, v in cache.get(_COST_KEY, {}).items()
            if _module(k) not in ran and (root / _module(k)).exists()}     # nor a removed module's
    cache.set(_COST_KEY, {**kept, **{k: round(v, 2) for k, v in _seconds.items()}})
