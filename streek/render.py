"""Static images of Altair charts through vl-convert (SVG and PNG), for downloads and exports.

Results are cached here, and only here, on the JSON spec text and the language: the first call
costs ~0.5 s, later ones ~15 ms (SVG) and ~110 ms (PNG); a cached one is a dictionary look-up.

PNGs and SVGs are also kept on disk (:data:`DISK_CACHE`, ``var/cache/render/``, git-ignored), so that a
fresh process — ``python -m streek deck`` run again, another ``make serve`` worker, a restarted
server showing the pages' still charts — does not render the same chart again (and, once every
chart is on disk, never starts vl-convert's JavaScript engine, ~60 MB of server memory). The file name is a SHA-256 of everything that makes the picture: the spec's
JSON text (data, theme, titles, so the data version and the theme), the language, the scale and
the vl-convert version. Files are written to a temporary name and renamed into place, so
concurrent processes never read half a file; a file that cannot be read or written is simply
rendered again. ``STREEK_RENDER_CACHE=off`` (or another directory) changes where or whether.
"""
from __future__ import annotations

import atexit
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from streek.cachedir import DISK_CACHE, disk_cache_dir  # noqa: F401  (DISK_CACHE: part of this module's interface)
from streek.download import neutralise_cell
from streek.fmt import d3_format_locale
from streek.png_worker import converter, render_png
from streek.vegalite import alt

_TIME_LOCALE = {
    "dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
    "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
    "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
    "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december"],
    "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
}


def spec_json(chart: alt.TopLevelMixin | dict | str) -> str:
    """A chart as canonical JSON text (the cache key of the converters)."""
    if isinstance(chart, str):
        return chart
    if isinstance(chart, dict):
        return json.dumps(chart, sort_keys=True)
    return json.dumps(chart.to_dict(validate=False), sort_keys=True)


# The one render cache of the app (the pages keep none of their own): keyed on the spec's JSON
# text, the language (number and date locale) and the PNG scale; bounded.
_FORMAT_LOCALE = {lang: d3_format_locale(lang) for lang in ("nl", "en")}


@lru_cache(maxsize=512)
def _svg(spec: str, lang: str) -> str:
    folder = disk_cache_dir()
    name = svg_cache_key(spec, lang) if folder is not None else ""
    if folder is not None:
        hit = _disk_read(folder / name, b"<svg")
        if hit is not None:
            return hit.decode("utf-8")
    svg = converter().vegalite_to_svg(json.loads(spec), format_locale=_FORMAT_LOCALE.get(lang, _FORMAT_LOCALE["nl"]),
                              time_format_locale=_TIME_LOCALE if lang == "nl" else "en-US")
    if folder is not None:
        _disk_write(folder, name, svg.encode("utf-8"))
    return svg


DISK_CACHE_MAX_FILES = 800          # oldest files go first beyond this (PNGs a few hundred KB, SVGs ~20 KB)


@lru_cache(maxsize=1)
def _vlc_version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("vl-convert-python")
    except PackageNotFoundError:
        import vl_convert as vlc
        return getattr(vlc, "__version__", "?")


def png_cache_key(spec: str, lang: str, scale: float) -> str:
    """The file name of a PNG in the disk cache."""
    h = hashlib.sha256(f"{_vlc_version()}\n{lang}\n{float(scale)!r}\n".encode())
    h.update(spec.encode("utf-8"))
    return h.hexdigest() + ".png"


def svg_cache_key(spec: str, lang: str) -> str:
    """The file name of an SVG in the disk cache."""
    h = hashlib.sha256(f"{_vlc_version()}\n{lang}\nsvg\n".encode())
    h.update(spec.encode("utf-8"))
    return h.hexdigest() + ".svg"


def _disk_read(path: Path, magic: bytes = b"\x89PNG") -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if data.startswith(magic) else None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, renamed into place:
    readers never see half a file, and two processes writing the same content both write whole,
    identical files. Used by the PNG disk cache and by the pages' published still charts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        os.fchmod(fd, 0o644)         # mkstemp makes 0600; nginx's workers (another user) must read the charts
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _disk_write(folder: Path, name: str, data: bytes) -> None:
    try:
        write_atomic(folder / name, data)
        _prune(folder)
    except OSError:
        pass                         # a read-only or full disk: the picture was made, only not kept


