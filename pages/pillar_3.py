"""Placeholder: being built."""
import streamlit as st

st.title("pillar_3")
st.info("Deze pagina is in aanbouw.")
