"""AppTest: the home page renders the real vision; invalid data show messages, not a traceback."""
import csv
from pathlib import Path

from streamlit.testing.v1 import AppTest

from conftest import page_text

ROOT = Path(__file__).resolve().parents[1]


def run_home(monkeypatch=None, data_dir=None):
    if data_dir is not None:
        monkeypatch.setenv("STREEK_DATA_DIR", str(data_dir))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def test_home_shows_vision_pillars_and_blocks(vision):
    at = run_home()
    assert not at.exception
    text = page_text(at)
    assert "Just Make It!" in at.title[0].value
    for p in vision.pillars:
        assert p.title_nl in text
    for b in vision.building_blocks:
        assert b.title_nl in text
    assert "31 ambities" in "\n".join(h.value for h in at.header)
    captions = "\n".join(c.value for c in at.caption)
    assert "12 ambities · 14 doelreeksen" in captions
    assert "10 ambities · 14 doelreeksen" in captions
    assert "9 ambities · 9 doelreeksen" in captions


def test_invalid_data_show_messages_not_a_traceback(monkeypatch, data_copy):
    path = data_copy / "observations.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[3][3] = "veel"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    at = run_home(monkeypatch, data_copy)
    assert not at.exception
    assert at.error and "niet in orde" in at.error[0].value
    listing = "\n".join(m.value for m in at.markdown)
    assert "observations.csv, rij 4, kolom 'value'" in listing
