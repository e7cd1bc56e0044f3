"""The shared view of a pillar page: per building block its title and summary, per ambition a card.

A card states the ambition (the document's title), its geography, baseline -> target, the latest
measurement with year and source, the progress status (word, symbol and colour) with its reason,
and one chart (``streek.charts``) with source, data table and downloads. ``?ambitie=CODE`` opens
the page of that ambition and scrolls to its card.
"""
from __future__ import annotations

import base64
import html
import json
import re
from urllib.parse import urlencode, urlsplit

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from pages.frame import page_lang
from pages.jump import block_anchor, jump_menu
from pages.ui import BADGE_CSS, assessments, get_vision, status_badge
from pages.whatif import card_extras
from pages.notes_view import page_notes
from pages.widgets import chart_block, data_downloads
from streek import charts, comparable, download
from streek.a11y import echo
from streek.db.safe import escape_markdown
from streek.fmt import fmt_number, fmt_period, fmt_value
from streek.i18n import get_language, t
from streek.mapdata import has_municipal_values, map_url
from streek.model import Ambition, Vision
from streek.progress import Assessment
from streek.render import to_svg

QUERY_KEY = "ambitie"
PILLAR_PAGES = {"1": "pages/pillar_1.py", "2": "pages/pillar_2.py", "3": "pages/pillar_3.py"}
PILLAR_PATHS = {"1": "pijler-1", "2": "pijler-2", "3": "pijler-3"}


# --- deep links ---------------------------------------------------------------------------------
def anchor_key(code: str) -> str:
    """The container key of a card; Streamlit renders it as the CSS class ``st-key-<key>``."""
    return "ambitie-" + code.replace(".", "-")


def resolve_ambition(vision: Vision, raw: str | None) -> tuple[str, str] | None:
    """``?ambitie=`` value -> (document ambition code, pillar), for ambition and series codes."""
    if not raw:
        return None
    code = raw.strip()
    if vision.has_ambition(code):
        a = vision.ambition(code)
        return a.ambition, a.pillar
    group = [a for a in vision.ambitions if a.ambition == code]
    if group:
        return code, group[0].pillar
    return None


def ambition_link(code: str, pillar: str) -> str:
    """Relative URL of a card: ``pijler-2?ambitie=2.1.2``."""
    return f"{PILLAR_PATHS[pillar]}?{urlencode({QUERY_KEY: code})}"


def absolute_link(code: str, pillar: str) -> str:
    """The full URL to share, built on the address the reader is using."""
    rel = ambition_link(code, pillar)
    try:
        url = st.context.url
    except Exception:  # no browser session (AppTest): a relative link still works
        url = None
    if not url:
        return rel
    parts = urlsplit(url)
    path = parts.path.rsplit("/", 1)[0] if parts.path.rsplit("/", 1)[-1] else parts.path.rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}/{rel}"


def redirect_if_elsewhere(vision: Vision, pillar: str | None) -> str | None:
    """Read ``?ambitie=``; switch to the right pillar page when it belongs elsewhere.

    Returns the selected document ambition code on its own page, else None (a warning is shown
    for an unknown code)."""
    raw = st.query_params.get(QUERY_KEY)
    if not raw:
        return None
    found = resolve_ambition(vision, raw)
    if found is None:
        st.warning(t("pillars.deeplink.unknown", code=echo(raw)))
        return None
    code, right = found
    if right != pillar:
        st.switch_page(PILLAR_PAGES[right], query_params={QUERY_KEY: raw})
    return code


def scroll_to(code: str) -> None:
    """Scroll the parent document to the card (retries while charts still change the layout;
    stops as soon as the reader scrolls or types)."""
    sel = json.dumps(".st-key-" + anchor_key(code))
    st.html(f"""<script>
(function() {{
  var stop = false, n = 0;
  var halt = function() {{ stop = true; }};
  ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function(e) {{
    window.addEventListener(e, halt, {{once: true, passive: true}});
  }});
  function go() {{
    if (stop) return;
    var el = document.querySelector({sel});
    if (el) {{
      el.style.scrollMarginTop = '4.5rem';   /* clear Streamlit's fixed header */
      el.scrollIntoView({{block: 'start'}});
      el.setAttribute('data-deeplinked', 'true');
    }}
    if (++n < 12) setTimeout(go, 350);
  }}
  go();
}})();
</script>""", unsafe_allow_javascript=True, width="content")


