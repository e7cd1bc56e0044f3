"""AppTest: the pillar pages have one chart per document ambition holding the document's figures;
the overview lists every ambition with the status streek computes; ``?ambitie=`` selects a card."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from conftest import open_via_router, page_title
from pages.jump import block_anchor
from pages.pillar_view import whole_pillar_state
from html_tables import html_tables, read_table

from streek import charts, load_vision
from streek.charts import EL_AVG, EL_AVG_TARGET, EL_BASE, EL_FLOOR, EL_TARGET, el_label, series_of
from streek.card import reason_text, status_label, status_text
from streek.i18n import t
from streek.progress import STATUS_ORDER, assess
from streek.render import to_svg

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
VISION = load_vision()
STATUS = {a.code: assess(a, VISION.series(a.code)) for a in VISION.ambitions}


def open_page(page: str, **params) -> AppTest:
    return open_via_router(page, **params)


def chart_frames(at: AppTest) -> list[tuple[dict, pd.DataFrame]]:
    out = []
    for el in at.get("vega_lite_chart"):
        spec = json.loads(el.proto.spec)
        assert len(el.proto.datasets) == 1
        table = pa.ipc.open_stream(el.proto.datasets[0].data.data).read_all().to_pandas()
        out.append((spec, table))
    return out


def walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from walk(child)


def card_block(at: AppTest, code: str):
    key = "ambitie-" + code.replace(".", "-")
    found = [b for b in walk(at.main) if type(b).__name__ == "Block" and b.proto.id.endswith("-" + key)]
    assert len(found) == 1, f"one card for {code}"
    return found[0]


def make_live(at: AppTest, pillar: str) -> AppTest:
    """As if the reader pressed "Interactieve grafiek" on every card of the page."""
    for code in charts.document_ambitions(VISION, pillar):
        at.session_state["live-ambitie-" + code.replace(".", "-")] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(scope="module")
def pillar_pages():
    return {p: make_live(open_page(f"pages/pillar_{p}.py", bouwsteen="alle", state=whole_pillar_state(VISION, p)), p)
            for p in "123"}


def first_block_codes(pillar: str) -> list[str]:
    """The cards a pillar page shows by default: its first building block's."""
    first = VISION.blocks_of(pillar)[0].code
    return [c for c in charts.document_ambitions(VISION, pillar) if series_of(VISION, c)[0].building_block == first]


def card_headings(at: AppTest) -> list[str]:
    """The cards' headings ("2.1.2 · <title>", as HTML) in page order (pages/ui.heading_html), of full
    cards and of a far block's light cards alike."""
    return [x for h in at.get("html") for x in re.findall(r'<h4 class="card-title"[^>]*>(.*?)</h4>', h.proto.body)]


def card_codes(at: AppTest) -> list[str]:
    return [h.split(" · ")[0] for h in card_headings(at)]


def block_headings(at: AppTest) -> list[str]:
    """The building blocks' headings ("2.1 <title>", as HTML) in page order, with their id
    (``#bouwsteen-2-1``) and the grey line of ``st.header(divider="gray")`` under them."""
    found = [m for h in at.get("html")
             for m in re.findall(r'<h2 class="card-title" id="bouwsteen-([\d-]+)">(.*?)</h2><hr class="card-rule">', h.proto.body)]
    assert all(anchor == title.split(" ")[0].replace(".", "-") for anchor, title in found), found
    return [title for _, title in found]


@pytest.mark.parametrize("pillar", "123")
def test_first_render_sends_still_images_only(pillar):
    """A pillar page first sends one still SVG per card of its first building block (with the chart's
    alt text): no Vega chart, no data grid, no download button; "Interactieve grafiek" mounts the
    chart of that card only."""
    at = open_page(f"pages/pillar_{pillar}.py")
    codes = first_block_codes(pillar)
    assert card_codes(at) == codes
    assert not at.get("vega_lite_chart") and not at.dataframe and not at.get("download_button")
    stills = [h.proto.body for h in at.get("html") if 'class="streek-still"' in h.proto.body]
    assert len(stills) == len(codes)
    res = {a.code: STATUS[a.code] for a in VISION.ambitions}
    import html as _html
    for code, body in zip(codes, stills):
        # the SVG travels by URL (a content-named file under static/gen/), not inside the run
        from pages.pillar_view import card_bundle, data_version
        from pages.static_files import PHONE_WIDTH, laid_out
        src = re.search(r'<img class="streek-still" src="(app/static/gen/[0-9a-f]{40}\.svg)"', body)
        assert src, code
        svg = (ROOT / "static" / src.group(1).removeprefix("app/static/")).read_bytes()
        b = card_bundle(code, data_version(VISION), "nl", VISION, res)     # the card's chart, laid out at phone width
        assert svg == to_svg(laid_out(b["export"], PHONE_WIDTH, b["spec"]["height"]), "nl"), code   # (wider ones: <source>)
        assert f'alt="{_html.escape(charts.chart_alt_text(VISION, code, res, lang="nl"), quote=True)}"' in body, code
    last = codes[-1]
    at.button(key="live-btn-ambitie-" + last.replace(".", "-")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("vega_lite_chart")) == 1
    assert card_block(at, last).get("vega_lite_chart")
    assert not at.dataframe and not at.get("download_button")   # the data stays closed until asked


