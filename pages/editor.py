"""Gegevens bijwerken: upload, check, preview, confirm; history per indicator; undo an import.

Registered for everyone (hidden from visitors' navigation, see pages/editor_auth.py); a visitor
who opens its URL gets the sign-in form instead.
Text that comes from a file (names, sources, notes, the file name) is only shown in
dataframes or as plain text — never as Markdown or HTML.
"""
import hashlib

import pandas as pd
import streamlit as st

from pages.editor_auth import current_editor, login_form, sign_out
from pages.frame import page_lang
from pages.ui import get_store, get_vision
from streek.db.engine import describe
from streek.db.importer import (
    COLUMNS,
    MAX_BYTES,
    REQUIRED,
    Catalog,
    ImportRefused,
    commit,
    history_frame,
    issues_frame,
    plan_import,
    preview_frame,
    template_csv,
    template_xlsx,
)
from streek.db.store import StoreError
from streek.fmt import fmt_datetime
from streek.i18n import t

lang = page_lang()   # the reader's language, passed down explicitly

editor = current_editor()
if not editor:
    login_form(lang)
    st.stop()

store = get_store()
catalog = Catalog.from_vision(get_vision(seed_only=True))  # the seed: old values before any import

st.title(t("editor.title", lang))
c1, c2 = st.columns([4, 1])
c1.markdown(t("editor.signed_in_as", lang, name=editor.replace("*", "").replace("_", " ")))
if c2.button(t("editor.logout", lang), key="editor_logout"):
    sign_out()
    st.switch_page("pages/home.py", query_params={})  # {} keeps widget-bound ones (?lang=)
st.write(t("editor.intro", lang))
if store is None:
    st.stop()
st.caption(t("editor.db_info", lang, db=describe(store.url)))

flash = st.session_state.pop("editor_flash", None)
if flash:
    st.success(flash)

