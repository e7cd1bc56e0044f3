"""QR codes of links (segno), as PNG or SVG bytes, and absolute links to a view of the app."""
from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno


@lru_cache(maxsize=128)
@lru_cache(maxsize=128)   # presentation mode draws the same screen's code on every rerun (~15 ms each)
def qr_png(text: str, scale: int = 8, border: int = 4) -> bytes:
    """PNG of a QR code (error correction M, dark on white)."""
    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=scale, border=border,
                                                   dark="#000000", light="#ffffff")
    return buf.getvalue()


@lru_cache(maxsize=128)
def qr_svg(text: str, scale: int = 8, border: int = 4) -> bytes:
    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="svg", scale=scale, border=border,
                                                   dark="#000000", light="#ffffff", xmldecl=False)
    return buf.getvalue()


def base_from_headers(headers) -> str | None:
    """``scheme://host`` from request headers (behind a proxy: X-Forwarded-Proto/-Host)."""
    if not headers:
        return None
    get = headers.get
    host = get("X-Forwarded-Host") or get("Host")
    if not host:
        return None
    host = host.split(",")[0].strip()
    proto = (get("X-Forwarded-Proto") or "http").split(",")[0].strip()
    if proto not in ("http", "https"):
        proto = "http"
    return f"{proto}://{host}"


def view_url(page_url: str, params: dict[str, str] | None = None) -> str:
    """The absolute link of a view: ``page_url`` (scheme, host, page path) with ``params``.

    Query and fragment already in ``page_url`` are replaced; empty parameters are left out."""
    parts = urlsplit(page_url)
    if not parts.scheme or not parts.netloc:
        raise ValueError(f"geen absolute link: {page_url!r}")
    query = urlencode([(k, str(v)) for k, v in (params or {}).items() if v not in (None, "")])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
