"""tools/icon_font.py: Streamlit's icon font cut down to the icons a page can show (served by tools/serve.py).
That the pages draw every icon with it is checked in the browser (test_frame.py, and on every page in
test_browser_a11y.py)."""
from __future__ import annotations

import io
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import icon_font  # noqa: E402


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
    font = icon_font.font_file()
    assert font is not None and font.stat().st_size > 300_000
    data, kept = icon_font.cut(font, {"home", "expand_more", "touch_app", "no_such_icon", "list"})
    assert kept == {"home", "expand_more", "touch_app", "list"}
    cut = TTFont(io.BytesIO(data))
    assert cut.flavor == "woff2" and ligature_names(cut) == kept
    assert len(cut.getGlyphOrder()) < 100 and len(data) < 10_000
    assert icon_font.cut(font, {"home", "expand_more", "touch_app", "list"})[0] == data     # the same cut every time


def test_every_icon_of_ours_and_streamlits_own_chrome_is_among_the_words():
    words = icon_font.written_words()
    ours = icon_font.our_words()
    assert {"home", "search", "touch_app", "tune", "share", "map"} <= ours
    # Streamlit's own: the sidebar's fold, the expanders' arrow, the app menu, a dialog's close, a copy button
    assert ours | {"keyboard_double_arrow_left", "keyboard_double_arrow_right", "expand_more", "expand_less",
                   "more_vert", "close", "content_copy"} <= words


def test_the_cut_is_made_again_when_our_icons_change(monkeypatch):
    font = icon_font.font_file()
    before = icon_font.cached_path(font)
    monkeypatch.setattr(icon_font, "our_words", lambda: {"home", "rocket_launch"})
    assert icon_font.cached_path(font) != before and before.parent == icon_font.CACHE


def test_one_maker_at_a_time_and_a_dead_makers_lock_expires(tmp_path):
    target = tmp_path / "icons" / "cut.woff2"
    assert icon_font.claim(target) and not icon_font.claim(target)     # a second server starting beside it
    lock = target.with_name(target.name + ".making")
    import os
    os.utime(lock, (0, 0))                                             # its maker died long ago
    assert icon_font.claim(target)
