"""The framework floor for bench/run.py: a Streamlit page with one title and nothing else."""
import streamlit as st

st.title("Lege pagina")
