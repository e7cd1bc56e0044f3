"""Altair builders for the map of the 13 municipalities and the series beside it. Pure.

The map is a layer chart on inline GeoJSON records (never a GeoDataFrame: Streamlit would turn
the geometry into text and draw nothing). Layers, bottom to top:

1. neighbours in light grey with light names; 2. municipalities with a value, coloured on a
colour-blind-safe scale (``blues``; ``blueorange`` around 0 for changes); 3. municipalities
without a value in grey with hatch lines ("geen gegevens", with its own legend entry); 4. names
(with a white halo), drawn over the outline of the selected municipality, so that the outline
never covers its name; 5. only where some municipality has no value: an almost transparent copy
of the 13 that carries the tooltip and the click selection (``selection_point(fields=
["nis_code"])``) — otherwise layer 2 carries them itself (Vega-Lite makes the names
non-interactive, so a click on a name reaches the shape under it); 6. the Belgium–France border
(dashed).

The shapes (dataset ``gemeenten``) are the same in every view; the view's values (``waarden``: value,
rank, tooltip texts) are a separate small dataset that the layers showing them join by NIS code (a
Vega-Lite ``lookup``). On screen the map is a still picture of this spec (:func:`still_layout`,
``pages/clickable_map``) whose municipalities the page makes buttons; the downloads render it whole.
"""
from __future__ import annotations

import math
import textwrap
from collections.abc import Callable

import pandas as pd

from streek import geo
from streek.fmt import fmt_number
from streek.i18n import t
from streek.i18n.names import unit_name
from streek.mapdata import REFERENCE_GEOS, SELECTION_PARAM, SERIES_INDEX, MapIndicator
from streek.theme import FONT
from streek.vegalite import alt

WIDTH, HEIGHT = 620, 470            # fixed for PNG/SVG; Streamlit stretches the width on screen
NEIGHBOUR_FILL = "#EDEDED"
NEIGHBOUR_TEXT = "#8C8C8C"
NODATA_FILL = "#C8C8C8"
NODATA_HATCH = "#6E6E6E"
BORDER = "#5A5A5A"
SELECTED_STROKE = "#000000"
SEQ_SCHEME = "blues"
TITLE_WRAP = 38                     # characters per title line of the series chart: 13 px bold DejaVu Sans on a 322 px phone layout
MAP_TITLE_WRAP = 40                 # characters per title line of the map on screen (a 390 px phone fits ~42)
DIV_SCHEME = "blueorange"
# the municipality, the region, the province, Flanders (Okabe-Ito; the order of mapdata.REFERENCE_GEOS after the first)
SERIES_COLORS = ["#D55E00", "#0072B2", "#009E73", "#4D4D4D"]


# what a municipality's tooltip says, in this order: (field of the view's values, catalogue key)
TOOLTIP_FIELDS = (("gemeente", "map.tt.municipality"), ("waarde_nl", "map.tt.value"), ("rang_nl", "map.tt.rank"),
                  ("streek_nl", "map.tt.region"), ("provincie_nl", "map.tt.province"),
                  ("vlaanderen_nl", "map.tt.flanders"))
NOTE_FIELD = ("opmerking", "map.tt.note")


def _tooltip_fields(recs: list[dict]) -> tuple:
    """The tooltip's fields; the note only where some municipality has one."""
    return TOOLTIP_FIELDS + ((NOTE_FIELD,) if any(r.get("opmerking") for r in recs) else ())


def tooltip_texts(frame: pd.DataFrame, *, lang: str) -> dict[str, str]:
    """Per NIS code, the map's tooltip as lines of text ("Gemeente: Kortrijk", "Waarde: …"): the same
    fields as the chart's tooltip, for the still map (``pages/clickable_map``), which has no Vega."""
    recs = _values(frame, lang=lang)
    fields = _tooltip_fields(recs)
    return {str(r["nis_code"]): "\n".join(f"{t(key, lang)}: {r[field]}" for field, key in fields if r.get(field))
            for r in recs}


PLOT_RATIO = 0.66        # the 13 shapes are about 3 : 2: the plot of a still map is two thirds as high as wide


