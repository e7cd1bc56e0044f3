"""Shared fixtures: the seed vision, a writable copy of data/, and a live app for browser tests."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-output"
sys.path.insert(0, str(ROOT))


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
    """Debian's Chromium (or another system Chrome); None lets Playwright use its own."""
    env = os.environ.get("CHROMIUM_PATH")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        p = shutil.which(name)
        if p:
            return p
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(env_extra: dict | None = None, script: str = "app.py") -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, **(env_extra or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("streamlit stopped:\n" + proc.stdout.read().decode(errors="replace"))
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "browser.sqlite"
    proc, url = start_streamlit({"STREEK_DB_URL": f"sqlite:///{db}"})
    yield url
    stop(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
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


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-BE", accept_downloads=True)
    pg = ctx.new_page()
    yield pg
    ctx.close()


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until the Streamlit app is connected and no script is running."""
    page.wait_for_selector("[data-testid=stApp]", timeout=timeout)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid=stApp]');
            if (!app) return false;
            return app.getAttribute('data-test-connection-state') === 'CONNECTED'
                && app.getAttribute('data-test-script-state') === 'notRunning'
                && document.querySelectorAll('[data-testid=stMain] [data-testid=stElementContainer]').length > 0;
        }""", timeout=timeout)
    page.wait_for_timeout(500)


def screenshot(page, name: str) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