def _prune(folder: Path) -> None:
    files = [f for f in folder.iterdir() if f.suffix in (".png", ".svg")] if folder.is_dir() else []
    if len(files) <= DISK_CACHE_MAX_FILES:
        return
    def mtime(f: Path) -> float:
        try:
            return f.stat().st_mtime
        except OSError:              # removed by another process meanwhile
            return 0.0
    for f in sorted(files, key=mtime)[: len(files) - DISK_CACHE_MAX_FILES]:
        f.unlink(missing_ok=True)


def _png_args(spec: str, lang: str, scale: float) -> tuple:
    """The arguments of :func:`streek.png_worker.render_png` for a spec in ``lang``."""
    return spec, scale, _FORMAT_LOCALE.get(lang, _FORMAT_LOCALE["nl"]), _TIME_LOCALE if lang == "nl" else "en-US"


def _png_on_disk(spec: str, lang: str, scale: float) -> bytes | None:
    """The PNG from the disk cache, without rendering; None if it is not there (or the cache is off)."""
    folder = disk_cache_dir()
    return _disk_read(folder / png_cache_key(spec, lang, scale)) if folder is not None else None


def _png_to_disk(spec: str, lang: str, scale: float, data: bytes) -> None:
    """Keep a rendered PNG in the disk cache (where it is on)."""
    folder = disk_cache_dir()
    if folder is not None:
        _disk_write(folder, png_cache_key(spec, lang, scale), data)


@lru_cache(maxsize=256)
def _png(spec: str, lang: str, scale: float) -> bytes:
    hit = _png_on_disk(spec, lang, scale)
    if hit is not None:
        return hit
    data = render_png(*_png_args(spec, lang, scale))
    _png_to_disk(spec, lang, scale, data)
    return data


