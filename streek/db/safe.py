"""Showing text that came from an imported file.

Streamlit's ``st.markdown``/``st.caption`` never render raw HTML unless ``unsafe_allow_html``
is set (which the app never does with imported text), but Markdown itself is still active:
``[klik](https://…)`` becomes a link and ``![](https://…)`` loads an image. Pages that put an
imported source or note into Markdown pass it through :func:`escape_markdown` first; tables
(``st.dataframe``) and Vega charts show text as text and need nothing.
"""
from __future__ import annotations

import re

_MD_ACTIVE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&])")


def escape_markdown(text: str, keep_lines: bool = False) -> str:
    """Backslash-escape every Markdown- and HTML-active character (``&`` too, so no entity is
    interpreted). Newlines become spaces, or with ``keep_lines`` Markdown line breaks. The one
    escaper of the app (sources, notes, card texts)."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not keep_lines:
        lines = [" ".join(lines)]
    return "  \n".join(_MD_ACTIVE.sub(r"\\\1", line) for line in lines)
