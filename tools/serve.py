"""Start the app like ``streamlit run``, without Streamlit's legacy ``pages/`` behaviour, and with an
index page that knows where the server is and what language the page is in.

Usage: ``python tools/serve.py run app.py [streamlit options]`` (what ``make run`` does).

Why:

* Because the project has a ``pages/`` folder (the layout we want), Streamlit 1.67 treats the
  *first* session after a server start as an old-style multipage app until ``st.navigation`` has
  run once. A shared link such as ``/pijler-2`` opened first after a restart then shows a
  "Page not found" dialog (the page itself still renders). ``st.navigation`` switches that legacy
  mode off; we switch it off before the first session instead.
* On a deep link (``/pijler-2``) Streamlit's client does not know where the server lives: it first
  asks ``/pijler-2/_stcore/health``, gets a 404, waits and asks ``/_stcore/health``: every shared
  link, QR code and page reload but the home page paid that round trip and pause (~0,15 s). The index
  page tells the client the server's base URL (``window.__streamlit.BACKEND_BASE_URL``, Streamlit's
  own setting for embedding), so it connects at once.
* Streamlit's index page says ``<html lang="en">`` for a Dutch app: a screen reader then reads Dutch
  with an English voice. The index page gets the language of the link (``?lang=EN``: English, else
  Dutch); the frame keeps it right when the reader switches language (``pages/frame.py``).
* Streamlit loads the script of an element type (``st.html``, buttons, the language pills) only when
  the first element of that type arrives: on every page of ours a second round of requests after the
  page's run (measured on loopback: requested at ~745 ms, loaded at ~870 ms, the buttons' script after
  that). The index page names the scripts that every page needs (:data:`EVERY_PAGE`) as
  ``modulepreload``, so that they load beside Streamlit's own bundle (24-49 ms). On loopback the
  gain is within the noise (the main thread is busy with the run's messages meanwhile); with 40 ms of
  network latency, as on a room's Wi-Fi, Overzicht drew 29 ms sooner (A/B, 9 visits each). The map page
  also names its custom component's scripts (:data:`PAGE_SCRIPTS`): /kaart drew 25-42 ms sooner on
  loopback (A/B, 12 alternating visits, twice).
* Streamlit serves its own front-end bundle (``/static/``: ~2,1 MB of script for a first visit)
  uncompressed, on purpose: compressing it per request costs CPU on every hit, and a proxy in front
  usually does it. Nobody is in front of ``make run``, and behind ``make serve``'s nginx the workers
  answer the same way: every phone in a room downloaded 2,7 MB before its first page. Here each
  script and style sheet is compressed once per process (gzip, level 9; ~0,1 s in all) and kept in
  memory (:func:`compressed`), so a browser that accepts gzip gets ~0,6 MB of script instead of 2,1 MB
  at no CPU cost per visit. The bundle's cache headers stay (content-hashed names, immutable).
* Streamlit's fonts go out cut down to what our pages can show (``tools/font_cut.py``): the icon
  font to the icons a page can name (365 KB -> 53 KB), Source Sans to Latin scripts and symbols
  (166 + 134 KB -> 74 + 61 KB), once the cuts are made; until then, the originals.

With ``STREEK_WARM=1`` (``make run``) it also warms the new server in the background: one visit per
main page and language (``tools/warm.py``).

Plain ``streamlit run app.py`` works too, with that one dialog on the very first deep link, the extra
round trip and ``lang="en"``.
"""
import gzip
import json
import os
import re
import sys
import threading
from pathlib import Path
from urllib.parse import parse_qs

sys.path.insert(0, str(Path(__file__).resolve().parent))     # tools/, also when loaded by path (tests)
import font_cut  # noqa: E402  (tools/font_cut.py)
from streamlit.runtime.pages_manager import PagesManager  # noqa: E402
from streamlit.web.cli import main  # noqa: E402
from streamlit.web.server.starlette import starlette_static_routes as static_routes  # noqa: E402

PagesManager.uses_pages_directory = False

HTML_OPEN = '<html lang="en">'

