"""A minimal Streamlit visitor at the WebSocket level (load bench and the ``make serve`` tests).

Speaks Streamlit's own protocol (``streamlit.proto``): opens ``/_stcore/stream`` like the
browser does, asks for a page with a ``BackMsg.rerun_script`` whose ``page_name`` is the URL
path (``"pijler-2"``; ``""`` for the home page) and waits for ``ForwardMsg.script_finished``.
Like a browser it first loads the page's HTML, so it carries the cookies a proxy sets (the
sticky-session cookie of ``make serve``). Loopback use only; every wait has a timeout.
"""
from __future__ import annotations

import asyncio
import http.cookiejar
import time
import urllib.request
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


@dataclass
class Run:
    """One finished script run as the visitor saw it."""
    seconds: float
    deltas: int
    bytes: int
    exceptions: list[str] = field(default_factory=list)
    page_not_found: bool = False
    compile_error: bool = False
    payload: bytearray | None = None     # every message's bytes, when asked for (``keep=True``)

    @property
    def ok(self) -> bool:
        return not (self.exceptions or self.page_not_found or self.compile_error)


def fetch_cookies(base_url: str, path: str = "", timeout: float = 30) -> str:
    """GET the page's HTML like a browser; return its cookies as a ``Cookie`` header value."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base_url}/{path}", timeout=timeout) as r:  # noqa: S310 (loopback)
        r.read()
    return "; ".join(f"{c.name}={c.value}" for c in jar)


class Visitor:
    """One browser tab: ``async with Visitor(url) as v: run = await v.open("pijler-2")``."""

    def __init__(self, base_url: str, cookie: str | None = None, timeout: float = 120):
        self.base_url = base_url.rstrip("/")
        self.cookie = cookie
        self.timeout = timeout
        self.ws = None

    async def __aenter__(self) -> Visitor:
        if self.cookie is None:
            self.cookie = await asyncio.to_thread(fetch_cookies, self.base_url)
        ws_url = "ws" + self.base_url[len("http"):] + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await asyncio.wait_for(
            websockets.connect(ws_url, subprotocols=["streamlit"], additional_headers=headers,
                               max_size=None, open_timeout=self.timeout), self.timeout)
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def open(self, page_name: str = "", query_string: str = "", keep: bool = False) -> Run:
        """Run the page at URL path ``page_name`` (a first visit, a rerun or in-app navigation)."""
        msg = BackMsg()
        msg.rerun_script.page_name = page_name
        msg.rerun_script.query_string = query_string
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        run = Run(0.0, 0, 0, payload=bytearray() if keep else None)
        deadline = start + self.timeout
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), max(0.1, deadline - time.perf_counter()))
            run.bytes += len(raw)
            if keep:
                run.payload += raw
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                run.deltas += 1
                el = fwd.delta.new_element
                if fwd.delta.WhichOneof("type") == "new_element" and el.WhichOneof("type") == "exception":
                    run.exceptions.append(f"{el.exception.type}: {el.exception.message}")
            elif kind == "page_not_found":
                run.page_not_found = True
            elif kind == "script_finished" and fwd.script_finished in DONE:
                run.compile_error = fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR
                run.seconds = time.perf_counter() - start
                return run


def open_page(base_url: str, page_name: str = "", timeout: float = 120, keep: bool = False) -> Run:
    """One visitor opens one page and leaves (synchronous helper for tests)."""
    async def _go() -> Run:
        async with Visitor(base_url, timeout=timeout) as v:
            return await v.open(page_name, keep=keep)
    return run_sync(_go())


def run_sync(coro):
    """``asyncio.run(coro)``, also where an event loop already runs in this thread (Playwright's sync
    API in the same test process): then in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:                       # no loop in this thread: the usual case
        return asyncio.run(coro)
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
