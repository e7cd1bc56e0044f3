"""Showing text that came from an imported file.

Streamlit's ``st.markdown``/``st.caption`` never render raw HTML unless ``unsafe_allow_html``
is set (which the app never does with imported text), but Markdown itself is still active:
``[klik](https://…)`` becomes a link and ``![](https://…)`` loads an image. Pages that put an
imported source or note into Markdown pass it through :func:`escape_markdown` first; tables
(``st.dataframe``) and Vega charts show text as text and need nothing.
"""
from __future__ import annotations

import re

_MD_ACTIVE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every Markdown-active character; newlines become spaces."""
    s = str(text).replace("\r", " ").replace("\n", " ")
    return _MD_ACTIVE.sub(r"\\\1", s)
