"""``python -m streek import|export|undo``: exit status 0 only when written; the same import
gives the same result on SQLite and PostgreSQL; exports neutralise formula cells."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from streek.cli import main
from streek.db import Store

ROOT = Path(__file__).resolve().parents[1]
GOOD = ("indicator;geo;period;value;source;note\n"
        "2.1.2;ZWV;2021;6.500;VDAB jaarrapport 2022;=HYPERLINK(\"http://x\")\n"
        "2.1.1;ZWV;2021;75,4;Statbel EAK 2021;\n"
        "population_total;34022;2022;78.000;@Statbel;\n")


@pytest.fixture()
def good_file(tmp_path) -> Path:
    p = tmp_path / "metingen.csv"
    p.write_bytes(GOOD.encode("cp1252"))
    return p


class NoTTY(io.StringIO):
    def isatty(self):
        return False


def test_without_yes_and_without_a_terminal_nothing_is_written(db_url, good_file, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", NoTTY(""))
    assert main(["import", str(good_file), "--db", db_url]) == 2
    err = capsys.readouterr().err
    assert "niets opgeslagen" in err and "--yes" in err
    assert Store(db_url).counts()["imports"] == 0


def test_answer_no_writes_nothing(db_url, good_file, monkeypatch, capsys):
    class TTY(io.StringIO):
        def isatty(self):
            return True
    monkeypatch.setattr(sys, "stdin", TTY("n\n"))
    assert main(["import", str(good_file), "--db", db_url]) == 2
    assert Store(db_url).counts()["imports"] == 0


def test_bad_file_lists_every_problem_and_exits_1(db_url, tmp_path, capsys):
    p = tmp_path / "fout.csv"
    p.write_text("indicator;geo;period;value;source\n2.1.2;ZWV;2021;zeven;VDAB\n2.1.1;ZWV;2050;75,4;Statbel\n")
    assert main(["import", str(p), "--db", db_url, "--yes"]) == 1
    err = capsys.readouterr().err
    assert "fout.csv, rij 2, kolom 'value': gevonden 'zeven'" in err
    assert "fout.csv, rij 3, kolom 'period': gevonden '2050', verwacht een periode tussen 1990 en 2035" in err
    assert Store(db_url).counts() == {"imports": 0, "measurements": 0, "audit": 0}


def test_import_export_undo_give_the_same_result_on_both_databases(db_url, good_file, tmp_path, capsys):
    assert main(["import", str(good_file), "--db", db_url, "--yes", "--editor", "anna"]) == 0
    out = capsys.readouterr().out
    assert "Import 1 opgeslagen" in out and "2 nieuw, 1 gewijzigd" in out
    store = Store(db_url)
    cur = {(r["indicator"], r["geo"], r["period"]): r["value"] for r in store.current().to_dict("records")}
    assert cur == {("2.1.2", "ZWV", "2021"): 6500.0, ("2.1.1", "ZWV", "2021"): 75.4,
                   ("population_total", "34022", "2022"): 78000.0}
    assert set(store.history()["who"]) == {"anna"}
    # the same file again: nothing to change, nothing written, non-zero exit
    assert main(["import", str(good_file), "--db", db_url, "--yes"]) == 1
    assert store.counts()["imports"] == 1
    # export: CSV and XLSX with formula cells neutralised
    csv_out = tmp_path / "export.csv"
    assert main(["export", str(csv_out), "--db", db_url]) == 0
    text = csv_out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@Statbel" in text and ",=HYPERLINK" not in text
    xlsx_out = tmp_path / "export.xlsx"
    assert main(["export", str(xlsx_out), "--db", db_url]) == 0
    ws = openpyxl.load_workbook(xlsx_out).active
    cells = [c.value for row in ws.iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells and "'@Statbel" in cells
    assert not any(isinstance(c, str) and c.startswith(("=", "@")) for c in cells)
    hist = tmp_path / "audit.csv"
    assert main(["export", str(hist), "--db", db_url, "--history"]) == 0
    assert "anna" in hist.read_text(encoding="utf-8-sig")
    # undo restores the earlier state
    assert main(["undo", "1", "--db", db_url, "--editor", "bert"]) == 0
    assert store.current().empty
    assert main(["undo", "1", "--db", db_url]) == 1


def test_exit_status_of_the_real_command(tmp_path, good_file):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    r = subprocess.run([sys.executable, "-m", "streek", "import", str(good_file), "--db", db],
                       cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    r = subprocess.run([sys.executable, "-m", "streek", "import", str(good_file), "--db", db, "--yes"],
                       cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Import 1 opgeslagen" in r.stdout


def test_a_write_between_preview_and_commit_is_rechecked_not_lost(db_url, good_file, monkeypatch, capsys):
    """Another editor imports between this command's preview and its write: with --yes the
    command checks again against the new state and writes; both imports are kept."""
    import streek.db.importer as importer
    from streek.db.store import NewValue
    real = importer.plan_import
    calls = []

    def plan_then_someone_else_writes(data, filename, catalog, store=None, *, lang):
        plan = real(data, filename, catalog, store, lang=lang)
        calls.append(plan.revision)
        if len(calls) == 1:
            store.add([NewValue("2.1.2", "ZWV", "2021", 6900.0, "VDAB (andere redacteur)")], editor="bert",
                      filename="tussendoor.csv", seed=catalog.seed)
        return plan

    monkeypatch.setattr(importer, "plan_import", plan_then_someone_else_writes)
    assert main(["import", str(good_file), "--db", db_url, "--yes", "--editor", "anna"]) == 0
    assert len(calls) == 2 and calls[0] != calls[1]
    store = Store(db_url)
    assert list(store.imports()["editor"]) == ["anna", "bert"]
    top = store.history("2.1.2").iloc[0]
    assert (top["who"], top["old_value"], top["new_value"]) == ("anna", 6900.0, 6500.0)