def still_layout(spec: dict, width: int) -> dict:
    """A copy of a map spec (top level copied) laid out ``width`` px wide for a still picture: the
    plot two thirds as high, the wrapped title (:func:`wrap_title`) on one line where it fits."""
    out = dict(spec, width=int(width), height=round(width * PLOT_RATIO))
    lines = spec.get("title", {}).get("text")
    if isinstance(lines, list) and len(lines) > 1 and math.ceil(len(" ".join(lines)) * TITLE_CHAR_PX) <= width:
        out["title"] = {**spec["title"], "text": [" ".join(lines)]}
    return out


def _num_spec(values: list[float], view: str) -> str:
    vals = [abs(v) for v in values if v is not None and not math.isnan(v)]
    top = max(vals) if vals else 0
    sign = "+" if view == "verandering" else ""
    return f"{sign},.1~f" if top < 100 else f"{sign},.0f"   # ~: "10", "72,5" (not "10,0")


def _values(frame: pd.DataFrame, *, lang: str) -> list[dict]:
    """Per municipality of the view, what the layers look up by ``nis_code`` (no shapes: those are
    the same in every view, ``geo.records("municipalities")``)."""
    out = []
    for row in frame.to_dict("records"):
        rec = {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}
        if rec.get("waarde") is not None:
            rec["waarde"] = float(rec["waarde"])
        rec["rang"] = int(rec["rang"]) if rec.get("rang") is not None else None
        rec["aria"] = f"{rec['gemeente']}: {rec.get('waarde_nl') or t('map.no_data', lang)}"
        out.append(rec)
    return out


class _DataSets:
    """Each GeoJSON layer goes into the spec once, as a top-level named dataset that every layer
    drawing it shares (Streamlit keeps GeoJSON datasets in the spec; Vega loads each once).
    Charts are built on the names, so Altair never serialises the ~0,2 MB of shapes itself."""

    def __init__(self) -> None:
        self.values: dict[str, list] = {}

    def __call__(self, values: list, name: str) -> alt.Data:
        if name in self.values and self.values[name] is not values:
            raise ValueError(f"two datasets named {name}")
        self.values[name] = values
        return alt.Data(name=name)

    def inline(self, chart: alt.TopLevelMixin) -> dict:
        spec = chart.to_dict(validate=False)
        spec["datasets"] = dict(self.values)
        return spec


# Text on the map follows the map's width (a phone draws the map at ~350 px, a desktop column at
# ~500 px, a PNG at 620 px) between a floor and a cap. tools/build_geo.py places the labels for
# the most crowded case of this rule (LABEL_FONT_PX on a LABEL_MAP_PX wide map), so that they do
# not collide at any width.
LABEL_FONT = alt.ExprRef(expr="clamp(width * 0.022, 8, 16)")
NEIGHBOUR_FONT = alt.ExprRef(expr="clamp(width * 0.018, 7, 12)")


# what the layers join to the 13 shapes from the view's values (dataset "waarden")
VALUE_FIELDS = ["gemeente", "waarde", "waarde_nl", "rang", "rang_nl", "streek_nl", "provincie_nl", "vlaanderen_nl",
                "opmerking", "status", "aria"]


def _legend_title(m: MapIndicator, view: str, since: str | None, *, lang: str) -> str:
    if view == "per1000":
        return t("map.legend.per1000", lang)
    if view == "verandering":
        return t("map.legend.change_pp" if m.is_percentage else "map.legend.change", lang, since=since)
    return t("map.legend.absolute", lang, unit=unit_name(m.unit or "", lang))


