"""Placeholder: being built."""
import streamlit as st

st.title("swot")
st.info("Deze pagina is in aanbouw.")