def test_a_card_turns_live_when_scrolled_to_without_moving_the_page():
    """The page carries one script (run in the browser: tests/test_browser_pillars.py::
    test_card_far_down_becomes_interactive_without_rerunning_the_page) that presses a card's
    "Interactieve grafiek" button, found by its st.key, when the reader scrolls to it; every still image
    is exactly as high as the interactive chart that replaces it, and so is Vega's loading placeholder."""
    from pages.pillar_view import anchor_key, card_bundle, data_version
    at = open_page("pages/pillar_2.py")
    scripts = [h.proto for h in at.get("html") if "<script src=" in h.proto.body]   # (the frame's own sets <html lang>)
    assert len(scripts) == 1 and scripts[0].unsafe_allow_javascript
    # the script travels as a published file (cached by the browser), its settings beside it
    src = re.search(r'<script src="(app/static/gen/[0-9a-f]{40}\.js)" data-cfg="([^"]+)"', scripts[0].body)
    assert src, scripts[0].body
    assert b"__streekLiveOnScroll" in (ROOT / "static" / src.group(1).removeprefix("app/static/")).read_bytes()
    assert json.loads(src.group(2).replace("&quot;", '"')) == {"btn": "st-key-live-btn-", "cards": "ambitie-", "page": "pijler-2",
                                                                "full": "st-key-full-btn-"}
    stills = [h.proto.body for h in at.get("html") if 'class="streek-still"' in h.proto.body]
    codes = first_block_codes("2")
    assert len(stills) == len(codes) > 1
    res = {a.code: STATUS[a.code] for a in VISION.ambitions}
    for code, still in zip(codes, stills):
        height = card_bundle(code, data_version(VISION), "nl", VISION, res)["spec"]["height"]
        assert f"height:{height}px;object-fit:contain" in still, code
        assert f".st-key-{anchor_key(code)} .stPrintGraphic>[data-testid=stSkeleton]{{height:{height}px}}" in scripts[0].body
    assert at.button(key="live-btn-" + anchor_key(codes[-1])).label == "Interactieve grafiek"


@pytest.mark.parametrize("pillar,n", [("1", 12), ("2", 10), ("3", 9)])
def test_one_chart_per_document_ambition(pillar_pages, pillar, n):
    at = pillar_pages[pillar]
    assert len(at.get("vega_lite_chart")) == n == len(charts.document_ambitions(VISION, pillar))
    headings = card_headings(at)
    for code in charts.document_ambitions(VISION, pillar):
        title = series_of(VISION, code)[0].title_nl
        assert html.escape(f"{code} · {title}") in headings   # the document's title, exactly


@pytest.mark.parametrize("pillar", "123")
def test_each_chart_holds_baseline_and_target(pillar_pages, pillar):
    at = pillar_pages[pillar]
    frames = chart_frames(at)
    for code, (spec, df) in zip(charts.document_ambitions(VISION, pillar), frames):
        assert spec["layer"], code
        for a in series_of(VISION, code):
            mine = df[df["code"] == a.code]
            assert not mine.empty, f"{a.code} missing from the chart of {code}"

            def values(el, mine=mine):
                return set(mine.loc[mine["element"] == el_label(el, lang="nl"), "waarde"])

            if a.target_kind == "level":
                assert a.baseline_value in values(EL_BASE) and a.target_value in values(EL_TARGET), a.code
            elif a.target_kind == "relative_change":
                assert 100 + a.target_value in values(EL_TARGET), a.code
            elif a.target_kind == "maintain":
                assert values(EL_FLOOR) == {a.target_value}, a.code
            elif a.target_kind == "period_average":
                assert a.baseline_value in values(EL_AVG) and a.target_value in values(EL_AVG_TARGET), a.code
            else:
                assert a.target_value in values(EL_TARGET), a.code


