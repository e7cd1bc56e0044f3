"""Aanmelden voor redacteurs: name + password (hashes from secrets or STREEK_EDITORS), or
single sign-on (st.login) where [auth] is configured in secrets."""
import math

import streamlit as st

from pages.editor_auth import EDITOR_PAGE, app_secrets, current_editor, try_password_login
from streek.auth import editor_emails, load_editors, oidc_configured
from streek.i18n import t
from pages.frame import page_lang

lang = page_lang()   # the reader's language, passed down explicitly

if current_editor():
    st.switch_page(EDITOR_PAGE, query_params={})  # {} keeps widget-bound ones (?lang=)

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
