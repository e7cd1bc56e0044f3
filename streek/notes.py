"""Workshop notes and workshop codes, stored in the same database as the measurements.

- An editor (signed in; :mod:`streek.auth` decides who) creates a workshop code, valid for one
  day (:data:`CODE_VALID`), and can close it earlier.
- Participants with a valid code, and editors, pin a short note or proposed action to an
  ambition and optionally to an environment factor (``data/environment.csv`` factor_nl).
- Text is stored as typed (control characters removed, length limited) and must always be
  shown escaped: :func:`escape_markdown` for Streamlit's markdown, plain text elsewhere.

The tables are created by the store's versioned migrations (``streek.db.schema``), or by
:func:`create_tables` on an engine of its own (tests, tools). Never imports streamlit.
"""
from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from streek.db.engine import writer
from streek.db.safe import escape_markdown  # noqa: F401  (the one escaper; re-exported for callers)
from streek.db.schema import MAX_AUTHOR, MAX_LABEL, migrate, workshop_codes, workshop_notes

MAX_TEXT = 500
MAX_NOTES_PER_CODE = 1000
CODE_VALID = timedelta(days=1)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I: read aloud in a room
CODE_LENGTH = 6
KINDS = ("note", "action")

def prepare(engine: Engine) -> None:
    """Bring the database up to date: the store's migrations where they include these tables."""
    migrate(engine)          # the store's migrations create the notes tables (step 3)


def _writer(engine: Engine) -> Engine:
    """Write transactions of the store (BEGIN IMMEDIATE on SQLite) where it is configured."""
    return writer(engine)


# --- errors ------------------------------------------------------------------------------------
class NoteError(ValueError):
    """A note or code that is refused; ``key`` is the catalogue key of the message."""

    def __init__(self, key: str, **kw):
        self.key, self.kw = key, kw
        super().__init__(key)

    def message(self, lang: str) -> str:
        from streek.i18n import t
        return t(self.key, lang=lang, **self.kw)


# --- records -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkshopCode:
    code: str
    label: str
    created_by: str
    created_at: datetime
    expires_at: datetime
    closed_at: datetime | None

    def state(self, now: datetime | None = None) -> str:
        """'open', 'expired' or 'closed'."""
        now = now or utcnow()
        if self.closed_at is not None:
            return "closed"
        if now >= self.expires_at:
            return "expired"
        return "open"