def _labels(data: alt.Data, color: str, size, weight: str = "normal", style: str = "normal",
            field: str = "name_nl", dy: int = 0, halo: bool = True, where: str | None = None,
            text: str | None = None, lookup: Callable[[alt.Chart], alt.Chart] | None = None) -> list[alt.Chart]:
    """Names at their label points (``where``: a Vega filter on the dataset; ``text``: one fixed
    text instead of ``field``; ``lookup``: joins the view's values first)."""
    base = alt.Chart(data) if lookup is None else lookup(alt.Chart(data))
    if where:
        base = base.transform_filter(where)
    base = base.encode(longitude=alt.Longitude("label_lon:Q"), latitude=alt.Latitude("label_lat:Q"),
                       **({} if text else {"text": alt.Text(f"{field}:N")}))
    kw = {"fontSize": size, "fontWeight": weight, "fontStyle": style, "dy": dy, "align": "center",
          "baseline": "middle", "clip": True, **({"text": text} if text else {})}
    layers = []
    if halo:
        layers.append(base.mark_text(**kw, stroke="white", strokeWidth=3, strokeJoin="round", fill="white",
                                     opacity=0.85))
    layers.append(base.mark_text(**kw, fill=color))
    return layers


def wrap_title(title: str, width: int = MAP_TITLE_WRAP) -> list[str]:
    """A title as lines of at most ``width`` characters (Vega does not wrap a title: on a phone a long
    one was cut off with an ellipsis). Joined with spaces the lines give the title back."""
    return textwrap.wrap(title, width, break_long_words=False, break_on_hyphens=False) or [title]


TITLE_CHAR_PX = 7.2     # the map title's width per character, with a margin (15 px bold in the page's font: 6,7-6,8 px measured in Chromium)


