"""The measurement store: add an import, list current values, history, undo — each one transaction.

Per indicator, geography and period the newest stored value of an import that has not been
undone is the current one; every earlier value stays in ``measurements`` and ``audit``.
Undoing an import marks it undone (nothing is deleted): the values it replaced come back, and
every value that changes because of the undo gets its own audit row.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import func, select, update

from streek.db.engine import database_url, describe, get_engine, write_lock, writer
from streek.db.schema import audit, imports, measurements, migrate, now
from streek.fmt import fmt_datetime

Key = tuple[str, str, str]  # indicator, geo ('' = no geography), period
CURRENT_COLUMNS = ["indicator", "geo", "period", "value", "source", "note", "import_id", "created"]
HISTORY_COLUMNS = ["at", "who", "action", "indicator", "geo", "period", "old_value", "new_value", "source",
                   "import_id", "filename", "undone_at"]


class StoreError(Exception):
    """A refused store operation: why, as a catalogue key (``store.refused.*``) with its parameters.
    ``str()`` is the Dutch message (the command line's); :meth:`message` says it in the reader's
    language (the editing page). A moment among the parameters (``at``) is written as a reader of that
    language reads it, in Belgian time."""

    def __init__(self, key: str, **params) -> None:
        self.key, self.params = key, params
        super().__init__(self.message("nl"))

    def message(self, lang: str) -> str:
        from streek.i18n import t
        params = {k: fmt_datetime(v, lang) if k == "at" else v for k, v in self.params.items()}
        return t(self.key, lang, **params)


class StaleRevision(StoreError):
    pass


# The store's revision (newest import, undone imports, newest audit row) in one statement: every page
# run asks for it (pages/ui.get_vision), and three round trips took ~0,7 ms where one takes ~0,15 ms.
_REVISION = select(
    select(func.coalesce(func.max(imports.c.id), 0)).scalar_subquery(),
    select(func.count()).select_from(imports).where(imports.c.undone_at.is_not(None)).scalar_subquery(),
    select(func.coalesce(func.max(audit.c.id), 0)).scalar_subquery(),
)


@dataclass(frozen=True)
class NewValue:
    indicator: str
    geo: str
    period: str
    value: float
    source: str
    note: str = ""

    @property
    def key(self) -> Key:
        return (self.indicator, self.geo, self.period)


@dataclass(frozen=True)
class WriteResult:
    import_id: int
    n_new: int
    n_changed: int
    n_same: int


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


class Store:
    """Measurements added by editors, in the database named by :func:`database_url`."""

    def __init__(self, url: str | None = None, *, upgrade: bool = True):
        self.url = database_url(url)
        self.engine = get_engine(self.url)
        if upgrade:
            migrate(self.engine)

    def __repr__(self) -> str:
        return f"Store({describe(self.url)})"

    # --- reading ---------------------------------------------------------------------------
    def revision(self) -> tuple[int, int, int]:
        """Changes whenever an import is written or undone (cache key of the merged vision)."""
        with self.engine.connect() as conn:
            return self.revision_in(conn)

    @staticmethod
    def _current_rows(conn, keys: Iterable[Key] | None = None) -> dict[Key, dict]:
        q = (select(measurements).join(imports, imports.c.id == measurements.c.import_id)
             .where(imports.c.undone_at.is_(None)).order_by(measurements.c.id))
        wanted = None
        if keys is not None:
            wanted = set(keys)
            if not wanted:
                return {}
            q = q.where(measurements.c.indicator.in_(sorted({k[0] for k in wanted})))
        out: dict[Key, dict] = {}
        for r in conn.execute(q).mappings():
            k = (r["indicator"], r["geo"], r["period"])
            if wanted is None or k in wanted:
                out[k] = dict(r)  # later ids overwrite earlier ones: the newest wins
        return out

    def current(self) -> pd.DataFrame:
        """The current stored value per indicator, geography and period."""
        with self.engine.connect() as conn:
            rows = list(self._current_rows(conn).values())
        df = pd.DataFrame(rows, columns=[c for c in CURRENT_COLUMNS] + ["id"])
        return df[CURRENT_COLUMNS].reset_index(drop=True)

    def current_values(self, keys: Iterable[Key]) -> dict[Key, float]:
        with self.engine.connect() as conn:
            return {k: r["value"] for k, r in self._current_rows(conn, keys).items()}

    def imports(self) -> pd.DataFrame:
        with self.engine.connect() as conn:
            rows = conn.execute(select(imports).order_by(imports.c.id.desc())).mappings().all()
        return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in imports.columns])

    def history(self, indicator: str | None = None) -> pd.DataFrame:
        """Every audited change, newest first (of one indicator, or all)."""
        q = (select(audit.c.at, audit.c.who, audit.c.action, audit.c.indicator, audit.c.geo, audit.c.period,
                    audit.c.old_value, audit.c.new_value, audit.c.source, audit.c.import_id,
                    imports.c.filename, imports.c.undone_at)
             .join(imports, imports.c.id == audit.c.import_id).order_by(audit.c.id.desc()))
        if indicator is not None:
            q = q.where(audit.c.indicator == indicator)
        with self.engine.connect() as conn:
            rows = conn.execute(q).mappings().all()
        return pd.DataFrame([dict(r) for r in rows], columns=HISTORY_COLUMNS)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar())
                    for t in (imports, measurements, audit)}

    # --- writing ---------------------------------------------------------------------------
    def add(self, values: list[NewValue], *, editor: str, filename: str, seed: Mapping[Key, float] | None = None,
            expected_revision: tuple | None = None, _hook: Callable[[str], None] | None = None) -> WriteResult:
        """Store ``values`` as one import, all or nothing. ``seed`` gives the value each key had
        before any import (the old value in the audit). With ``expected_revision`` the write is
        refused when someone changed the store since the preview was made."""
        if not values:
            raise StoreError("store.refused.nothing")
        keys = [v.key for v in values]
        if len(set(keys)) != len(keys):
            raise StoreError("store.refused.duplicate")
        seed = seed or {}
        sources = "; ".join(dict.fromkeys(v.source for v in values))
        with writer(self.engine).begin() as conn:
            write_lock(conn)
            if expected_revision is not None and self.revision_in(conn) != tuple(expected_revision):
                raise StaleRevision("store.refused.stale")
            before = {k: r["value"] for k, r in self._current_rows(conn, keys).items()}
            t = now()
            import_id = conn.execute(imports.insert().values(
                editor=editor, created_at=t, filename=filename, source=sources, n_rows=len(values))).inserted_primary_key[0]
            conn.execute(measurements.insert(), [
                {"indicator": v.indicator, "geo": v.geo, "period": v.period, "value": float(v.value),
                 "source": v.source, "note": v.note or "", "import_id": import_id, "created": t} for v in values])
            if _hook:
                _hook("measurements-written")
            n_new = n_changed = n_same = 0
            rows = []
            for v in values:
                old = before.get(v.key, seed.get(v.key))
                if old is None:
                    n_new += 1
                elif _same(old, v.value):
                    n_same += 1
                else:
                    n_changed += 1
                rows.append({"at": t, "who": editor, "action": "import", "source": v.source, "indicator": v.indicator,
                             "geo": v.geo, "period": v.period, "old_value": old, "new_value": float(v.value),
                             "import_id": import_id})
            conn.execute(audit.insert(), rows)
            if _hook:
                _hook("audit-written")
        return WriteResult(int(import_id), n_new, n_changed, n_same)

    @staticmethod
    def revision_in(conn) -> tuple[int, int, int]:
        a, b, c = conn.execute(_REVISION).one()
        return (int(a), int(b), int(c))

    def undo(self, import_id: int, *, editor: str, seed: Mapping[Key, float] | None = None) -> int:
        """Undo an import as a whole; return how many shown values changed back. Audited."""
        seed = seed or {}
        with writer(self.engine).begin() as conn:
            write_lock(conn)
            imp = conn.execute(select(imports).where(imports.c.id == import_id)).mappings().first()
            if imp is None:
                raise StoreError("store.refused.no_import", id=import_id)
            if imp["undone_at"] is not None:
                raise StoreError("store.refused.already_undone", id=import_id, at=imp["undone_at"], who=imp["undone_by"])
            keys = [tuple(r) for r in conn.execute(
                select(measurements.c.indicator, measurements.c.geo, measurements.c.period)
                .where(measurements.c.import_id == import_id))]
            before = {k: r["value"] for k, r in self._current_rows(conn, keys).items()}
            t = now()
            conn.execute(update(imports).where(imports.c.id == import_id).values(undone_at=t, undone_by=editor))
            after = {k: r["value"] for k, r in self._current_rows(conn, keys).items()}
            rows = []
            for k in dict.fromkeys(keys):
                old, new = before.get(k, seed.get(k)), after.get(k, seed.get(k))
                if not _same(old, new):
                    rows.append({"at": t, "who": editor, "action": "undo", "source": f"import {import_id} ongedaan gemaakt",
                                 "indicator": k[0], "geo": k[1], "period": k[2], "old_value": old, "new_value": new,
                                 "import_id": import_id})
            if rows:
                conn.execute(audit.insert(), rows)
        return len(rows)