# --- cached chart specs ---------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _version(_vision: Vision, vid: int) -> str:
    return charts.data_version(_vision)


def data_version(vision: Vision) -> str:
    return _version(vision, id(vision))


@st.cache_resource(show_spinner=False, max_entries=256)
def card_bundle(code: str, version: str, lang: str, _vision: Vision, _res: dict[str, Assessment]) -> dict:
    """Everything a card shows, built once per (code, data version, language): the chart spec (its
    dataset already as Arrow bytes, so a rerun converts nothing), the spec for PNG/SVG, the data
    table, the CSV, and the card's texts. One shared object for every session (``cache_resource``:
    a rerun copies nothing); never mutate it."""
    chart, df = charts.build_chart(_vision, code, _res)
    group = charts.series_of(_vision, code)
    csv = download.chart_frame(df, {a.code: a.unit for a in group}, lang, {a.code: a.target_kind for a in group})
    full = chart.to_dict(validate=False)
    screen = dict(full)
    screen["datasets"] = {name: dataframe_util.convert_anything_to_arrow_bytes(pd.DataFrame(rows))
                          for name, rows in full["datasets"].items()}
    table = charts.data_table(df)
    head = group[0]
    return {
        "spec": screen, "export": json.dumps(full, sort_keys=True), "table": pa.Table.from_pandas(table, preserve_index=False),
        "csv": download.to_csv(csv, lang),
        "csv_frame": csv, "alt": charts.chart_alt_text(_vision, code, _res),
        "source": chart_source(_vision, group, table),
        "facts": [series_facts(_vision, a, _res[a.code], show_series=len(group) > 1 or bool(a.series_nl))
                  for a in group],
        "map_codes": [a.code for a in group if has_municipal_values(_vision, a.code)],
        "meta": t("pillars.card.meta", block=head.building_block, page=head.page, kind=t(f"deck.kind.{head.target_kind}")),
    }


_SVG_SIZE = re.compile(r'<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"')


@st.cache_resource(show_spinner=False, max_entries=256)
def static_chart(code: str, version: str, lang: str, _export: str, _alt: str) -> str:
    """The card's chart as a still image: SVG made once per (code, data version, language) with
    vl-convert, as an ``<img>`` whose alt text is the chart's. Light for the browser (no Vega, no
    dataset), the same picture as the SVG download."""
    svg = to_svg(_export, lang)
    m = _SVG_SIZE.search(svg[:600].decode("utf-8", "replace"))
    w, h = (round(float(m.group(1))), round(float(m.group(2)))) if m else (None, None)
    size = f' width="{w}" height="{h}"' if m else ""
    widest = f"min(100%, {w}px)" if w else "100%"     # shrinks on a phone, never blown up past its size
    src = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    return (f'<img class="streek-still" src="{src}" alt="{html.escape(_alt, quote=True)}"{size} '
            f'style="width:100%;height:auto;max-width:{widest};display:block">')


LIVE = "live-"   # session state: the reader asked for the interactive chart of a card


def _go_live(key: str) -> None:
    st.session_state[LIVE + key] = True


@st.fragment
def card_chart(b: dict, code: str, version: str, lang: str, live: bool) -> None:
    """The chart of a card. First a still SVG image with its source, an "Interactieve grafiek" button
    and a lazy "Data en downloads" expander; the interactive Vega chart only once the reader asks
    (or the card is the deep-linked one). A fragment: the click reruns this card, not the page."""
    key = anchor_key(code)
    chart_key, filename = f"chart-{key}", t("download.file.ambition", lang, code=code)
    if live or st.session_state.get(LIVE + key):
        chart_block(b["spec"], b["csv_frame"], key=chart_key, filename=filename, source_nl=b["source"],
                    table=b["table"], alt_text=b["alt"], csv_bytes=b["csv"], export_spec=b["export"], lazy=True,
                    lang=lang)
        return
    st.html(static_chart(code, version, lang, b["export"], b["alt"]))
    st.caption(b["source"])
    st.button(t("pillars.card.interactive", lang), key=f"{LIVE}btn-{key}", on_click=_go_live, args=(key,),
              icon=":material/touch_app:", help=t("pillars.card.interactive_help", lang))
    data_downloads(b["csv_frame"], key=chart_key, filename=filename, spec=b["export"], table=b["table"],
                   csv_bytes=b["csv"], lazy=True, lang=lang)