def test_cards_show_status_word_and_reason(pillar_pages):
    at = pillar_pages["1"]
    import html as _html
    shown = [h.proto.body for h in at.get("html")]          # facts, status (badge and reason) and notes, as HTML
    html = "\n".join(shown)
    r = STATUS["1.2.1"]
    assert any(status_label(r.status, "nl") in b and _html.escape(reason_text(r.reason, "nl")) in b for b in shown)
    # absolute and relative change, and the printed figure where it differs (1.4.2: +23,1 % printed, +23,2 % computed)
    assert _html.escape("+1.506 personen (+23,2 %) – het document drukt +23,1 % af") in html
    assert _html.escape("31.391 ondernemingen (2019)") in html   # latest measurement, Dutch formatted, with year


def overview_rows(at: AppTest) -> pd.DataFrame:
    """The overview's static tables (one per pillar) as one frame: code, status, ... and the link."""
    frames = []
    for table in html_tables(at):
        df = read_table(table)
        frames.append(df.assign(link=df.attrs["links"], alts=df.attrs["alts"]))
    return pd.concat(frames, ignore_index=True).rename(columns={"Code": "code", "Status": "status"})


def test_overview_lists_every_ambition_with_computed_status():
    at = open_page("pages/overview.py")
    assert len(at.dataframe) == 0                 # static tables: no data grid to load in the browser (issue 9)
    tables = html_tables(at)
    assert len(tables) == 3
    for table in tables:                          # accessible: a caption, column headers, the code names its row
        assert "<caption>" in table and '<th scope="col"' in table and '<th scope="row"' in table
    df = overview_rows(at)
    assert sorted(df["code"]) == sorted(a.code for a in VISION.ambitions)
    pillar_of = {a.code: a.pillar for a in VISION.ambitions}
    for row in df.itertuples():
        r = STATUS[row.code]
        assert row.status == status_text(r.status, "nl"), row.code      # symbol and word
        assert row.link == f"pijler-{pillar_of[row.code]}?ambitie={row.code}"   # the code opens its card
    # a series with more than one measurement keeps its course as a still sparkline with words
    spark = df.set_index("code").loc["1.2.1", "alts"]
    assert len(spark) == 1 and spark[0].startswith("Verloop van 2 metingen, van 28.309 naar 31.391")


def test_overview_filter_by_status_from_the_url():
    # the filter is kept in the URL as a stable code (?status=on_track): a shared link keeps it
    at = open_page("pages/overview.py", status="on_track")
    assert at.pills(key="status-pills").value == ["on_track"]
    assert at.query_params["status"] in ("on_track", ["on_track"])     # the code, not "Op koers"
    df = overview_rows(at)
    expected = sorted(c for c, r in STATUS.items() if r.status.value == "on_track")
    assert expected and sorted(df["code"]) == expected


def test_overview_filter_by_pillar_and_geography():
    at = open_page("pages/overview.py")
    at.pills(key="pijler-pills").set_value(["2"]).run()
    at.pills(key="gebied-pills").set_value(["34000"]).run()
    assert at.query_params["pijler"] in ("2", ["2"]) and at.query_params["gebied"] in ("34000", ["34000"])   # codes
    df = overview_rows(at)
    expected = sorted(a.code for a in VISION.ambitions if a.pillar == "2" and a.geography == "34000")
    assert expected == ["2.2.1", "2.2.3"] and sorted(df["code"]) == expected


def test_overview_sort_order_in_the_url_and_the_interactive_table_on_request():
    """The order the grid's column headers gave: by status (best first) or area, kept in the URL
    as a code; the interactive grid (any column, search) and the downloads open on one click."""
    at = open_page("pages/overview.py", sorteer="status", pijler="1")
    assert at.segmented_control(key="sorteer-choice").value == "status"
    codes = list(overview_rows(at)["code"])
    order = [s.value for s in STATUS_ORDER]
    ranks = [order.index(STATUS[c].status.value) for c in codes]
    assert ranks == sorted(ranks) and codes[0] == "1.3.1" and len(codes) == 14     # 1.3.1: target met
    at.segmented_control(key="sorteer-choice").set_value("code").run()
    assert "sorteer" not in at.query_params                                          # the default stays out
    assert list(overview_rows(at)["code"])[:3] == ["1.1.1", "1.1.2", "1.2.1"]
    assert len(at.dataframe) == 0 and not at.get("download_button")
    at.session_state["overzicht-data"] = True          # the reader opens "Interactieve tabel en downloads"
    at.run()
    grid = at.dataframe[0].value
    assert list(grid["open"]) == [f"pijler-1?ambitie={c}" for c in overview_rows(at)["code"]]
    assert [b.proto.label for b in at.get("download_button")] == ["CSV", "XLSX"]


