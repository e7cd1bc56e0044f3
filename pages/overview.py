"""Placeholder: being built."""
import streamlit as st

st.title("overview")
st.info("Deze pagina is in aanbouw.")
