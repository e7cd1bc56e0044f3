"""Files the browser fetches by URL instead of receiving them inside every script run.

Streamlit sends every element of a page again on every run of every session. A card's still chart
as a ``data:`` URI put ~27 KB of base64 into each run (≈ 270 KB for a pillar page, per visitor and
per rerun), all of it serialised by the one server process. ``publish`` writes such a file once
into ``static/gen/`` (served by Streamlit's ``server.enableStaticServing`` at ``app/static/``, and
by nginx directly under ``make serve``) under a name made from its content, so that every session,
every worker and the browser's cache share it, and a changed chart gets a new address.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

from streek.render import to_svg, write_atomic

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"   # Streamlit's app static folder (next to app.py)
GEN = "gen"                                                     # generated, git-ignored
URL_PREFIX = f"app/static/{GEN}/"      # relative to the page's address: every route is one path segment


def publish(data: bytes, suffix: str) -> str:
    """Store ``data`` as ``static/gen/<hash><suffix>`` (once; atomic, safe across threads and
    worker processes) and return its URL relative to the page."""
    name = hashlib.sha256(data).hexdigest()[:40] + suffix
    path = STATIC_DIR / GEN / name
    if not path.exists():
        write_atomic(path, data)
    return URL_PREFIX + name


def publish_json(records: list) -> str:
    """Chart data (a list of records) as a published ``.json`` file; its URL (``publish``)."""
    return publish(json.dumps(records, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8"),
                   ".json")


_SVG_SIZE = re.compile(r'<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"')


PHONE_MAX = 640          # px: Streamlit stacks columns below this width, a card's chart gets the whole screen
PHONE_WIDTH = 360        # px: the phone variant's layout width (phones are 360-430 px wide)


def phone_spec(spec, box_height: int) -> dict:
    """The spec laid out as the interactive chart lays it out on a phone: ``PHONE_WIDTH`` wide and
    ``box_height`` high in all (title, legend and axes inside; Streamlit's ``autosize: fit``)."""
    out = dict(json.loads(spec) if isinstance(spec, str) else spec)
    out.update(width=PHONE_WIDTH, height=int(box_height), autosize={"type": "fit", "contains": "padding"})
    return out


def still_chart(spec, alt: str, lang: str, css_class: str = "streek-still", box_height: int | None = None) -> str:
    """A chart as a still image: SVG made with vl-convert (cached in streek.render), published as a
    file, returned as an ``<img>`` with the chart's alt text and its natural size (shrinks on a
    phone, never blown up past its size). Light for the browser: no Vega, no dataset in the run.
    Callers cache the result per (chart, data version, language). ``bench/run.py`` waits for
    ``img.streek-still`` to load. ``box_height``: the image takes exactly the height (px) of the
    interactive chart that may replace it, the picture fitted inside, so that the swap does not move
    the page under the reader; and a phone (≤ ``PHONE_MAX`` px) gets its own picture, laid out at
    phone width (:func:`phone_spec`): the desktop picture shrunk to a phone's width had 5 px text and
    left a band of white under it."""
    svg = to_svg(spec, lang)
    m = _SVG_SIZE.search(svg[:600].decode("utf-8", "replace"))
    w, h = (round(float(m.group(1))), round(float(m.group(2)))) if m else (None, None)
    size = f' width="{w}" height="{h}"' if m else ""
    widest = f"min(100%, {w}px)" if w else "100%"
    style = (f"width:100%;height:{box_height}px;object-fit:contain;object-position:left top" if box_height
             else f"width:100%;height:auto;max-width:{widest}")
    img = (f'<img class="{css_class}" src="{publish(svg, ".svg")}" alt="{html.escape(alt, quote=True)}"{size} '
           f'style="{style};display:block">')
    if not box_height:
        return img
    phone = publish(to_svg(phone_spec(spec, box_height), lang), ".svg")
    return (f'<picture><source media="(max-width: {PHONE_MAX}px)" srcset="{phone}" type="image/svg+xml">'
            f'{img}</picture>')
