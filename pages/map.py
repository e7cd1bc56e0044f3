"""Map page (url ``kaart``): the 13 municipalities coloured by an indicator, a click shows the
municipality's series beside the region, the province and Flanders.

The choices live in the URL (query keys indicator, jaar, weergave, sinds, gemeente), so a copied
link opens the same view. The page syncs ``st.query_params`` itself rather than binding the
widgets (``bind="query-params"`` puts the *displayed* option label in the URL, e.g. the Dutch
title instead of the indicator id that ``streek.mapdata.map_url`` links to). All logic is in
``streek.mapdata`` / ``streek.mapchart``; this page only arranges it.
"""
from __future__ import annotations

import streamlit as st

from pages.frame import page_lang
from pages.static_files import publish_json
from pages.ui import data_version, get_vision
from pages.widgets import chart_block
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
MAP_BOX = "kaart-vlak"
# The map's height follows its column's width (Vega-Lite has no height-from-width): the 13 shapes are
# about 3 : 2, so the plot is two thirds of the width high, plus ~150 px for the title (one or two lines)
# and the legend under it. A phone then shows no white bands above and under the map, a projector a map as wide as
# its column (at most 85 % of the screen high, so that it fits on it whole).
MAP_CSS = (f"<style>.st-key-{MAP_BOX}-kader{{container-type:inline-size}}"
           f".st-key-{MAP_BOX}{{flex:none;height:clamp(320px,calc(66cqw + 150px),85vh)}}"
           f"@media print{{.st-key-{MAP_BOX}{{height:auto}}}}</style>")   # paper: as drawn, no band under it
