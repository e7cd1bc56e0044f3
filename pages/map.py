"""Placeholder: being built."""
import streamlit as st

st.title("map")
st.info("Deze pagina is in aanbouw.")
