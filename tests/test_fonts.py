"""Streek Sans, the charts' font in vl-convert (streek/fonts, tools/build_font.py): DejaVu Sans cut to
what charts write, renamed. vl-convert measures a chart's text with it (the same widths as DejaVu Sans,
in less time), also on a machine without DejaVu Sans."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from streek.png_worker import FONT_DIR, converter
from streek.theme import FONT

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_font  # noqa: E402  (tools/build_font.py)

LABELS = ["Werkzaamheidsgraad 20-64 jaar", "Zuid-West-Vlaanderen", "Spiere-Helkijn", "75,4 %", "28.309 km²"]


def _svg(font: str) -> str:
    """Five labels, each in its own box sized by vl-convert's measurement of the text (a ``limit``)."""
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "width": 400, "height": 200,
            "data": {"values": [{"y": i, "t": t} for i, t in enumerate(LABELS)]},
            "mark": {"type": "text", "font": font, "fontSize": 14, "align": "left", "limit": 130},
            "encoding": {"y": {"field": "y", "type": "ordinal", "axis": None}, "text": {"field": "t"}}}
    return converter().vegalite_to_svg(spec)


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_the_charts_name_streek_sans_first_and_dejavu_sans_for_browsers():
    assert FONT.split(", ")[:2] == ["Streek Sans", "DejaVu Sans"]
    assert sorted(p.name for p in FONT_DIR.glob("*.ttf")) == sorted(build_font.FILES.values())
    assert "Bitstream" in (FONT_DIR / "LICENSE").read_text()


def test_vl_convert_measures_with_streek_sans_not_a_fallback():
    """A text cut to fit 130 px at 14 px is cut where DejaVu Sans's letters reach it. Unregistered, the
    same name gave 'Werkzaamh…' (vl-convert's guess for a font it does not know); its own Liberation
    Sans, narrower, 'Werkzaamheidsgr…'."""
    assert _texts(_svg("Streek Sans")) == ["Werkzaamheids…", "Zuid-West-Vlaan…", "Spiere-Helkijn", "75,4 %", "28.309 km²"]
    assert _texts(_svg("Liberation Sans"))[0] == "Werkzaamheidsgr…"


@pytest.mark.skipif(not (build_font.SOURCE / "DejaVuSans.ttf").exists() and os.environ.get("CI") != "true",
                    reason="the build step's source, Debian's fonts-dejavu-core, is not installed")
def test_build_reproduces_the_committed_font_and_it_measures_as_dejavu_sans(tmp_path):
    """``tools/build_font.py`` makes the committed files from the system's DejaVu Sans (under CI the
    package is installed by .ci/run: there a missing font fails), and vl-convert cuts a text in Streek
    Sans exactly where it cuts it in DejaVu Sans."""
    files = build_font.build()
    assert set(files) == {p.name for p in FONT_DIR.iterdir()}
    assert build_font.stale(files) == [], "streek/fonts: make it again with tools/build_font.py"
    names, _, widths = build_font.summary((FONT_DIR / "StreekSans.ttf").read_bytes())
    assert names == ("Streek Sans", "Book", "Streek Sans", "StreekSans") and len(widths) > 900
    assert _texts(_svg("Streek Sans")) == _texts(_svg("DejaVu Sans"))