# --- card pieces ----------------------------------------------------------------------------------
def geography_text(vision: Vision, a: Ambition) -> str:
    if not a.geography:
        return t("common.geo_missing")
    name = vision.geo_name(a.geography)
    basis = {"swot": "pillars.geo.basis_swot", "bijlage 2": "pillars.geo.basis_annex",
             "bouwsteen": "pillars.geo.basis_block"}.get(a.geography_basis)
    return f"{name} ({t(basis)})" if basis else name


def target_text(a: Ambition) -> str:
    """Baseline -> target in the document's figures, Dutch formatted, with units and years."""
    v, u = a.target_value, a.unit
    if a.target_kind == "level":
        return t("pillars.target.level", base=fmt_value(a.baseline_value, u), base_period=fmt_period(a.baseline_period),
                 target=fmt_value(v, u), year=a.target_year)
    if a.target_kind == "relative_change":
        return t("pillars.target.relative", pct=fmt_number(v), year=a.target_year)
    if a.target_kind == "maintain":
        return t("pillars.target.maintain", value=fmt_value(v, u), year=a.target_year)
    if a.target_kind == "period_average":
        return t("pillars.target.period_average", base=fmt_value(a.baseline_value, u),
                 base_period=fmt_period(a.baseline_period), target=fmt_value(v, u), period=fmt_period(a.target_period))
    return t("pillars.target.share", target=fmt_value(v, u), year=a.target_year)


def change_text(a: Ambition) -> str | None:
    """Printed vs computed change; both where they differ at one decimal."""
    computed = a.computed_change_pct
    if computed is None:
        return None
    printed = a.printed_change_pct
    comp = ("+" if computed > 0 else "") + fmt_number(round(computed, 1), 1) + " %"
    if printed is None:
        return t("pillars.change.computed_only", computed=comp)
    prn = ("+" if printed > 0 else "") + fmt_number(printed) + " %"
    if round(printed, 1) == round(computed, 1) or (float(printed).is_integer() and round(computed) == printed):
        return t("pillars.change.same", printed=prn, computed=comp)
    return t("pillars.change.differs", printed=prn, computed=comp)


def latest_text(vision: Vision, a: Ambition, res: Assessment) -> str:
    s = vision.series(a.code)
    if s.empty:
        return t("common.no_data")
    last = s.iloc[-1]
    src = escape_markdown(charts.source_label(vision, last["source"], last["note"], a.page))  # may be imported text
    out = t("pillars.latest.value", value=fmt_value(last["value"], a.unit), period=fmt_period(last["period"]), source=src)
    if len(s) == 1 and a.baseline_period and last["period"] == a.baseline_period:
        out += " " + t("pillars.latest.only_baseline")
    return out


def series_facts(vision: Vision, a: Ambition, res: Assessment, show_series: bool) -> dict:
    """The texts of one target series on its card (markdown)."""
    lines = [
        f"**{t('common.geography')}:** {geography_text(vision, a)}",
        f"**{t('pillars.card.target')}:** {target_text(a)}",
    ]
    ch = change_text(a)
    if ch:
        lines.append(f"**{t('pillars.card.change')}:** {ch}")
    lines.append(f"**{t('pillars.card.latest')}:** {latest_text(vision, a, res)}")
    notes = list(res.notes_nl) + ([a.note_nl] if a.note_nl else [])
    notes += [n for n in (comparable.note(vision, a.code, None),) if n]   # e.g. Eurostat beside 3.3.1
    details = [t("pillars.card.indicator", indicator=a.indicator_nl)]
    if a.source_nl:
        details.append(t("pillars.card.annex_source", source=a.source_nl))
    return {"series": f"**{a.code}** · {a.series_nl or a.indicator_nl}" if show_series else "",
            "facts": "  \n".join(lines), "status": f"{status_badge(res.status)} {res.reason_nl}",
            "notes": "  \n".join(details + notes)}


