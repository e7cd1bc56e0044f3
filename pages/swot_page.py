"""SWOT page: the four quadrants with every item, and the document's benchmark figures as charts."""
import html
import json

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from pages.ui import BADGE_CSS, caption_html, data_version, get_vision, heading_html
from pages.still_view import still_image, still_or_live
from pages.widgets import data_downloads, show_chart
from streek.figures import benchmark_chart, doc_source, figure_groups
from streek.i18n import doc_html, t
from streek.theme import FONT
from streek.download import to_csv
from streek.model import row_text
from pages.frame import page_lang

lang = page_lang()   # the reader's language, passed down explicitly

QUADRANTS = (("sterkte", "zwakte"), ("kans", "bedreiging"))
SECTIONS = ("sterkte", "zwakte", "kansen-bedreigingen", "analyse")


def _chart_bundle(g, lang: str) -> dict:
    """What a chart block needs, computed once: the spec with its dataset already as Arrow bytes
    (a rerun converts nothing), the plain spec for PNG/SVG, the table and the CSV."""
    full = benchmark_chart(g, lang=lang).to_dict(validate=False)   # validated in tests/test_figures.py
    screen = dict(full)
    screen["datasets"] = {name: dataframe_util.convert_anything_to_arrow_bytes(pd.DataFrame(rows))
                          for name, rows in full["datasets"].items()}
    table = g.table(lang=lang)
    # the still image and the PNG/SVG downloads: a fixed plot width with the axis labels beside it,
    # in the font the charts use elsewhere (vl-convert's "sans-serif" is narrower than a browser's,
    # and the longest area name ran over the picture's left edge)
    still = {**full, "width": 400, "autosize": {"type": "pad"}, "config": {**full.get("config", {}), "font": FONT}}
    return {"spec": screen, "export": json.dumps(still, sort_keys=True), "csv": to_csv(table, lang),
            "table": pa.Table.from_pandas(table, preserve_index=False), "alt": g.alt_text(lang=lang)}


@st.cache_resource(show_spinner=False, max_entries=16)   # per data version and language
def _groups(_vision, version: str, lang: str) -> list:
    return figure_groups(_vision.figures, {g: x.name(lang) for g, x in _vision.geographies.items()}, lang=lang)


@st.cache_resource(show_spinner=False, max_entries=16)   # per data version and language
def _section(_vision, version: str, lang: str, section: str) -> list[tuple]:
    """(figure group, chart bundle or None) for one tab, built when that tab is first opened, once
    per data version and language. Shared between sessions: never mutate."""
    return [(g, _chart_bundle(g, lang) if g.is_comparison else None)
            for g in _groups(_vision, version, lang) if g.section == section]


# the four quadrants in one st.html element (was 18: a row of two columns twice, a bordered box, a heading
# and a Markdown list per quadrant; the browser's work grows with the number of elements, issue 9). Two
# columns (the SWOT's 2 x 2: strengths and weaknesses above, opportunities and threats below), one on a
# phone (where Streamlit's own columns stack too); the badges in the colours of Streamlit's own.
QUADRANT_CSS = """<style>
.swot-grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:1rem}
@media (max-width:640px){.swot-grid{grid-template-columns:1fr}}
.swot-q{padding:0 1rem .5rem}   /* its border: pages/ui.BADGE_CSS, as the light cards' */
.swot-q ol{margin:0 0 .5rem;padding-left:1.6rem}.swot-q li{margin:.1rem 0 .35rem;line-height:1.5}
.swot-q li em{display:block;font-size:.95em}
.swot-badge{display:inline-block;margin-left:.35em;padding:0 .45em;border-radius:.4rem;font-size:.85em;font-weight:600;
  line-height:1.45;white-space:nowrap}
.swot-badge.blue{background:#E5F1FB;color:#1F4E79}.swot-badge.gray{background:#EDEEF0;color:#31333F}
</style>"""


