"""The measurement store against SQLite and PostgreSQL: schema, history, undo, all-or-nothing,
two writers at once, and a process killed in the middle of an import."""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from streek.db import Store
from streek.db.engine import database_url, dispose, get_engine
from streek.db.importer import ImportRefused, commit, plan_import
from streek.db.schema import LATEST, MIGRATIONS, current_version, migrate
from streek.db.store import NewValue, StaleRevision, StoreError

ROOT = Path(__file__).resolve().parents[1]
HEADER = "indicator;geo;period;value;source;note\n"


def csv_bytes(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode("utf-8")


def snapshot(store: Store):
    return store.revision(), store.counts(), store.current().to_dict("records")


def test_schema_is_created_and_upgraded_in_order(db_url):
    eng = get_engine(db_url)
    assert current_version(eng) == 0
    assert migrate(eng, upto=1) == [1]
    assert current_version(eng) == 1
    assert "ix_measurements_key" not in {i["name"] for i in sa.inspect(eng).get_indexes("measurements")}
    Store(db_url)  # the app upgrades on first use
    assert current_version(eng) == LATEST == MIGRATIONS[-1][0]
    assert "ix_measurements_key" in {i["name"] for i in sa.inspect(eng).get_indexes("measurements")}
    with eng.connect() as c:
        assert [r[0] for r in c.execute(sa.text("SELECT version FROM schema_version ORDER BY version"))] == [v for v, _, _ in MIGRATIONS]
    assert migrate(eng) == []  # idempotent


def test_default_database_is_a_sqlite_file_under_var(monkeypatch):
    for k in ("DATABASE_URL", "STREEK_DB_URL", "STREEK_DB_PATH"):
        monkeypatch.delenv(k, raising=False)
    assert database_url() == f"sqlite:///{ROOT / 'var' / 'streek.sqlite'}"
    monkeypatch.setenv("STREEK_DB_PATH", "/tmp/x.sqlite")
    assert database_url() == "sqlite:////tmp/x.sqlite"
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@h/db")
    assert database_url() == "postgresql+psycopg://u:p@h/db"
    assert database_url("sqlite:///explicit.sqlite") == "sqlite:///explicit.sqlite"


def test_times_are_shown_in_belgian_time_in_the_readers_date_order(db_url, catalog, monkeypatch):
    """The editor's history and an undo's refusal state when it happened as a person in the region reads
    it: stored in UTC, shown in Belgian (summer) time, day first in Dutch and ISO in English (as
    streek.fmt.fmt_datetime everywhere). Before, they printed the stored UTC clock time, in Dutch order
    also on the English page."""
    from datetime import UTC, datetime
    from streek.db import store as store_module
    from streek.db.importer import history_frame
    monkeypatch.setattr(store_module, "now", lambda: datetime(2026, 7, 1, 12, 30, tzinfo=UTC))
    store = Store(db_url)
    r = store.add([NewValue("2.1.2", "ZWV", "2021", 6900.0, "VDAB 2022")], editor="anna", filename="a.csv",
                  seed=catalog.seed)
    store.undo(r.import_id, editor="bert", seed=catalog.seed)
    nl, en = history_frame(store.history(), lang="nl"), history_frame(store.history(), lang="en")
    assert list(nl.iloc[:, 0]) == ["01-07-2026 14:30", "01-07-2026 14:30"]
    assert list(en.iloc[:, 0]) == ["2026-07-01 14:30", "2026-07-01 14:30"]
    with pytest.raises(StoreError, match=r"al ongedaan gemaakt \(01-07-2026 14:30 door bert\)") as refused:
        store.undo(r.import_id, editor="bert", seed=catalog.seed)
    # the editing page says it in the reader's language (before: Dutch inside "Not stored: …")
    assert refused.value.message("en") == "Import 1 has been undone already (2026-07-01 14:30 by bert)."


def test_newest_value_wins_history_keeps_all_and_undo_restores(db_url, catalog):
    store = Store(db_url)
    key = ("2.1.2", "ZWV", "2021")
    r1 = store.add([NewValue(*key, 6900.0, "VDAB 2022")], editor="anna", filename="a.csv", seed=catalog.seed)
    r2 = store.add([NewValue(*key, 6500.0, "VDAB 2023", "herziening")], editor="bert", filename="b.csv", seed=catalog.seed)
    assert (r1.n_new, r2.n_changed) == (1, 1)
    assert store.current_values([key]) == {key: 6500.0}
    h = store.history("2.1.2")
    assert list(h["new_value"]) == [6500.0, 6900.0]
    assert list(h["old_value"].astype(object).where(h["old_value"].notna(), None)) == [6900.0, None]
    assert list(h["who"]) == ["bert", "anna"]
    assert list(h["source"]) == ["VDAB 2023", "VDAB 2022"]
    # undo the newest import: the earlier stored value comes back, and the undo is audited
    assert store.undo(r2.import_id, editor="carla", seed=catalog.seed) == 1
    assert store.current_values([key]) == {key: 6900.0}
    h = store.history("2.1.2")
    top = h.iloc[0]
    assert (top["action"], top["who"], top["old_value"], top["new_value"]) == ("undo", "carla", 6500.0, 6900.0)
    with pytest.raises(StoreError, match="al ongedaan gemaakt"):
        store.undo(r2.import_id, editor="carla", seed=catalog.seed)
    with pytest.raises(StoreError, match="bestaat niet"):
        store.undo(999, editor="carla")
    # undo the first import too: back to nothing stored (the seed shows again)
    store.undo(r1.import_id, editor="carla", seed=catalog.seed)
    assert store.current().empty
    assert len(store.history("2.1.2")) == 4  # nothing is ever deleted from the audit


def test_undo_of_an_overwritten_seed_value_restores_the_seed(db_url, catalog):
    store = Store(db_url)
    key = ("2.1.2", "ZWV", "2017")  # the document's baseline 7.719
    assert catalog.seed[key] == 7719.0
    r = store.add([NewValue(*key, 7700.0, "VDAB herzien")], editor="anna", filename="a.csv", seed=catalog.seed)
    assert store.history("2.1.2").iloc[0]["old_value"] == 7719.0
    store.undo(r.import_id, editor="anna", seed=catalog.seed)
    top = store.history("2.1.2").iloc[0]
    assert (top["old_value"], top["new_value"]) == (7700.0, 7719.0)


def test_stale_preview_is_refused_and_writes_nothing(db_url, catalog):
    store = Store(db_url)
    plan = plan_import(csv_bytes("2.1.2;ZWV;2021;6.900;VDAB"), "a.csv", catalog, store, lang="nl")
    store.add([NewValue("2.1.3", "ZWV", "2021", 100.0, "x")], editor="bert", filename="b.csv")
    before = snapshot(store)
    with pytest.raises(ImportRefused, match="gewijzigd sinds het voorbeeld"):
        commit(plan, store, catalog, editor="anna", lang="nl")
    with pytest.raises(ImportRefused, match="^The data changed after the preview was made"):   # English page
        commit(plan, store, catalog, editor="anna", lang="en")
    assert snapshot(store) == before
    with pytest.raises(StaleRevision):
        store.add([NewValue("2.1.2", "ZWV", "2021", 1.0, "x")], editor="a", filename="f", expected_revision=(0, 0, 0))


def test_exception_in_the_middle_of_an_import_leaves_the_database_as_it_was(db_url, catalog):
    store = Store(db_url)
    store.add([NewValue("2.1.2", "ZWV", "2020", 7000.0, "VDAB")], editor="anna", filename="a.csv")
    before = snapshot(store)

    def boom(stage):
        if stage == "measurements-written":
            raise RuntimeError("stroomonderbreking")

    with pytest.raises(RuntimeError):
        store.add([NewValue("2.1.2", "ZWV", "2021", 6500.0, "VDAB"), NewValue("2.1.3", "ZWV", "2021", 10.0, "VDAB")],
                  editor="anna", filename="b.csv", _hook=boom)
    assert snapshot(store) == before


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from streek.db.store import NewValue, Store
    store = Store({url!r})
    ready = Path({ready!r})
    def hook(stage):
        if stage == "audit-written":
            ready.write_text("ready")
            time.sleep(120)   # killed here: rows written, transaction not committed
    store.add([NewValue("2.1.2", "ZWV", "2021", 6500.0, "VDAB"), NewValue("2.1.3", "ZWV", "2021", 10.0, "VDAB")],
              editor="anna", filename="half.csv", _hook=hook)
""")


def test_process_killed_half_way_leaves_the_database_as_it_was(db_url, tmp_path):
    store = Store(db_url)
    store.add([NewValue("2.1.2", "ZWV", "2020", 7000.0, "VDAB")], editor="anna", filename="a.csv")
    before = snapshot(store)
    dispose(db_url)
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT.format(root=str(ROOT), url=db_url, ready=str(ready))])
    deadline = time.time() + 60
    while not ready.exists():
        assert proc.poll() is None, "het importproces stopte te vroeg"
        assert time.time() < deadline, "het importproces bereikte de schrijfstap niet"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    # PostgreSQL needs a moment to notice the dead backend and roll back its transaction
    store = Store(db_url)
    assert snapshot(store) == before
    store.add([NewValue("2.1.2", "ZWV", "2021", 6400.0, "VDAB")], editor="bert", filename="b.csv")  # not locked
    assert store.current_values([("2.1.2", "ZWV", "2021")]) == {("2.1.2", "ZWV", "2021"): 6400.0}


def _writer(url: str, who: str, n: int, start) -> None:
    sys.path.insert(0, str(ROOT))
    from streek.db.store import NewValue as NV
    from streek.db.store import Store as S
    store = S(url)
    start.wait(30)
    for i in range(n):
        # both writers touch the same key (2.1.2 ZWV 2021) and keys of their own
        store.add([NV("2.1.2", "ZWV", "2021", float(1000 + i), f"{who}-{i}"),
                   NV("population_total", "34022" if who == "a" else "34023", str(1995 + i), float(70000 + i), who)],
                  editor=who, filename=f"{who}-{i}.csv")


def test_two_processes_importing_at_the_same_time_lose_nothing(db_url, monkeypatch):
    Store(db_url)  # schema first
    dispose(db_url)
    # A spawned child re-runs the parent's __main__; after an AppTest in this process that is app.py
    # (Streamlit sets it), which must not run outside Streamlit. Spawn from a clean __main__.
    import types
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(2)
    n = 8
    procs = [ctx.Process(target=_writer, args=(db_url, who, n, start)) for who in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(180)
        assert p.exitcode == 0
    store = Store(db_url)
    assert store.counts() == {"imports": 2 * n, "measurements": 4 * n, "audit": 4 * n}
    cur = store.current()
    assert len(cur[cur["indicator"] == "population_total"]) == 2 * n
    # the shared key: every write is in the audit, and each old value is the new value of the
    # write before it — the writers were serialised, no update was lost
    h = store.history("2.1.2").iloc[::-1]
    assert len(h) == 2 * n
    olds = list(h["old_value"])
    news = list(h["new_value"])
    assert all(olds[i + 1] == news[i] for i in range(len(news) - 1))
