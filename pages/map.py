"""Map page (url ``kaart``): the 13 municipalities coloured by an indicator, a click shows the
municipality's series beside the region, the province and Flanders.

The choices live in the URL (query keys indicator, jaar, weergave, sinds, gemeente), so a copied
link opens the same view. The page syncs ``st.query_params`` itself rather than binding the
widgets (``bind="query-params"`` puts the *displayed* option label in the URL, e.g. the Dutch
title instead of the indicator id that ``streek.mapdata.map_url`` links to). All logic is in
``streek.mapdata`` / ``streek.mapchart``; this page only arranges it.

No Vega on first render (issue 9): the map is a still SVG whose municipalities are buttons
(``pages/clickable_map``), the series beside it a still picture with its interactive chart one click
away, and the choice widgets sit in a panel that is built only when opened; the choices themselves are
kept in one session dict (``CHOICE``), so they outlive the widgets.
"""
from __future__ import annotations

import html

import streamlit as st

from pages.clickable_map import clickable_map, clicked, layouts
from pages.frame import page_lang
from pages.still_view import still_image, still_or_live
from pages.ui import BADGE_CSS, caption_html, data_version, get_vision
from pages.widgets import chart_block, data_downloads
from streek import geo
from streek import mapchart as mc
from streek import mapdata as md
from streek.figures import TABLE_CSS, html_table
from streek.fmt import fmt_period
from streek.i18n import t
from streek.download import to_csv
from streek.render import spec_json

MAP_KEY = "kaart-chart"
SERIES_KEY = "kaart-reeks"
DEFAULT_INDICATOR = "population_density"
SERIES_SHARE = 0.4          # the series column's share of a card-wide slot (pages/static_files.still_chart)
SERIES_ANCHOR = "kaart-reeks"
# On a phone (one column: the series under the map) a tap on a municipality scrolls its series into view,
# smoothly (at once for a reader who asks for reduced motion); on a wider screen the series is beside the map and nothing moves. The municipality's code
# in the script makes each tap's script new, so that Streamlit runs it again.
SHOW_SERIES_JS = f"""<script>/* __NIS__ */ (function() {{
  if (window.innerWidth > 640) return;
  var el = document.getElementById('{SERIES_ANCHOR}');
  var calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (el) {{ el.style.scrollMarginTop = '4rem'; el.scrollIntoView({{behavior: calm ? 'auto' : 'smooth', block: 'start'}}); }}
}})();</script>"""

lang = page_lang()
vision = get_vision()
st.title(t("map.title", lang))
st.caption(t("map.intro", lang))


@st.cache_resource(show_spinner=False, max_entries=64)      # shared, never changed: no copy per run
def _map_spec(_vision, version: str, ind: str, period: str, view: str, since: str | None, lang: str) -> tuple[dict, dict]:
    """Keyed on the data's content (``version``) and ``lang``: titles and legends are in the
    visitor's language."""
    m = md.map_indicator(_vision, ind, lang=lang)
    frame = md.map_frame(_vision, ind, period, view, since, lang=lang)
    title = md.view_title(_vision, m, period, view, since, lang=lang)
    spec = mc.map_chart(frame, m, view, mc.wrap_title(title), since=since, lang=lang)   # lines: fits a phone
    # what the downloads and the ranked table need, made once per view instead of on every run
    download = md.download_frame(_vision, frame, m, period, view, since, lang=lang)
    ranked = md.ranked_table(frame)
    cols = {t("map.table.rank", lang): "rang_nl", t("map.table.municipality", lang): "gemeente",
            t("map.table.value", lang): "waarde_nl", t("map.table.note", lang): "opmerking"}
    table = ranked.assign(**{k: ranked[v] for k, v in cols.items()})[list(cols)]
    # the map on screen is the still picture of this same spec (pages/clickable_map), as are the downloads
    return spec, {"frame": frame, "title": title, "download": download, "tips": mc.tooltip_texts(frame, lang=lang),
                  "csv": to_csv(download, lang), "spec_json": spec_json(spec), "ranked": ranked, "table": table,
                  "region_missing": not (md.rows(_vision, ind)["geo"] == md.REGION).any()}


