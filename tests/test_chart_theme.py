"""Chart themes (streek.theme) and label placement, checked in the specs and in the SVG that
vl-convert draws: font sizes and colours of each theme, print text >= 10 pt on paper, and the
labels of baseline, target and latest measurement clear of each other and of the lines."""
import re
from functools import cache

import pandas as pd
import pytest
from conftest import right_edge_is_clear

from streek.charts import EL_MEAS, EL_PATH, EL_TREND, build_chart, document_ambitions, el_label, series_of
from streek.load import load_vision
from streek.render import to_svg
from streek.theme import (KINDS, MEASURED_COLOR, PRINT_MIN_PT, PRINT_MIN_WIDTH_IN, SERIES_COLORS, TEXT_COLOR,
                          contrast_ratio, get_theme, px_to_pt, theme_config)

VISION = load_vision()
SINGLE = [c for c in document_ambitions(VISION) if len(series_of(VISION, c)) == 1]


@cache
def drawn(code: str, kind: str) -> tuple[str, pd.DataFrame]:
    """(SVG text, chart data) of one ambition's Dutch chart in a theme, built and drawn once per module
    (the print-size and the label tests read the same print charts)."""
    chart, df = build_chart(VISION, code, lang='nl', theme=kind)
    return to_svg(chart.to_dict(validate=False)).decode(), df


@cache
def screen_spec(code: str, lang: str) -> tuple[dict, pd.DataFrame]:
    """(spec, chart data) of one ambition's screen chart, built once per language for all widths."""
    chart, df = build_chart(VISION, code, lang=lang)
    return chart.to_dict(validate=False), df


@pytest.mark.parametrize("kind", KINDS)
def test_theme_config_is_in_the_spec(kind):
    chart, _ = build_chart(VISION, "2.1.2", lang='nl', theme=kind)
    spec = chart.to_dict(validate=False)
    cfg = theme_config(kind)
    th = get_theme(kind)
    assert spec["config"]["axis"]["labelFontSize"] == cfg["axis"]["labelFontSize"] == th.axis_label
    assert spec["config"]["axis"]["labelColor"] == TEXT_COLOR and spec["config"]["legend"]["labelColor"] == TEXT_COLOR
    assert spec["width"] == th.width
    texts = [layer["mark"] for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    assert texts and all(m["fontSize"] == th.mark_label for m in texts)
    lines = [layer["mark"] for layer in spec["layer"] if layer["mark"]["type"] == "line"]
    assert max(m["strokeWidth"] for m in lines) == th.stroke_measured


def test_projector_text_is_18_to_24_px_and_lines_thicker():
    p, s = get_theme("projector"), get_theme("screen")
    for size in (p.axis_label, p.axis_title, p.legend_label, p.mark_label):
        assert 18 <= size <= 24
    assert p.stroke_measured >= 1.5 * s.stroke_measured


@pytest.mark.parametrize("code", document_ambitions(VISION))
def test_print_text_is_at_least_10_pt_on_paper(code):
    # the picture of a printed chart: its width in px from the rendered SVG (legends included),
    # printed at least PRINT_MIN_WIDTH_IN wide (the PDF page's text width; a slide is wider)
    svg = drawn(code, "print")[0]
    width = float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))
    sizes = {float(v) for v in re.findall(r'font-size="([\d.]+)px"', svg)}
    assert min(px_to_pt(v, width, PRINT_MIN_WIDTH_IN) for v in sizes) >= PRINT_MIN_PT, (width, sizes)


@pytest.mark.parametrize("colour", [TEXT_COLOR, MEASURED_COLOR, *SERIES_COLORS])
def test_text_and_measured_colours_have_contrast(colour):
    assert contrast_ratio(colour) >= 4.5


