"""The map of the 13 municipalities as a still SVG whose municipalities are buttons (issue 9).

Vega (≈ 775 KB of script and a render in the browser) kept the map page at ~1,9 × an empty page.
Here the map is drawn once per view, language and width by vl-convert (``streek.render.to_svg``, the
same spec as the downloads), published as a file (``static_files.publish``, by content hash: the
browser keeps it), and put into the page by a small custom component (``clickable_map.js``,
``st.components.v2``: no iframe). The component makes each coloured shape a button with the
municipality's tooltip, marks a click at once and sends its NIS code to Python as the trigger value
``click``. A phone, a laptop and a projector each get a layout drawn for about their width
(:data:`LAYOUT_WIDTHS`), so that names and legend keep their size.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from pages.static_files import publish, svg_size
from streek import mapchart as mc
from streek.i18n import t
from streek.render import to_svg

LAYOUT_WIDTHS = (360, 560, 840)      # px: a phone, a laptop's map column, a projector's (1920 px) column
CSS = """
.streek-map{position:relative;width:100%;min-height:120px}
.streek-map svg{display:block;width:100%;height:auto}
.streek-map svg *{pointer-events:none}
.streek-map svg text{font-family:inherit}
.streek-map svg [data-nis]{pointer-events:visiblePainted;cursor:pointer}
.streek-map svg [data-nis]:hover{stroke:#1B1F24;stroke-width:1.6px}
.streek-map svg [data-nis][aria-pressed=true]{stroke:#000;stroke-width:3.5px;stroke-linejoin:round}
.streek-map svg [data-nis]:focus{outline:none}
.streek-map svg [data-nis]:focus-visible{stroke:#005FCC;stroke-width:4px;stroke-linejoin:round}
@media print{.streek-map{aspect-ratio:auto!important}.streek-map svg{max-height:100mm}}
"""
_mount = st.components.v2.component("streek_kaart", js=Path(__file__).with_name("clickable_map.js").read_text(),
                                     css=CSS, isolate_styles=False)


@st.cache_resource(show_spinner=False, max_entries=96)     # per view, language and data version: shared, never changed
def layouts(name: str, version: str, lang: str, _spec: dict) -> tuple[dict, ...]:
    """The still map ``_spec`` (the whole spec, data inline) drawn at each of :data:`LAYOUT_WIDTHS`:
    per layout its drawn size and the published SVG's address. ``name`` names the view."""
    out = []
    for width in LAYOUT_WIDTHS:
        svg = to_svg(mc.still_layout(_spec, width), lang)
        w, h = svg_size(svg) or (width, round(width * 0.8))
        out.append({"w": w, "h": h, "url": publish(svg, ".svg")})
    return tuple(out)


def clickable_map(drawn: tuple[dict, ...], *, key: str, selected: str | None, names: dict[str, str],
                  tips: dict[str, str], label: str, on_click, lang: str) -> None:
    """Mount the map: ``drawn`` from :func:`layouts`; ``selected`` the NIS code outlined; ``names``
    NIS code → name as the shapes' accessible names begin; ``tips`` NIS code → tooltip text; ``label``
    the map's accessible name. ``on_click`` runs when the reader picks a municipality; the code is in
    :func:`clicked`. Where the picture cannot be loaded, the reader gets ``map.load_failed``."""
    _mount(key=key, data={"layouts": list(drawn), "selected": selected, "names": names, "tips": tips,
                          "label": label, "failed": t("map.load_failed", lang)}, on_click_change=on_click)


def clicked(key: str) -> str | None:
    """The NIS code the reader picked on map ``key`` in this run (None when the run has another cause)."""
    state = st.session_state.get(key)
    code = state.get("click") if hasattr(state, "get") else getattr(state, "click", None)
    return str(code) if code else None