@dataclass(frozen=True)
class Note:
    id: int
    ambition: str
    factor: str | None
    kind: str
    text: str
    author: str
    code: str | None
    editor: str | None
    created_at: datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(d: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back: they were stored in UTC."""
    if d is None:
        return None
    return d if d.tzinfo else d.replace(tzinfo=UTC)


def _code_row(r) -> WorkshopCode:
    return WorkshopCode(r.code, r.label or "", r.created_by, _aware(r.created_at), _aware(r.expires_at), _aware(r.closed_at))


def _note_row(r) -> Note:
    return Note(r.id, r.ambition, r.factor, r.kind, r.text, r.author or "", r.code, r.editor, _aware(r.created_at))


# --- text ------------------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str, limit: int, *, multiline: bool = True, err: str = "notes.err.too_long") -> str:
    """NFC, control and bidi-override characters removed, trimmed; raises when too long."""
    s = unicodedata.normalize("NFC", str(text or ""))
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = _CONTROL.sub("", s)
    if not multiline:
        s = " ".join(s.split())
    s = s.strip()
    if len(s) > limit:
        raise NoteError(err, n=limit)
    return s


def normalise_code(code: str) -> str:
    return "".join(ch for ch in str(code or "").upper() if ch.isalnum())[:16]


# --- codes -------------------------------------------------------------------------------------
def create_code(engine: Engine, editor: str, label: str = "", *, now: datetime | None = None) -> WorkshopCode:
    """A new code, valid for :data:`CODE_VALID` from ``now``. Only for signed-in editors."""
    if not editor:
        raise NoteError("notes.err.not_allowed")
    now = now or utcnow()
    label = clean_text(label, MAX_LABEL, multiline=False)
    with _writer(engine).begin() as conn:
        for _ in range(20):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if conn.execute(select(workshop_codes.c.code).where(workshop_codes.c.code == code)).first() is None:
                break
        conn.execute(workshop_codes.insert().values(code=code, label=label, created_by=editor, created_at=now,
                                                    expires_at=now + CODE_VALID, closed_at=None))
    return WorkshopCode(code, label, editor, now, now + CODE_VALID, None)


def get_code(engine: Engine, code: str) -> WorkshopCode | None:
    with engine.connect() as conn:
        r = conn.execute(select(workshop_codes).where(workshop_codes.c.code == normalise_code(code))).first()
    return _code_row(r) if r else None


def check_code(engine: Engine, code: str, *, now: datetime | None = None) -> WorkshopCode:
    """The code when it is open; raises :class:`NoteError` (unknown, expired, closed) otherwise."""
    wc = get_code(engine, code) if normalise_code(code) else None
    if wc is None:
        raise NoteError("notes.err.code_unknown")
    state = wc.state(now)
    if state != "open":
        raise NoteError(f"notes.err.code_{state}")
    return wc


def close_code(engine: Engine, code: str, editor: str, *, now: datetime | None = None) -> None:
    if not editor:
        raise NoteError("notes.err.not_allowed")
    with _writer(engine).begin() as conn:
        conn.execute(workshop_codes.update().where(workshop_codes.c.code == normalise_code(code))
                     .where(workshop_codes.c.closed_at.is_(None))
                     .values(closed_at=now or utcnow(), closed_by=editor))


def list_codes(engine: Engine, *, only_open: bool = False, now: datetime | None = None) -> list[WorkshopCode]:
    with engine.connect() as conn:
        rows = conn.execute(select(workshop_codes).order_by(workshop_codes.c.created_at.desc())).all()
    codes = [_code_row(r) for r in rows]
    return [c for c in codes if c.state(now) == "open"] if only_open else codes


def count_notes_by_code(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(workshop_notes.c.code, func.count()).group_by(workshop_notes.c.code)).all()
    return {r[0]: int(r[1]) for r in rows if r[0]}


# --- notes -------------------------------------------------------------------------------------
def add_note(engine: Engine, ambition: str, text: str, *, kind: str = "note", author: str = "",
             factor: str | None = None, code: str | None = None, editor: str | None = None,
             known_ambitions=None, known_factors=None, now: datetime | None = None) -> Note:
    """Store a note. Allowed for an ``editor`` or with an open workshop ``code``.

    ``known_ambitions`` / ``known_factors`` (collections) check the references when given."""
    now = now or utcnow()
    body = clean_text(text, MAX_TEXT)
    if not body:
        raise NoteError("notes.err.empty")
    author = clean_text(author, MAX_AUTHOR, multiline=False, err="notes.err.author_too_long")
    if kind not in KINDS:
        kind = "note"
    if known_ambitions is not None and ambition not in known_ambitions:
        raise NoteError("notes.err.unknown_ambition")
    factor = (factor or "").strip() or None
    if factor is not None and known_factors is not None and factor not in known_factors:
        raise NoteError("notes.err.unknown_factor")
    used_code = None
    if not editor:
        if not code:
            raise NoteError("notes.err.not_allowed")
        used_code = check_code(engine, code, now=now).code
    with _writer(engine).begin() as conn:
        if used_code is not None:
            n = conn.execute(select(func.count()).select_from(workshop_notes)
                             .where(workshop_notes.c.code == used_code)).scalar()
            if n >= MAX_NOTES_PER_CODE:
                raise NoteError("notes.err.code_full")
        res = conn.execute(workshop_notes.insert().values(
            ambition=ambition, factor=factor, kind=kind, text=body, author=author, code=used_code,
            editor=editor or None, created_at=now))
        new_id = res.inserted_primary_key[0]
    return Note(new_id, ambition, factor, kind, body, author, used_code, editor or None, now)


def list_notes(engine: Engine, ambitions=None) -> list[Note]:
    """Notes, oldest first; only those pinned to ``ambitions`` (codes) when given."""
    q = select(workshop_notes).order_by(workshop_notes.c.created_at, workshop_notes.c.id)
    if ambitions is not None:
        q = q.where(workshop_notes.c.ambition.in_(list(ambitions)))
    with engine.connect() as conn:
        return [_note_row(r) for r in conn.execute(q).all()]


def delete_note(engine: Engine, note_id: int, editor: str) -> None:
    if not editor:
        raise NoteError("notes.err.not_allowed")
    with _writer(engine).begin() as conn:
        conn.execute(workshop_notes.delete().where(workshop_notes.c.id == int(note_id)))