def test_overview_in_english_has_english_words_numbers_and_links():
    at = open_page("pages/overview.py", lang="EN")
    df = overview_rows(at)
    assert at.title[0].value == "Overview of the ambitions"
    row = df.set_index("code").loc["1.2.1"]
    assert row["status"] == status_text(STATUS["1.2.1"].status, "en")
    assert row["Latest measurement"] == "31,391 enterprises (2019)" and row["Target"] == "34,000 enterprises in 2030"
    assert row["link"] == "pijler-1?ambitie=1.2.1&lang=EN"                    # the card opens in English
    assert row["alts"] == ["Course of 2 measurements, from 28,309 to 31,391"]
    assert "Pillar 1: 14 target series, order: Code" in html_tables(at)[0]


def test_deep_link_selects_the_card():
    at = open_page("pages/pillar_2.py", ambitie="2.1.2")
    card = card_block(at, "2.1.2")
    assert [i.value for i in card.info] == ["Je opende deze ambitie via een link."]
    assert len(at.info) == 1   # no other card is marked
    # the deep-linked card is interactive from the start; the others stay still images
    assert len(card_block(at, "2.1.2").get("vega_lite_chart")) == 1 and len(at.get("vega_lite_chart")) == 1


def block_codes(pillar: str, block: str) -> list[str]:
    return [c for c in charts.document_ambitions(VISION, pillar) if series_of(VISION, c)[0].building_block == block]


def stills_of(at: AppTest) -> int:
    return len([h for h in at.get("html") if 'class="streek-still"' in h.proto.body])


@pytest.mark.parametrize("lang,label", [("NL", "Grafieken en details van 1.3 tonen"), ("EN", "Show the charts and details of 1.3")])
def test_every_block_view_shows_far_blocks_light_until_the_reader_asks(lang, label):
    """"Alle bouwstenen": the first block's cards in full; every other block's cards first as their
    heading, facts and status (the card model's HTML) with one button, which shows that block's full
    cards (a fragment: the rest stays as it was), and a rerun keeps them."""
    from pages.ui import facts_html
    from streek.card import build_card
    at = open_page("pages/pillar_1.py", lang=lang, bouwsteen="alle")
    blocks = [b.code for b in VISION.blocks_of("1")]
    first, far = block_codes("1", blocks[0]), [c for b in blocks[1:] for c in block_codes("1", b)]
    assert card_codes(at) == charts.document_ambitions(VISION, "1")        # every card's heading, in order
    assert stills_of(at) == len(first)                                     # charts: the first block only
    for code in far:
        with pytest.raises(AssertionError):
            card_block(at, code)                                           # no full card yet ...
        light = [h.proto.body for h in at.get("html") if 'class="light-card"' in h.proto.body]
        for sc in build_card(VISION, code, lang.lower()).series:        # ... but its facts and status
            assert any(facts_html(sc) in body and sc.status_label in body for body in light), code
    # on paper a light card says why its chart is missing (hidden on screen: ui.BADGE_CSS)
    assert all(body.count('<p class="light-print-note">') == body.count('<section class="light-card" data-card="ambitie-')
               for body in light) and t("pillars.block.print_note", lang.lower()) in light[0]
    # a far block before the reader asks is one element: its heading, its summary, its light cards and what
    # the button does (the button has no tooltip: Streamlit draws a button with one twice)
    for blk in VISION.blocks_of("1")[1:]:
        own = [b for b in light if f'id="{block_anchor(blk.code)}"' in b]
        assert len(own) == 1 and html.escape(blk.summary(lang.lower())) in own[0], blk.code
        assert own[0].count('<section class="light-card"') == len(block_codes("1", blk.code))
        assert html.escape(t("pillars.block.full_help", lang.lower())) in own[0]
    buttons = {b.key: b.label for b in at.button if b.key and b.key.startswith("full-btn-")}
    assert set(buttons) == {f"full-btn-{b.replace('.', '-')}" for b in blocks[1:]}    # one per far block
    assert buttons["full-btn-1-3"] == label
    assert not any(b.help for b in at.button if b.key and b.key.startswith(("full-btn-", "live-btn-")))
    at.button(key="full-btn-1-3").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert stills_of(at) == len(first) + len(block_codes("1", "1.3"))
    assert all(card_block(at, c) for c in block_codes("1", "1.3"))
    assert sum(f'id="{block_anchor("1.3")}"' in h.proto.body for h in at.get("html")) == 1   # its heading stays, once
    assert "full-btn-1-3" not in {b.key for b in at.button} and "full-btn-1-2" in {b.key for b in at.button}
    assert card_codes(at) == charts.document_ambitions(VISION, "1")
    at.run()                                                               # a rerun keeps the block full
    assert stills_of(at) == len(first) + len(block_codes("1", "1.3"))


