"""Streamlit's fonts cut down to what our pages can show (``tools/serve.py`` serves the cuts).

* **Icons.** Streamlit draws its icons with Google's *Material Symbols Rounded* font: 4.309 icons,
  365 KB, the largest file of a first visit once the scripts are compressed (a third of its ~1,1 MB),
  downloaded by every phone in a room. An icon is written as its name ("expand_more"), which the font
  turns into the picture by a ligature. The pages can only show an icon whose name is written
  somewhere: in Streamlit's front-end scripts (its own buttons, menus and widgets), in Streamlit's
  Python code, or in ours (``:material/…:``). The cut keeps the ligatures of every icon whose name
  occurs in any of them as a word — generously: common words such as "search" or "list" are kept
  whether an icon or not — and drops the other glyphs: ~515 icons, 53 KB.
* **Text.** Source Sans (upright 166 KB, italic 134 KB; variable, every weight) and Source Code Pro
  (Streamlit's code font) also carry Greek, Cyrillic and Vietnamese. The cut keeps the characters of Latin
  scripts, punctuation, currency and the symbols our pages use (:data:`TEXT_RANGES`) with every weight
  and all OpenType features: upright 74 KB, italic 61 KB. A character outside it (a workshop note in
  Greek) is drawn in the browser's own sans-serif instead, as any character the font never had.

The cuts are made once per font file and Streamlit version (and our icons), ~8 s of one core in all,
in a process of its own at low priority started by ``tools/serve.py``, and kept in
``var/cache/fonts/``; until a cut is there the server sends the original.

Usage: ``python tools/font_cut.py`` makes the missing cuts for the installed Streamlit.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from pathlib import Path

import build_font  # tools/build_font.py: the characters chart text holds

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("STREEK_FONT_CACHE") or ROOT / "var" / "cache" / "fonts")     # (tests: elsewhere)
MAKING = CACHE / ".making"        # one maker at a time (:func:`claim`)
ICON_FONT = "MaterialSymbols-Rounded"
# the text fonts Streamlit's style sheet names for body text and code (not its serif, which only a serif
# theme asks for, nor KaTeX's)
TEXT_FONTS = ("SourceSansVF-Upright", "SourceSansVF-Italic", "SourceCodeVF-Upright", "SourceCodeVF-Italic")
# What page text holds: what chart text holds (tools/build_font.py RANGES: Latin with its accents,
# punctuation, super- and subscripts, currency, letterlike symbols, arrows, mathematical operators,
# geometric shapes), and what a workshop note or an imported source may add beside it: Latin Extended-B,
# miscellaneous symbols and the Latin ligatures
TEXT_RANGES = tuple(build_font.RANGES) + ((0x180, 0x24F), (0x2600, 0x26FF), (0xFB00, 0xFB06))
_WORD = re.compile(r'["\'`:/]([a-z0-9_]{2,60})["\'`:]')     # a name as a string or ":material/…:" in a script
_MATERIAL = re.compile(r":material/([a-z0-9_]+):")


def streamlit_static() -> Path:
    from streamlit import file_util
    return Path(file_util.get_static_dir()) / "static"


def font_files(static: Path | None = None) -> dict[Path, str]:
    """The installed Streamlit's fonts that are cut: file -> "icons" or "text"."""
    media = (static or streamlit_static()) / "media"
    out = {f: "icons" for f in media.glob(f"{ICON_FONT}.*.woff2")}
    for stem in TEXT_FONTS:
        out |= {f: "text" for f in media.glob(f"{stem}.*.woff2")}
    return out


def font_file(static: Path | None = None) -> Path | None:
    """The installed Streamlit's icon font (``media/MaterialSymbols-Rounded.<hash>.woff2``), if any."""
    found = [f for f, kind in font_files(static).items() if kind == "icons"]
    return found[0] if len(found) == 1 else None


def our_words() -> set[str]:
    """The icons our own code names (``:material/…:`` in app.py, pages/ and streek/)."""
    words: set[str] = set()
    for py in [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "streek").rglob("*.py")]:
        words |= set(_MATERIAL.findall(py.read_text(encoding="utf-8", errors="ignore")))
    return words


def written_words(static: Path | None = None) -> set[str]:
    """Every word that can name an icon on our pages: in Streamlit's scripts and Python code, and in ours."""
    static = static or streamlit_static()
    words = our_words()
    for js in (static / "js").glob("*.js"):
        words |= set(_WORD.findall(js.read_text(encoding="utf-8", errors="ignore")))
    for py in static.parents[1].rglob("*.py"):               # the streamlit package
        words |= set(_MATERIAL.findall(py.read_text(encoding="utf-8", errors="ignore")))
    return words


