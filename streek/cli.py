"""The ``python -m streek`` command line."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from streek.load import DATA_DIR
from streek.validate import validate_dir

# Sub-commands of other areas add themselves here: name -> (configure(parser), run(args) -> int)
COMMANDS: dict = {}


def _validate(args) -> int:
    issues = validate_dir(Path(args.data_dir))
    if issues:
        print(f"{len(issues)} probleem/problemen in {args.data_dir}:", file=sys.stderr)
        for i in issues:
            print(f"- {i}", file=sys.stderr)
        return 1
    print(f"{args.data_dir}: alle bestanden zijn in orde.")
    return 0


def _register_optional() -> None:
    """Register the commands of the store and the exports (a failing import fails loudly)."""
    import streek.db.cli  # noqa: F401
    import streek.export.cli  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    _register_optional()
    p = argparse.ArgumentParser(prog="python -m streek", description="Streekvisie Explorer: gegevens beheren")
    sub = p.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("validate", help="controleer alle bestanden in data/")
    v.add_argument("data_dir", nargs="?", default=str(DATA_DIR))
    v.set_defaults(func=_validate)
    for name, (configure, run) in COMMANDS.items():
        sp = sub.add_parser(name)
        configure(sp)
        sp.set_defaults(func=run)
    args = p.parse_args(argv)
    return args.func(args)