def map_chart(frame: pd.DataFrame, m: MapIndicator, view: str, title: str | list[str], since: str | None = None,
              selected: str | None = None, subtitle: str | None = None, *, lang: str) -> dict:
    """The choropleth of the 13 municipalities for a :func:`streek.mapdata.map_frame`, as a
    Vega-Lite dict (inline data; see :class:`_DataSets`). ``title``: one line, or lines
    (:func:`wrap_title`)."""
    ds = _DataSets()
    recs = _values(frame, lang=lang)
    with_value = [r for r in recs if r.get("waarde") is not None]
    without = [r for r in recs if r.get("waarde") is None]
    nodata_codes = {r["nis_code"] for r in without}
    hatch = [h for h in geo.records("hatch") if h["nis_code"] in nodata_codes]
    neighbours = geo.records("neighbours")
    border = geo.records("border_be_fr")

    values = [r["waarde"] for r in with_value]
    spec = _num_spec(values, view)
    if view == "verandering":
        top = max([abs(v) for v in values] or [1]) or 1
        scale = alt.Scale(scheme=DIV_SCHEME, domainMid=0, domain=[-top, top])
    else:
        scale = alt.Scale(scheme=SEQ_SCHEME, zero=False, nice=False)
    # legends under the map, so that the map gets the full width of its column
    legend = alt.Legend(title=_legend_title(m, view, since, lang=lang), format=spec,
                        orient="bottom", direction="horizontal", gradientLength=240, titleLimit=300)

    # one dataset per kind of shape, shared by the layers that draw it
    nb_data = ds(neighbours, "buren")
    mun_data = ds(geo.records("municipalities"), "gemeenten")     # the shapes: the same in every view
    border_data = ds(border, "grens")
    # the view's values, joined to the shapes by the layers that show them
    from_values = alt.LookupData(data=ds(recs, "waarden"), key="nis_code", fields=VALUE_FIELDS)

    def valued(chart: alt.Chart) -> alt.Chart:
        return chart.transform_lookup(lookup="nis_code", from_=from_values)
    has_value, no_value = "isValid(datum.waarde)", "!isValid(datum.waarde)"
    sel_kw = {"value": [{"nis_code": selected}]} if selected else {}
    sel = alt.selection_point(name=SELECTION_PARAM, fields=["nis_code"], on="click", clear="dblclick", **sel_kw)
    tooltip = [alt.Tooltip(f"{field}:N", title=t(key, lang)) for field, key in _tooltip_fields(recs)]
    layers: list[alt.Chart] = [
        alt.Chart(nb_data).mark_geoshape(fill=NEIGHBOUR_FILL, stroke="white", strokeWidth=1, clip=True),
        valued(alt.Chart(mun_data)).transform_filter(has_value).mark_geoshape(stroke="white", strokeWidth=0.8).encode(
            color=alt.Color("waarde:Q", scale=scale, legend=legend), description=alt.Description("aria:N")),
    ]
    if not without:
        # every municipality has a value: the coloured shapes themselves carry the tooltip and the
        # click (the names are not interactive, Vega-Lite lets clicks through), so the browser
        # projects and draws the 13 shapes once, not twice
        layers[-1] = layers[-1].mark_geoshape(stroke="white", strokeWidth=0.8, cursor="pointer").encode(
            tooltip=tooltip).add_params(sel)
    if without:
        layers.append(valued(alt.Chart(mun_data)).transform_filter(no_value).mark_geoshape(stroke="white", strokeWidth=0.8)
                      .encode(description=alt.Description("aria:N"),
                              fill=alt.Fill("status:N", scale=alt.Scale(domain=[t("map.no_data", lang)], range=[NODATA_FILL]),
                                            legend=alt.Legend(title=None, orient="bottom", symbolType="square",
                                                              symbolSize=260))))
        layers.append(alt.Chart(ds(hatch, "arcering")).mark_geoshape(
            filled=False, stroke=NODATA_HATCH, strokeWidth=0.7, opacity=0.7))
    layers += _labels(nb_data, NEIGHBOUR_TEXT, NEIGHBOUR_FONT, style="italic", halo=False, where="datum.show_label")
    layers += _labels(border_data, NEIGHBOUR_TEXT, LABEL_FONT, weight="bold", text=t("map.france", lang), halo=False)
    # a thin line from a shape to its name where the name had to move off the shape
    layers.append(alt.Chart(mun_data).transform_filter("datum.leader").mark_rule(color="#1B1F24", strokeWidth=0.8)
                  .encode(longitude=alt.Longitude("anchor_lon:Q"), latitude=alt.Latitude("anchor_lat:Q"),
                          longitude2=alt.Longitude2("label_lon:Q"), latitude2=alt.Latitude2("label_lat:Q")))
    # the selected municipality's outline (the selection of the top layer), under the names
    layers.append(alt.Chart(mun_data).transform_filter({"param": SELECTION_PARAM, "empty": False})
                  .mark_geoshape(filled=False, stroke=SELECTED_STROKE, strokeWidth=3.5, strokeJoin="round"))
    layers += _labels(mun_data, "#1B1F24", LABEL_FONT, weight="bold")
    if without:
        layers += _labels(mun_data, "#1B1F24", 9, style="italic", field="status", dy=12, where=no_value, lookup=valued)

    if without:
        # coloured and grey shapes in two layers: an almost transparent copy of the 13 on top
        # carries the tooltip and the click (no stroke: the outlines lie under the names)
        layers.append(valued(alt.Chart(mun_data)).mark_geoshape(fill="white", fillOpacity=0.001, strokeWidth=0, cursor="pointer")
                      .encode(tooltip=tooltip).add_params(sel))
    layers.append(alt.Chart(border_data).mark_geoshape(
        filled=False, stroke=BORDER, strokeWidth=2.2, strokeDash=[7, 3], clip=True))

    title_params = {"text": title, "anchor": "start", "fontSize": 15}
    if subtitle:
        title_params["subtitle"] = subtitle
    return ds.inline(alt.layer(*layers)
            .project(type="mercator")
            .properties(width=WIDTH, height=HEIGHT, title=alt.TitleParams(**title_params))
            .resolve_scale(color="independent", fill="independent")
            .configure_view(stroke=None)
            .configure_legend(labelFontSize=12, titleFontSize=12))


SERIES_PLOT_HEIGHT = 240             # the plot itself; title, legend and axis come on top of it
SERIES_LINE_PX = 17                  # one line of title or legend
SERIES_AXES_PX = 100                 # x axis labels, paddings and Streamlit's theme around the plot


SERIES_BAR_STEP = 44                 # one period only: each area's bar gets a band this high
SERIES_BAR_PX = 26                   # ... and the bar is this thick (one area was one bar 190 px thick)


