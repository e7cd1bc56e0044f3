"""Who is an editor in this session (Streamlit side of :mod:`streek.auth`).

Visitors get one page in the "Redactie" section: "Aanmelden voor redacteurs". Signed-in editors
get "Gegevens bijwerken" instead (the sign-in page stays registered, hidden, so that the page
they are on after signing in still exists). The editing page's URL (``/gegevens-bijwerken``)
is registered for everyone (hidden for visitors): a visitor who opens it gets the sign-in form.

Staying signed in: a password sign-in puts a signed, expiring token (:func:`streek.auth.make_token`)
in the cookie ``streek_editor``; a new session (F5, another tab, another worker of ``make
serve``) reads it from ``st.context.cookies``. Streamlit cannot answer with a ``Set-Cookie``
header, so a small script in the page writes it: ``SameSite=Strict``, ``Secure`` on HTTPS, but
not ``HttpOnly`` (a script cannot set that). The failure throttle and the signing key live in
the store, so both hold for every worker.
"""
from __future__ import annotations

import json
import math
import secrets as _secrets_mod

import streamlit as st

from streek.auth import (
    TOKEN_TTL_S,
    StoreThrottle,
    Throttle,
    check_login,
    editor_emails,
    load_editors,
    make_token,
    oidc_configured,
    read_token,
    signing_key,
)
from streek.i18n import t

SESSION_KEY = "streek_editor"
EDITOR_PAGE = "pages/editor.py"
LOGIN_PAGE = "pages/editor_login.py"
COOKIE = "streek_editor"
TOKEN_KEY = "_streek_editor_token"  # noqa: S105 (a session-state key) — the token this session's cookie should hold
SIGNED_OUT_KEY = "_streek_signed_out"    # signed out in this session: ignore (and clear) the cookie


def app_secrets() -> dict:
    """Streamlit secrets as a dict; {} when there is no secrets file."""
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml: FileNotFoundError / StreamlitSecretNotFoundError
        return {}


def _engine():
    from pages.ui import get_store
    store = get_store()
    return None if store is None else store.engine


@st.cache_resource(show_spinner=False)
def throttle(url: str | None) -> Throttle | StoreThrottle:
    """Failures count per name across sessions and, in the store, across worker processes;
    without a reachable store per process."""
    engine = _engine() if url else None
    return StoreThrottle(engine) if engine is not None else Throttle()


@st.cache_resource(show_spinner=False)
def _signing_key(url: str | None) -> bytes:
    return signing_key(app_secrets(), engine=_engine() if url else None)


def _store_url() -> str | None:
    from pages.ui import get_store
    store = get_store()
    return None if store is None else store.url


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


def cookie_editor() -> str | None:
    """The editor named by a valid, unexpired token in this browser's cookie (still on the list)."""
    if st.session_state.get(SIGNED_OUT_KEY):
        return None
    token = st.context.cookies.get(COOKIE)
    if not token:
        return None
    name = read_token(token, _signing_key(_store_url()))
    if name is None or name not in load_editors(app_secrets()):
        return None
    st.session_state[TOKEN_KEY] = token
    st.session_state[SESSION_KEY] = name
    return name


def current_editor() -> str | None:
    return st.session_state.get(SESSION_KEY) or oidc_email() or cookie_editor()


def sync_cookie() -> None:
    """Write (after a sign-in) or clear (after a sign-out) the browser's sign-in cookie. Runs on
    every page run until the browser has it, so a run cut short by a page switch does no harm."""
    have = st.context.cookies.get(COOKIE)
    want = st.session_state.get(TOKEN_KEY)
    if want and want != have:
        value = f"{COOKIE}={want}; Path=/; Max-Age={TOKEN_TTL_S}; SameSite=Strict"
    elif st.session_state.get(SIGNED_OUT_KEY) and have:
        value = f"{COOKIE}=; Path=/; Max-Age=0; SameSite=Strict"
    else:
        return
    script = f"document.cookie = {json.dumps(value)} + (location.protocol === 'https:' ? '; Secure' : '');"
    st.sidebar.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def editor_route_visible(r, editor: bool) -> str:
    """How an editor route (pages/routes.py) shows for a session with (``editor``) or without a signed-in
    editor: "shown" or "hidden" (reachable, not in the menu). Both always exist: visitors see the sign-in
    page and get the sign-in form on the editing page's URL; signed-in editors see the editing page, with
    the sign-in page hidden."""
    if r.editor == "editor":
        return "shown" if editor else "hidden"
    return "hidden" if editor else "shown"


def try_password_login(name: str, password: str) -> tuple[bool, float, bool]:
    """(ok, seconds to wait, refused because of an earlier failure)."""
    editors = load_editors(app_secrets())
    url = _store_url()
    ok, wait, throttled = check_login(name, password, editors, throttle(url), session_id())
    if ok:
        st.session_state[SESSION_KEY] = name.strip()
        st.session_state[TOKEN_KEY] = make_token(name.strip(), _signing_key(url))
        st.session_state.pop(SIGNED_OUT_KEY, None)
    return ok, wait, throttled


def login_form(lang: str) -> None:
    """The sign-in form (name + password, or single sign-on where [auth] is configured); on the
    sign-in page and on the editing page's URL for visitors."""
    st.title(t("editor.login.title", lang))
    st.write(t("editor.login.intro", lang))

    sec = app_secrets()
    if oidc_configured(sec):
        try:
            logged_in = st.user.is_logged_in
        except Exception:
            logged_in = False
        if logged_in:
            st.warning(t("editor.login.oidc_not_allowed", lang, email=str(st.user.get("email") or "?")))
            if st.button(t("editor.logout", lang), key="editor_oidc_logout"):
                st.logout()
        elif st.button(t("editor.login.oidc_button", lang), key="editor_oidc_login", type="primary"):
            try:
                st.login()
            except Exception as e:  # e.g. Authlib not installed
                st.error(t("editor.login.oidc_unavailable", lang, err=type(e).__name__))
        if editor_emails(sec):
            st.write(t("editor.login.or_password", lang))

    if not load_editors(sec) and not oidc_configured(sec):
        st.info(t("editor.login.none_configured", lang))

    with st.form("editor_login", clear_on_submit=False, enter_to_submit=True):
        name = st.text_input(t("editor.login.name", lang), key="editor_login_name", autocomplete="username")
        password = st.text_input(t("editor.login.password", lang), type="password", key="editor_login_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("editor.login.submit", lang), type="primary")

    if submitted:
        ok, wait, throttled = try_password_login(name, password)
        if ok:
            st.rerun()
        elif throttled:
            st.error(t("editor.login.wait", lang, s=math.ceil(wait)))
        else:
            st.error(t("editor.login.wrong", lang) + " " + t("editor.login.retry", lang, s=math.ceil(wait)))


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    if st.session_state.pop(TOKEN_KEY, None) or st.context.cookies.get(COOKIE):
        st.session_state[SIGNED_OUT_KEY] = True
    try:
        if oidc_configured(app_secrets()) and st.user.is_logged_in:
            st.logout()
    except Exception:  # noqa: S110 — no OIDC session to end
        pass