DEFAULT_INDICATOR = "population_density"
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
st.html(MAP_CSS)


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
    # the browser fetches the unchanging layers (neighbours, border) as files it keeps in its cache;
    # the downloads (vl-convert) get the whole spec
    return mc.screen_title(mc.with_layer_urls(spec, publish_json)), {"frame": frame, "title": title, "download": download,
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
    spec = mc.series_chart(series, mode, title, y_title, lang=lang).to_dict() if not series.empty else None
    return spec, series, mode, base


W = {k: f"kaart_{k}" for k in md.QUERY_KEYS}      # widget keys per query key
URL_SEEN = "_kaart_url"                            # what this page last wrote to the URL
CLICKED = "_kaart_geklikt"                         # municipality chosen by the last click on the map
SPEC_STATE = "_kaart_spec"                         # (view key, start selection) of the map as drawn


def _keep_valid(key: str, options: list) -> None:
    """A value left from another indicator that is not an option now falls back to the default."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


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

# A link (or the back button) brings query values this page did not write itself: they win over
# the widgets' state; values that cannot be shown are reported in Dutch and dropped.
seen = st.session_state.get(URL_SEEN, {})
url = {k: st.query_params.get(k) for k in md.QUERY_KEYS}
if any(v is not None and seen.get(k) != v for k, v in url.items()):
    choice, problems = md.url_choice(vision, url, lang=lang)
    for k in md.QUERY_KEYS:
        st.session_state.pop(W[k], None)
    for k, v in choice.items():
        st.session_state[W[k]] = v
    for p in problems:
        st.warning(p)


def _on_map_click() -> None:
    cur = st.session_state.get(W["gemeente"])
    new = md.municipality_after_click(cur, st.session_state.get(MAP_KEY), codes)
    if new != cur:
        st.session_state[W["gemeente"]] = new
        st.session_state[CLICKED] = new      # the map already shows this selection itself


c1, c2 = st.columns([3, 2])
_keep_valid(W["indicator"], ids)
st.session_state.setdefault(W["indicator"], DEFAULT_INDICATOR if DEFAULT_INDICATOR in ids else ids[0])
ind = c1.selectbox(t("map.indicator", lang), ids, format_func=lambda i: md.indicator_title(by_id[i], lang), key=W["indicator"])
m = by_id[ind]
periods = list(_periods(vision, version, ind))
views = md.available_views(m, len(periods))
_keep_valid(W["weergave"], views)
st.session_state.setdefault(W["weergave"], views[0])
view_labels = {v: t(f"map.view.{v}", lang) for v in views}
if m.is_percentage and "verandering" in view_labels:
    view_labels["verandering"] = t("map.view.verandering_pp", lang)
view = c2.radio(t("map.view", lang), views, format_func=view_labels.get, key=W["weergave"], horizontal=True,
                help=t("map.view_help", lang))

c3, c4 = st.columns(2)
_keep_valid(W["jaar"], periods)
if len(periods) > 1:
    st.session_state.setdefault(W["jaar"], periods[-1])
    period = c3.select_slider(t("map.year", lang), periods, format_func=fmt_period, key=W["jaar"])
else:
    period = periods[0]
    c3.markdown(f"**{t('map.year', lang)}**  \n{t('map.single_year', lang, period=fmt_period(period, lang=lang))}")
since = None
if view == "verandering":
    earlier = periods[:periods.index(period)]
    if not earlier:
        st.info(t("map.no_earlier", lang, period=fmt_period(period, lang=lang)))
        st.stop()
    _keep_valid(W["sinds"], earlier)
    if len(earlier) > 1:
        st.session_state.setdefault(W["sinds"], earlier[0])
        since = c4.select_slider(t("map.since", lang), earlier, format_func=fmt_period, key=W["sinds"])
    else:
        since = earlier[0]
        c4.markdown(f"**{t('map.since', lang)}**  \n{fmt_period(since, lang=lang)}")
# the URL follows the view, so that a copied link opens the same map (the municipality is added
# by the fragment below, which also runs on its own after a click)
_keep_valid(W["gemeente"], sorted(codes))
now = {"indicator": ind, "jaar": period, "weergave": view, "sinds": since,
       "gemeente": st.session_state.get(W["gemeente"])}
now = {k: v for k, v in now.items() if v}
if now != {k: v for k, v in url.items() if v is not None}:
    for k in md.QUERY_KEYS:          # only the map's own keys: ?lang= and the rest of the frame's stay
        if k in now:
            st.query_params[k] = now[k]
        elif k in st.query_params:
            del st.query_params[k]
st.session_state[URL_SEEN] = now

try:   # map_frame checks the choice (md.check_choice) when the view is built; a cached view was valid
    base_spec, info = _map_spec(vision, version, ind, period, view, since, lang)
except md.MapInputError as e:
    st.error(t("map.error", lang, msg=str(e)))
    st.stop()
except geo.GeoDataError as e:
    st.error(t("map.geo_error", lang, msg=str(e)))
    st.stop()

sources = md.source_text(vision, m, lang=lang, label=False)        # a download's column, the meta line
source = md.source_text(vision, m, lang=lang)                        # under a chart: "Bron: …"
ranked, table = info["ranked"], info["table"]


@st.fragment
def map_and_series(ind: str, period: str, view: str, since: str | None) -> None:
    """The map, the municipality list and the series beside it. A click on the map or a choice
    from the list reruns only this part (not the indicator widgets, the table, the notes)."""
    left, right = st.columns([3, 2], gap="large")
    with right:
        st.subheader(t("map.series.heading", lang), anchor=SERIES_ANCHOR)
        nis = st.selectbox(t("map.municipality", lang), sorted(codes, key=names.get), index=None,
                           format_func=names.get, placeholder=t("map.municipality_placeholder", lang),
                           key=W["gemeente"])
    seen_now = dict(st.session_state.get(URL_SEEN, {}))
    if seen_now.get("gemeente") != nis:          # a click or a choice from the list: into the URL
        if nis:
            st.query_params["gemeente"] = nis
            seen_now["gemeente"] = nis
        else:
            st.query_params.pop("gemeente", None)
            seen_now.pop("gemeente", None)
        st.session_state[URL_SEEN] = seen_now
    # A click selects the shape in the browser already: keep the spec as it was, so that
    # Streamlit does not redraw the map. A choice from the list or a link does change the
    # highlighted municipality.
    view_key = (ind, period, view, since)
    clicked = st.session_state.pop(CLICKED, "-")
    drawn = st.session_state.get(SPEC_STATE)
    start = nis if drawn is None or drawn[0] != view_key or (nis != drawn[1] and nis != clicked) else drawn[1]
    st.session_state[SPEC_STATE] = (view_key, start)
    spec = mc.with_selection(base_spec, start)
    try:
        s_spec, series, mode, base = _series_spec(vision, version, ind, nis, view, since, lang)
    except md.MapInputError as e:
        st.error(t("map.error", lang, msg=str(e)))
        return
    with left:
        fname = t("download.file.map_since" if since else "download.file.map", lang, indicator=ind, period=period,
                  view=view, since=since or "")
        chart_block(spec, info["download"], key=MAP_KEY, filename=fname,
                    source_nl=f"{source}. {geo.attribution(lang)}.", table=table, on_select=_on_map_click,
                    alt_text=t("map.map_alt", lang, title=info["title"]), csv_bytes=info["csv"],
                    export_spec=info["spec_json"], lang=lang, lazy=True, fill=MAP_BOX)
    with right:
        if not nis:
            st.caption(t("map.series.pick", lang))
        if s_spec is None:
            st.info(t("map.series.empty", lang))
        else:
            if mode == md.SERIES_PER1000:
                st.caption(t("map.series.why_per1000", lang))
            elif mode == md.SERIES_INDEX:
                st.caption(t("map.series.why_index", lang, base=fmt_period(base or "", lang=lang)))
            if series["periode"].nunique() == 1:
                st.caption(t("map.series.one_period" if md.references_drawn(series) else "map.series.one_period_alone",
                             lang, period=fmt_period(series["periode"].iloc[0], lang=lang)))
            missing = md.series_missing(vision, series, nis, lang=lang)
            if missing:
                st.caption(t("map.series.missing", lang, names=", ".join(missing)))
            s_table = series[["naam", "periode_nl", "waarde_nl"]].rename(columns={
                "naam": t("map.tt.area", lang), "periode_nl": t("map.tt.year", lang),
                "waarde_nl": t("map.tt.value", lang)})
            s_csv = series[["geo", "naam", "periode", "waarde"]].assign(indicator=ind, weergave=mode,
                                                                        bron=sources)
            if mode != md.SERIES_VALUE:   # computed (per 1.000, index): the one decimal shown, not 15
                s_csv["waarde"] = s_csv["waarde"].round(1)
            s_csv = s_csv.rename(columns=md.download_columns(lang))
            who = names.get(nis) if nis else vision.geo_name(md.REGION, lang)
            chart_block(s_spec, s_csv, key=SERIES_KEY, filename=t("download.file.series", lang, indicator=ind, geo=nis or md.REGION, mode=mode),
                        source_nl=source, table=s_table,
                        alt_text=t("map.series.alt" if md.references_drawn(series) else "map.series.alt_alone", lang,
                                   title=md.indicator_title(m, lang), who=who), lang=lang, lazy=True)
        if nis and clicked == nis:      # a tap on the map chose it: on a phone its series is under the map
            st.html(SHOW_SERIES_JS.replace("__NIS__", nis), unsafe_allow_javascript=True, width="content")
        link = md.map_url(ind, jaar=period, weergave=view, sinds=since or "", gemeente=nis or "")
        st.markdown(f"[{t('map.link', lang)}]({link})", help=t("map.link_help", lang))
        if nis:   # one more click to everything about this municipality ("Mijn gemeente")
            st.markdown(f":material/location_city: [{t('profile.open_profile', lang, name=names[nis])}](gemeente?nis={nis})")


map_and_series(ind, period, view, since)

st.subheader(t("map.table.heading", lang))
# all 13 rows as a plain HTML table, each municipality's name a link to its profile: no data grid
# for the browser to load (≈ 1,2 MB of script, issue 9); the sortable grid is in "Data en downloads"
st.html(TABLE_CSS + html_table(table, links={t("map.table.municipality", lang): [f"gemeente?nis={c}" for c in ranked["nis_code"]]},
                               css_class="plain-table map-ranking"))

lines = [f"**{t('map.meta.unit', lang)}:** {md.view_unit(m, view, lang=lang)}",
         f"**{t('map.meta.source', lang)}:** {sources}",
         f"**{t('map.meta.refdate', lang)}:** {md.reference_dates(vision, m, lang) or fmt_period(period, lang=lang)}",
         f"**{t('map.meta.definition', lang)}:** {m.definition}",
         f"**{t('map.meta.boundaries', lang)}:** {geo.attribution(lang, short=True)}"]
if view == "per1000":
    lines.append(t("map.meta.per1000", lang, period=fmt_period(period, lang=lang)))
elif view == "verandering":
    lines.append(t("map.meta.change_pp" if m.is_percentage else "map.meta.change", lang,
                   period=fmt_period(period, lang=lang), since=fmt_period(since, lang=lang)))
if info["region_missing"]:
    lines.append(t("map.meta.region_missing", lang))
st.markdown("  \n".join(lines))