def show_facts(f: dict) -> None:
    if f["series"]:
        st.markdown(f["series"])
    st.markdown(f["facts"])
    st.markdown(f["status"], unsafe_allow_html=True)
    st.caption(f["notes"])


def chart_source(vision: Vision, group: list[Ambition], table) -> str:
    pages = sorted({a.page for a in group})
    parts = [t("pillars.caption.marks"), t("pillars.caption.document", pages=", ".join(str(p) for p in pages))]
    annex = list({a.source_nl.lower(): a.source_nl for a in reversed(group) if a.source_nl}.values())[::-1]
    if annex:
        parts.append(t("pillars.caption.annex", sources="; ".join(annex)))
    comparable_src = t("comparable.source")   # a comparable series (streek.comparable) is no measurement
    meas = [s for s in dict.fromkeys(table[t("pillars.table.source")])
            if s and not s.startswith("Just Make It!") and s not in (t("pillars.source.computed"), t("pillars.source.definition"), comparable_src)]
    if meas:
        parts.append(t("pillars.caption.measurements", sources="; ".join(escape_markdown(m) for m in meas)))
    if comparable_src in set(table[t("pillars.table.source")]):
        parts.append(t("comparable.caption", source=escape_markdown(comparable_src)))
    parts.append(t("pillars.caption.computed"))
    return " · ".join(parts)


def render_card(vision: Vision, code: str, res_all: dict[str, Assessment], version: str, selected: bool,
                lang: str | None = None, notes: list | None = None) -> None:
    group = charts.series_of(vision, code)
    res = {a.code: res_all[a.code] for a in group}
    head = group[0]
    b = card_bundle(code, version, get_language(), vision, res)
    with st.container(border=True, key=anchor_key(code)):
        if selected:
            st.info(t("pillars.deeplink.opened"), icon=":material/link:")
        st.markdown(f"#### {code} · {head.title_nl}")
        st.caption(b["meta"])

        def chart() -> None:
            card_chart(b, code, version, lang or get_language(), selected)

        if len(group) == 1:
            left, right = st.columns([2, 3], gap="medium")
            with left:
                show_facts(b["facts"][0])
            with right:
                chart()
        else:   # sub-targets: the shared chart first, then the facts of each series side by side
            chart()
            for i in range(0, len(group), 3):
                cols = st.columns(3, gap="medium")
                for col, f in zip(cols, b["facts"][i:i + 3]):
                    with col:
                        show_facts(f)
        links = [f":material/link: [{t('pillars.card.share')}]({ambition_link(code, head.pillar)})"]
        links += [f":material/map: [{t('pillars.card.map', code=c)}]({map_url(c)})" for c in b["map_codes"]]
        c1, c2 = st.columns([3, 2])
        c1.markdown(" · ".join(links))
        with c2.popover(t("pillars.card.share_popover"), icon=":material/share:"):
            st.caption(t("pillars.card.share_help"))
            st.code(absolute_link(code, head.pillar), language=None)
        card_extras(vision, code, res, notes)   # what-if scenario and workshop notes (pages/whatif.py)


def render_pillar(pillar_code: str) -> None:
    vision = get_vision()
    lang = page_lang()
    pillar_code = str(pillar_code)
    selected = redirect_if_elsewhere(vision, pillar_code)
    st.markdown(BADGE_CSS, unsafe_allow_html=True)
    p = vision.pillar(pillar_code)
    st.title(f"{t('pillars.page.pillar', code=p.code)}: {p.title_nl}")
    st.write(p.summary_nl)
    res_all = assessments(vision)
    version = data_version(vision)
    codes = charts.document_ambitions(vision, pillar_code)
    notes = page_notes()        # once for all cards
    st.caption(t("pillars.page.intro", n=len(codes), n_blocks=len(vision.blocks_of(pillar_code)), page=p.page))
    jump_menu(vision, pillar_code, page_lang())   # issue 12: links to the building blocks below
    for blk in vision.blocks_of(pillar_code):
        st.header(f"{blk.code} {blk.title_nl}", divider="gray", anchor=block_anchor(blk.code))
        st.write(blk.summary_nl)
        for code in [c for c in codes if charts.series_of(vision, c)[0].building_block == blk.code]:
            render_card(vision, code, res_all, version, selected == code, lang, notes)
    if selected:
        scroll_to(selected)