def cached_path(font: Path, kind: str = "icons") -> Path:
    """Where the cut of ``font`` is kept: named by the font file (its name carries its content hash),
    the Streamlit version (its scripts and code), fontTools' version and what is kept (our own icons,
    or :data:`TEXT_RANGES`). Cheap: reads only our code, so a server can look for it at start."""
    import fontTools
    import streamlit
    kept = sorted(our_words()) if kind == "icons" else [repr(TEXT_RANGES)]
    key = "\n".join([font.name, streamlit.__version__, fontTools.version, kind, *kept])
    return CACHE / f"{font.name.split('.')[0]}.{hashlib.sha256(key.encode()).hexdigest()[:20]}.woff2"


def _save(f) -> bytes:
    f.flavor = "woff2"
    with tempfile.TemporaryFile() as out:
        f.save(out)
        out.seek(0)
        return out.read()


def _options():
    from fontTools import subset
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    return options


def cut_text(font: Path, ranges=TEXT_RANGES) -> bytes:
    """``font`` with only the characters in ``ranges`` (every weight and feature kept), as WOFF2."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    f = TTFont(str(font), recalcTimestamp=False)      # the same cut every time (no "modified" date)
    cutter = subset.Subsetter(_options())
    cutter.populate(unicodes=[c for c in f.getBestCmap() if any(a <= c <= b for a, b in ranges)])
    cutter.subset(f)
    return _save(f)


def cut_icons(font: Path, words: set[str]) -> tuple[bytes, set[str]]:
    """(the font with only the icons named in ``words``, as WOFF2; the names of the icons kept)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    f = TTFont(str(font), recalcTimestamp=False)      # the same cut every time (no "modified" date)
    cmap = f.getBestCmap()
    char = {glyph: chr(code) for code, glyph in cmap.items()}
    keep, kept_names = set(), set()
    for lookup in f["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            if type(table).__name__ != "LigatureSubst":
                continue
            for first in list(table.ligatures):
                ligatures = []
                for lig in table.ligatures[first]:
                    name = "".join(char.get(g, "\0") for g in [first, *lig.Component])
                    if name in words:
                        ligatures.append(lig)
                        keep.add(lig.LigGlyph)
                        kept_names.add(name)
                if ligatures:
                    table.ligatures[first] = ligatures
                else:
                    del table.ligatures[first]
    cutter = subset.Subsetter(_options())
    # the letters, digits and "_" the names are written in (not the icons' private code points: all 4.309)
    cutter.populate(unicodes=[c for c in cmap if c < 128], glyphs=sorted(keep))
    cutter.subset(f)
    return _save(f), kept_names


def claim(lock: Path | None = None, stale_s: float = 120) -> bool:
    """Whether this process should make the cuts: it takes ``lock`` (default :data:`MAKING`), unless
    another process holds one younger than ``stale_s`` (a maker that died leaves an old one behind)."""
    lock = lock or MAKING
    lock.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            return True
        except FileExistsError:
            try:
                if time.time() - lock.stat().st_mtime < stale_s:
                    return False
                lock.unlink()
            except FileNotFoundError:
                pass
    return False


def build() -> list[Path]:
    """Make every missing cut of the installed Streamlit's fonts in the cache; the cuts' paths. The caller
    holds the maker's lock (:func:`claim`); it is released at the end."""
    made = []
    try:
        words = None
        for font, kind in font_files().items():
            target = cached_path(font, kind)
            if not target.exists():
                if kind == "icons":
                    words = words if words is not None else written_words()
                    data = cut_icons(font, words)[0]
                else:
                    data = cut_text(font)
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{target.name}.{os.getpid()}")
                tmp.write_bytes(data)
                tmp.replace(target)      # whole or not at all: a server reading it never sees half a file
            made.append(target)
    finally:
        MAKING.unlink(missing_ok=True)
    return made


if __name__ == "__main__":
    # started by tools/serve.py, which took the lock; by hand, take it here (and never remove another's)
    if os.environ.get("STREEK_FONT_CUT_CLAIMED") != "1" and not claim():
        print(f"een andere server maakt de lettertypen al ({MAKING}); probeer het over twee minuten opnieuw")
        raise SystemExit(0)
    for path in build():
        print(path)
