"""Tables of the measurement store and the ordered migrations that create and upgrade them.

The app upgrades the schema itself on first use (:func:`migrate`): ``schema_version`` records
every applied step; steps run in order, each in the same write transaction as its record, so
a crash leaves either the old or the new version. Add a step by appending to ``MIGRATIONS`` —
never edit or reorder a step that has been released.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine

from streek.db.engine import write_lock, writer

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

imports = Table(
    "imports", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("editor", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("filename", String(500), nullable=False),
    Column("source", Text, nullable=False),     # the sources named in the file, joined
    Column("n_rows", Integer, nullable=False),
    Column("undone_at", DateTime(timezone=True), nullable=True),
    Column("undone_by", String(200), nullable=True),
)

measurements = Table(
    "measurements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator", String(100), nullable=False),
    Column("geo", String(20), nullable=False),          # '' where the ambition names no geography
    Column("period", String(20), nullable=False),
    Column("value", Float, nullable=False),
    Column("source", Text, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
)

audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String(200), nullable=False),
    Column("action", String(20), nullable=False),        # 'import' or 'undo'
    Column("source", Text, nullable=False),
    Column("indicator", String(100), nullable=False),
    Column("geo", String(20), nullable=False),
    Column("period", String(20), nullable=False),
    Column("old_value", Float, nullable=True),           # None: there was no value
    Column("new_value", Float, nullable=True),           # None: the value is gone (undo of a new value)
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
)


auth_throttle = Table(
    "auth_throttle", metadata,      # failed editor sign-ins per key ('user:anna', 'session:…'), for every worker
    Column("key", String(300), primary_key=True),
    Column("fails", Integer, nullable=False),
    Column("until", Float, nullable=False),             # epoch seconds: no attempt before this
)

auth_secret = Table(
    "auth_secret", metadata,        # a random signing key made once and shared by every worker
    Column("name", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)


def _v1(conn: Connection) -> None:
    for table in (imports, measurements, audit):
        table.create(conn, checkfirst=True)


def _v2(conn: Connection) -> None:
    # plain DDL: an Index object would attach itself to the Table and be created by step 1 too
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_measurements_key ON measurements (indicator, geo, period, id)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_audit_indicator ON audit (indicator, id)"))


# --- workshop notes and codes (streek.notes reads and writes them) -----------------------------
MAX_AUTHOR = 80
MAX_LABEL = 120

workshop_codes = Table(
    "workshop_codes", metadata,
    Column("code", String(16), primary_key=True),
    Column("label", String(MAX_LABEL), nullable=False, default=""),
    Column("created_by", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("closed_by", String(200), nullable=True),
)

workshop_notes = Table(
    "workshop_notes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ambition", String(20), nullable=False),
    Column("factor", String(200), nullable=True),
    Column("kind", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("author", String(MAX_AUTHOR), nullable=False, default=""),
    Column("code", String(16), ForeignKey("workshop_codes.code"), nullable=True),   # None: written by an editor
    Column("editor", String(200), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_workshop_notes_ambition", "ambition", "id"),
)


def create_tables(bind: Connection | Engine) -> None:
    """Create the two tables and their index where missing (a migration step calls this)."""
    workshop_codes.create(bind, checkfirst=True)
    workshop_notes.create(bind, checkfirst=True)   # with its index



def _v3(conn: Connection) -> None:
    create_tables(conn)


def _v4(conn: Connection) -> None:
    auth_throttle.create(conn, checkfirst=True)
    auth_secret.create(conn, checkfirst=True)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "tabellen imports, measurements, audit", _v1),
    (2, "indexen op sleutel en indicator", _v2),
    (3, "tabellen workshop_codes, workshop_notes", _v3),
    (4, "tabellen auth_throttle, auth_secret (aanmelden over alle workers)", _v4),
]
LATEST = MIGRATIONS[-1][0]


def now() -> datetime:
    return datetime.now(UTC)


def current_version(engine: Engine) -> int:
    if not inspect(engine).has_table("schema_version"):
        return 0
    with engine.connect() as conn:
        v = conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc()).limit(1)).scalar()
    return int(v or 0)


def migrate(engine: Engine, upto: int | None = None) -> list[int]:
    """Apply the missing steps (all of them, or up to ``upto``); return the versions applied.

    Safe when several processes start at once: the steps run under the store's write lock."""
    if current_version(engine) >= (upto or LATEST):
        return []
    applied = []
    with writer(engine).begin() as conn:
        write_lock(conn)
        schema_version.create(conn, checkfirst=True)
        done = set(conn.execute(select(schema_version.c.version)).scalars())
        for version, description, step in MIGRATIONS:
            if version in done or (upto is not None and version > upto):
                continue
            step(conn)
            conn.execute(schema_version.insert().values(version=version, description=description, applied_at=now()))
            applied.append(version)
    return applied