@st.cache_resource(show_spinner=False, max_entries=8)
def _indicators(_vision, version: str, lang: str) -> tuple:
    """Every indicator with municipal values (read on every run: cached per data version and language)."""
    return tuple(md.map_indicators(_vision, lang=lang))


@st.cache_resource(show_spinner=False, max_entries=64)
def _periods(_vision, version: str, ind: str) -> tuple[str, ...]:
    """The indicator's years with municipal values (read on every run: cached per data version)."""
    return tuple(md.periods(_vision, ind))


@st.cache_data(show_spinner=False, max_entries=256)
def _series_spec(_vision, version: str, ind: str, nis: str | None, view: str, since: str | None, lang: str):
    m = md.map_indicator(_vision, ind, lang=lang)
    series, mode = md.series_frame(_vision, ind, nis, view, since, lang=lang)
    base = md.index_base(_vision, ind, nis, view, since) if mode == md.SERIES_INDEX else None
    title = md.series_title(_vision, m, mode, nis, base, lang=lang, with_references=md.references_drawn(series))
    y_title = md.series_axis_title(m, mode, base, lang)
    spec = mc.series_chart(series, mode, title, y_title, lang=lang).to_dict(validate=False) if not series.empty else None
    return spec, series, mode, base


W = {k: f"kaart_{k}" for k in md.QUERY_KEYS}      # widget keys per query key
URL_SEEN = "_kaart_url"                            # what this page last wrote to the URL
CLICKED = "_kaart_geklikt"                         # municipality chosen by the last click on the map


CHOICE = "_kaart_keuze"                            # the view shown: query key -> value (outlives the widgets)
PANEL = "kaart-keuze"                              # the choices panel (lazy: its widgets exist only while open)


def _on_map_click() -> None:
    new = clicked(MAP_KEY)
    if new in md.municipal_codes(vision):    # a code that is not one of the 13 is ignored
        st.session_state.setdefault(CHOICE, {})["gemeente"] = new
        if W["gemeente"] in st.session_state:     # the panel is open: its list follows the click
            st.session_state[W["gemeente"]] = new
        st.session_state[CLICKED] = new      # on a phone: scroll to its series


def _valid(key: str, options: list, default=None) -> None:
    """A value left from another indicator that is not an option now falls back to ``default``."""
    if choice.get(key) not in options:
        if default is None:
            choice.pop(key, None)
        else:
            choice[key] = default


version = data_version(vision)
try:
    indicators = list(_indicators(vision, version, lang))
except md.MapInputError as e:
    st.error(t("map.error", lang, msg=str(e)))
    st.stop()
if not indicators:
    st.info(t("map.none", lang))
    st.stop()
by_id = {m.id: m for m in indicators}
ids = list(by_id)
codes = md.municipal_codes(vision)
names = {g.geo: g.name(lang) for g in vision.municipalities()}

# The choices live in one dict of the session, not in the widgets: the widgets exist only while the
# reader has the panel open (Streamlit forgets a widget's value once it is not drawn).
choice = st.session_state.setdefault(CHOICE, {})
for k in md.QUERY_KEYS:                  # a widget of the open panel the reader just changed
    if W[k] in st.session_state:
        if st.session_state[W[k]] is None:
            choice.pop(k, None)
        else:
            choice[k] = st.session_state[W[k]]
# A link (or the back button) brings query values this page did not write itself: they win over
# the choices so far; values that cannot be shown are reported and dropped.
seen = st.session_state.get(URL_SEEN, {})
url = {k: st.query_params.get(k) for k in md.QUERY_KEYS}
if any(v is not None and seen.get(k) != v for k, v in url.items()):
    from_url, problems = md.url_choice(vision, url, lang=lang)
    choice.clear()
    choice.update(from_url)
    for p in problems:
        st.warning(p)

