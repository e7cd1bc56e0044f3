"""Placeholder: being built."""
import streamlit as st

st.title("method")
st.info("Deze pagina is in aanbouw.")
