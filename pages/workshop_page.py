"""Workshop page: add a note with a workshop code (or as editor), all notes, and the codes.

``?ambitie=CODE`` preselects the ambition (the link on every card)."""
import math

import pandas as pd
import streamlit as st

from pages.editor_auth import session_id
from pages.frame import page_lang
from pages.notes_view import CODE_STATE, all_notes, current_editor, format_date, notes_engine, render_note
from pages.ui import get_vision
from streek.fmt import fmt_datetime
from streek.i18n import t
from streek.notes import (MAX_AUTHOR, MAX_LABEL, MAX_TEXT, NoteError, add_note, check_code, close_code, count_notes_by_code,
                          create_code, delete_note, escape_markdown, list_codes)
from streek.download import to_csv



@st.cache_resource(show_spinner=False)
def _code_throttle():
    from streek.auth import Throttle
    return Throttle()


lang = page_lang()
vision = get_vision()
st.title(t("notes.title", lang))
st.write(t("notes.intro", lang))
engine = notes_engine(lang)
if engine is None:
    st.stop()
editor = current_editor()

doc_codes = list(dict.fromkeys(a.ambition for a in vision.ambitions))
titles = {c: next(a.title_nl for a in vision.ambitions if a.ambition == c) for c in doc_codes}
factors = list(dict.fromkeys(vision.environment["factor_nl"]))


def _label(code: str) -> str:
    title = titles[code]
    return f"{code} · {title[:90]}{'…' if len(title) > 90 else ''}"


# --- add a note ---------------------------------------------------------------------------------
st.subheader(t("notes.add", lang))
code_ok = None
if not editor:
    typed = st.text_input(t("notes.code", lang), value=st.session_state.get(CODE_STATE, ""), max_chars=16,
                          help=t("notes.code_help", lang), key="workshop-code-input")
    if typed:
        # guessing codes is slowed down per session: a new wrong code doubles the wait (max. 60 s)
        thr, who = _code_throttle(), "workshop-code:" + session_id()
        wait = thr.wait_s(who)
        if wait > 0 and typed != st.session_state.get("_code_tried"):
            st.error(t("notes.err.code_wait", lang, s=math.ceil(wait)))
        else:
            try:
                code_ok = check_code(engine, typed).code
                st.session_state[CODE_STATE] = code_ok
                thr.succeeded(who)
            except NoteError as e:
                st.session_state.pop(CODE_STATE, None)
                if typed != st.session_state.get("_code_tried"):
                    thr.failed(who)
                st.error(e.message(lang))
            st.session_state["_code_tried"] = typed
if editor or code_ok:
    wanted = st.query_params.get("ambitie")
    wanted = next((a.ambition for a in vision.ambitions if wanted in (a.code, a.ambition)), None) if wanted else None
    with st.form("add-note", clear_on_submit=True, enter_to_submit=False):
        amb = st.selectbox(t("notes.ambition", lang), doc_codes, index=doc_codes.index(wanted) if wanted else 0, format_func=_label)
        c1, c2 = st.columns(2)
        kind = c1.radio(t("notes.kind", lang), ["note", "action"], format_func=lambda k: t(f"notes.kind.{k}", lang), horizontal=True)
        factor = c2.selectbox(t("notes.factor", lang), [""] + factors, format_func=lambda f: f or t("notes.factor_none", lang))
        text = st.text_area(t("notes.text", lang, n=MAX_TEXT), max_chars=MAX_TEXT)
        author = st.text_input(t("notes.author", lang, n=MAX_AUTHOR), max_chars=MAX_AUTHOR)
        if st.form_submit_button(t("notes.submit", lang), type="primary"):
            try:
                add_note(engine, amb, text, kind=kind, author=author, factor=factor or None, code=code_ok, editor=editor,
                         known_ambitions=set(doc_codes), known_factors=set(factors))
                st.success(t("notes.saved", lang))
            except NoteError as e:
                st.error(e.message(lang))

# --- all notes ----------------------------------------------------------------------------------
st.subheader(t("notes.list", lang))
notes = all_notes(engine, lang)
pillar = st.segmented_control(t("notes.filter_pillar", lang), ["", *[p.code for p in vision.pillars]], default="",
                              format_func=lambda p: p or t("notes.all", lang), key="workshop-pillar", required=True)
pillar_of = {a.code: a.pillar for a in vision.ambitions} | {a.ambition: a.pillar for a in vision.ambitions}
shown = [n for n in notes if not pillar or pillar_of.get(n.ambition) == pillar]


def _delete(note_id: int) -> None:
    delete_note(engine, note_id, editor)


if not shown:
    st.caption(t("notes.none", lang))
by_amb: dict[str, list] = {}
for n in shown:
    by_amb.setdefault(n.ambition, []).append(n)
for code in [c for c in doc_codes if c in by_amb] + [c for c in by_amb if c not in doc_codes]:
    st.markdown(f"**{escape_markdown(_label(code) if code in titles else code)}**")
    for n in by_amb[code]:
        render_note(n, lang, on_delete=_delete if editor else None)
if shown:
    frame = pd.DataFrame([{"ambitie": n.ambition, "soort": n.kind, "tekst": n.text, "auteur": n.author,
                           "omgevingsfactor": n.factor or "", "datum": format_date(n, lang)} for n in shown])
    st.download_button(t("notes.download_csv", lang), to_csv(frame, lang), file_name=t("download.file.notes", lang) + ".csv", mime="text/csv",
                       on_click="ignore", icon=":material/table:")

# --- codes (editors) ----------------------------------------------------------------------------
st.subheader(t("notes.codes", lang))
if not editor:
    st.caption(t("notes.codes_need_editor", lang))
else:
    with st.form("new-code", clear_on_submit=True, enter_to_submit=False):
        label = st.text_input(t("notes.code_label", lang), max_chars=MAX_LABEL)
        if st.form_submit_button(t("notes.code_create", lang), type="primary"):
            try:
                wc = create_code(engine, editor, label)
                st.success(t("notes.code_created", lang, code=wc.code, until=fmt_datetime(wc.expires_at, lang)))
            except NoteError as e:
                st.error(e.message(lang))
    st.markdown(f"**{t('notes.code_active', lang)}**")
    open_codes = list_codes(engine, only_open=True)
    counts = count_notes_by_code(engine)
    if not open_codes:
        st.caption(t("notes.no_codes", lang))
    for wc in open_codes:
        c1, c2 = st.columns([4, 1])
        c1.markdown(escape_markdown(t("notes.code_row", lang, code=wc.code, label=wc.label or "–",
                                      until=fmt_datetime(wc.expires_at, lang), n=counts.get(wc.code, 0))))
        c2.button(t("notes.code_close", lang), key=f"close-{wc.code}", on_click=close_code, args=(engine, wc.code, editor))
