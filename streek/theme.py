"""Chart themes in one place: the same chart builder (``streek.charts.build_chart``) draws for the
screen, a projector or paper; only the theme differs.

``get_theme(kind)`` gives a ``Theme`` (sizes of the plot, text and marks, colours) and
``theme_config(kind)`` its Vega-Lite ``config``. Kinds:

- ``screen``: the app's cards (620 px wide, 13 px text);
- ``projector``: presentation mode at 1920 x 1080, text 20-22 px, thick lines;
- ``print``: PNG for the deck and the PDF; the text size is computed from the picture's width on
  paper so that every text is at least ``PRINT_MIN_PT`` (10 pt) where the picture is printed at
  ``PRINT_MIN_WIDTH_IN`` or wider (A4 landscape between 12 mm margins; a slide is wider still).

Text and axes are near-black on white (contrast >= 4,5 : 1 for every text colour, tested).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

KINDS = ("screen", "projector", "print")

TEXT_COLOR = "#1B1F24"          # 16 : 1 on white
AXIS_COLOR = "#3A3F45"          # domain and ticks, 10 : 1
GRID_COLOR = "#D9D9D9"
MEASURED_COLOR = "#0B3C6F"      # measured series of a single-series chart: dark blue, 11 : 1
NEUTRAL = "#4D4D4D"             # baseline, required path
TARGET_COLOR = "#1B1F24"
# sub-targets: a line per series, dark enough for text contrast >= 4,5 : 1 and distinguishable
SERIES_COLORS = ["#0B3C6F", "#A33F00", "#1B6E3A", "#7A2E8C", "#8A6D00", "#00607A", "#000000"]

PRINT_MIN_PT = 10.0
PRINT_MIN_WIDTH_IN = 10.7       # 297 mm - 2 x 12 mm = 273 mm
PRINT_PLOT_WIDTH = 850          # plot width in px of a printed chart; the picture adds the y axis and
PRINT_IMAGE_WIDTH = 1300        # the legend beside the plot: at most this wide (tested for every chart)


def pt_to_px(pt: float, image_px: float = PRINT_IMAGE_WIDTH, printed_in: float = PRINT_MIN_WIDTH_IN) -> int:
    """Pixels (of the chart spec) that print as ``pt`` points when a picture ``image_px`` wide is
    printed ``printed_in`` inches wide (the PNG scale factor cancels out)."""
    return math.ceil(pt * image_px / (printed_in * 72))


def px_to_pt(px: float, image_px: float, printed_in: float) -> float:
    return px * printed_in * 72 / image_px


@dataclass(frozen=True)
class Theme:
    kind: str
    width: int              # plot width (px)
    height: int             # plot height (px), without legends
    axis_label: int         # font sizes (px)
    axis_title: int
    legend_label: int
    mark_label: int         # labels of baseline, target, latest measurement
    stroke_measured: float
    stroke_path: float
    stroke_trend: float
    point_size: int         # area (px^2) of a measurement point
    legend_columns: int     # sub-target legend: columns (codes only beside the chart in print/projector)
    legend_room: int = 0    # px added to the plot where no legend stands beside it (projector, print)

    @property
    def config(self) -> dict:
        return theme_config_of(self)


_THEMES = {
    "screen": Theme("screen", 620, 320, 13, 14, 13, 13, 2.8, 1.8, 2.2, 70, 1),
    "projector": Theme("projector", 1100, 460, 20, 22, 20, 21, 5.0, 3.0, 3.6, 200, 1, 200),
    "print": Theme("print", PRINT_PLOT_WIDTH, 340, pt_to_px(PRINT_MIN_PT), pt_to_px(11), pt_to_px(PRINT_MIN_PT),
                   pt_to_px(10.5), 4.0, 2.6, 3.0, 150, 1, 300),
}


def get_theme(kind: str = "screen") -> Theme:
    if kind not in _THEMES:
        raise ValueError(f"unknown chart theme {kind!r}: expected one of {', '.join(KINDS)}")
    return _THEMES[kind]


# A font named first that vl-convert also measures with (a still SVG's text is drawn by the reader's
# browser: with plain "sans-serif" a wider browser font runs over the picture's edge). Streek Sans is
# DejaVu Sans cut to what charts write (streek/fonts, registered by streek.png_worker.converter): the
# same widths, measured in less time. A browser does not have it and draws DejaVu Sans, Verdana or Arial.
FONT = "Streek Sans, DejaVu Sans, Verdana, Arial, sans-serif"


def theme_config_of(th: Theme) -> dict:
    return {
        "background": "white",
        "font": FONT,
        "view": {"strokeWidth": 0},
        "axis": {"labelFontSize": th.axis_label, "titleFontSize": th.axis_title, "labelColor": TEXT_COLOR,
                 "titleColor": TEXT_COLOR, "titleFontWeight": "bold", "domainColor": AXIS_COLOR,
                 "tickColor": AXIS_COLOR, "domainWidth": 1.5 if th.kind != "screen" else 1,
                 "tickWidth": 1.5 if th.kind != "screen" else 1, "gridColor": GRID_COLOR,
                 "titlePadding": 10 if th.kind != "screen" else 6,
                 # Vega's own spacing, stated: Streamlit's chart theme sets its own (no axis line and no
                 # ticks, 16 px around labels), so the interactive chart lays out as its still picture
                 # (vl-convert) and the labels placed for the plot's size land where they were placed
                 "ticks": True, "tickSize": 5, "domain": True, "labelPadding": 2, "labelLimit": 180},
        "legend": {"labelFontSize": th.legend_label, "titleFontSize": th.legend_label, "labelColor": TEXT_COLOR,
                   "titleColor": TEXT_COLOR, "symbolStrokeWidth": th.stroke_measured,
                   "symbolSize": 400 if th.kind == "screen" else 900, "labelLimit": 0,
                   "titleFontWeight": "bold", "padding": 0, "labelOffset": 4, "titlePadding": 5,
                   "rowPadding": 2, "columnPadding": 10, "offset": 18},
        "text": {"color": TEXT_COLOR, "fontSize": th.mark_label},
    }


def theme_config(kind: str = "screen") -> dict:
    """The Vega-Lite ``config`` of a theme (one place for every chart)."""
    return get_theme(kind).config


def contrast_ratio(fg: str, bg: str = "#FFFFFF") -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours."""
    def lum(c: str) -> float:
        c = c.lstrip("#")
        ch = [int(c[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    a, b = lum(fg), lum(bg)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
