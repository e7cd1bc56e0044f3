"""Method and sources page: the progress method, its limits, and where every figure comes from."""
import html

import pandas as pd
import streamlit as st

from pages.frame import page_lang
from pages.ui import BADGE_CSS, assessments, data_version, get_vision, status_badge
from streek.figures import TABLE_CSS, html_table
from streek.card import DOCUMENT_SOURCE, reason_text
from streek.fmt import fmt_pct
from streek.i18n import doc_html, t
from streek.i18n.names import label_name, reference_date
from streek.progress import ACCELERATE, ON_TRACK, STATUS_ORDER, TREND_MIN_YEARS, Status


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
        # the document's own title stays Dutch in English mode: marked as such (an HTML cell)
        t("method.col.publisher", lang): s.publisher_name(lang),
        t("method.col.dataset", lang): doc_html(s.dataset_name(lang), lang) if s.id == DOCUMENT_SOURCE else html.escape(s.dataset_name(lang)),
        t("method.col.date", lang): reference_date(s.reference_date, lang), t("method.col.licence", lang): s.licence_text(lang),
        t("method.col.processing", lang): s.processing(lang),
    } for s in _vision.sources.values()])
    return ind, src


RULES = {s: f"method.rule.{s.value}" for s in Status}


# --- formulas ------------------------------------------------------------------------------
# Written as HTML with a little CSS (fraction bars, a raised exponent) and read out by screen readers
# from their aria-label: no KaTeX to load for this page (st.latex and $…$ in markdown make the browser
# fetch rehype-katex, its CSS and fonts), and st.html's code is loaded by the frame already (issue 9).
# (MathML would be the natural markup, but st.html's sanitiser keeps HTML only.)
def _v(name: str, low: str = "") -> str:
    """A variable, e.g. y with subscript 0 (upright names like CAGR keep their letters upright)."""
    base = f"<i>{name}</i>" if len(name) == 1 else name
    return base + (f"<sub>{low if low.isdigit() else f'<i>{low}</i>'}</sub>" if low else "")


def _frac(top: str, bottom: str) -> str:
    return f'<span class="fr"><span>{top}</span><span>{bottom}</span></span>'


def _power(base: str, exponent: str) -> str:
    """(base)^exponent with large brackets around a fraction."""
    return (f'<span class="pw"><span class="grp"><span class="pa">(</span>{base}<span class="pa">)</span></span>'
            f'<span class="ex">{exponent}</span></span>')


def _formula(body: str, reading: str) -> str:
    return f'<div class="fx" role="math" aria-label="{html.escape(reading, quote=True)}">{body}</div>'


FORMULA_CSS = """<style>
.fx{font-family:"STIX Two Math","Cambria Math","Latin Modern Math",serif;font-size:1.35em;margin:.3rem 0 1rem;
    line-height:1.2;}
.fx .fr{display:inline-flex;flex-direction:column;vertical-align:middle;text-align:center;margin:0 .12em;}
.fx .fr>span{padding:0 .15em;}
.fx .fr>span+span{border-top:1.5px solid currentColor;}
.fx .pw{display:inline-flex;align-items:flex-start;vertical-align:middle;white-space:nowrap;}
.fx .grp{display:inline-flex;align-items:center;}
.fx .pa{display:inline-block;transform:scale(1,2.3);font-weight:300;margin:0 .06em;}
.fx .ex{font-size:.62em;margin-left:.1em;margin-top:-.6em;}
.fx .op{margin:0 .3em;}
.fx .nw{white-space:nowrap;}
.status-rules td:last-child{min-width:12rem;}
@media (max-width: 640px){.fx{font-size:1.1em;}}
</style>"""
MINUS, PLUS, EQ = '<span class="op">−</span>', '<span class="op">+</span>', '<span class="op">=</span>'
INLINE = {"y0": _v("y", "0"), "t0": _v("t", "0"), "yT": _v("y", "T"), "T": _v("T"), "yt": _v("y", "t"),
          "t": _v("t"), "CAGRr": _v("CAGR", "r")}


def _growth(top: str, bottom: str, later: str, earlier: str) -> str:
    """(top / bottom)^(1 / (later − earlier)) − 1"""
    return f'<span class="nw">{_power(_frac(top, bottom), _frac("1", later + MINUS + earlier)) + MINUS}1</span>'


def _formulas(lang: str) -> dict[str, str]:
    """The method's formulas, each with the words a screen reader says."""
    y0, yt, yT, t0, t_, T = _v("y", "0"), _v("y", "t"), _v("y", "T"), _v("t", "0"), _v("t"), _v("T")
    ca, cr = _v("CAGR", "a"), _v("CAGR", "r")
    needed, projected = t("method.path.needed", lang), t("method.path.projected", lang)
    return {
        "actual": _formula(ca + EQ + _growth(yt, y0, t_, t0), "CAGR a = (y t / y 0) ^ (1 / (t − t 0)) − 1"),
        "required": _formula(cr + EQ + _growth(yT, y0, T, t0), "CAGR r = (y T / y 0) ^ (1 / (T − t 0)) − 1"),
        "ratio": _formula(_v("R") + EQ + _frac(ca, cr), "R = CAGR a / CAGR r"),
        "needed": _formula(needed + EQ + _growth(yT, yt, T, t_), f"{needed} = (y T / y t) ^ (1 / (T − t)) − 1"),
        "projected": _formula(projected + EQ + f'<span class="nw">{yt} {_power("1" + PLUS + ca, T + MINUS + t_)}</span>',
                              f"{projected} = y t × (1 + CAGR a) ^ (T − t)"),
    }


vision = get_vision()
lang = page_lang()
FORMULAS = _formulas(lang)
st.html(BADGE_CSS + FORMULA_CSS)   # st.html everywhere: no raw markdown (rehype-raw) for this page
st.title(t("method.title", lang))
st.write(t("method.intro", lang))

# --- the method --------------------------------------------------------------------------
st.header(t("method.progress.title", lang))
st.html(t("method.progress.text", lang, **INLINE))
st.write(t("method.progress.actual", lang))
st.html(FORMULAS["actual"])
st.write(t("method.progress.required", lang))
st.html(FORMULAS["required"])
st.write(t("method.progress.ratio", lang))
st.html(FORMULAS["ratio"])
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
st.html(
    TABLE_CSS + '<div class="plain-wrap" tabindex="0"><table class="plain-table status-rules"><thead><tr>'
    f'<th scope="col">{t("method.col.status", lang)}</th><th scope="col">{t("method.col.colour", lang)}</th>'
    f'<th scope="col">{t("method.col.rule", lang)}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')

st.subheader(t("method.path.title", lang))
st.html(t("method.path.text", lang, min_years=TREND_MIN_YEARS, **INLINE))
st.html(FORMULAS["needed"] + FORMULAS["projected"])
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
st.html(TABLE_CSS + html_table(ind))

st.header(t("method.data.title", lang))
st.subheader(t("method.document.title", lang))
st.write(t("method.document.credit", lang))
st.write(t("method.data.text", lang))
st.html(TABLE_CSS + html_table(src, html_cols=(t("method.col.dataset", lang),)))
st.subheader(t("method.boundaries.title", lang))
st.write(t("method.boundaries.text", lang))
st.markdown(f"> {t('method.boundaries.credit', lang)}")

st.header(t("method.check.title", lang))
st.markdown(t("method.check.text", lang))
# inline code, not st.code: a code block makes the browser load Streamlit's 1,5 MB syntax highlighter
st.markdown("`python -m streek validate`")
st.write(t("method.check.after", lang))
