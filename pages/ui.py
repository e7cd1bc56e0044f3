"""Streamlit helpers shared by the pages: the cached vision, status badges, error display.

Pages stay thin: they read from ``streek`` and use these helpers; nothing here computes
domain results that ``streek`` already computes.
"""
from __future__ import annotations

import hashlib
import html
import os
from dataclasses import replace
from pathlib import Path

import streamlit as st

from streek import charts, load_vision
from streek.card import SeriesCard, status_label
from pages.frame import LANG_KEY, page_lang
from streek.i18n import DEFAULT_LANG, t
from streek.load import DATA_DIR
from streek.model import Vision
from streek.progress import Assessment, Status, assess
from streek.validate import DataError


def _data_stamp(data_dir: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.glob("*")))


def _content_hash(data_dir: Path) -> str:
    h = hashlib.sha1(usedforsecurity=False)
    for p in sorted(data_dir.glob("*")):
        if p.is_file():
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:12]


@st.cache_resource(show_spinner=False, max_entries=4)
def _seed_vision(data_dir: str, stamp: tuple) -> Vision:
    """data/ as loaded, its version the content hash of the files."""
    return replace(load_vision(Path(data_dir)), version=_content_hash(Path(data_dir)))


def data_dir_in_use() -> Path:
    """data/ of the repository, or the folder named by STREEK_DATA_DIR (tests, staging)."""
    return Path(os.environ.get("STREEK_DATA_DIR") or DATA_DIR)


@st.cache_resource(show_spinner=False)
def _store(url: str):
    from streek.db import Store
    return Store(url)  # creates or upgrades the schema on first use


def get_store():
    """The measurement store (SQLite file by default, PostgreSQL with DATABASE_URL); None with a
    warning when it cannot be reached — the app then shows the seed data only."""
    from streek.db import database_url
    try:
        return _store(database_url())
    except Exception as e:  # SQLAlchemyError, OSError: the explorer keeps working on data/
        st.warning(t("editor.db_unavailable", page_lang(), err=type(e).__name__))
        return None


@st.cache_resource(show_spinner=False, max_entries=4)
def _merged_vision(data_dir: str, stamp: tuple, url: str, revision: tuple) -> Vision:
    """The seed with the stored measurements merged in; cached per database revision, so a
    new import or an undo shows at once in every chart, status and map. Its version is the seed's
    content hash plus a hash of the stored values shown: page caches key on it (never on ``id()``).
    Not the store's revision counters: two stores (another database, a test's) can have the same
    counters and different values, and would share cached cards."""
    import hashlib
    seed = _seed_vision(data_dir, stamp)
    stored = _store(url).current()
    merged = seed.with_observations(stored)
    digest = hashlib.sha256(stored.to_csv(index=False).encode("utf-8")).hexdigest()[:16]
    return replace(merged, version=f"{seed.version}-m{digest}")


def data_version(vision: Vision) -> str:
    """The key every page cache uses for this vision's data (with the language where texts are cached)."""
    return vision.version or charts.data_version(vision)


def get_vision(seed_only: bool = False) -> Vision:
    """The vision as the app shows it: data/ plus the measurements stored by editors (newest
    accepted value per indicator, geography and period). Shows the data errors and stops the
    page when data/ is invalid."""
    data_dir = data_dir_in_use()
    stamp = _data_stamp(data_dir)
    try:
        seed = _seed_vision(str(data_dir), stamp)
    except DataError as e:
        show_data_error(e)
        st.stop()
    if seed_only:
        return seed
    store = get_store()
    if store is None:
        return seed
    try:
        revision = store.revision()
    except Exception as e:  # the database went away after start
        st.warning(t("editor.db_unavailable", page_lang(), err=type(e).__name__))
        return seed
    if revision == (0, 0, 0):
        return seed
    return _merged_vision(str(data_dir), stamp, store.url, revision)