# Streamlit's lazily loaded scripts that every page of ours needs (the frame's language pills and
# st.html; the buttons of the pages with charts), by the name before their content hash. A Streamlit
# upgrade that renames one is caught by tests/test_frame.py (test_the_index_page_preloads_...).
EVERY_PAGE = ("ButtonGroup", "WidgetLabel", "WidgetLabelHelpIconInline", "useBasicWidgetState", "styled-components",
              "Html", "purify.es", "Button")


# ... and the scripts that only some pages need, by the page's URL path: the map's clickable picture is a
# custom component (Streamlit's BidiComponent, with the Arrow code it loads), which otherwise starts to load
# only when the map's element arrives
PAGE_SCRIPTS = {"kaart": ("BidiComponent", "_arrayReduce", "serialization", "recordbatch")}


def preload_links(static_dir: str, original: str, wanted: tuple[str, ...] = EVERY_PAGE) -> str:
    """``<link rel="modulepreload">`` for the scripts named ``wanted`` (default :data:`EVERY_PAGE`) in
    Streamlit's static folder that its index page does not preload already (one per file:
    ``<name>.<hash>.js``)."""
    names = sorted(f.name for f in (Path(static_dir) / "static" / "js").glob("*.js")
                   if (m := re.fullmatch(r"(.+)\.[\w-]+\.js", f.name)) and m.group(1) in wanted)
    return "".join(f'\n    <link rel="modulepreload" crossorigin href="./static/js/{n}">'
                   for n in names if f"/static/js/{n}" not in original)


def page_language(query_string: bytes) -> str:
    """The document language of a link: "en" for ``?lang=EN`` (any case), else Dutch."""
    values = parse_qs(query_string.decode("latin-1")).get("lang", [])
    return "en" if values and values[-1].strip().lower() == "en" else "nl"


COMPRESSIBLE = (".js", ".css", ".json", ".svg", ".txt", ".map")
_GZ: dict[str, tuple[int, int, bytes]] = {}      # file -> (size, mtime_ns, gzip bytes): the bundle never changes
_GZ_LOCK = threading.Lock()


def compressed(path: str) -> bytes | None:
    """The gzip form of Streamlit's static file ``path``, compressed once per process (None: not worth it)."""
    if not path.endswith(COMPRESSIBLE):
        return None
    st_ = Path(path).stat()
    hit = _GZ.get(path)
    if hit is not None and hit[:2] == (st_.st_size, st_.st_mtime_ns):
        return hit[2]
    if st_.st_size < 1024:
        return None
    with _GZ_LOCK:
        data = gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)
        _GZ[path] = (st_.st_size, st_.st_mtime_ns, data)
    return data


def accepts_gzip(scope) -> bool:
    """Whether the request accepts gzip (``Accept-Encoding``, a q of 0 refuses) and asks for the whole file."""
    headers = dict(scope.get("headers") or [])
    if b"range" in headers:
        return False
    for item in headers.get(b"accept-encoding", b"").decode("latin-1").lower().split(","):
        name, _, params = item.partition(";")
        if name.strip() in ("gzip", "*"):
            q = params.replace(" ", "").removeprefix("q=")
            try:
                return float(q) > 0 if params.strip() else True
            except ValueError:
                return True
    return False


