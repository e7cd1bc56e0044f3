"""Load scenario: a room of phones opens the same pillar page at once, reruns it, then opens the map.

    python bench/load.py                       # 40 visitors, ramp 10 s; 1 process and N workers (N = cores)
    python bench/load.py --workers 2 --visitors 40 --ramp 10
    python bench/load.py --configs 1 --no-write

What is measured (and how):

* **Visitors** are simulated at the WebSocket level with Streamlit's own protocol (``streamlit.proto``,
  see ``tools/streamlit_ws.py``): each loads the page's HTML (so it carries the proxy's sticky cookie),
  opens ``/_stcore/stream`` and sends ``BackMsg.rerun_script`` with ``page_name`` = the URL path, then
  waits for ``ForwardMsg.script_finished``. No browser: what is timed is the server's share (script
  run, serialisation, transport), not the phone's rendering. Streamlit's ``e2e_playwright/load_testing``
  drives real browsers in processes; that costs ~150 MB per visitor, too much for 40 on this machine.
* **Scenario** per visitor, started evenly over ``--ramp`` seconds: open ``/pijler-2`` (time from the
  visitor's start until the script finished: "first page"), rerun it ("rerun"), open ``/kaart`` ("map").
  The same scenario runs against ``bench/empty_app.py`` (one ``st.title``; all three steps on its one
  page) under the same server setup, right after: the floor of the framework.
* **Servers**: one process as ``make run`` starts it (``tools/server.py``), and ``--workers`` processes
  behind nginx as ``make serve`` starts them (``tools/serve_multi.py``). Each is warmed up with one
  visit per page per worker first (the facilitator opened it before the room did).
* **Errors**: a step that raised an exception in the app, showed "page not found", or did not finish
  within ``--timeout`` seconds (or a failed connection).
* **Memory**: peak sum of the resident set size (``VmRSS``) of all Streamlit processes, sampled every
  0,25 s during the load.

Loopback only; every wait is bounded; the servers are stopped at the end. Writes its table between
``<!-- load:start -->`` and ``<!-- load:end -->`` in ``bench/RESULTS.md`` (``--no-write``: print only).
A benchmark, never a test.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import server  # noqa: E402
import serve_multi  # noqa: E402
from streamlit_ws import Visitor  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
STEPS = ("first", "rerun", "map")


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        m = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
        total += int(m.group(1)) if m else 0
    return total / 1024


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def visitor(url: str, delay: float, pages: tuple[str, str], timeout: float) -> dict:
    await asyncio.sleep(delay)
    out: dict = {"errors": []}
    start = time.perf_counter()
    try:
        async with Visitor(url, timeout=timeout) as v:
            for step, page in zip(STEPS, (pages[0], pages[0], pages[1])):
                run = await v.open(page)
                out[step] = (time.perf_counter() - start) if step == "first" else run.seconds
                if not run.ok:
                    out["errors"].append(f"{step}: " + ("; ".join(run.exceptions) or "page not found/compile error"))
    except Exception as e:  # a timeout or a refused connection is an error of the run, not of the bench
        out["errors"].append(f"{type(e).__name__}: {e}"[:200])
    return out


async def load(url: str, pids: list[int], n: int, ramp: float, pages: tuple[str, str], timeout: float) -> dict:
    peak = 0.0
    done = asyncio.Event()

    async def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, rss_mb(pids))
            await asyncio.sleep(0.25)

    sampler = asyncio.create_task(sample())
    results = await asyncio.gather(*(visitor(url, i * ramp / max(1, n - 1) if n > 1 else 0, pages, timeout)
                                     for i in range(n)))
    done.set()
    await sampler
    times = {s: [r[s] for r in results if s in r] for s in STEPS}
    errors = [e for r in results for e in r["errors"]]
    return {"visitors": n, "errors": len(errors), "error_examples": errors[:3], "peak_rss_mb": peak,
            **{f"{s}_p50": pct(times[s], 50) for s in STEPS}, **{f"{s}_p95": pct(times[s], 95) for s in STEPS}}


async def warm(urls: list[str], pages: tuple[str, str], timeout: float) -> None:
    for u in urls:
        async with Visitor(u, timeout=timeout) as v:
            for p in dict.fromkeys(pages):
                await v.open(p)


def measure(script: str, workers: int, args, env: dict) -> dict:
    pages = ("pijler-2", "kaart") if script == "app.py" else ("", "")
    if workers == 1:
        proc, url = server.start(script, env, timeout=120)
        pids, worker_urls, stop = [proc.pid], [url], (lambda: server.stop(proc))
    else:
        cluster = serve_multi.start(script, workers=workers, env=env)
        url, pids, worker_urls, stop = cluster.url, cluster.pids(), cluster.worker_urls, cluster.stop
    try:
        asyncio.run(warm(worker_urls, pages, args.timeout))
        res = asyncio.run(load(url, pids, args.visitors, args.ramp, pages, args.timeout))
    finally:
        stop()
    return res


def fmt_s(v: float | None) -> str:
    return "–" if v is None else f"{v:.2f}".replace(".", ",")


def table(rows: list[dict]) -> str:
    lines = ["| server | page | visitors | errors | first page p50 s | first page p95 s | p95 ÷ empty p95 | "
             "rerun p95 s | map p95 s | peak RSS, all workers |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        empty = next((e for e in rows if e["server"] == r["server"] and e["app"] == "empty"), None)
        ratio = (r["first_p95"] / empty["first_p95"]) if empty and r["first_p95"] and empty["first_p95"] else None
        lines.append(f"| {r['server']} | {'/pijler-2 → /kaart' if r['app'] == 'app' else 'empty page'} | "
                     f"{r['visitors']} | {r['errors']} | {fmt_s(r['first_p50'])} | {fmt_s(r['first_p95'])} | "
                     f"{fmt_s(ratio) if r['app'] == 'app' else '1,00'} | {fmt_s(r['rerun_p95'])} | "
                     f"{fmt_s(r['map_p95']) if r['app'] == 'app' else '–'} | {r['peak_rss_mb']:.0f} MB |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--visitors", type=int, default=40)
    ap.add_argument("--ramp", type=float, default=10.0, help="seconds over which the visitors arrive")
    ap.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS") or 0) or os.cpu_count() or 1,
                    help="workers for the `make serve` run (default: WORKERS or the number of cores)")
    ap.add_argument("--configs", default=None, help="comma-separated worker counts to run (default: 1,WORKERS)")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds a step may take before it counts as an error")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    configs = [int(c) for c in args.configs.split(",")] if args.configs else sorted({1, args.workers})

    load_before = os.getloadavg()
    started = datetime.now(UTC)
    rows = []
    with tempfile.TemporaryDirectory(prefix="streek-load-") as tmp:
        env = {**os.environ, "STREEK_DB_PATH": str(Path(tmp) / "load.sqlite")}
        for k in ("DATABASE_URL", "STREEK_DB_URL"):
            env.pop(k, None)
        for n in configs:
            name = "1 process (`make run`)" if n == 1 else f"{n} workers + nginx (`make serve`)"
            for app, script in (("app", "app.py"), ("empty", "bench/empty_app.py")):
                print(f"{name}: {app} …", flush=True)
                res = measure(script, n, args, env)
                rows.append({"server": name, "app": app, **res})
                if res["error_examples"]:
                    print("  errors:", res["error_examples"], flush=True)
    load_after = os.getloadavg()

    md = "\n".join([
        START,
        "## Load: a room opens one pillar page at once (`make bench-load`)",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC on {platform.platform()}, {os.cpu_count()} CPU cores, "
        f"Python {platform.python_version()}. Load average at start {[round(x, 2) for x in load_before]}, "
        f"at the end {[round(x, 2) for x in load_after]} (the bench's own servers and visitors count in it; "
        "a start above the number of cores means other work ran just before or beside it). Ratios within one server "
        "setup are taken minutes apart, under the same conditions as far as the machine allows.",
        "",
        f"Command: `python bench/load.py --visitors {args.visitors} --ramp {args.ramp:g} --configs "
        f"{','.join(map(str, configs))}`. {args.visitors} simulated visitors (WebSocket level, Streamlit's "
        f"protocol) arrive evenly over {args.ramp:g} s; each opens `/pijler-2`, reruns it, then opens `/kaart`; "
        "the same against an empty Streamlit page. Times in seconds: first page = from the visitor's arrival "
        "until its first script run finished (includes waiting for a busy server).",
        "",
        table(rows),
        "",
        "Goal (issue 9): 0 errors; first-page p95 ≤ 2 × the empty page's p95 under the same load; "
        "server memory with 40 sessions ≤ 300 MB.",
        END,
    ])
    print(md)
    if not args.no_write:
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        if START in text and END in text:
            text = text[:text.index(START)] + md + text[text.index(END) + len(END):]
        else:
            text = text.rstrip() + "\n\n" + md + "\n"
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