_valid("indicator", ids, DEFAULT_INDICATOR if DEFAULT_INDICATOR in ids else ids[0])
ind = choice["indicator"]
m = by_id[ind]
periods = list(_periods(vision, version, ind))
views = md.available_views(m, len(periods))
_valid("weergave", views, views[0])
view = choice["weergave"]
view_labels = {v: t(f"map.view.{v}", lang) for v in views}
if m.is_percentage and "verandering" in view_labels:
    view_labels["verandering"] = t("map.view.verandering_pp", lang)
_valid("jaar", periods, periods[-1])
period = choice["jaar"]
earlier = periods[:periods.index(period)]
since = None
if view == "verandering" and earlier:
    _valid("sinds", earlier, earlier[0])
    since = choice["sinds"]
else:
    choice.pop("sinds", None)
_valid("gemeente", sorted(codes))


def _widget(key: str, make, *args, **kwargs):
    """A widget of the panel showing the current choice (its value set before it is drawn)."""
    st.session_state[W[key]] = choice.get(key)
    return make(*args, key=W[key], **kwargs)


# Indicator, year, view and municipality in one panel that is built only when opened: the map page
# opens with the map, not with four widgets for the browser to load and draw (issue 9). The map's
# title says what it shows; a link (?indicator=…&jaar=…) opens any view directly.
panel = st.expander(t("map.choose", lang), key=PANEL, on_change="rerun", icon=":material/tune:")
if panel.open:
    with panel:
        c1, c2 = st.columns([3, 2])
        with c1:
            _widget("indicator", st.selectbox, t("map.indicator", lang), ids,
                    format_func=lambda i: md.indicator_title(by_id[i], lang))
        with c2:
            _widget("weergave", st.radio, t("map.view", lang), views, format_func=view_labels.get, horizontal=True,
                    help=t("map.view_help", lang))
        c3, c4 = st.columns(2)
        with c3:
            if len(periods) > 1:
                _widget("jaar", st.select_slider, t("map.year", lang), periods, format_func=fmt_period)
            else:
                st.markdown(f"**{t('map.year', lang)}**  \n{t('map.single_year', lang, period=fmt_period(period, lang=lang))}")
        with c4:
            if since is not None and len(earlier) > 1:
                _widget("sinds", st.select_slider, t("map.since", lang), earlier, format_func=fmt_period)
            elif since is not None:
                st.markdown(f"**{t('map.since', lang)}**  \n{fmt_period(since, lang=lang)}")
        _widget("gemeente", st.selectbox, t("map.municipality", lang), sorted(codes, key=names.get),
                format_func=names.get, placeholder=t("map.municipality_placeholder", lang))
if view == "verandering" and not earlier:
    st.info(t("map.no_earlier", lang, period=fmt_period(period, lang=lang)))
    st.stop()
# the URL follows the view, so that a copied link opens the same map (the municipality is added
# by the fragment below, which also runs on its own after a click)
now = {"indicator": ind, "jaar": period, "weergave": view, "sinds": since, "gemeente": choice.get("gemeente")}
now = {k: v for k, v in now.items() if v}
if now != {k: v for k, v in url.items() if v is not None}:
    for k in md.QUERY_KEYS:          # only the map's own keys: ?lang= and the rest of the frame's stay
        if k in now:
            st.query_params[k] = now[k]
        elif k in st.query_params:
            del st.query_params[k]
st.session_state[URL_SEEN] = now

try:   # map_frame checks the choice (md.check_choice) when the view is built; a cached view was valid
    map_spec, info = _map_spec(vision, version, ind, period, view, since, lang)
except md.MapInputError as e:
    st.error(t("map.error", lang, msg=str(e)))
    st.stop()
except geo.GeoDataError as e:
    st.error(t("map.geo_error", lang, msg=str(e)))
    st.stop()