# --- labels in the SVG ----------------------------------------------------------------------------
def label_boxes(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Boxes of the text marks (not axes) drawn in the plot: translate(x, y) is the baseline. A label's
    white halo (the same text under it) and another width band's empty text are not labels."""
    out = []
    for group in re.findall(r'<g class="mark-text role-mark[^"]*"[^>]*>(.*?)</g>', svg, re.S):
        for m in re.finditer(r'<text[^>]*text-anchor="(\w+)"[^>]*transform="translate\(([-\d.e]+),([-\d.e]+)\)"'
                             r'[^>]*font-size="([\d.]+)px"([^>]*)>([^<]*)</text>', group):
            anchor, x, y, size, text = m.group(1), float(m.group(2)), float(m.group(3)), float(m.group(4)), m.group(6)
            if 'stroke="white"' in m.group(5) or not text:
                continue
            w = 0.62 * size * len(text)
            x0 = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
            out.append((text, (x0, y - 0.8 * size, x0 + w, y + 0.25 * size)))
    return out


def line_points(svg: str) -> list[tuple[float, float]]:
    """Points every 2 px along the drawn lines (measured, required path, trend)."""
    pts = []
    for group in re.findall(r'<g class="mark-line role-mark[^"]*"[^>]*>(.*?)</g>', svg, re.S):
        for d in re.findall(r'<path[^>]* d="([^"]+)"', group):
            if re.search(r"[^MLml\d.,\s-]", d):
                continue
            xy = [(float(a), float(b)) for a, b in re.findall(r"([-\d.]+),([-\d.]+)", d)]
            for (xa, ya), (xb, yb) in zip(xy, xy[1:], strict=False):
                n = max(1, int(((xb - xa) ** 2 + (yb - ya) ** 2) ** 0.5 / 2))
                pts += [(xa + (xb - xa) * k / n, ya + (yb - ya) * k / n) for k in range(n + 1)]
    return pts


def overlap(a, b) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def drawn_points(svg: str, beside: bool = True) -> list[tuple[str, float, float]]:
    """(period, x, y) of every point drawn (baseline, measurements, target), from its aria-label;
    with ``beside``, a comparable series' points too (3.3.1: Eurostat)."""
    out = []
    for group in re.findall(r'<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)</g>', svg, re.S):
        for m in re.finditer(r'<path aria-label="([^"]*)"[^>]*transform="translate\(([-\d.e]+),([-\d.e]+)\)"', group):
            # the chart's own points read as a sentence ("Meting 2019: 31.391 … Bron: …"), a comparable
            # series' as Vega's field list ("Reeks: Eurostat – …; Periode: 2019; …")
            period = re.match(r"(?:[^:]* – )?[^:]*? (\d{4}(?:[-–]\d{4})?): ", m.group(1)) \
                or re.search(r"(?:Periode|Period): ([^;]+)", m.group(1))
            if period and (beside or "Eurostat" not in m.group(1)):
                out.append((period.group(1), float(m.group(2)), float(m.group(3))))
    return out


def box_distance(box, x: float, y: float) -> float:
    return ((max(box[0] - x, 0.0, x - box[2])) ** 2 + (max(box[1] - y, 0.0, y - box[3])) ** 2) ** 0.5


def assert_labels_beside_their_points(svg: str, where, beside: bool = True) -> None:
    """A label that names a period ("2016: 1.577", "Doel 2030: 1.200") lies nearer to that period's
    point than to any other point of the chart: on a phone "2016: 1.577" once stood beside the 2017
    point (3.1.1). With ``beside``, it also keeps clear of a comparable series' points (3.3.1's target
    label touched the 2022 Eurostat point on paper); a plot under 600 px has no room for that beside
    three Eurostat lines."""
    own_points = drawn_points(svg, beside=False)
    beside_points = [p for p in drawn_points(svg) if p not in own_points] if beside else []
    for text, box in label_boxes(svg):
        year = re.search(r"(\d{4}):", text)
        own = [(x, y) for p, x, y in own_points if year and p == year.group(1)]
        if not own or text.lower().startswith("trend"):   # where the trend leaves the plot: no point of its own
            continue
        d_own = min(box_distance(box, x, y) for x, y in own)
        others = [(p, round(box_distance(box, x, y))) for p, x, y in own_points
                  if min(abs(x - ox) + abs(y - oy) for ox, oy in own) > 1]
        assert all(d + 1 >= d_own for _, d in others), (where, text, round(d_own), others)
        touched = [(p, round(box_distance(box, x, y), 1)) for p, x, y in beside_points if box_distance(box, x, y) < 3]
        assert not touched, (where, text, touched)


@pytest.mark.parametrize("kind", ["projector", "print"])
@pytest.mark.parametrize("code", SINGLE)
def test_labels_do_not_overlap_each_other_or_the_lines(code, kind):
    svg, df = drawn(code, kind)
    boxes = label_boxes(svg)
    labels = set(df.loc[df["label"] != "", "label"])
    assert labels <= {t for t, _ in boxes}, "every baseline/target label is drawn"
    for i, (ta, a) in enumerate(boxes):
        for tb, b in boxes[i + 1:]:
            assert not overlap(a, b), (code, ta, tb)
    pts = line_points(svg)
    for text, (x0, y0, x1, y1) in boxes:
        hit = [p for p in pts if x0 + 2 < p[0] < x1 - 2 and y0 + 2 < p[1] < y1 - 2]
        assert not hit, (code, text, hit[:3])
    assert_labels_beside_their_points(svg, (code, kind))


def plot_size(svg: str) -> tuple[float, float]:
    """Width and height of the plot (the layer's view background) in a rendered chart."""
    w, h = re.search(r'class="background"[^>]* d="M0,0h([\d.]+)v([\d.]+)', svg).groups()
    return float(w), float(h)


# a card on a 360-390 px phone, a tablet or a card beside its facts on a desktop (in both languages: the
# English legend is the longest), a wide desktop card; 440 and 640 px charts fit plots in the band below
# their own width (the labels once vanished there)
@pytest.mark.parametrize("width, lang", [(322, "nl"), (440, "nl"), (560, "nl"), (560, "en"), (640, "en"), (900, "nl")])
@pytest.mark.parametrize("code", SINGLE)
def test_screen_labels_fit_the_plot_at_every_width(code, width, lang):
    """A screen chart is as wide as its slot: on a phone its labels (without the unit, which the y axis
    names) stay inside the plot, clear of each other, and the line legend shows every line; wider, the
    labels with their unit. Before, labels placed for 620 px ran over the y axis, out of the picture and
    into each other on a phone (1.2.1 at 390 px), and "Trend" fell off the legend."""
    spec, df = screen_spec(code, lang)
    spec = {**spec, "width": width, "autosize": {"type": "fit", "contains": "padding"}}
    svg = to_svg(spec, lang).decode()
    pw, ph = plot_size(svg)
    boxes = label_boxes(svg)
    texts = [t for t, _ in boxes]
    assert len(texts) == len(set(texts)), ("one placement per width", texts)
    full = set(df.loc[df["label"] != "", "label"])
    if pw >= 600:
        assert full <= set(texts)
    else:
        assert len(texts) >= len(full) and not any("(" in t for t in texts if t not in full), texts
    for i, (ta, a) in enumerate(boxes):
        assert a[0] >= -2 and a[2] <= pw + 12 and a[1] >= -4 and a[3] <= ph + 4, (code, width, ta, a, (pw, ph))
        for tb, b in boxes[i + 1:]:
            assert not overlap(a, b), (code, width, ta, tb)
    assert_labels_beside_their_points(svg, (code, width, lang), beside=pw >= 600)
    # a screen reader hears the labels' values through the points and the card, not once per band and halo
    read_out = " ".join(re.findall(r'aria-label="([^"]*)"', svg))
    assert not [t for t in texts if f"label: {t}" in read_out], (code, width, "a label is read out (per band and halo)")
    legend = re.findall(r'<g class="mark-text role-legend-label"[^>]*>(.*?)</g>', svg, re.S)
    shown = set(re.findall(r">([^<>]+)</text>", "".join(legend)))
    lines = {el_label(e, lang=lang) for e in (EL_MEAS, EL_PATH, EL_TREND)}
    drawn_lines = {e for e in lines if (df["element"] == e).sum() >= 2}
    assert drawn_lines <= shown, (code, width, drawn_lines - shown)
    # nothing runs off the picture: no dark pixel in its rightmost column
    assert right_edge_is_clear(svg), (code, width, lang, "cut off at the right edge")


def test_a_newly_imported_measurement_gets_a_label():
    v = VISION.with_observations(pd.DataFrame([{"indicator": "2.1.2", "geo": "ZWV", "period": "2022", "value": 6950,
                                                "source": "test", "note": ""}]))
    chart, df = build_chart(v, "2.1.2", lang='nl', theme="print")
    svg = to_svg(chart.to_dict(validate=False)).decode()
    texts = [t for t, _ in label_boxes(svg)]
    assert "2022: 6.950 personen" in texts
    assert "Trend (projectie tot 2030)" in set(df["element"])        # two measurements: the trend is drawn


@pytest.mark.parametrize("kind", ["print", "projector"])
def test_a_slide_shows_the_eurostat_chart_as_large_as_the_others(kind):
    """A slide (and a landscape PDF page: print) fits a chart's picture into the same free area: 3.3.1's
    Eurostat legend under the plot made its picture so tall that the slide showed it at about half the
    width of every other chart, and presentation mode (projector) at 1080 px pushed that legend off the
    screen."""
    def proportion(code: str) -> float:
        svg = drawn(code, kind)[0]
        w, h = (float(v) for v in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups())
        return w / h
    assert proportion("3.3.1") >= 0.85 * proportion("3.1.1"), (proportion("3.3.1"), proportion("3.1.1"))


@pytest.mark.parametrize("lang, expected", [
    ("nl", "Meting 2019: 31.391 ondernemingen. Bron: "),
    ("en", "Measurement 2019: 31,391 enterprises. Source: "),
])
def test_a_screen_reader_hears_a_point_once_as_a_sentence(lang, expected):
    """Each point of an interactive chart is read out as one sentence: kind, period, value, source. Vega's
    own reading listed the fields, with year and value twice ("Jaar: 2019; Aantal ondernemingen: 31.391;
    Reeks: 1.2.1; Soort: Meting; Periode: 2019; Waarde: 31.391 ondernemingen; Bron: …")."""
    spec, _ = screen_spec("1.2.1", lang)
    svg = to_svg(spec, lang).decode()
    points = re.findall(r'aria-roledescription="point"', svg)
    read = [a for a in re.findall(r'aria-label="([^"]*)"[^>]*aria-roledescription="point"', svg)]
    assert points and len(read) == len(points)
    assert any(a.startswith(expected) for a in read), read
    for a in read:     # before the source (whose dataset name may hold a year): period and value once
        said = a.split(". Bron: " if lang == "nl" else ". Source: ")[0]
        assert said.count("31.391" if lang == "nl" else "31,391") <= 1 and said.count("2019") <= 1, a