def test_block_selector_shows_one_block_or_all():
    """One building block at a time (the first by default), chosen by a URL-bound selector with
    stable codes; ``alle`` shows the whole pillar; a code of another pillar falls back to the first."""
    at = open_page("pages/pillar_2.py")
    pills = at.get("button_group")
    sel = [p for p in pills if "2.1" in p.proto.options[0].content]
    assert len(sel) == 1 and [o.content for o in sel[0].proto.options][-1] == "Alle bouwstenen"
    assert card_codes(at) == first_block_codes("2") and block_headings(at)[0].startswith("2.1 ")
    at = open_page("pages/pillar_2.py", bouwsteen="2.3")
    assert [h.split(" ")[0] for h in block_headings(at)] == ["2.3"]
    assert card_codes(at) and all(series_of(VISION, c)[0].building_block == "2.3" for c in card_codes(at))
    at = open_page("pages/pillar_2.py", bouwsteen="alle")
    assert card_codes(at) == charts.document_ambitions(VISION, "2")
    assert [h.split(" ")[0] for h in block_headings(at)] == ["2.1", "2.2", "2.3"]
    at = open_page("pages/pillar_2.py", bouwsteen="3.1")
    assert card_codes(at) == first_block_codes("2")


def test_the_block_choice_of_one_pillar_does_not_carry_over_to_another():
    at = open_page("pages/pillar_1.py", bouwsteen="alle")
    assert len(block_headings(at)) == len(VISION.blocks_of("1"))
    at.query_params.clear()
    at.switch_page("pages/pillar_2.py").run()          # the menu link: no ?bouwsteen=
    assert not at.exception, [e.value for e in at.exception]
    assert card_codes(at) == first_block_codes("2") and at.query_params.get("bouwsteen") in (None, "2.1")


def test_deep_link_selects_the_block_of_the_ambition():
    at = open_page("pages/pillar_2.py", ambitie="2.3.2")
    assert [h.split(" ")[0] for h in block_headings(at)] == ["2.3"]
    assert "2.3.2" in card_codes(at) and card_block(at, "2.3.2").info
    at = open_page("pages/pillar_2.py", ambitie="2.3.2", bouwsteen="alle")   # "all" already shows it
    assert card_codes(at) == charts.document_ambitions(VISION, "2") and card_block(at, "2.3.2").info


def test_deep_link_on_the_wrong_pillar_opens_the_right_one():
    at = open_page("pages/pillar_1.py", ambitie="3.2.2")
    assert page_title(at).startswith("Pijler 3")
    assert card_block(at, "3.2.2").info[0].value == "Je opende deze ambitie via een link."


def test_deep_link_on_the_overview_and_to_a_sub_target():
    at = open_page("pages/overview.py", ambitie="2.1.1c")
    assert page_title(at).startswith("Pijler 2")
    assert card_block(at, "2.1.1").info


def test_unknown_ambition_warns():
    at = open_page("pages/pillar_1.py", ambitie="9.9.9")
    assert any("9.9.9" in w.value for w in at.warning)
    assert len([h for h in at.get("html") if 'class="streek-still"' in h.proto.body]) == len(first_block_codes("1"))


def test_rerun_uses_cached_chart_specs(monkeypatch):
    from pages.pillar_view import card_bundle
    from pages.still_view import still_image
    st.cache_data.clear()
    card_bundle.clear()
    still_image.clear()
    at = make_live(open_page("pages/pillar_3.py", bouwsteen="alle", state=whole_pillar_state(VISION, "3")), "3")
    assert len(at.get("vega_lite_chart")) == 9

    def boom(*a, **k):
        raise AssertionError("chart rebuilt on rerun")

    monkeypatch.setattr(charts, "build_chart", boom)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("vega_lite_chart")) == 9


