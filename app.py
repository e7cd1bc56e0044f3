"""Streekvisie Explorer: router and shared frame (``streamlit run app.py``)."""
import streamlit as st

from streek.i18n import t

st.set_page_config(page_title=t("app.short_title"), page_icon="📈", layout="wide")

PAGES = {
    t("nav.section.vision"): [
        st.Page("pages/home.py", title=t("nav.home"), icon="🏠", default=True),
    ],
}

nav = st.navigation(PAGES)
nav.run()