class FontCuts:
    """Streamlit's fonts, or their cuts (tools/font_cut.py) once those are on disk. At start the cuts
    are made in a process of its own at low priority (not in this one: fontTools would hold the server's
    interpreter for seconds) unless a former start made them, or another server starting beside this
    one (``make serve``'s workers, the test servers) is making them (:func:`font_cut.claim`)."""

    def __init__(self, static: Path):
        self.cuts = {str(f): font_cut.cached_path(f, kind) for f, kind in font_cut.font_files(static).items()}
        self._data: dict[str, bytes] = {}
        if any(not c.exists() for c in self.cuts.values()) and font_cut.claim():
            import subprocess
            subprocess.Popen(["nice", "-n", "10", sys.executable, str(Path(font_cut.__file__))],  # noqa: S603
                             env={**os.environ, "STREEK_FONT_CUT_CLAIMED": "1"},     # the lock is taken: ours
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def data_for(self, path: str) -> tuple[bytes, str] | None:
        """(the cut's bytes, its ETag) when ``path`` is a font that is cut and its cut is there, else None."""
        cut = self.cuts.get(path)
        if cut is None:
            return None
        if path not in self._data and cut.exists():
            self._data[path] = cut.read_bytes()
        data = self._data.get(path)
        return None if data is None else (data, f'"{cut.stem.rsplit(".", 1)[-1]}"')


def index_html(original: str, base_url_path: str, query_string: bytes, preload: str = "") -> str:
    """Streamlit's index page with the document language and the server's base URL set, and the
    ``preload`` links (:func:`preload_links`) at the end of its head."""
    assert HTML_OPEN in original and "</head>" in original, "Streamlit's index.html changed: update tools/serve.py"
    base = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    setting = ("<script>window.__streamlit = Object.assign({}, window.__streamlit, "
               f"{{BACKEND_BASE_URL: window.location.origin + {json.dumps(base + '/')}}});</script>")
    html = original.replace(HTML_OPEN, f'<html lang="{page_language(query_string)}">', 1)
    html = html.replace("</head>", preload + "\n  </head>", 1)
    return html.replace("<head>", "<head>\n    " + setting, 1)


def _patch_index_page() -> None:
    make_handler = static_routes.create_streamlit_static_handler

    def create_handler(directory: str, base_url: str | None):
        from anyio import to_thread
        from starlette.responses import FileResponse, HTMLResponse, Response
        handler = make_handler(directory=directory, base_url=base_url)
        served = handler.get_response
        with open(handler._index_path, encoding="utf-8") as f:
            original = f.read()
        static = str(Path(handler._index_path).parent)
        fonts = FontCuts(Path(static) / "static")
        preload = preload_links(static, original)
        per_page = {page: preload + preload_links(static, original, names) for page, names in PAGE_SCRIPTS.items()}
        # the scripts and styles the index pages name, compressed before the first visitor asks for them
        named = sorted(set(re.findall(r'\./(static/[\w./-]+\.(?:js|css))"', original + "".join(per_page.values()))))
        threading.Thread(target=lambda: [compressed(str(Path(static) / n)) for n in named], daemon=True,
                         name="gzip-bundle").start()

        async def get_response(path, scope):
            response = await served(path, scope)
            if isinstance(response, FileResponse) and str(response.path).endswith("index.html"):
                links = per_page.get(str(path).strip("/").split("/")[-1], preload)
                return HTMLResponse(index_html(original, base_url or "", scope.get("query_string", b""), links),
                                    headers={"Cache-Control": "no-cache"})
            if isinstance(response, FileResponse) and response.status_code == 200:
                # another body than the file's: its own length and tag, no byte ranges of the file
                kept = {k: v for k, v in response.headers.items()
                        if k.lower() not in ("content-length", "accept-ranges", "etag", "last-modified")}
                cut = fonts.data_for(str(response.path))
                if cut is not None:
                    return Response(cut[0], headers={**kept, "ETag": cut[1]})
                response.headers["Vary"] = "Accept-Encoding"
                if accepts_gzip(scope):
                    body = await to_thread.run_sync(compressed, str(response.path))
                    if body is not None:
                        etag = response.headers.get("etag", "").strip('"')
                        return Response(body, headers={**kept, "Vary": "Accept-Encoding", "Content-Encoding": "gzip",
                                                       **({"ETag": f'"{etag}-gzip"'} if etag else {})})
            return response

        handler.get_response = get_response
        return handler

    static_routes.create_streamlit_static_handler = create_handler


_patch_index_page()


def _port(argv: list[str]) -> int:
    """The port of ``--server.port N`` / ``--server.port=N`` in Streamlit's arguments (default 8501)."""
    for i, a in enumerate(argv):
        if a == "--server.port" and i + 1 < len(argv):
            return int(argv[i + 1])
        if a.startswith("--server.port="):
            return int(a.split("=", 1)[1])
    return 8501


if __name__ == "__main__":
    import warm  # tools/ is this script's folder
    if warm.wanted() and sys.argv[1:2] == ["run"]:    # make run: one visit per page and language (tools/warm.py)
        warm.warm_in_background([f"http://127.0.0.1:{_port(sys.argv)}"])
    sys.exit(main())
