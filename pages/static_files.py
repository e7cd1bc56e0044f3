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
import math
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


_SVG_SIZE = re.compile(r'<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"')


def svg_size(svg: bytes) -> tuple[int, int] | None:
    """The drawn (width, height) of an SVG made by vl-convert, in px (None when its root names none)."""
    m = _SVG_SIZE.search(svg[:600].decode("utf-8", "replace"))
    return (round(float(m.group(1))), round(float(m.group(2)))) if m else None


PHONE_WIDTH = 360        # px: the narrowest layout (phones are 360-430 px wide)
# A card's still picture is laid out at the width its slot has on the reader's screen, as the
# interactive chart is: the screen's width less the sidebar, the page's and the card's padding
# (SLOT_OFFSET, measured in Chromium from 1024 to 2560 px with the sidebar open), times the chart's
# share of the card (1 for a card's full width). Below 640 px Streamlit stacks the columns and hides the
# sidebar; there, and up to the first wider layout, the phone layout serves.
SLOT_OFFSET = 523
NARROW_MAX = 640         # px: up to here Streamlit stacks columns (one column: a phone's layout)
WIDE_WIDTHS = (560, 820, 1300)   # px: the wider layouts a still may have (at most two per chart)
MIN_SCALE = 0.8                  # a layout is used from where the slot shows it at ≥ 80 % of its size


def laid_out(spec, width: int, box_height: int) -> dict:
    """The spec laid out as the interactive chart lays it out in a slot ``width`` px wide:
    ``box_height`` high in all (title, legend and axes inside; Streamlit's ``autosize: fit``)."""
    out = dict(json.loads(spec) if isinstance(spec, str) else spec)
    out.update(width=int(width), height=int(box_height), autosize={"type": "fit", "contains": "padding"})
    return out


def wide_layouts(share: float) -> list[tuple[int, int]]:
    """(smallest screen width, layout width) of the wider layouts of a still that gets ``share`` of a
    card's width, widest first: at most two, for screens up to 2000 px."""
    out = [(math.ceil(MIN_SCALE * w / share + SLOT_OFFSET), w) for w in WIDE_WIDTHS]
    return sorted([x for x in out if x[0] <= 2000][-2:], reverse=True)


def still_chart(spec, alt: str, lang: str, css_class: str = "streek-still", box_height: int | None = None,
                share: float = 1.0, narrow: tuple[dict | str, int] | None = None) -> str:
    """A chart as a still image: SVG made with vl-convert (cached in streek.render), published as a
    file, returned as an ``<img>`` with the chart's alt text and its natural size (shrinks on a
    phone, never blown up past its size). Light for the browser: no Vega, no dataset in the run.
    Callers cache the result per (chart, data version, language). ``bench/run.py`` waits for
    ``img.streek-still`` to load. ``box_height``: the still stands in for an interactive chart of
    that height (px) that takes ``share`` of a card's width: the image takes exactly that height, so
    that the swap does not move the page under the reader, and it is laid out at the width of its
    slot (:func:`laid_out`): a ``<picture>`` with the phone layout and up to two wider ones
    (:func:`wide_layouts`). One picture for every screen had 5 px text on a phone and, at 1920 px, a
    sub-targets chart 470 px wide in a 1400 px card. ``narrow``: (spec, height) of a phone layout
    for screens up to :data:`NARROW_MAX` px, where a still made for a wide screen (presentation mode's
    projector chart) would shrink to ~5 px type."""
    if box_height:
        svg = to_svg(laid_out(spec, PHONE_WIDTH, box_height), lang)
    else:
        svg = to_svg(spec, lang)
    w, h = svg_size(svg) or (None, None)
    size = f' width="{w}" height="{h}"' if w else ""
    widest = f"min(100%, {w}px)" if w else "100%"
    style = (f"width:100%;height:{box_height}px;object-fit:contain;object-position:left top" if box_height
             else f"width:100%;height:auto;max-width:{widest}")
    img = (f'<img class="{css_class}" src="{publish(svg, ".svg")}" alt="{html.escape(alt, quote=True)}"{size} '
           f'style="{style};display:block">')
    phone = ""
    if narrow is not None:
        n_svg = to_svg(laid_out(narrow[0], PHONE_WIDTH, narrow[1]), lang)
        n = svg_size(n_svg)
        n_size = f' width="{n[0]}" height="{n[1]}"' if n else ""
        phone = (f'<source media="(max-width: {NARROW_MAX}px)" srcset="{publish(n_svg, ".svg")}"{n_size}'
                 f' type="image/svg+xml">')
    if not box_height:
        return f"<picture>{phone}{img}</picture>" if phone else img
    sources = phone + "".join(f'<source media="(min-width: {vw}px)" srcset="{publish(to_svg(laid_out(spec, width, box_height), lang), ".svg")}"'
                      f' type="image/svg+xml">' for vw, width in wide_layouts(share))
    return f"<picture>{sources}{img}</picture>"