@st.cache_resource(show_spinner=False, max_entries=16)   # per data version and language: shared, immutable
def _quadrants_html(_vision, version: str, lang: str) -> str:
    """The four quadrants as one HTML grid: per quadrant its heading, the number of items, its own
    items, then those listed in another quadrant too, each with its badges and note (the pandas work
    once, not on every run)."""
    sw = _vision.swot
    with_figures = {g.swot_item_nl for g in _groups(_vision, version, lang) if g.section != "analyse"}
    out = []
    for code in (c for row in QUADRANTS for c in row):
        own = sw[sw["quadrant"] == code].sort_values("position")
        also = sw[sw["also_in"] == code].sort_values(["quadrant", "position"])   # listed in another quadrant too
        items = pd.concat([own, also])
        lines = []
        for r in items.itertuples():
            tag = f'<span class="swot-badge blue">{html.escape(t("swot.has_figures", lang))}</span>' if r.item_nl in with_figures else ""
            both = r.also_in and r.quadrant != code
            where = (f'<span class="swot-badge gray">{html.escape(t("swot.also_in", lang, other=t(f"swot.quadrant.{r.quadrant}", lang)))}'
                     "</span>") if both else ""
            note = f"<em>{html.escape(row_text(r, 'note', lang))}</em>" if r.note_nl else ""
            lines.append(f"<li>{doc_html(r.item_nl, lang)}{tag}{where}{note}</li>")   # the document's own words
        out.append(f'<section class="swot-q">{heading_html(3, html.escape(t(f"swot.quadrant.{code}", lang)), t("swot.n_items", lang, n=len(items)))}'
                   f'<ol>{"".join(lines)}</ol></section>')
    return QUADRANT_CSS + f'<div class="swot-grid">{"".join(out)}</div>'


def _chart(g, b: dict, version: str, lang: str) -> None:
    """A benchmark chart as a still image with its source (no Vega to load: issue 9), interactive
    (tooltips) after "Interactieve grafiek"; its table and downloads in a "Data en downloads"
    expander built when opened (a plain HTML table: a few rows, no data grid)."""
    for note in g.notes:
        st.caption("ℹ️ " + t("bench.note", lang, note=note))
    key, source = f"swot-{g.key}", doc_source(g.page, lang=lang)

    def downloads() -> None:
        data_downloads(b["table"], key=key, filename=key, spec=b["export"], label=t("bench.show_data", lang),
                       csv_bytes=b["csv"], lazy=True, static_table=True, lang=lang)

    def still() -> None:
        st.html(still_image(key, version, lang, b["export"], b["alt"]) + caption_html(source))   # one element

    def live() -> None:
        show_chart(b["spec"], b["alt"], key=key, lang=lang)
        st.caption(source)
        downloads()

    still_or_live(key, still, live, lang, after=downloads)


def _key_figure(g) -> None:
    """One figure of the document, in full (no truncated label or value): indicator and area,
    the value large, then unit, year and age group, notes and source."""
    r = g.rows.iloc[0]
    with st.container(border=True):
        # one st.html element (was five Markdown and HTML elements: each costs the browser its own render)
        st.html(f'<p class="card-facts"><strong>{html.escape(g.indicator(lang=lang))}</strong> – {html.escape(r["gebied"])}</p>'
                f'<div style="font-size:2rem;font-weight:600;line-height:1.2;margin:.5rem 0 .75rem" '
                f'aria-label="{html.escape(r["waarde_nl"])}">{html.escape(r["label"])}</div>'
                + "".join(caption_html(x) for x in [g.subtitle(lang=lang), *("ℹ️ " + note for note in g.notes),
                                                    doc_source(g.page, lang=lang)]))


vision = get_vision()
st.html(BADGE_CSS)
st.title(t("swot.title", lang))
st.write(t("swot.intro", lang))

groups = _groups(vision, data_version(vision), lang)
st.html(_quadrants_html(vision, data_version(vision), lang))
st.caption(t("swot.legend", lang))

st.header(t("swot.figures.title", lang))
st.write(t("swot.figures.intro", lang))
# One tab per part of the SWOT; only the open tab runs (fewer charts per rerun), and the open
# tab is kept in the URL (?cijfers=...) so that a link shows the same figures.
sections = [s for s in SECTIONS if any(g.section == s for g in groups)]
tabs = st.tabs([t(f"swot.section.{s}", lang) for s in sections], key="cijfers", bind="query-params")
for section, tab in zip(sections, tabs):
    if not tab.open:
        continue
    with tab:
        in_section = _section(vision, data_version(vision), lang, section)
        if section == "analyse":
            st.write(t("swot.section.analyse_intro", lang))
        charts = [b for b in in_section if b[1] is not None]
        for i in range(0, len(charts), 2):
            cols = st.columns(2)
            for col, b in zip(cols, charts[i:i + 2]):
                with col:
                    _chart(*b, data_version(vision), lang)
        singles = [b[0] for b in in_section if b[1] is None]
        if singles:
            st.caption(t("swot.single", lang))
            by_item: dict[str, list] = {}
            for g in singles:
                by_item.setdefault(g.swot_item_nl, []).append(g)
            for item, groups in by_item.items():
                st.html(f"<p><strong>{doc_html(item, lang)}</strong></p>")
                for i in range(0, len(groups), 3):
                    cols = st.columns(3)
                    for col, g in zip(cols, groups[i:i + 3]):
                        with col:
                            _key_figure(g)