class _PngWorkers:
    """This process's PNG worker processes (``python -m streek.png_worker``), shared by every
    :class:`PngBatch`: started on demand (one per waiting chart, up to the batch's limit), each fed by a
    thread that only waits on its pipe, and stopped after :attr:`IDLE_S` seconds without work — a
    second export soon after the first (a workshop, the test suite) finds them started, a server does
    not keep them."""

    IDLE_S = 30.0

    def __init__(self) -> None:
        import queue
        import threading
        self._lock = threading.Lock()
        self._jobs: queue.Queue = queue.Queue()
        self.threads = 0                  # feeding threads alive (each owns at most one process)
        self.busy = 0                     # of which rendering a chart now
        self.started = 0                  # processes started so far (for tests)
        self._procs: set = set()

    def put(self, spec: str, lang: str, scale: float, job, max_workers: int) -> None:
        import threading
        with self._lock:
            self._jobs.put((spec, lang, scale, job))
            # a started worker that waits for work takes it; another one only for charts still waiting
            if self.threads < max_workers and self._jobs.qsize() > self.threads - self.busy:
                self.threads += 1
                threading.Thread(target=self._serve, daemon=True, name="png-worker").start()

    def _spawn(self):
        import subprocess
        import sys
        root = str(Path(__file__).resolve().parents[1])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        proc = subprocess.Popen([sys.executable, "-m", "streek.png_worker"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, env=env, cwd=root)
        with self._lock:
            self.started += 1
            self._procs.add(proc)
        return proc

    def _stop(self, proc) -> None:
        with self._lock:
            self._procs.discard(proc)
        import contextlib
        import subprocess
        with contextlib.suppress(OSError, ValueError):     # already gone
            proc.stdin.close()              # end of input ends the worker
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:   # it hangs
            proc.kill()
            proc.wait()
        proc.stdout.close()

    def _serve(self) -> None:
        import queue
        proc = None
        try:
            while True:
                try:
                    spec, lang, scale, job = self._jobs.get(timeout=self.IDLE_S)
                except queue.Empty:
                    with self._lock:
                        if self._jobs.empty():
                            self.threads -= 1
                            return
                    continue
                if not job.set_running_or_notify_cancel():     # its batch failed meanwhile
                    continue
                with self._lock:
                    self.busy += 1
                try:
                    proc = self._render(proc, spec, lang, scale, job)
                finally:
                    with self._lock:
                        self.busy -= 1
        except BaseException:
            with self._lock:
                self.threads -= 1
            raise
        finally:
            if proc is not None:
                self._stop(proc)

    def _render(self, proc, spec: str, lang: str, scale: float, job):
        """Render one chart on ``proc`` (started if None) into ``job``; returns the process for the next.
        A worker that died (killed, out of memory) is replaced once; a second death fails the chart."""
        request = json.dumps(dict(zip(("spec", "scale", "format_locale", "time_format_locale"),
                                      _png_args(spec, lang, scale)))).encode()
        for attempt in (1, 2):
            if proc is None:
                proc = self._spawn()
            try:
                proc.stdin.write(b"%d\n" % len(request) + request)
                proc.stdin.flush()
                status, n = proc.stdout.readline().split()
                data = proc.stdout.read(int(n))
                if len(data) != int(n):
                    raise OSError(f"{len(data)} of {int(n)} bytes")
                break
            except (OSError, ValueError) as e:
                self._stop(proc)
                proc = None
                if attempt == 2:
                    job.set_exception(RuntimeError("De grafiek kon niet als afbeelding getekend worden: het tekenproces stopte "
                                                     f"twee keer onverwacht ({e}). Probeer de export opnieuw."))
                    return None
        if status != b"ok":
            job.set_exception(ValueError(data.decode("utf-8", "replace")))
            return proc
        _png_to_disk(spec, lang, scale, data)
        job.set_result(data)
        return proc

    def close(self) -> None:
        """At exit: end the workers that are still up."""
        with self._lock:
            procs = list(self._procs)
        for proc in procs:
            self._stop(proc)


_WORKERS = _PngWorkers()
atexit.register(_WORKERS.close)


class PngBatch:
    """PNGs of many charts at once (a deck, a PDF), rendered in parallel where they are not cached yet.

    vl-convert holds the GIL while it renders: threads render one chart at a time and stall the
    thread that builds the next chart (measured: a Python loop runs ten times slower beside a render;
    two threads render ten charts in 1,9 s against 2,0 s serially). So the charts that are in neither
    cache render in worker processes (:class:`_PngWorkers`), one per core (at most ``max_workers``),
    started at the first chart that needs one: a deck whose charts are all cached starts no process.
    What the workers make goes into the disk cache that :func:`to_png` reads.

    Use as a context manager (leaving it on an error cancels the charts not started yet);
    ``submit(chart)`` returns a ``Future`` of the PNG bytes (a failed render raises ``ValueError``
    from ``result()``)."""

    def __init__(self, lang: str, scale: float = 2.0, max_workers: int | None = None) -> None:
        self.lang, self.scale = lang, float(scale)
        self.max_workers = max_workers or max(1, min(4, os.cpu_count() or 1))
        self._jobs: list = []

    def submit(self, chart):
        from concurrent.futures import Future
        spec = spec_json(chart)
        job: Future = Future()
        hit = _png_on_disk(spec, self.lang, self.scale)
        if hit is not None:
            job.set_result(hit)
            return job
        if self.max_workers < 2:                      # one core: in this process, as to_png
            try:
                job.set_result(to_png(spec, self.lang, self.scale))
            except ValueError as e:
                job.set_exception(e)
            return job
        self._jobs.append(job)
        _WORKERS.put(spec, self.lang, self.scale, job, self.max_workers)
        return job

    def __enter__(self) -> PngBatch:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None:
            for job in self._jobs:
                job.cancel()


def to_svg(chart, lang: str = "nl") -> bytes:
    """SVG bytes of a chart, numbers in the language's format (cached)."""
    return _svg(spec_json(chart), lang).encode("utf-8")


def to_png(chart, lang: str = "nl", scale: float = 2.0) -> bytes:
    """PNG bytes of a chart, by default at twice the size for projectors and print (cached)."""
    return _png(spec_json(chart), lang, float(scale))


def cache_info() -> dict[str, object]:
    """Hits and sizes of the render cache (for tests and the benchmark)."""
    return {"svg": _svg.cache_info(), "png": _png.cache_info()}


def to_csv_bytes(df) -> bytes:
    """Machine CSV (UTF-8 with BOM; comma separator, point decimals), e.g. the measurement store's
    export that ``streek db import`` reads back. Downloads for readers use ``streek.download``.

    Text cells that begin with =, +, -, @ are neutralised against formula injection;
    numbers are left alone."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype) == "str" or str(out[col].dtype).startswith("string"):
            out[col] = out[col].map(neutralise_cell)
    return out.to_csv(index=False).encode("utf-8-sig")
