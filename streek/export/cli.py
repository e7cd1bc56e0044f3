"""``python -m streek deck --pillar 2 --format pptx --out FILE`` (also --block, --ambitions)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from streek.cli import COMMANDS
from streek.i18n import LANGS, t


def configure(p) -> None:
    p.description = "Maak een PowerPoint of een A4-PDF (liggend) van een pijler, bouwsteen of ambities."
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--pillar", help="pijler: 1, 2 of 3")
    g.add_argument("--block", help="bouwsteen, bv. 2.1")
    g.add_argument("--ambitions", help="ambities, gescheiden door komma's, bv. 2.1.1,2.1.2,3.4.a")
    p.add_argument("--format", choices=("pptx", "pdf"), default="pptx")
    p.add_argument("--out", required=True, help="bestand om te schrijven")
    p.add_argument("--lang", choices=LANGS, default="nl", help="taal van de dia's (titels uit het document blijven Nederlands)")
    p.add_argument("--no-map", action="store_true", help="zonder kaartdia")
    p.add_argument("--notes", action="store_true", help="met de workshopnotities uit de databank")
    p.add_argument("--data-dir", default=None, help="map met de gegevens (standaard data/)")


def _with_stored(vision):
    """Add the measurements stored by editors, where a database is configured or exists."""
    import os

    from streek.db.engine import DEFAULT_SQLITE
    if not (os.environ.get("DATABASE_URL") or os.environ.get("STREEK_DB_URL") or os.environ.get("STREEK_DB_PATH")
            or DEFAULT_SQLITE.exists()):
        return vision
    try:
        from streek.db.store import Store
        return vision.with_observations(Store(upgrade=False).current())
    except Exception as e:  # noqa: BLE001 - the seed is a complete answer; say that stored values were not read
        print(f"(opgeslagen metingen niet gelezen: {e.__class__.__name__}: {e})", file=sys.stderr)
        return vision


def run(args) -> int:
    from streek.export import build_content, export_bytes, selection
    from streek.load import DATA_DIR, load_vision
    lang = args.lang
    t0 = time.perf_counter()
    vision = load_vision(Path(args.data_dir) if args.data_dir else DATA_DIR)
    vision = _with_stored(vision)
    try:
        codes, subtitle = selection(vision, pillar=args.pillar, block=args.block,
                                    ambitions=args.ambitions.split(",") if args.ambitions else None, lang=lang)
    except KeyError as e:
        print(t("deck.cli.unknown", lang, codes=str(e).strip("'\"")), file=sys.stderr)
        return 2
    if not codes:
        print(t("deck.cli.none", lang), file=sys.stderr)
        return 2
    notes = None
    if args.notes:
        from streek.db import get_engine
        from streek.notes import list_notes, prepare
        eng = get_engine()
        prepare(eng)
        notes = list_notes(eng)
    content = build_content(vision, codes, subtitle, notes=notes, with_map=not args.no_map, lang=args.lang)
    data = export_bytes(content, args.format)
    Path(args.out).write_bytes(data)
    print(t("deck.cli.written", lang, path=args.out, n=len(content.slides), seconds=f"{time.perf_counter() - t0:.1f}"))
    return 0


COMMANDS["deck"] = (configure, run)

# the municipality fiche (streek/export/fiche.py) is exported from the same command line
from streek.export.fiche import register as _register_fiche  # noqa: E402

_register_fiche()
