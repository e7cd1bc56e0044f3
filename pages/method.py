"""Method and sources page: the progress method, its limits, and where every figure comes from."""
import pandas as pd
import streamlit as st

from pages.frame import page_lang
from pages.ui import BADGE_CSS, assessments, data_version, get_vision, status_badge
from streek.figures import TABLE_CSS, html_table
from streek.card import reason_text
from streek.fmt import fmt_pct
from streek.i18n import t
from streek.i18n.names import label_name, reference_date
from streek.progress import ACCELERATE, ON_TRACK, STATUS_ORDER, Status


@st.cache_resource(show_spinner=False, max_entries=16)   # per data version and language
def _tables(_vision, version: str, lang: str):
    """The indicator-source and data-source tables, built once per data version."""
    basis = {b: t(f"method.geo_basis.{b}", lang) for b in ("ambitie", "bijlage 2", "swot", "bouwsteen", "")}
    ind = pd.DataFrame([{
        t("method.col.code", lang): a.code,
        t("method.col.indicator", lang): label_name(a.indicator_nl, lang) or a.title_nl,
        t("method.col.source", lang): a.source_nl or t("method.no_source", lang),
        t("method.col.geo", lang): _vision.geo_name(a.geography, lang) if a.geography else t("method.no_geo", lang),
        t("method.col.geo_basis", lang): basis.get(a.geography_basis, a.geography_basis),
    } for a in _vision.ambitions])
    src = pd.DataFrame([{
        t("method.col.publisher", lang): s.publisher, t("method.col.dataset", lang): s.dataset,
        t("method.col.date", lang): reference_date(s.reference_date, lang), t("method.col.licence", lang): s.licence_text(lang),
        t("method.col.processing", lang): s.processing(lang),
    } for s in _vision.sources.values()])
    return ind, src


RULES = {s: f"method.rule.{s.value}" for s in Status}

vision = get_vision()
lang = page_lang()
st.markdown(BADGE_CSS, unsafe_allow_html=True)
st.title(t("method.title", lang))
st.write(t("method.intro", lang))

# --- the method --------------------------------------------------------------------------
st.header(t("method.progress.title", lang))
st.markdown(t("method.progress.text", lang))
st.write(t("method.progress.actual", lang))
# formulas fit a 390 px phone (a KaTeX block wider than the screen would scroll without keyboard access)
st.html("<style>@media (max-width: 640px) { .katex-display { font-size: .78em; } }</style>")
st.latex(r"\mathrm{CAGR}_a = \left(\frac{y_t}{y_0}\right)^{\frac{1}{t - t_0}} - 1")
st.write(t("method.progress.required", lang))
st.latex(r"\mathrm{CAGR}_r = \left(\frac{y_T}{y_0}\right)^{\frac{1}{T - t_0}} - 1")
st.write(t("method.progress.ratio", lang))
st.latex(r"R = \frac{\mathrm{CAGR}_a}{\mathrm{CAGR}_r}")
st.write(t("method.progress.ratio_text", lang))

st.subheader(t("method.categories.title", lang))
st.write(t("method.categories.text", lang))
thresholds = dict(on_track=fmt_pct(ON_TRACK * 100, 0, lang=lang), accelerate=fmt_pct(ACCELERATE * 100, 0, lang=lang))
rows = []
for s in STATUS_ORDER:
    key = RULES[s]
    swatch = (f'<span aria-hidden="true" style="display:inline-block;width:1.4em;height:1em;'
              f'background:{s.color};border-radius:.2em;vertical-align:middle"></span> <code>{s.color}</code>')
    rows.append(f"<tr><td>{status_badge(s, lang)}</td><td>{swatch}</td><td>{t(key, lang, **thresholds)}</td></tr>")
st.markdown(
    '<div style="overflow-x:auto" tabindex="0"><table style="width:100%"><thead><tr>'
    f'<th scope="col">{t("method.col.status", lang)}</th><th scope="col">{t("method.col.colour", lang)}</th>'
    f'<th scope="col">{t("method.col.rule", lang)}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>',
    unsafe_allow_html=True)

st.subheader(t("method.path.title", lang))
st.markdown(t("method.path.text", lang))
st.latex(r"\text{" + t("method.path.needed", lang) + r"} = \left(\frac{y_T}{y_t}\right)^{\frac{1}{T - t}} - 1")
st.latex(r"\text{" + t("method.path.projected", lang) + r"} = y_t \,(1 + \mathrm{CAGR}_a)^{T - t}")
res = assessments(vision)
example = next((r for r in res.values() if r.needed_from_latest is not None), None)
if example is not None:
    st.markdown(t("method.path.example", lang, code=example.code))
    st.info(reason_text(example.reason, lang))

st.subheader(t("method.limits.title", lang))
st.write(t("method.limits.intro", lang))
st.markdown("\n".join(f"- {t(k, lang)}" for k in (
    "method.limits.zero", "method.limits.share", "method.limits.maintain", "method.limits.average",
    "method.limits.relative", "method.limits.points", "method.limits.geo")))
st.subheader(t("method.comparable.title", lang))
st.write(t("method.comparable.text", lang))

# --- sources -----------------------------------------------------------------------------
ind, src = _tables(vision, data_version(vision), lang)
st.header(t("method.sources.title", lang))
st.write(t("method.sources.text", lang))
# plain HTML tables: long source names wrap, every row is visible, nothing extra to load
st.markdown(TABLE_CSS + html_table(ind), unsafe_allow_html=True)

st.header(t("method.data.title", lang))
st.subheader(t("method.document.title", lang))
st.write(t("method.document.credit", lang))
st.write(t("method.data.text", lang))
st.markdown(html_table(src), unsafe_allow_html=True)
st.subheader(t("method.boundaries.title", lang))
st.write(t("method.boundaries.text", lang))
st.markdown(f"> {t('method.boundaries.credit', lang)}")

st.header(t("method.check.title", lang))
st.markdown(t("method.check.text", lang))
# inline code, not st.code: a code block makes the browser load Streamlit's 1,5 MB syntax highlighter
st.markdown("`python -m streek validate`")
st.write(t("method.check.after", lang))
