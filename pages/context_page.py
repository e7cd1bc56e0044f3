"""Context page: the five societal trends, the environment factors × pillars, actions and partnership."""
import html

import streamlit as st

from pages.ui import data_version, get_vision
from streek.figures import MATRIX_CSS, TABLE_CSS, environment_matrix_html, html_table
from streek.i18n import doc_html, t
from streek.model import row_text, text_summary
from streek.download import to_csv
from pages.frame import page_lang

lang = page_lang()   # the reader's language, passed down explicitly


@st.cache_resource(show_spinner=False, max_entries=16)   # per data version and language
def _matrix(_vision, version: str, lang: str):
    """The matrix HTML and its data table, built once per data version (never mutated)."""
    env = _vision.environment
    pillars = [(p.code, p.title_nl) for p in _vision.pillars]
    titles = dict(pillars)
    table = env.assign(pillar=[f"{c}. {titles[c]}" if c in titles else "" for c in env["pillar"]],
                       note_nl=[row_text(r, "note", lang) for r in env.itertuples()]).drop(columns="note_en")
    table = table.rename(columns={"factor_nl": t("context.col.factor", lang), "pillar": t("context.col.pillar", lang),
                                  "initiative_nl": t("context.col.initiative", lang), "certain": t("context.col.certain", lang),
                                  "note_nl": t("context.col.note", lang)})
    counts = dict(n_factors=env["factor_nl"].nunique(), n_items=int((env["initiative_nl"] != "").sum()),
                  n_unsure=int(((env["initiative_nl"] != "") & (env["certain"] != "ja")).sum()))
    return environment_matrix_html(env, pillars, lang=lang), table, to_csv(table, lang), counts


vision = get_vision()
st.title(t("context.title", lang))
st.write(t("context.intro", lang))

st.header(t("context.trends.title", lang))
trends = list(vision.trends.itertuples())
for i in range(0, len(trends), 3):
    cols = st.columns(3)
    for j, (col, tr) in enumerate(zip(cols, trends[i:i + 3])):
        with col, st.container(border=True):
            # Trend A–E: the document's 3.1–3.5 would read like building blocks 3.1–3.4
            st.html(f"<p><strong>{html.escape(t('context.trend_label', lang, letter='ABCDEFGH'[i + j]))} · "
                    f"{doc_html(tr.title_nl, lang)}</strong></p>")     # the document's title, marked as Dutch in English
            st.write(text_summary(tr._asdict(), lang))   # our summary: English in English mode
pages = sorted({int(p) for p in vision.trends["page"]})
st.caption(t("context.trends.source", lang, page=", ".join(str(p) for p in pages)))

st.header(t("context.env.title", lang))
env_text = vision.texts.get("environment")
if env_text:
    st.write(text_summary(env_text, lang))
st.markdown(t("context.env.how", lang))
matrix_html, table, csv, counts = _matrix(vision, data_version(vision), lang)
st.caption(t("context.env.counts", lang, **counts))
# st.html (its code is loaded by the frame already), not raw markdown: no rehype-raw (issue 9)
st.html(MATRIX_CSS + matrix_html)
st.caption(t("context.env.source", lang))
# the table and its CSV are built when the reader opens the expander (a closed st.expander still
# mounts its content, and a download button costs the browser a chunk of script: issue 9)
box = st.expander(t("context.env.table", lang), key="context-env-table", on_change="rerun")
if box.open:
    with box:
        st.html(TABLE_CSS + html_table(table))
        st.download_button("CSV", csv, file_name=t("download.file.environment", lang) + ".csv", mime="text/csv",
                           key="context-env-csv", on_click="ignore", icon=":material/table:")

cols = st.columns(2)
for col, tid, key in ((cols[0], "actions", "context.actions.title"), (cols[1], "partnership", "context.partnership.title")):
    text = vision.texts.get(tid)
    if not text:
        continue
    with col:
        st.header(t(key, lang))
        st.html(f"<p><strong>{doc_html(text['title_nl'], lang)}</strong></p>")
        st.write(text_summary(text, lang))
        st.caption(t("context.text.source", lang, page=text["page"]))
