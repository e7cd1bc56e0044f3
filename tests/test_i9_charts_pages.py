"""Issue 9 (page weight): the start page's locator maps and presentation mode's chart are still SVG
images first (no Vega for the browser to load), each with its alt text; "Interactieve kaart" /
"Interactieve grafiek" mounts the interactive chart in their place (a fragment: the page's other
elements stay as they are)."""
import html
import json
import re

import pytest

from conftest import ROOT, open_via_router
from streek.i18n import t


def _stills(at) -> list[str]:
    return [el.proto.body for el in at.get("html") if 'class="streek-still' in el.proto.body]


def _svg(body: str) -> str:
    src = re.search(r'src="app/static/(gen/[0-9a-f]{40}\.svg)"', body).group(1)
    return html.unescape((ROOT / "static" / src).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["NL", "EN"])
def test_home_locator_maps_are_still_images_then_interactive(lang):
    at = open_via_router("pages/home.py", lang=lang)
    code = lang.lower()
    assert not at.get("vega_lite_chart")
    stills = _stills(at)
    assert len(stills) == 2                                   # the province inset and the region
    alt = html.escape(t("map.locator.alt", code), quote=True)
    assert all(f'alt="{alt}"' in b for b in stills)
    region = _svg(stills[1])
    for name in ("Kortrijk", "Wervik", "Spiere-Helkijn", t("map.france", code)):
        assert name in region, name                           # the labels are drawn in the picture
    at.button(key="live-btn-home-locator").click().run()
    assert not at.exception, [e.value for e in at.exception]
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2 and not _stills(at)
    tips = json.dumps(json.loads(charts[1].proto.spec))
    assert t("map.tt.municipality", code) in tips             # the interactive map has its tooltip


def test_presentation_chart_is_a_projector_still_then_interactive():
    at = open_via_router("pages/presentation.py", presentatie="1", pijler="2", i="2")
    assert not at.get("vega_lite_chart")
    stills = _stills(at)
    assert len(stills) == 1 and 'alt="2.1.2 · ' in stills[0]
    svg = _svg(stills[0])
    assert "Doel 2030: 6.000 personen" in svg                  # the chart's own label, Dutch numbers
    width = int(re.search(r'<img[^>]*\swidth="(\d+)"', stills[0]).group(1))
    assert 1000 <= width <= 1150                               # ≈ the chart column at 1920 px: type at 1:1
    at.button(key="live-btn-present-2.1.2").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("vega_lite_chart")) == 1 and not _stills(at)
    # the map screen: a still map filling the screen, interactive one click away
    at = open_via_router("pages/presentation.py", presentatie="1", pijler="2", i="11")
    stills = _stills(at)
    assert len(stills) == 1 and 'class="streek-still present-map"' in stills[0] and not at.get("vega_lite_chart")
    assert "Kortrijk" in _svg(stills[0])
    at.button(key="live-btn-present-kaart-2").click().run()
    assert len(at.get("vega_lite_chart")) == 1


@pytest.mark.parametrize("lang,caption,first,last", [
    ("NL", "Van hoog naar laag (2011)", ("Deerlijk", "76,6 %"), ("Kortrijk", "70,4 %")),
    ("EN", "From highest to lowest (2011)", ("Deerlijk", "76.6%"), ("Kortrijk", "70.4%"))])
def test_presentation_map_screen_ranks_the_13_beside_the_map(lang, caption, first, last):
    """Beside the map, the 13 municipalities from the highest value to the lowest with their values as the
    map's tooltips write them (pillar 2: employment rate 20-64, Census 2011), in a table whose header
    row names the columns for a screen reader."""
    from streek import load_vision, mapdata
    at = open_via_router("pages/presentation.py", lang=lang, presentatie="1", pijler="2", i="11")
    tables = [h.proto.body for h in at.get("html") if 'class="present-rank"' in h.proto.body]
    assert len(tables) == 1
    body = tables[0]
    assert f"<caption>{caption}</caption>" in body
    assert re.findall(r'<th scope="col">([^<]+)</th>', body) == [t(k, lang.lower()) for k in
                                                                ("map.table.rank", "map.table.municipality", "map.table.value")]
    rows = re.findall(r'<tr><td class="r">(\d+)\.</td><td>([^<]+)</td><td class="v">([^<]+)</td></tr>', body)
    assert [int(r[0]) for r in rows] == list(range(1, 14))
    assert rows[0][1:] == first and rows[-1][1:] == last
    vision = load_vision()
    frame = mapdata.map_frame(vision, "employment_rate_20_64_census2011", "2011", lang=lang.lower())
    values = dict(zip(frame["gemeente"], frame["waarde"]))
    ordered = [values[name] for _, name, _ in rows]
    assert ordered == sorted(ordered, reverse=True) and len(set(values) & {r[1] for r in rows}) == 13