def series_height(n_title_lines: int, n_legend_rows: int, plot_height: int = SERIES_PLOT_HEIGHT) -> int:
    """Total height of the series chart. Streamlit fits the *whole* chart (title, legend, axes)
    into the height it is given, so the plot only keeps ``plot_height`` when the total counts
    the lines around it."""
    return plot_height + SERIES_LINE_PX * (n_title_lines + n_legend_rows) + SERIES_AXES_PX


def _room_for_values(values: pd.Series) -> alt.Scale:
    """The value scale of the bars, a fifth longer than the longest bar: its value, written after
    the bar, stays inside the picture (on a phone "11,3" ran past the right edge)."""
    top = values.max(skipna=True)
    return alt.Scale(domainMax=float(top) * 1.2) if pd.notna(top) and top > 0 else alt.Scale()


def series_chart(series: pd.DataFrame, mode: str, title: str | list[str], y_title: str = "", *,
                 lang: str) -> alt.Chart | alt.LayerChart:
    """Lines (several periods) or bars (one period) of a municipality beside the region,
    West-Vlaanderen and Vlaanderen, from :func:`streek.mapdata.series_frame`.

    ``y_title`` names the measure and its unit (:func:`streek.mapdata.series_axis_title`). The
    legend stands above the plot, one area per line: in two columns the long names ("Provincie
    West-Vlaanderen" beside "Zuid-West-Vlaanderen") ran past the picture's right edge. The text is in
    the theme's font (:data:`streek.theme.FONT`), which vl-convert measures as the browser draws it:
    with the generic "sans-serif" the still picture's legend entries ran into each other."""
    ordered = series.sort_values("volgorde").drop_duplicates("naam")
    names = list(ordered["naam"])
    # each area keeps its own colour whichever others are missing (the municipality was drawn in
    # Flanders' grey when the region, province and Flanders had no figure)
    colours = [SERIES_COLORS[REFERENCE_GEOS.index(g) + 1] if g in REFERENCE_GEOS else SERIES_COLORS[0]
               for g in ordered["geo"]]
    color = alt.Color("naam:N", scale=alt.Scale(domain=names, range=colours),
                      sort=names, legend=alt.Legend(title=None, orient="top", direction="vertical", columns=1,
                                                    labelLimit=260, symbolSize=70, symbolStrokeWidth=3,
                                                    rowPadding=2, offset=6))
    spec = _num_spec(series["waarde"].tolist(), "absoluut")
    tooltip = [alt.Tooltip("naam:N", title=t("map.tt.area", lang)),
               alt.Tooltip("periode_nl:N", title=t("map.tt.year", lang)),
               alt.Tooltip("waarde_nl:N", title=t("map.tt.value", lang))]
    data = series[["naam", "periode_nl", "jaar", "waarde", "waarde_nl", "volgorde"]].copy()
    data["waarde_kort"] = [fmt_number(v, 1, lang=lang) for v in data["waarde"]]
    base = alt.Chart(data)
    value_axis = alt.Axis(format=spec, titleFontWeight="normal")
    legend_rows, plot_height = 0, SERIES_PLOT_HEIGHT
    if series["periode_nl"].nunique() <= 1:
        plot_height = SERIES_BAR_STEP * max(len(names), 1)
        chart = base.mark_bar(size=SERIES_BAR_PX).encode(
            y=alt.Y("naam:N", sort=names, title=None, axis=alt.Axis(labelLimit=200)),
            x=alt.X("waarde:Q", title=y_title or None, axis=value_axis, scale=_room_for_values(series["waarde"])),
            color=color.legend(None), tooltip=tooltip)
        text = base.mark_text(align="left", dx=4, fontSize=12).encode(
            y=alt.Y("naam:N", sort=names), x=alt.X("waarde:Q"), text=alt.Text("waarde_kort:N"))
        chart = alt.layer(chart, text)
    else:
        legend_rows = len(names)
        x = alt.X("jaar:Q", title=None, scale=alt.Scale(zero=False, nice=False),
                  axis=alt.Axis(format="d", tickMinStep=1, labelExpr="format(datum.value, 'd')",
                                labelSeparation=4))   # a gap between year labels: a reader's fallback font may be wider than DejaVu Sans
        y = alt.Y("waarde:Q", title=y_title or None, scale=alt.Scale(zero=False), axis=value_axis)
        size = alt.StrokeWidthValue(**alt.condition(alt.datum.volgorde == 0, alt.value(3.2), alt.value(1.8))) \
            if len(names) == 4 else alt.StrokeWidthValue(2)
        line = base.mark_line().encode(x=x, y=y, color=color, strokeWidth=size, detail=alt.Detail("naam:N"))
        pts = base.mark_point(filled=True, size=30).encode(x=x, y=y, color=color, tooltip=tooltip)
        layers = [line, pts]
        if mode == SERIES_INDEX:
            layers.append(alt.Chart(pd.DataFrame({"y": [100]})).mark_rule(color="#999", strokeDash=[3, 3]).encode(
                y=alt.Y("y:Q")))
        chart = alt.layer(*layers)
    lines = [title] if isinstance(title, str) else list(title)
    wrapped = [w for line in lines for w in textwrap.wrap(line, TITLE_WRAP)]
    return chart.properties(width=WIDTH - 180, height=series_height(len(wrapped), legend_rows, plot_height),
                            title=alt.TitleParams(text=wrapped, anchor="start", fontSize=13)) \
        .configure(font=FONT) \
        .configure_view(stroke=None) \
        .configure_legend(labelFontSize=11) \
        .configure_axis(labelFontSize=11, titleFontSize=11)


