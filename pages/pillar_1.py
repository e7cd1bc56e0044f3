"""Placeholder: being built."""
import streamlit as st

st.title("pillar_1")
st.info("Deze pagina is in aanbouw.")
