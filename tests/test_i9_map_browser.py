"""Browser (issue 9, map): a click on a municipality reruns only the map's fragment — the browser asks
for a fragment rerun, the server sends back the map part (no choices panel, no ranked table) — and
the series beside the map shows the clicked municipality; the keyboard does the same (a municipality
is a button on the map; the list in the choices panel does too). The selected outline lies under the names
(the selected shape is drawn before the name). Screenshots in test-output/."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from conftest import POLL_MS, screenshot, wait_for_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from map_click import click_municipality, dismiss_dialog, series_text, wait_for_idle, wait_for_map  # noqa: E402

pytestmark = pytest.mark.browser


class Frames:
    """The WebSocket messages of the page, decoded with Streamlit's own protocol."""

    def __init__(self, page):
        self.sent: list[BackMsg] = []
        self.received: list[ForwardMsg] = []
        page.on("websocket", self._attach)

    def _attach(self, ws):
        ws.on("framesent", lambda p: self._add(p, BackMsg, self.sent))
        ws.on("framereceived", lambda p: self._add(p, ForwardMsg, self.received))

    @staticmethod
    def _add(payload, kind, into):
        if isinstance(payload, bytes | bytearray):
            msg = kind()
            msg.ParseFromString(bytes(payload))
            into.append(msg)

    def mark(self) -> tuple[int, int]:
        return len(self.sent), len(self.received)

    def reruns_since(self, mark) -> list:
        return [m.rerun_script for m in self.sent[mark[0]:] if m.WhichOneof("type") == "rerun_script"]

    def element_types_since(self, mark) -> list[str]:
        out = []
        for m in self.received[mark[1]:]:
            if m.WhichOneof("type") == "delta" and m.delta.WhichOneof("type") == "new_element":
                out.append(m.delta.new_element.WhichOneof("type"))
        return out


def _open(tab, app_server, width=1400, lang=""):
    page = tab(width, 1800)
    frames = Frames(page)
    page.goto(f"{app_server}/kaart?indicator=vat_enterprises_active&weergave=per1000{lang}")
    wait_for_app(page)
    wait_for_map(page)
    wait_for_idle(page)
    page.wait_for_timeout(300)
    dismiss_dialog(page)
    return page, frames


def test_a_click_reruns_only_the_map_fragment_and_updates_the_series(tab, app_server):
    page, frames = _open(tab, app_server)
    before = frames.mark()
    click_municipality(page, "Menen")
    wait_for_app(page)
    assert "voor Menen, met de streek" in series_text(page)
    reruns = frames.reruns_since(before)
    assert reruns, "the click sent no rerun request"
    assert all(r.fragment_id for r in reruns), "the click reran the whole page, not the map's fragment"
    types = frames.element_types_since(before)
    assert "html" in types and "vega_lite_chart" not in types      # the new series' still picture
    # nothing from outside the fragment: the choices panel and the ranked table stay as they are
    assert not {"dataframe", "radio", "slider", "selectbox", "expandable"} & set(types), types
    # the lighter click: data and downloads are built when opened, not on every click
    assert "download_button" not in types, types
    assert "gemeente=34027" in page.url
    # the selected outline is drawn before (under) the name "Menen"
    order = page.evaluate("""() => {
        const svg = document.querySelector('.streek-map svg');
        const all = Array.from(svg.querySelectorAll('path, text'));
        const outline = all.findIndex(e => e.tagName === 'path' && e.getAttribute('aria-pressed') === 'true'
                                           && getComputedStyle(e).stroke === 'rgb(0, 0, 0)');
        const name = all.findIndex(e => e.tagName === 'text' && e.textContent === 'Menen' && e.getAttribute('fill') !== 'white');
        return {outline, name, nis: outline >= 0 ? all[outline].dataset.nis : null};
    }""")
    assert order["outline"] >= 0 and order["name"] > order["outline"] and order["nis"] == "34027", order
    screenshot(page, "i9-kaart-klik-fragment")


def test_keyboard_on_the_map_and_the_panels_list_update_the_series_in_english(tab, app_server):
    page, frames = _open(tab, app_server, lang="&lang=EN")
    # on the map: Tab reaches the municipalities (buttons named "<name>: <value>"); Enter picks one
    kuurne = page.get_by_role("button", name="Kuurne:")
    page.get_by_role("button", name="Anzegem:").focus()
    for _ in range(13):
        if kuurne.evaluate("e => e === document.activeElement"):
            break
        page.keyboard.press("Tab")
    assert kuurne.evaluate("e => e === document.activeElement"), "Tab did not reach Kuurne on the map"
    before = frames.mark()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('img.streek-still[alt*=\"for Kuurne\"]')", timeout=60_000, polling=POLL_MS)
    wait_for_app(page)
    assert all(r.fragment_id for r in frames.reruns_since(before))
    assert "gemeente=34023" in page.url
    # the list in the choices panel (its widgets come with the panel's rerun)
    page.get_by_text("Choose the indicator, year, view or municipality").click()
    combo = page.locator("[data-testid=stSelectbox]", has_text="Municipality").get_by_role("combobox")
    expect(combo).to_have_value("Kuurne")          # the list shows the municipality picked on the map
    choose_from_list(page, combo, "Menen", "gemeente=34027")
    page.wait_for_function("() => document.querySelector('img.streek-still[alt*=\"for Menen\"]')", timeout=60_000, polling=POLL_MS)
    wait_for_app(page)
    assert "gemeente=34027" in page.url
    screenshot(page, "i9-kaart-keyboard-en")


def choose_from_list(page, combo, name: str, url_part: str, attempts: int = 5) -> None:
    """Type ``name`` into a select box and press Enter, until the page has taken it (``url_part`` in the
    address). A select box that has just appeared (its script still loading) can drop the choice."""
    for _ in range(attempts):
        combo.focus()
        page.keyboard.type(name)
        page.keyboard.press("Enter")
        try:
            page.wait_for_function("(part) => location.href.includes(part)", arg=url_part, timeout=3_000, polling=POLL_MS)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"the list did not take {name}")
