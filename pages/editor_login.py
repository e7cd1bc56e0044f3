"""Aanmelden voor redacteurs: name + password (hashes from secrets or STREEK_EDITORS), or
single sign-on (st.login) where [auth] is configured in secrets."""
import streamlit as st

from pages.editor_auth import EDITOR_PAGE, current_editor, login_form
from pages.frame import page_lang

if current_editor():
    st.switch_page(EDITOR_PAGE, query_params={})  # {} keeps widget-bound ones (?lang=)

login_form(page_lang())
