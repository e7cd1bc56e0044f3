"""A "page not found" page in the reader's language, instead of Streamlit's English dialog.

``st.navigation`` shows its own English "Page not found" dialog and the home page when the URL path
names no page. ``not_found_page`` adds, for exactly that request, a hidden page at the unknown path,
so that the reader stays on the address they typed and reads, in Dutch or English, that it does not
exist, with links to the home page and the overview."""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from pages.frame import page_lang
from streek.a11y import echo
from streek.i18n import t

def requested_path() -> str | None:
    """The page name the browser asked for by URL (None after an in-app page switch)."""
    ctx = get_script_run_ctx()
    return getattr(getattr(ctx, "pages_manager", None), "intended_page_name", None) if ctx else None


def _render() -> None:
    lang = page_lang()
    st.title(t("notfound.title", lang))
    st.write(t("notfound.text", lang, path=echo(requested_path() or "")))
    st.page_link("pages/home.py", label=t("notfound.home", lang), icon=":material/home:")
    st.page_link("pages/overview.py", label=t("notfound.overview", lang), icon=":material/checklist:")


def not_found_page(pages: dict[str, list]) -> st.Page | None:
    """A hidden page at the requested path when no page of ``pages`` has it, else None."""
    name = (requested_path() or "").strip().strip("/")
    known = {p.url_path for section in pages.values() for p in section}
    if not name or name in known or "/" in name:
        return None
    return st.Page(_render, title=t("notfound.title", page_lang()), url_path=name, visibility="hidden")
