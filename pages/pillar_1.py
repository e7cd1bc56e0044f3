"""Pillar 1: building blocks, ambitions and a chart per ambition (see pages/pillar_view.py)."""
from pages.pillar_view import render_pillar

render_pillar("1")
