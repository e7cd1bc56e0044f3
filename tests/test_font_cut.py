"""tools/font_cut.py: Streamlit's fonts cut down to what a page can show (served by tools/serve.py).
That the pages draw every icon with it is checked in the browser (test_frame.py, and on every page in
test_browser_a11y.py)."""
from __future__ import annotations

import io
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import font_cut  # noqa: E402


def ligature_names(font: TTFont) -> set[str]:
    char = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    names = set()
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            if type(table).__name__ == "LigatureSubst":
                for first, ligs in table.ligatures.items():
                    names |= {"".join(char.get(g, "?") for g in [first, *lig.Component]) for lig in ligs}
    return names


def test_the_cut_keeps_exactly_the_named_icons_and_is_small():
    font = font_cut.font_file()
    assert font is not None and font.stat().st_size > 300_000
    data, kept = font_cut.cut_icons(font, {"home", "expand_more", "touch_app", "no_such_icon", "list"})
    assert kept == {"home", "expand_more", "touch_app", "list"}
    cut = TTFont(io.BytesIO(data))
    assert cut.flavor == "woff2" and ligature_names(cut) == kept
    assert len(cut.getGlyphOrder()) < 100 and len(data) < 10_000
    assert font_cut.cut_icons(font, {"home", "expand_more", "touch_app", "list"})[0] == data     # the same cut every time


def test_every_icon_of_ours_and_streamlits_own_chrome_is_among_the_words():
    words = font_cut.written_words()
    ours = font_cut.our_words()
    assert {"home", "search", "touch_app", "tune", "share", "map"} <= ours
    # Streamlit's own: the sidebar's fold, the expanders' arrow, the app menu, a dialog's close, a copy button
    assert ours | {"keyboard_double_arrow_left", "keyboard_double_arrow_right", "expand_more", "expand_less",
                   "more_vert", "close", "content_copy"} <= words


def test_the_cut_is_made_again_when_our_icons_change(monkeypatch):
    font = font_cut.font_file()
    before = font_cut.cached_path(font)
    monkeypatch.setattr(font_cut, "our_words", lambda: {"home", "rocket_launch"})
    assert font_cut.cached_path(font) != before and before.parent == font_cut.CACHE


def test_the_text_font_keeps_every_weight_and_the_characters_of_our_pages():
    """Source Sans cut to Latin scripts, punctuation and symbols: every character the app's texts use
    (catalogue, data, the document's titles) is still in it, with the weight axis; Cyrillic is not."""
    from streek.i18n import CATALOGUE
    from streek.load import load_vision
    fonts = {f.name.split(".")[0]: f for f, kind in font_cut.font_files().items() if kind == "text"}
    upright = fonts["SourceSansVF-Upright"]
    data = font_cut.cut_text(upright)
    assert len(data) < upright.stat().st_size / 2
    cut, original = TTFont(io.BytesIO(data)), TTFont(str(upright))
    assert [a.axisTag for a in cut["fvar"].axes] == [a.axisTag for a in original["fvar"].axes]
    v = load_vision()
    texts = "".join(x for lang in CATALOGUE.values() for x in lang.values())
    texts += "".join(a.title_nl for a in v.ambitions) + "".join(v.swot["item_nl"]) + "".join(v.trends["title_nl"])
    texts += "é è ë ç ï ü ô € – — … ‘ ’ “ ” ≤ ≥ → ↑ ↓ ² ³ ½ ± × · • ▲ ▼ ● ◆ ‰ №"
    had = set(original.getBestCmap())
    lost = sorted({ch for ch in texts if ord(ch) in had and ord(ch) not in cut.getBestCmap()})
    assert not lost, lost
    assert ord("Ж") in had and ord("Ж") not in cut.getBestCmap()


def test_one_maker_at_a_time_and_a_dead_makers_lock_expires(tmp_path):
    lock = tmp_path / "fonts" / ".making"
    assert font_cut.claim(lock) and not font_cut.claim(lock)         # a second server starting beside it
    import os
    os.utime(lock, (0, 0))                                             # its maker died long ago
    assert font_cut.claim(lock)


def test_by_hand_while_a_server_makes_the_cuts_it_leaves_them_and_the_lock_alone(tmp_path):
    """``python tools/font_cut.py`` while a starting server's maker holds the lock: it says so and stops,
    and the lock stays (the maker's own finish removes it, not this run)."""
    import os
    import subprocess
    lock = tmp_path / ".making"
    lock.touch()
    env = {k: v for k, v in os.environ.items() if k != "STREEK_FONT_CUT_CLAIMED"}
    run = subprocess.run([sys.executable, str(Path(font_cut.__file__))], capture_output=True, text=True, timeout=60,
                         env={**env, "STREEK_FONT_CACHE": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    assert "maakt de lettertypen al" in run.stdout
    assert lock.exists() and not list(tmp_path.glob("*.woff2"))
