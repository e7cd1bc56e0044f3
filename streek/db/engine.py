"""Which database, and one SQLAlchemy engine per URL.

Configuration, first match wins:

1. an explicit URL (``--db`` on the command line, a test fixture);
2. ``DATABASE_URL`` — PostgreSQL for several app replicas (``postgresql://user:pw@host/db``;
   ``postgres://`` and ``postgresql://`` are mapped to the psycopg 3 driver);
3. ``STREEK_DB_URL`` — any SQLAlchemy URL (kept for the test fixtures);
4. ``STREEK_DB_PATH`` — a SQLite file;
5. ``var/streek.sqlite`` in the repository (created on first start).

SQLite write transactions start with ``BEGIN IMMEDIATE`` so that two processes writing at
the same time wait for each other instead of failing or losing an update; PostgreSQL writers
take a transaction-level advisory lock (see :func:`write_lock`).
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE = ROOT / "var" / "streek.sqlite"
SQLITE_TIMEOUT_S = 60
WRITE_LOCK_KEY = 5_202_605  # advisory lock id of the measurement store (PostgreSQL)

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def normalise_url(url: str) -> str:
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def database_url(explicit: str | None = None, environ: dict | None = None) -> str:
    """The database URL in use (see the module docstring for the order)."""
    env = os.environ if environ is None else environ
    for candidate in (explicit, env.get("DATABASE_URL"), env.get("STREEK_DB_URL")):
        if candidate:
            return normalise_url(candidate.strip())
    path = Path(env.get("STREEK_DB_PATH") or DEFAULT_SQLITE)
    return f"sqlite:///{path}"


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def get_engine(url: str | None = None) -> Engine:
    """One engine per URL per process. A SQLite file's folder is created when missing."""
    url = database_url(url)
    with _lock:
        eng = _engines.get(url)
        if eng is None:
            eng = _create(url)
            _engines[url] = eng
        return eng


def dispose(url: str) -> None:
    """Close the pooled connections of one URL and forget its engine."""
    with _lock:
        eng = _engines.pop(database_url(url), None)
    if eng is not None:
        eng.dispose()


def _create(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, future=True)
    if u.database and u.database != ":memory:":
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
    eng = create_engine(url, connect_args={"timeout": SQLITE_TIMEOUT_S, "check_same_thread": False})

    @event.listens_for(eng, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (pysqlite's own handling is off)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_TIMEOUT_S * 1000}")
        if u.database and u.database != ":memory:":
            cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
        cur.close()

    @event.listens_for(eng, "begin")
    def _on_begin(conn: Connection):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("streek_write") else "BEGIN")

    return eng


def write_lock(conn: Connection) -> None:
    """Serialise writers. SQLite: already done by BEGIN IMMEDIATE. PostgreSQL: advisory lock
    released at the end of the transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions are write transactions (BEGIN IMMEDIATE on SQLite)."""
    return engine.execution_options(streek_write=True)
