"""Streamlit's icon font cut down to the icons that can be shown (``tools/serve.py`` serves it).

Streamlit draws its icons with Google's *Material Symbols Rounded* font: 4,309 icons, 365 KB, the
largest file of a first visit once the scripts are compressed (a third of its ~1,1 MB), downloaded by
every phone in a room. An icon is written as its name ("expand_more"), which the font turns into the
picture by a ligature. The pages can only show an icon whose name is written somewhere: in
Streamlit's front-end scripts (its own buttons, menus and widgets), in Streamlit's Python code, or
in ours (``:material/…:``). This keeps the ligatures of every font icon whose name occurs in any of
them as a word — generously: common words such as "search" or "list" are kept whether an icon or
not — and drops the other glyphs: ~515 icons, ~50 KB.

The cut is made once per font file and set of names (~2,5 s of one core, in a process of its own at
low priority, started by ``tools/serve.py``) and kept in ``var/cache/icons/``; until it is there the
server sends the original. A Streamlit upgrade brings another font file and other scripts: a new cut.

Usage: ``python tools/icon_font.py OUT`` writes the cut font for the installed Streamlit.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "var" / "cache" / "icons"
FONT_STEM = "MaterialSymbols-Rounded"
_WORD = re.compile(r'["\'`:/]([a-z0-9_]{2,60})["\'`:]')     # a name as a string or ":material/…:" in a script
_MATERIAL = re.compile(r":material/([a-z0-9_]+):")


def streamlit_static() -> Path:
    from streamlit import file_util
    return Path(file_util.get_static_dir()) / "static"


def font_file(static: Path | None = None) -> Path | None:
    """The installed Streamlit's icon font (``media/MaterialSymbols-Rounded.<hash>.woff2``), if any."""
    found = sorted((static or streamlit_static()).glob(f"media/{FONT_STEM}.*.woff2"))
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


def cached_path(font: Path) -> Path:
    """Where the cut of ``font`` is kept: named by the font file (its name carries its content hash),
    the Streamlit version (its scripts and code), our own icons and fontTools' version. Cheap: reads
    only our code, so a server can look for it at start."""
    import fontTools
    import streamlit
    key = "\n".join([font.name, streamlit.__version__, fontTools.version, *sorted(our_words())])
    return CACHE / f"{FONT_STEM}.{hashlib.sha256(key.encode()).hexdigest()[:20]}.woff2"


def cut(font: Path, words: set[str]) -> tuple[bytes, set[str]]:
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
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    cutter = subset.Subsetter(options)
    # the letters, digits and "_" the names are written in (not the icons' private code points: all 4,309)
    cutter.populate(unicodes=[c for c in cmap if c < 128], glyphs=sorted(keep))
    cutter.subset(f)
    f.flavor = "woff2"
    with tempfile.TemporaryFile() as out:
        f.save(out)
        out.seek(0)
        return out.read(), kept_names


def claim(target: Path, stale_s: float = 120) -> bool:
    """Whether this process should make ``target``: it takes the lock file beside it, unless another
    process holds one younger than ``stale_s`` (a maker that died leaves an old one behind)."""
    lock = target.with_name(target.name + ".making")
    target.parent.mkdir(parents=True, exist_ok=True)
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


def build(out: Path | None = None) -> Path | None:
    """Write the cut font of the installed Streamlit to ``out`` (default: the cache, unless it is there);
    its path, or None when Streamlit has no such font."""
    font = font_file()
    if font is None:
        return None
    target = out or cached_path(font)
    if out is None and target.exists():
        return target
    try:
        data, _ = cut(font, written_words())
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}")
        tmp.write_bytes(data)
        tmp.replace(target)              # whole or not at all: a server reading it never sees half a file
    finally:
        target.with_name(target.name + ".making").unlink(missing_ok=True)
    return target


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(path or "Streamlit has no Material Symbols font here")