def test_map_link_only_where_municipal_values_exist():
    from pages.pillar_view import card_bundle, data_version

    def bundle(v):
        res = {a.code: assess(a, v.series(a.code)) for a in series_of(v, "1.2.1")}
        return card_bundle("1.2.1", data_version(v), "nl", v, res)

    assert bundle(VISION)["map_codes"] == []
    extra = pd.DataFrame([{"indicator": "1.2.1", "geo": "34022", "period": "2019", "value": 9000.0,
                           "source": "test", "note": ""}])
    assert bundle(VISION.with_observations(extra))["map_codes"] == ["1.2.1"]


def test_resolve_ambition_accepts_document_and_series_codes():
    from pages.pillar_view import ambition_link, resolve_ambition
    assert resolve_ambition(VISION, "2.1.2") == ("2.1.2", "2")
    assert resolve_ambition(VISION, "1.5.2") == ("1.5.2", "1")      # a group code only
    assert resolve_ambition(VISION, "1.5.2b") == ("1.5.2", "1")     # a series opens its group's card
    assert resolve_ambition(VISION, "3.4.a") == ("3.4.a", "3")
    assert resolve_ambition(VISION, "7.7") is None and resolve_ambition(VISION, "") is None
    assert ambition_link("2.1.2", "2") == "pijler-2?ambitie=2.1.2"


def test_overview_accepts_the_stable_status_code_from_the_home_page():
    # the home page links its counts as ?status=on_track (a code that does not depend on the language)
    at = open_page("pages/overview.py", status="on_track")
    assert at.pills(key="status-pills").value == ["on_track"]
    df = overview_rows(at)
    assert sorted(df["code"]) == sorted(c for c, r in STATUS.items() if r.status.value == "on_track")


@pytest.mark.parametrize("code, pillar, said, not_said", [
    ("3.1.1", "3", ["● basiswaarde of meting, ◆ doel", "vereist pad: hier berekend"], "trend"),   # one year of change: no trend
    ("1.2.1", "1", ["● basiswaarde of meting, ◆ doel", "vereist pad en trend: hier berekend"], None),   # 2016-2019: projected
    ("1.1.2", "1", [], "◆"),                       # a level to keep, not yet measured: a floor line, nothing computed
    ("1.4.3", "1", [], "◆"),                       # bars of period averages: no points, no diamond, nothing computed
])
def test_the_source_line_names_only_what_the_chart_draws(code, pillar, said, not_said):
    """The line under a card's chart explains the marks and names the computed lines it draws: 3.1.1 has
    no dotted trend (streek.progress.TREND_MIN_YEARS), so its line does not claim one; a bar chart gets
    no legend of points. (The legend of the marks was never shown: it looked for the element keys among
    their translated words.)"""
    at = open_page(f"pages/pillar_{pillar}.py", ambitie=code)
    caption = " ".join(c.value for c in card_block(at, code).caption)
    for part in said:
        assert part in caption, (part, caption)
    if not_said:
        assert not_said not in caption.lower(), caption
    if not said:
        assert "hier berekend" not in caption, caption


def test_english_cards_mark_the_documents_dutch_title():
    """In English a card's heading is the document's Dutch title, marked lang="nl" for a screen reader
    (WCAG 3.1.2); its place in the document is in English. In Dutch the heading needs no mark."""
    en = [h.proto.body for h in open_page("pages/pillar_2.py", lang="en").get("html") if "card-title" in h.proto.body]
    assert any(b.startswith('<h4 class="card-title">2.1.1 · <span lang="nl">Stijging van het aandeel werkenden')
               and "Building block 2.1" in b for b in en), en[:3]
    # so are the page's title and the building blocks' headings (the code and "Pillar 2:" are not Dutch)
    assert '<h1 class="card-title">Pillar 2: <span lang="nl">Kansrijke arbeidsmarkt</span></h1>' in en
    assert any(b.startswith('<h2 class="card-title" id="bouwsteen-2-1">2.1 <span lang="nl">Kwalitatief aan de slag') for b in en)
    nl = [h.proto.body for h in open_page("pages/pillar_2.py").get("html") if "card-title" in h.proto.body]
    assert any(b.startswith('<h4 class="card-title">2.1.1 · Stijging') for b in nl) and not any('lang="nl"' in b for b in nl)