def show_data_error(e: DataError) -> None:
    lang = page_lang()
    st.error(f"**{t('app.data_error_title', lang)}**\n\n{t('app.data_error_intro', lang)}")
    st.markdown("\n".join(f"- {str(i)}" for i in e.issues[:200]))


@st.cache_data(show_spinner=False, max_entries=8)
def _assessments(_vision: Vision, version: str) -> dict[str, Assessment]:
    return {a.code: assess(a, _vision.series(a.code)) for a in _vision.ambitions}


def assessments(vision: Vision) -> dict[str, Assessment]:
    return _assessments(vision, data_version(vision))


def status_badge(status: Status, lang: str, css_class: str = "status-badge") -> str:
    """Word, symbol and colour together (never colour alone); the word from the card model."""
    return (f'<span class="{css_class}" style="border-color:{status.color};">'
            f'<span aria-hidden="true" style="color:{status.color};">{status.symbol}</span> '
            f"{html.escape(status_label(status, lang))}</span>")


def facts_html(sc: SeriesCard) -> str:
    """A series' facts (the card model's label/value rows) as one HTML paragraph: the one renderer of
    card facts, used by the pillar page and presentation mode. HTML through ``st.html``, not Markdown:
    each Markdown element costs the browser its own parse and render (~7 ms apiece on a pillar page,
    where the facts were a third of its elements)."""
    return ('<p class="card-facts">' + "<br>".join(f"<strong>{html.escape(label)}:</strong> {html.escape(value)}"
                                                   for label, value in sc.fact_rows) + "</p>")


def heading_html(level: int, title_html: str, caption: str = "", anchor: str | None = None, rule: bool = False) -> str:
    """A heading with its caption under it (a card's code and title, then where it stands in the
    document) as one ``st.html`` element instead of a Markdown heading and an ``st.caption``: on a page
    of cards each element costs the browser its own render. Styled as Streamlit's own
    (``card-title``, ``card-caption`` in :data:`BADGE_CSS`). ``title_html``: escaped HTML, the
    document's words in it marked with ``streek.i18n.doc_html``. ``anchor``: the heading's id (a link to
    ``#anchor``); ``rule``: the grey line of ``st.header(divider="gray")`` under it."""
    attr = f' id="{html.escape(anchor, quote=True)}"' if anchor else ""
    return (f'<h{level} class="card-title"{attr}>{title_html}</h{level}>' + ('<hr class="card-rule">' if rule else "")
            + (caption_html(caption) if caption else ""))


def caption_html(text: str) -> str:
    """Plain text in the style of ``st.caption``, to join another ``st.html`` element (a still
    chart's source under it, the map's notes): the one caption of the pages' HTML."""
    return f'<p class="card-caption">{html.escape(text)}</p>'


