"""Workshop notes in the pages: the database, the current writer, and notes shown escaped.

User text is only ever shown through :func:`streek.notes.escape_markdown` in ``st.markdown``
without unsafe HTML (or as plain text in tables and downloads)."""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from streamlit.errors import StreamlitAPIException

from streek.fmt import fmt_datetime
from streek.i18n import t
from pages.editor_auth import current_editor as _current_editor
from streek.db.safe import escape_markdown
from streek.notes import Note, list_notes, prepare

CODE_STATE = "workshop_code"     # the participant's valid code, kept for the session


@st.cache_resource(show_spinner=False)
def _engine(url: str):
    from streek.db import get_engine
    eng = get_engine(url)
    prepare(eng)
    return eng


def notes_engine(lang: str):
    """The store's engine with the notes tables, or None (a warning is shown) when unreachable."""
    try:
        from streek.db import database_url
        return _engine(database_url())
    except (SQLAlchemyError, OSError) as e:
        st.warning(t("notes.err.no_database", lang) + f" ({e.__class__.__name__})")
        return None


def current_editor() -> str | None:
    """The signed-in editor (streek.auth via the editor pages), or None."""
    return _current_editor()


def all_notes(engine, lang: str) -> list[Note]:
    """All notes, read once per script run (the card of every ambition uses them)."""
    try:
        return list_notes(engine)
    except SQLAlchemyError:
        st.warning(t("notes.err.no_database", lang))
        return []


def format_date(n: Note, lang: str) -> str:
    """When the note was written, in Belgian time (stored in UTC)."""
    return fmt_datetime(n.created_at, lang)


def note_meta(n: Note, lang: str) -> str:
    meta = t("notes.meta", lang, kind=t(f"notes.kind.{n.kind}", lang), author=n.author or t("notes.anonymous", lang),
             date=format_date(n, lang))
    if n.factor:
        meta += " · " + t("notes.factor_label", lang, factor=n.factor)
    return meta


def render_note(n: Note, lang: str, *, on_delete=None) -> None:
    """One note: the text escaped (never HTML), author, kind, date and factor as a caption."""
    with st.container(border=True):
        st.markdown(escape_markdown(n.text, keep_lines=True))
        st.caption(escape_markdown(note_meta(n, lang), keep_lines=True))
        if on_delete is not None:
            st.button(t("notes.delete", lang), key=f"del-note-{n.id}", on_click=on_delete, args=(n.id,),
                      type="tertiary", icon=":material/delete:")


def page_notes(lang: str) -> list[Note] | None:
    """All notes, for a page that shows many cards: read once per run instead of once per card
    (None: the store is unreachable, a warning is shown)."""
    engine = notes_engine(lang)
    return None if engine is None else all_notes(engine, lang)


def notes_block(vision, code: str, lang: str, notes: list[Note] | None = None) -> None:
    """On an ambition card: the notes pinned to it (and its sub-targets), and a link to add one.
    ``notes``: all notes, when the page read them once (:func:`page_notes`); else read here."""
    if notes is None:
        notes = page_notes(lang)
        if notes is None:
            return
    codes = {code} | {a.code for a in vision.ambitions if a.ambition == code}
    notes = [n for n in notes if n.ambition in codes]
    box = st.expander(t("notes.on_card", lang, n=len(notes)), icon=":material/sticky_note_2:", key=f"notes-open-{code}",
                      on_change="rerun")
    if not box.open:            # lazy: the notes are mounted only when the reader opens them
        return
    with box:
        if not notes:
            st.caption(t("notes.none", lang))
        for n in notes:
            render_note(n, lang)
        try:    # keeps the session (a participant's code, the language)
            st.page_link("pages/workshop_page.py", label=t("notes.add", lang), icon=":material/add_comment:",
                         query_params={"ambitie": code})
        except StreamlitAPIException:   # outside the app's navigation (tests, embedding)
            st.markdown(f":material/add_comment: [{t('notes.add', lang)}](workshop?{urlencode({'ambitie': code})})")
