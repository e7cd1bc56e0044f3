"""Placeholder: being built."""
import streamlit as st

st.title("pillar_2")
st.info("Deze pagina is in aanbouw.")