def test_a_card_still_is_laid_out_for_its_slot_like_the_interactive_chart():
    """A still that stands in for an interactive chart of a given height is laid out as that chart
    would be: exactly that height, at phone width by default and at up to two wider widths from the
    screen width where its slot shows them at ≥ 80 % (one picture for every screen had 5 px text on a
    phone and, at 1920 px, a sub-targets chart 470 px wide in a 1400 px card). Without a height: one
    picture at the spec's own size."""
    from pages.static_files import MIN_SCALE, PHONE_WIDTH, SLOT_OFFSET, still_chart, wide_layouts
    from streek import charts, load_vision
    from streek.progress import assess
    vision = load_vision()
    a = charts.series_of(vision, "2.1.2")[0]
    spec = charts.build_chart(vision, "2.1.2", assess(a, vision.series(a.code)), lang="nl")[0].to_dict(validate=False)

    def size(svg: str) -> tuple[float, float]:
        m = re.search(r'<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"', svg)
        return float(m.group(1)), float(m.group(2))

    def read(url: str) -> str:
        return (ROOT / "static" / url.removeprefix("app/static/")).read_text(encoding="utf-8")

    for share in (1.0, 0.588):
        body = still_chart(spec, "alt", "nl", box_height=370, share=share)
        assert body.startswith("<picture>") and body.endswith("</picture>") and 'class="streek-still"' in body
        assert "height:370px" in body
        img = re.search(r'<img[^>]*src="(app/static/gen/[0-9a-f]{40}\.svg)"', body).group(1)
        w, h = size(read(img))
        assert abs(w - PHONE_WIDTH) <= 2 and abs(h - 370) <= 2, (w, h)
        assert "7.719" in html.unescape(read(img))            # the same chart: its baseline, in Dutch
        sources = re.findall(r'<source media="\(min-width: (\d+)px\)" srcset="(app/static/gen/[0-9a-f]{40}\.svg)"', body)
        assert [int(vw) for vw, _ in sources] == [vw for vw, _ in wide_layouts(share)] and len(sources) == 2
        assert int(sources[0][0]) > int(sources[1][0])        # widest first: the first match wins
        for (vw, url), (_, width) in zip(sources, wide_layouts(share)):
            w, h = size(read(url))
            assert abs(w - width) <= 2 and abs(h - 370) <= 2, (width, w, h)
            slot = (int(vw) - SLOT_OFFSET) * share           # the slot at the smallest screen that uses it
            assert MIN_SCALE * width - 1 <= slot < width, (vw, width, slot)
    assert wide_layouts(1.0) == [(1563, 1300), (1179, 820)]    # a sub-targets chart: the card's full width
    assert "<picture" not in still_chart(spec, "alt", "nl")
    # a still made for a wide screen (presentation mode) with a phone layout for narrow screens
    wide = still_chart({**spec, "width": 850}, "alt", "nl", narrow=(spec, 370))
    phone = re.fullmatch(r'<picture><source media="\(max-width: 640px\)" srcset="(app/static/gen/[0-9a-f]{40}\.svg)"'
                         r' width="(\d+)" height="(\d+)" type="image/svg\+xml"><img [^>]+></picture>', wide)
    assert phone, wide
    w, h = size(read(phone.group(1)))
    assert abs(w - PHONE_WIDTH) <= 2 and abs(h - 370) <= 2 and (round(w), round(h)) == (int(phone.group(2)), int(phone.group(3)))
    main = re.search(r'<img[^>]*src="(app/static/gen/[0-9a-f]{40}\.svg)"', wide).group(1)
    assert size(read(main))[0] > 850                          # the wide layout stays the default


def test_long_series_names_end_in_an_ellipsis_on_a_phone_and_stay_whole_on_a_desktop():
    """The sub-targets' legend is as wide as the plot: on a phone a long name ends in "…" inside the
    picture (it was cut off at the picture's edge); at desktop width it is whole."""
    from pages.static_files import PHONE_WIDTH, laid_out
    from streek import charts, load_vision
    from streek.progress import assess
    from streek.render import to_svg
    vision = load_vision()
    res = {a.code: assess(a, vision.series(a.code)) for a in charts.series_of(vision, "2.1.1")}
    spec = charts.build_chart(vision, "2.1.1", res, lang="nl")[0].to_dict(validate=False)
    name = "2.1.1c Werkzaamheidsgraad personen met een migratieachtergrond (EU-28)"
    desktop = html.unescape(to_svg(spec, "nl").decode())
    phone = html.unescape(to_svg(laid_out(spec, PHONE_WIDTH, spec["height"]), "nl").decode())
    assert f">{name}<" in desktop
    assert f">{name}<" not in phone and re.search(r">2\.1\.1c Werkzaamheidsgraad[^<]*…<", phone)
