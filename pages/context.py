"""Placeholder: being built."""
import streamlit as st

st.title("context")
st.info("Deze pagina is in aanbouw.")
