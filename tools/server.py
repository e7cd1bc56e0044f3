"""Start and stop the app as a real server on a free loopback port (browser tests and bench).

Goes through ``tools/serve.py`` like ``make run``. The server's output goes to a temporary log
file (a pipe nobody reads could fill up and stall the server); it is shown when start-up fails.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(script: str | Path = "app.py", env: dict | None = None, port: int | None = None,
           extra: list[str] | None = None, own_session: bool = False) -> tuple[subprocess.Popen, str]:
    """Start ``streamlit run script`` headless on ``port`` (a free one by default); do not wait.
    ``own_session``: in a process session of its own, so that it outlives the process that started it
    (the test workers' shared server, stopped by pytest's main process)."""
    port = port or free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop())
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tools" / "serve.py"), "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
         *(extra or [])],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=own_session)
    proc.log = log  # type: ignore[attr-defined]
    return proc, f"http://127.0.0.1:{port}"


def healthy(url: str) -> bool:
    """Whether the Streamlit server at ``url`` answers /_stcore/health now."""
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:  # noqa: S310 (loopback)
            return r.status == 200
    except OSError:
        return False


def wait_healthy(proc: subprocess.Popen, url: str, script: str | Path = "app.py", timeout: float = 90) -> None:
    """Return once ``url`` answers /_stcore/health; raise (with the server's log) when it stops or times out."""
    log = proc.log  # type: ignore[attr-defined]
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"streamlit stopped ({script}):\n" + log.read().decode(errors="replace")[-4000:])
        if healthy(url):
            return
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f} s ({script})")


def start(script: str | Path = "app.py", env: dict | None = None, timeout: float = 90,
          own_session: bool = False) -> tuple[subprocess.Popen, str]:
    """Start ``streamlit run script`` headless; return (process, base URL) once it is healthy."""
    proc, url = launch(script, env, own_session=own_session)
    wait_healthy(proc, url, script, timeout)
    return proc, url


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log = getattr(proc, "log", None)
    if log is not None:
        log.close()


def stop_pid(pid: int, timeout: float = 10) -> None:
    """Stop a server started by another process (by its process id): SIGTERM, then SIGKILL."""
    import contextlib
    import os
    import signal
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":    # exited; its parent has not reaped it yet
                    return
        except OSError:
            return
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)     # reap it where it is our own child (serial runs)
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
