"""Who is an editor in this session (Streamlit side of :mod:`streek.auth`).

Visitors get one page in the "Redactie" section: "Aanmelden voor redacteurs". Signed-in editors
get "Gegevens bijwerken" instead (the sign-in page stays registered, hidden, so that the page
they are on after signing in still exists). Nothing of the editing page is registered for
visitors, so its URL shows nothing to them.
"""
from __future__ import annotations

import secrets as _secrets_mod

import streamlit as st

from streek.auth import Throttle, check_login, editor_emails, load_editors, oidc_configured

SESSION_KEY = "streek_editor"
EDITOR_PAGE = "pages/editor.py"
LOGIN_PAGE = "pages/editor_login.py"


def app_secrets() -> dict:
    """Streamlit secrets as a dict; {} when there is no secrets file."""
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml: FileNotFoundError / StreamlitSecretNotFoundError
        return {}


@st.cache_resource(show_spinner=False)
def throttle() -> Throttle:
    """One per server process: failures count per name across sessions."""
    return Throttle()


def session_id() -> str:
    return st.session_state.setdefault("_streek_session_id", _secrets_mod.token_hex(8))


def oidc_email() -> str | None:
    """The e-mail of an OIDC sign-in (st.login), when on the allow-list."""
    sec = app_secrets()
    if not oidc_configured(sec):
        return None
    try:
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email") or "").strip().lower()
    except Exception:
        return None
    return email if email and email in editor_emails(sec) else None


def current_editor() -> str | None:
    return st.session_state.get(SESSION_KEY) or oidc_email()


def editor_route_visible(r) -> str | None:
    """How an editor route (pages/routes.py) shows for this session: "shown", "hidden" (reachable,
    not in the menu) or None (not registered). Visitors get only the sign-in page; signed-in
    editors the editing page, with the sign-in page hidden."""
    if current_editor():
        return "shown" if r.editor == "editor" else "hidden"
    return "shown" if r.editor == "login" else None


def try_password_login(name: str, password: str) -> tuple[bool, float, bool]:
    """(ok, seconds to wait, refused because of an earlier failure)."""
    editors = load_editors(app_secrets())
    ok, wait, throttled = check_login(name, password, editors, throttle(), session_id())
    if ok:
        st.session_state[SESSION_KEY] = name.strip()
    return ok, wait, throttled


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    try:
        if oidc_configured(app_secrets()) and st.user.is_logged_in:
            st.logout()
    except Exception:  # noqa: S110 — no OIDC session to end
        pass
