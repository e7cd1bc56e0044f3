"""Build step: ``streek/fonts/``, the charts' font for vl-convert (Streek Sans: DejaVu Sans, subset).

The charts name DejaVu Sans as their font (``streek.theme.FONT``): a still SVG's text is drawn by the
reader's browser, and vl-convert must measure it as wide as DejaVu Sans or Verdana draw it. vl-convert
measured every text with the system's DejaVu Sans at ~1 ms a time, most of the time of a chart's SVG
(2.1.1: 131 ms, 15 ms without text). The same glyphs as a small font of its own, registered with
vl-convert (``streek.png_worker.converter``), measure to the same widths in less time (2.1.1: 82 ms; the
SVG is the same but for the font's name). Renamed, as the Bitstream Vera licence asks of a modified
font; the charts name it first and DejaVu Sans after it, so a browser (which does not have it) draws
DejaVu Sans, Verdana or Arial as before.

Reads the DejaVu fonts of the system (Debian: fonts-dejavu-core) with fontTools (no time stamps written).
``--check`` compares what it would write with the committed files by what vl-convert reads from them —
family, style, characters and their widths (:func:`summary`) — not byte for byte, which another fontTools
release may change.

    python tools/build_font.py [--check] [--source /usr/share/fonts/truetype/dejavu]
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "streek" / "fonts"
SOURCE = Path("/usr/share/fonts/truetype/dejavu")
FAMILY = "Streek Sans"
FILES = {"DejaVuSans.ttf": "StreekSans.ttf", "DejaVuSans-Bold.ttf": "StreekSans-Bold.ttf",
         "DejaVuSans-Oblique.ttf": "StreekSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf": "StreekSans-BoldOblique.ttf"}
# What chart text holds: Latin letters with their accents (place names, the document's titles), general
# punctuation (– … ·), super- and subscripts (km²), currency, letterlike symbols, arrows, mathematical
# operators (− ≤ ≥ ≈) and geometric shapes (▲ ● ◆ □). tests/test_charts.py checks every character of the
# drawn charts against it.
RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF),
          (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF)]
LICENCE = """Streek Sans (streek/fonts/*.ttf) is a subset of DejaVu Sans, renamed as the licence below asks of
a modified font. Made by tools/build_font.py from Debian's fonts-dejavu-core. DejaVu: https://dejavu-fonts.github.io/

Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. Bitstream Vera is a trademark of Bitstream, Inc.
DejaVu changes are in public domain.

Permission is hereby granted, free of charge, to any person obtaining a copy of the fonts accompanying this
license ("Fonts") and associated documentation files (the "Font Software"), to reproduce and distribute the
Font Software, including without limitation the rights to use, copy, merge, publish, distribute, and/or sell
copies of the Font Software, and to permit persons to whom the Font Software is furnished to do so, subject
to the following conditions:

The above copyright and trademark notices and this permission notice shall be included in all copies of one
or more of the Font Software typefaces.

The Font Software may be modified, altered, or added to, and in particular the designs of glyphs or
characters in the Fonts may be modified and additional glyphs or characters may be added to the Fonts, only
if the fonts are renamed to names not containing either the words "Bitstream" or the word "Vera".

This License becomes null and void to the extent applicable to Fonts or Font Software that has been modified
and is distributed under the "Bitstream Vera" names.

The Font Software may be sold as part of a larger software package but no copy of one or more of the Font
Software typefaces may be sold by itself.

THE FONT SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO ANY WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF
COPYRIGHT, PATENT, TRADEMARK, OR OTHER RIGHT. IN NO EVENT SHALL BITSTREAM OR THE GNOME FOUNDATION BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, INCLUDING ANY GENERAL, SPECIAL, INDIRECT, INCIDENTAL, OR
CONSEQUENTIAL DAMAGES, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF THE USE OR
INABILITY TO USE THE FONT SOFTWARE OR FROM OTHER DEALINGS IN THE FONT SOFTWARE.

Except as contained in this notice, the names of Gnome, the Gnome Foundation, and Bitstream Inc., shall not
be used in advertising or otherwise to promote the sale, use or other dealings in this Font Software without
prior written authorization from the Gnome Foundation or Bitstream Inc., respectively. For further
information, contact: fonts at gnome dot org.
"""


def subset(path: Path) -> bytes:
    """The font at ``path``, cut to :data:`RANGES` (kerning kept: the same widths), renamed to
    :data:`FAMILY`, as bytes."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    opts = ft_subset.Options()
    opts.layout_features = ["kern", "liga"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False                       # vl-convert neither hints nor needs the instructions
    opts.drop_tables += ["FFTM"]               # FontForge's time stamps
    font = TTFont(str(path), recalcTimestamp=False)
    sub = ft_subset.Subsetter(opts)
    sub.populate(unicodes=[c for lo, hi in RANGES for c in range(lo, hi + 1)])
    sub.subset(font)
    for rec in font["name"].names:
        text = rec.toUnicode()
        if "DejaVu" in text and rec.nameID in (1, 3, 4, 6, 16, 18):
            rec.string = text.replace("DejaVu Sans", FAMILY).replace("DejaVuSans", FAMILY.replace(" ", ""))
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


def summary(data: bytes) -> tuple:
    """What a font means for measuring text: its family and style names, and the advance width of
    every character it maps (in font units)."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    names = tuple(font["name"].getDebugName(i) for i in (1, 2, 4, 6))
    hmtx = font["hmtx"]
    return names, font["head"].unitsPerEm, {c: hmtx[g][0] for c, g in font.getBestCmap().items()}


def stale(files: dict[str, bytes], folder: Path = OUT) -> list[str]:
    """The files of ``files`` that ``folder`` lacks or holds with another meaning (:func:`summary`)."""
    def same(path: Path, data: bytes) -> bool:
        if not path.exists():
            return False
        return summary(path.read_bytes()) == summary(data) if path.suffix == ".ttf" else path.read_bytes() == data
    return [name for name, data in files.items() if not same(folder / name, data)]


def build(source: Path = SOURCE) -> dict[str, bytes]:
    """File name -> bytes of every file in ``streek/fonts/``."""
    missing = [name for name in FILES if not (source / name).exists()]
    if missing:
        raise SystemExit(f"{source}: {', '.join(missing)} ontbreekt (Debian: apt install fonts-dejavu-core)")
    out = {new: subset(source / old) for old, new in FILES.items()}
    out["LICENSE"] = LICENCE.encode("utf-8")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    ap.add_argument("--source", type=Path, default=SOURCE)
    args = ap.parse_args(argv)
    files = build(args.source)
    if args.check:
        differ = stale(files)
        print("streek/fonts: " + (f"verschilt: {', '.join(differ)}" if differ else "in orde"))
        return 1 if differ else 0
    OUT.mkdir(exist_ok=True)
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"{OUT.relative_to(ROOT) / name}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