sources = md.source_text(vision, m, lang=lang, label=False)        # a download's column, the meta line
source = md.source_text(vision, m, lang=lang)                        # under a chart: "Bron: …"
ranked, table = info["ranked"], info["table"]


# On paper (A4 landscape) the title, the map and the series fit one page: both pictures a little lower
# than on screen (the map's own rule is in pages/clickable_map.CSS); before, the title stood alone on page 1
NOTE_CSS = BADGE_CSS + ("<style>.map-series h3{margin:0 0 .5rem;scroll-margin-top:4rem}"
                        "@media print{img.streek-still{max-height:95mm;width:auto!important;max-width:100%}}</style>")


@st.fragment
def map_and_series(ind: str, period: str, view: str, since: str | None) -> None:
    """The map and the series beside it. A click on the map reruns only this part (not the choices
    panel, the table, the notes). Few elements: each costs the browser its own render (issue 9)."""
    nis = choice.get("gemeente")
    seen_now = dict(st.session_state.get(URL_SEEN, {}))
    if seen_now.get("gemeente") != nis:          # a click on the map: into the URL
        if nis:
            st.query_params["gemeente"] = nis
            seen_now["gemeente"] = nis
        else:
            st.query_params.pop("gemeente", None)
            seen_now.pop("gemeente", None)
        st.session_state[URL_SEEN] = seen_now
    clicked_now = st.session_state.pop(CLICKED, None)
    try:
        s_spec, series, mode, base = _series_spec(vision, version, ind, nis, view, since, lang)
    except md.MapInputError as e:
        st.error(t("map.error", lang, msg=str(e)))
        return
    left, right = st.columns([3, 2], gap="large")
    with left:
        fname = t("download.file.map_since" if since else "download.file.map", lang, indicator=ind, period=period,
                  view=view, since=since or "")
        clickable_map(layouts(f"kaart-{ind}-{period}-{view}-{since or ''}", version, lang, map_spec), key=MAP_KEY,
                      selected=nis, names=names, tips=info["tips"], label=t("map.map_alt", lang, title=info["title"]),
                      on_click=_on_map_click, lang=lang)
        st.caption(f"{source}. {geo.attribution(lang)}.")
        data_downloads(info["download"], key=MAP_KEY, filename=fname, spec=info["spec_json"], table=table,
                       csv_bytes=info["csv"], lazy=True, lang=lang)
    with right:
        # heading and notes in one element (they were five or six)
        notes = [] if nis else [t("map.series.pick", lang)]
        if s_spec is not None:
            if mode == md.SERIES_PER1000:
                notes.append(t("map.series.why_per1000", lang))
            elif mode == md.SERIES_INDEX:
                notes.append(t("map.series.why_index", lang, base=fmt_period(base or "", lang=lang)))
            if series["periode"].nunique() == 1:
                notes.append(t("map.series.one_period" if md.references_drawn(series) else "map.series.one_period_alone",
                               lang, period=fmt_period(series["periode"].iloc[0], lang=lang)))
            missing = md.series_missing(vision, series, nis, lang=lang)
            if missing:
                notes.append(t("map.series.missing", lang, names=", ".join(missing)))
        st.html(NOTE_CSS + f'<div class="map-series"><h3 id="{SERIES_ANCHOR}">{html.escape(t("map.series.heading", lang))}</h3>'
                + "".join(caption_html(x) for x in notes) + "</div>")
        if s_spec is None:
            st.info(t("map.series.empty", lang))
        else:
            s_table = series[["naam", "periode_nl", "waarde_nl"]].rename(columns={
                "naam": t("map.tt.area", lang), "periode_nl": t("map.tt.year", lang),
                "waarde_nl": t("map.tt.value", lang)})
            s_csv = series[["geo", "naam", "periode", "waarde"]].assign(indicator=ind, weergave=mode,
                                                                        bron=sources)
            if mode != md.SERIES_VALUE:   # computed (per 1.000, index): the one decimal shown, not 15
                s_csv["waarde"] = s_csv["waarde"].round(1)
            s_csv = s_csv.rename(columns=md.download_columns(lang))
            who = names.get(nis) if nis else vision.geo_name(md.REGION, lang)
            s_alt = t("map.series.alt" if md.references_drawn(series) else "map.series.alt_alone", lang,
                      title=md.indicator_title(m, lang), who=who)
            s_name = t("download.file.series", lang, indicator=ind, geo=nis or md.REGION, mode=mode)

            def still() -> None:      # a still picture as high as the interactive chart: the swap moves nothing
                st.html(still_image(f"reeks-{ind}-{view}-{since or ''}-{nis or md.REGION}", version, lang, s_spec, s_alt,
                                    box_height=s_spec.get("height"), share=SERIES_SHARE) + caption_html(source))

            def live() -> None:
                chart_block(s_spec, s_csv, key=SERIES_KEY, filename=s_name, source_nl=source, table=s_table,
                            alt_text=s_alt, lang=lang, lazy=True)

            def downloads() -> None:
                data_downloads(s_csv, key=SERIES_KEY, filename=s_name, spec=spec_json(s_spec), table=s_table,
                               lazy=True, lang=lang)

            still_or_live(SERIES_KEY, still, live, lang, after=downloads)
        # the view's link and the municipality's profile: one element
        link = md.map_url(ind, jaar=period, weergave=view, sinds=since or "", gemeente=nis or "")
        links = [f'<a href="{html.escape(link)}" target="_self">{html.escape(t("map.link", lang))}</a>'
                 f' <span class="card-notes">({html.escape(t("map.link_help", lang))})</span>']
        if nis:   # one more click to everything about this municipality ("Mijn gemeente")
            links.append(f'<a href="gemeente?nis={nis}" target="_self">'
                         f'{html.escape(t("profile.open_profile", lang, name=names[nis]))}</a>')
        st.html(NOTE_CSS + "".join(f'<p class="map-link">{x}</p>' for x in links))
        if nis and clicked_now == nis:      # a tap on the map chose it: on a phone its series is under the map
            st.html(SHOW_SERIES_JS.replace("__NIS__", nis), unsafe_allow_javascript=True, width="content")


