"""``python -m streek import|export|undo|hash-password`` (registered in :data:`streek.cli.COMMANDS`).

Exit status of ``import``: 0 only when the import was written; 1 problems in the file or a
refusal; 2 not confirmed (``--yes`` missing and no answer possible, or the answer was no).
"""
from __future__ import annotations

import getpass
import io
import os
import sys
from pathlib import Path

import pandas as pd

from streek.cli import COMMANDS
from streek.i18n import t
from streek.render import neutralise_cell, to_csv_bytes

lang = "nl"   # the command line speaks Dutch (its help and messages), passed down like any view's language

MAX_STALE_RETRIES = 3


def _vision_catalog():
    from streek.db.importer import Catalog
    from streek.load import load_vision
    return Catalog.from_vision(load_vision(Path(os.environ.get("STREEK_DATA_DIR") or _data_dir())))


def _data_dir():
    from streek.load import DATA_DIR
    return DATA_DIR


def _print_table(df: pd.DataFrame) -> None:
    with pd.option_context("display.max_rows", 200, "display.max_columns", 20, "display.width", 200,
                           "display.max_colwidth", 40):
        print(df.to_string(index=False))


def _configure_import(p) -> None:
    p.description = t("editor.cli.import_help", lang)
    p.add_argument("file")
    p.add_argument("--db", default=None, help=t("editor.cli.opt_db", lang))
    p.add_argument("--editor", default=None, help=t("editor.cli.opt_editor", lang))
    p.add_argument("--yes", action="store_true", help=t("editor.cli.opt_yes", lang))


def _run_import(args) -> int:
    from streek.db.engine import describe
    from streek.db.importer import ImportRefused, commit, plan_import, preview_frame
    from streek.db.store import Store
    path = Path(args.file)
    if not path.is_file():
        print(t("editor.cli.file_missing", lang, file=path), file=sys.stderr)
        return 1
    data = path.read_bytes()
    catalog = _vision_catalog()
    store = Store(args.db)
    editor = args.editor or getpass.getuser()
    print(t("editor.cli.db", lang, db=describe(store.url)))
    for attempt in range(MAX_STALE_RETRIES):
        plan = plan_import(data, path.name, catalog, store, lang=lang)
        if plan.issues:
            print(t("editor.cli.problems", lang, n=len(plan.issues), file=path.name), file=sys.stderr)
            for i in plan.issues:
                print(f"- {i}", file=sys.stderr)
            return 1
        for n in plan.notes:
            print(n)
        if attempt == 0:
            print(t("editor.cli.preview", lang, file=path.name))
            _print_table(preview_frame(plan, catalog, lang=lang))
            print(plan.summary(lang=lang))
        if not plan.changes:
            print(t("editor.cli.refused", lang, msg=t("editor.msg.refused_nothing", lang)), file=sys.stderr)
            return 1
        if not args.yes:
            if not sys.stdin or not sys.stdin.isatty():
                print(t("editor.cli.no_stdin", lang), file=sys.stderr)
                return 2
            answer = input(t("editor.cli.ask", lang)).strip().lower()
            if answer not in ("j", "ja", "y", "yes"):
                print(t("editor.cli.declined", lang), file=sys.stderr)
                return 2
        try:
            res = commit(plan, store, catalog, editor=editor, overwrite=True, lang=lang)
        except ImportRefused as e:
            from streek.db.store import StaleRevision
            if isinstance(e.__cause__, StaleRevision) and args.yes and attempt + 1 < MAX_STALE_RETRIES:
                continue  # someone else wrote meanwhile: check again against the new state
            print(t("editor.cli.refused", lang, msg=e), file=sys.stderr)
            return 1
        print(t("editor.cli.written", lang, id=res.import_id, db=describe(store.url), new=res.n_new, changed=res.n_changed))
        return 0
    return 1


def _configure_export(p) -> None:
    p.description = t("editor.cli.export_help", lang)
    p.add_argument("file")
    p.add_argument("--db", default=None, help=t("editor.cli.opt_db", lang))
    p.add_argument("--history", action="store_true", help=t("editor.cli.opt_history", lang))


def export_frame(store, history: bool = False) -> pd.DataFrame:
    if history:
        df = store.history()
        df = df.assign(at=df["at"].astype(str), undone_at=df["undone_at"].astype(str).replace({"None": "", "NaT": ""}))
        return df.iloc[::-1].reset_index(drop=True)
    return store.current()[["indicator", "geo", "period", "value", "source", "note"]]


def xlsx_bytes(df: pd.DataFrame) -> bytes:
    """XLSX with text cells neutralised against formula injection (numbers left alone)."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "metingen"
    ws.append([str(c) for c in df.columns])
    for row in df.itertuples(index=False):
        ws.append([neutralise_cell(v) if isinstance(v, str) else (None if pd.isna(v) else v) for v in row])
    for col_cells in ws.iter_cols(min_row=1):
        if col_cells[0].value in ("geo", "period", "indicator"):
            for c in col_cells:
                c.number_format = "@"
                c.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _run_export(args) -> int:
    from streek.db.store import Store
    path = Path(args.file)
    ext = path.suffix.lower()
    if ext not in (".csv", ".xlsx"):
        print(t("editor.cli.export_ext", lang, file=path), file=sys.stderr)
        return 1
    df = export_frame(Store(args.db), args.history)
    path.write_bytes(to_csv_bytes(df) if ext == ".csv" else xlsx_bytes(df))
    print(t("editor.cli.exported", lang, n=len(df), file=path))
    return 0


def _configure_undo(p) -> None:
    p.description = t("editor.cli.undo_help", lang)
    p.add_argument("import_id", type=int)
    p.add_argument("--db", default=None, help=t("editor.cli.opt_db", lang))
    p.add_argument("--editor", default=None)


def _run_undo(args) -> int:
    from streek.db.store import Store, StoreError
    catalog = _vision_catalog()
    try:
        n = Store(args.db).undo(args.import_id, editor=args.editor or getpass.getuser(), seed=catalog.seed)
    except StoreError as e:
        print(t("editor.cli.refused", lang, msg=e), file=sys.stderr)
        return 1
    print(t("editor.cli.undone", lang, id=args.import_id, n=n))
    return 0


def _configure_hash(p) -> None:
    p.description = t("editor.cli.hash_help", lang)
    p.add_argument("name", nargs="?", default="redacteur")
    p.add_argument("--stdin", action="store_true", help=t("editor.cli.opt_stdin", lang))
    p.add_argument("--method", choices=["scrypt", "pbkdf2_sha256"], default="scrypt")


def _run_hash(args) -> int:
    from streek.auth import MIN_PASSWORD, hash_password
    if args.stdin:
        pw = sys.stdin.readline().rstrip("\r\n")
    else:
        pw = getpass.getpass(t("editor.cli.hash_prompt", lang))
        if getpass.getpass(t("editor.cli.hash_again", lang)) != pw:
            print(t("editor.cli.hash_mismatch", lang), file=sys.stderr)
            return 1
    if len(pw) < MIN_PASSWORD:
        print(t("editor.cli.hash_short", lang, n=MIN_PASSWORD), file=sys.stderr)
        return 1
    print(t("editor.cli.hash_out", lang), file=sys.stderr)
    print(f'{args.name} = "{hash_password(pw, method=args.method)}"')
    return 0


COMMANDS["import"] = (_configure_import, _run_import)
COMMANDS["export"] = (_configure_export, _run_export)
COMMANDS["undo"] = (_configure_undo, _run_undo)
COMMANDS["hash-password"] = (_configure_hash, _run_hash)
