"""Context page: the five societal trends, the environment factors × pillars, actions and partnership."""
import streamlit as st

from pages.ui import get_vision
from streek.figures import MATRIX_CSS, TABLE_CSS, environment_matrix_html, html_table
from streek.i18n import get_language, t
from streek.download import to_csv


@st.cache_resource(show_spinner=False)
def _matrix(_vision, key: int, lang: str):
    """The matrix HTML and its data table, built once per data version (never mutated)."""
    env = _vision.environment
    pillars = [(p.code, p.title_nl) for p in _vision.pillars]
    titles = dict(pillars)
    table = env.assign(pillar=[f"{c}. {titles[c]}" if c in titles else "" for c in env["pillar"]])
    table = table.rename(columns={"factor_nl": t("context.col.factor"), "pillar": t("context.col.pillar"),
                                  "initiative_nl": t("context.col.initiative"), "certain": t("context.col.certain"),
                                  "note_nl": t("context.col.note")})
    counts = dict(n_factors=env["factor_nl"].nunique(), n_items=int((env["initiative_nl"] != "").sum()),
                  n_unsure=int(((env["initiative_nl"] != "") & (env["certain"] != "ja")).sum()))
    return environment_matrix_html(env, pillars), table, to_csv(table, lang), counts


vision = get_vision()
st.title(t("context.title"))
st.write(t("context.intro"))

st.header(t("context.trends.title"))
trends = list(vision.trends.itertuples())
for i in range(0, len(trends), 3):
    cols = st.columns(3)
    for j, (col, tr) in enumerate(zip(cols, trends[i:i + 3])):
        with col, st.container(border=True):
            # Trend A–E: the document's 3.1–3.5 would read like building blocks 3.1–3.4
            st.markdown(f"**{t('context.trend_label', letter='ABCDEFGH'[i + j])} · {tr.title_nl}**")
            st.write(tr.summary_nl)
pages = sorted({int(p) for p in vision.trends["page"]})
st.caption(t("context.trends.source", page=", ".join(str(p) for p in pages)))

st.header(t("context.env.title"))
env_text = vision.texts.get("environment")
if env_text:
    st.write(env_text["summary_nl"])
st.markdown(t("context.env.how"))
matrix_html, table, csv, counts = _matrix(vision, id(vision), get_language())
st.caption(t("context.env.counts", **counts))
st.markdown(MATRIX_CSS + matrix_html, unsafe_allow_html=True)
st.caption(t("context.env.source"))
with st.expander(t("context.env.table")):
    st.markdown(TABLE_CSS + html_table(table), unsafe_allow_html=True)
    st.download_button("CSV", csv, file_name="omgevingsfactoren.csv", mime="text/csv", key="context-env-csv",
                       on_click="ignore", icon=":material/table:")

cols = st.columns(2)
for col, tid, key in ((cols[0], "actions", "context.actions.title"), (cols[1], "partnership", "context.partnership.title")):
    text = vision.texts.get(tid)
    if not text:
        continue
    with col:
        st.header(t(key))
        st.markdown(f"**{text['title_nl']}**")
        st.write(text["summary_nl"])
        st.caption(t("context.text.source", page=text["page"]))