# --- what the file must look like ---------------------------------------------------------
with st.expander(t("editor.columns_title", lang), expanded=False):
    st.write(t("editor.columns_intro", lang))
    st.markdown("\n".join(
        f"- `{c}` ({t('editor.required_yes', lang) if c in REQUIRED else t('editor.required_no', lang)}): "
        f"{t('editor.colhelp.' + c, lang)}" for c in COLUMNS))
    st.markdown(f"**{t('editor.rules_title', lang)}**\n\n{t('editor.rules', lang)}")
    d1, d2 = st.columns(2)
    d1.download_button(t("editor.template_csv", lang), template_csv(), file_name=t("download.file.template", lang) + ".csv", mime="text/csv",
                       key="editor_tpl_csv", on_click="ignore", icon=":material/table:")
    d2.download_button(t("editor.template_xlsx", lang), lambda: template_xlsx(catalog, lang=lang), file_name=t("download.file.template", lang) + ".xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key="editor_tpl_xlsx", on_click="ignore", icon=":material/grid_on:")

# --- upload, check, preview, confirm ------------------------------------------------------
st.subheader(t("editor.upload_title", lang))
upload_key = f"editor_upload_{st.session_state.get('editor_upload_n', 0)}"
# one limit everywhere: 5 MB in the label, in Streamlit's "Limit 5MB per file" and in the importer
uploaded = st.file_uploader(t("editor.upload", lang), type=["csv", "xlsx", "txt"], key=upload_key,
                            max_upload_size=MAX_BYTES // (1024 * 1024))
if uploaded is not None:
    data = uploaded.getvalue()
    plan = plan_import(data, uploaded.name, catalog, store, lang=lang)
    if plan.encoding:
        st.caption(t("editor.read_info", lang, enc=plan.encoding,
                     delim=t("editor.read_delim", lang, d="tab" if plan.delimiter == "\t" else plan.delimiter) if plan.delimiter else ""))
    if plan.notes:
        st.markdown(f"**{t('editor.notes_title', lang)}**")
        for note in plan.notes:
            st.text(note)
    if plan.issues:
        st.error(t("editor.problems_title", lang, n=len(plan.issues)))
        st.write(t("editor.problems_intro", lang))
        # a static table wraps long texts (a data grid would cut them off); many problems: the grid
        problems = issues_frame(plan.issues, lang=lang)
        if len(problems) <= 60:
            st.table(problems, hide_index=True)
        else:
            st.dataframe(problems, hide_index=True, width="stretch", key="editor_issues")
    else:
        st.subheader(t("editor.preview_title", lang))
        st.write(plan.summary(lang=lang))
        st.dataframe(preview_frame(plan, catalog, lang=lang), hide_index=True, width="stretch", key="editor_preview")
        if not plan.changes:
            st.info(t("editor.nothing_to_change", lang))
        else:
            overwrite = True
            if plan.conflicts:
                overwrite = st.checkbox(t("editor.confirm_overwrite", lang, n=len(plan.conflicts)),
                                        key=f"editor_overwrite_{hashlib.sha256(data).hexdigest()[:12]}")
            if st.button(t("editor.import_button", lang), type="primary", disabled=not overwrite, key="editor_import"):
                try:
                    res = commit(plan, store, catalog, editor=editor, overwrite=overwrite, lang=lang)
                except ImportRefused as e:
                    st.error(t("editor.refused", lang, msg=e.message(lang)))
                else:
                    st.session_state["editor_flash"] = t("editor.imported", lang, id=res.import_id, new=res.n_new,
                                                         changed=res.n_changed)
                    st.session_state["editor_upload_n"] = st.session_state.get("editor_upload_n", 0) + 1
                    st.session_state["editor_history_pick"] = plan.changes[0].indicator
                    st.rerun()

# --- history per indicator ----------------------------------------------------------------
st.divider()
st.subheader(t("editor.history_title", lang))
hist_all = store.history()
with_history = list(dict.fromkeys(hist_all["indicator"]))
options = with_history + [k for k in catalog.targets if k not in with_history]
pick = st.selectbox(t("editor.history_pick", lang), options, key="editor_history_pick",
                    format_func=lambda k: f"{k} — {catalog.targets[k].title}" if k in catalog.targets else k)
hist = hist_all[hist_all["indicator"] == pick] if pick else hist_all.iloc[0:0]
if hist.empty:
    st.caption(t("editor.history_empty", lang))
else:
    st.dataframe(history_frame(hist, lang=lang), hide_index=True, width="stretch", key="editor_history")

# --- imports and undo ---------------------------------------------------------------------
st.subheader(t("editor.imports_title", lang))
imps = store.imports()
if imps.empty:
    st.caption(t("editor.imports_empty", lang))
else:
    shown = pd.DataFrame({
        t("editor.col.import", lang): imps["id"],
        t("editor.col.when", lang): [fmt_datetime(x, lang) for x in imps["created_at"]],
        t("editor.col.who", lang): imps["editor"],
        t("editor.col.file", lang): imps["filename"],
        t("editor.col.source", lang): imps["source"],
        t("editor.col.row", lang): imps["n_rows"],
        t("editor.col.undone", lang): [
            "" if pd.isna(u) else f"{fmt_datetime(u, lang)} ({b})" for u, b in zip(imps["undone_at"], imps["undone_by"])],
    })
    st.dataframe(shown, hide_index=True, width="stretch", key="editor_imports")
    open_imps = imps[imps["undone_at"].isna()]
    if not open_imps.empty:
        labels = {int(r.id): t("editor.undo_option", lang, id=int(r.id), when=fmt_datetime(r.created_at, lang),
                                who=r.editor, n=int(r.n_rows))
                  for r in open_imps.itertuples()}
        which = st.selectbox(t("editor.undo_pick", lang), list(labels), format_func=labels.get, key="editor_undo_pick")
        sure = st.checkbox(t("editor.undo_confirm", lang), key=f"editor_undo_sure_{which}")
        if st.button(t("editor.undo_button", lang), disabled=not sure, key="editor_undo"):
            try:
                n = store.undo(int(which), editor=editor, seed=catalog.seed)
            except StoreError as e:
                st.error(t("editor.refused", lang, msg=e.message(lang)))
            else:
                st.session_state["editor_flash"] = t("editor.undone", lang, id=which, n=n)
                st.rerun()