BADGE_CSS = """
<style>
.status-badge{display:inline-block;border:2px solid;border-radius:1rem;padding:0 .6rem;font-weight:600;white-space:nowrap;}
.card-facts{margin:0 0 1rem}
/* as st.caption (4,8:1 on white): a card's notes, and caption_html's captions */
.card-notes,.card-caption{font-size:.875rem;line-height:1.6;color:rgba(17,20,24,.6);overflow-wrap:anywhere}
.card-notes{margin:0 0 1rem}
/* heading_html: as a Markdown heading (theme sizes, .streamlit/config.toml) with an st.caption under it */
.card-title{font-weight:600;line-height:1.2;margin:0;letter-spacing:-.005em}
h1.card-title{font-size:2.3rem;font-weight:700;padding:1.25rem 0 1rem;letter-spacing:normal}
h2.card-title{font-size:1.75rem;padding:1rem 0}
/* st.header(divider="gray")'s line, measured in Chromium: 2px, #6B7280, round ends, .5rem above */
hr.card-rule{height:2px;border:0;border-radius:9999px;background:#6B7280;margin:-.5rem 0 0}
/* a heading alone in its element: the next element as close as under Streamlit's own (measured: 1rem less) */
.card-title:last-child{margin-bottom:-1rem}
/* the home page's list of a pillar's building blocks (one element, not one Markdown line per block) */
.block-list{margin:0;padding-left:1.4rem}.block-list li{margin:0 0 .45rem}
h3.card-title{font-size:1.4rem;padding:.75rem 0 1rem}
h4.card-title{font-size:1.2rem;padding:.5rem 0 1rem;letter-spacing:normal}
.card-caption{margin:0}
.streek-still + .card-caption, picture + .card-caption{margin-top:1rem}
.card-caption + .card-caption{margin-top:.6rem}
/* boxes drawn in HTML with the border of st.container(border=True) (measured: 1px rgba(17,20,24,.2), 6,8 px):
   a far block's light cards (pillar_view.light_cards_html), which the full cards then replace, and SWOT's quadrants */
.light-card,.swot-q{border:1px solid rgba(17,20,24,.2);border-radius:.4rem}
.light-card{padding:calc(1em - 1px);margin-bottom:1rem;break-inside:avoid}
.light-facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:0 1rem}
.light-facts .card-notes:last-child{margin-bottom:0}
/* a building block's summary under its heading (pillar_view.block_head), as st.write's paragraph */
.block-summary{margin:1rem 0 0;font-size:1rem;line-height:1.6}
.block-summary + .light-card{margin-top:1rem}
.light-print-note{display:none}
@media print{.block-hint{display:none}}
@media print{.light-print-note{display:block;margin:.5rem 0 0;font-size:.875rem;font-style:italic}}
</style>
"""


def code_pills(label: str, codes: list[str], format_func, key: str) -> list[str]:
    """Multi-select pills whose URL parameter holds stable codes (``?status=on_track``), never
    the displayed words (Streamlit's ``bind="query-params"`` writes the ``format_func`` text).

    The choice comes from the URL on a shared link, and is kept in session state across pages."""
    keep = f"_{key}_codes"
    wanted = [c for c in st.query_params.get_all(key) if c in codes]
    if wanted:
        st.session_state[keep] = wanted
    chosen = [c for c in st.session_state.get(keep, []) if c in codes]

    def changed() -> None:
        st.session_state[keep] = list(st.session_state[f"{key}-pills"] or [])
        st.query_params[key] = st.session_state[keep]

    if f"{key}-pills" not in st.session_state:
        st.session_state[f"{key}-pills"] = chosen
    if chosen:
        st.query_params[key] = chosen
    return st.pills(label, codes, selection_mode="multi", format_func=format_func, key=f"{key}-pills",
                    on_change=changed, wrap=True) or []


def code_choice(label: str, codes: list[str], format_func, key: str) -> str:
    """One choice of ``codes`` (a segmented control; the first code is the default) whose URL
    parameter holds the stable code (``?sorteer=status``), never the displayed words; the default
    stays out of the URL. Like :func:`code_pills`, kept in session state across pages."""
    keep = f"_{key}_code"
    wanted = st.query_params.get(key)
    if wanted in codes:
        st.session_state[keep] = wanted
    chosen = st.session_state.get(keep) if st.session_state.get(keep) in codes else codes[0]

    def changed() -> None:
        st.session_state[keep] = st.session_state[f"{key}-choice"] or codes[0]
        if st.session_state[keep] == codes[0]:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = st.session_state[keep]

    if f"{key}-choice" not in st.session_state:
        st.session_state[f"{key}-choice"] = chosen
    if chosen != codes[0]:
        st.query_params[key] = chosen
    return st.segmented_control(label, codes, format_func=format_func, key=f"{key}-choice", on_change=changed,
                                required=True) or codes[0]


def lang_link(href: str, lang: str) -> str:
    """A link inside the app that keeps the reader's language when it loads a page anew (``&lang=EN``)."""
    if lang == DEFAULT_LANG:
        return href
    return f"{href}{'&' if '?' in href else '?'}{LANG_KEY}={lang.upper()}"