def locator_chart(*, lang: str) -> dict:
    """A small map for the home page: where the region lies in West-Vlaanderen (left), and the
    13 municipalities with their neighbours and the French border (right). A Vega-Lite dict."""
    ds = _DataSets()
    # the province named in the reader's language ("West Flanders"), not the shape file's Dutch name
    wvl = ds([{**r, "name": t("map.tt.province", lang)} for r in geo.records("west_vlaanderen")], "provincie")
    mun = ds(geo.records("municipalities"), "gemeenten")
    region = ds(geo.records("region"), "streek")
    border = ds(geo.records("border_be_fr"), "grens")
    nb = ds(geo.records("neighbours"), "buren")
    tip = alt.Tooltip("name_nl:N", title=t("map.tt.municipality", lang))
    inset = alt.layer(
        alt.Chart(wvl).mark_geoshape(fill=NEIGHBOUR_FILL, stroke="#9A9A9A", strokeWidth=1),
        alt.Chart(region).mark_geoshape(fill="#0072B2", stroke="#1B1F24", strokeWidth=1),
        alt.Chart(wvl).mark_text(fontSize=11, fill=NEIGHBOUR_TEXT, fontStyle="italic")
        .encode(longitude=alt.Longitude("label_lon:Q"), latitude=alt.Latitude("label_lat:Q"), text=alt.Text("name:N")),
    ).project(type="mercator").properties(width=190, height=170)
    main = alt.layer(
        alt.Chart(nb).mark_geoshape(fill=NEIGHBOUR_FILL, stroke="white", strokeWidth=1, clip=True)
        .encode(tooltip=tip),
        alt.Chart(mun).mark_geoshape(fill="#9CC7E4", stroke="white", strokeWidth=1).encode(tooltip=tip),
        alt.Chart(region).mark_geoshape(filled=False, stroke="#0072B2", strokeWidth=2),
        alt.Chart(border).mark_geoshape(filled=False, stroke=BORDER, strokeWidth=1.8,
                                                         strokeDash=[6, 3], clip=True),
        *_labels(nb, NEIGHBOUR_TEXT, 9, style="italic", halo=False, where="datum.show_label"),
        *_labels(border, NEIGHBOUR_TEXT, 10, weight="bold", text=t("map.france", lang), halo=False),
        *_labels(mun, "#1B1F24", 10, weight="bold"),
    ).project(type="mercator").properties(width=430, height=290)
    return ds.inline(alt.hconcat(inset, main, spacing=16).configure_view(stroke=None))