map_and_series(ind, period, view, since)

st.subheader(t("map.table.heading", lang))
# all 13 rows as a plain HTML table, each municipality's name a link to its profile, and the notes on
# the figures under it, in one element: no data grid for the browser to load (≈ 1,2 MB of script,
# issue 9); the sortable grid is in "Data en downloads"
meta = [(t("map.meta.unit", lang), md.view_unit(m, view, lang=lang)),
        (t("map.meta.source", lang), sources),
        (t("map.meta.refdate", lang), md.reference_dates(vision, m, lang) or fmt_period(period, lang=lang)),
        (t("map.meta.definition", lang), m.definition),
        (t("map.meta.boundaries", lang), geo.attribution(lang, short=True))]
extra = []
if view == "per1000":
    extra.append(t("map.meta.per1000", lang, period=fmt_period(period, lang=lang)))
elif view == "verandering":
    extra.append(t("map.meta.change_pp" if m.is_percentage else "map.meta.change", lang,
                   period=fmt_period(period, lang=lang), since=fmt_period(since, lang=lang)))
if info["region_missing"]:
    extra.append(t("map.meta.region_missing", lang))
st.html(TABLE_CSS + html_table(table, links={t("map.table.municipality", lang): [f"gemeente?nis={c}" for c in ranked["nis_code"]]},
                               css_class="plain-table map-ranking")
        + '<p class="map-meta">' + "<br>".join([f"<strong>{html.escape(k)}:</strong> {html.escape(v)}" for k, v in meta]
                                               + [html.escape(x) for x in extra]) + "</p>")
