"""The editing pages: visitors see none of it; an editor signs in, gets every mistake of an
Excel-typed file by row and column, imports the fixed file, and the pillar chart and status of
the ambition change on screen; undo restores them."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from streek.auth import hash_password

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "een-lang-testwachtwoord"

BAD_FILE = ("indicator;geo;period;value;source;note\r\n"
            "2.1.2;ZWV;2021;6.500,5;VDAB — jaarrapport;\r\n"          # a count with decimals
            "2.1.1;ZWV;2021;1.234;Statbel EAK;\r\n"                    # ambiguous percentage
            "2.1.3;30000;2021;500;VDAB;\r\n").encode("cp1252")          # not the ambition's area (nor a municipality)
GOOD_FILE = ("indicator;geo;period;value;source;note\r\n"
             "2.1.2;ZWV;2021;6.500;VDAB — jaarrapport <img src=x onerror=alert(1)> [klik](http://evil.example);"
             "<script>alert(1)</script>\r\n").encode("cp1252")


@pytest.fixture()
def editor_env(monkeypatch, tmp_path):
    monkeypatch.setenv("STREEK_EDITORS", "anna=" + hash_password(PASSWORD, n=2 ** 10))
    monkeypatch.setenv("STREEK_DB_PATH", str(tmp_path / "editor.sqlite"))
    for k in ("DATABASE_URL", "STREEK_DB_URL"):
        monkeypatch.delenv(k, raising=False)
    from pages.editor_auth import _signing_key, throttle
    throttle.clear()   # cached per store URL; each test has its own store, so no slow-down carries over
    _signing_key.clear()
    return tmp_path


def new_app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()


def sign_in(at: AppTest, password: str) -> AppTest:
    at.switch_page("pages/editor_login.py").run()
    at.text_input(key="editor_login_name").input("anna")
    at.text_input(key="editor_login_password").input(password)
    return at.button[0].click().run()


def measured_points(at: AppTest, code: str) -> set[tuple[float, float]]:
    """(year, value) of the 'Meting' points of ``code`` in the charts on the page."""
    out = set()
    for el in at.get("vega_lite_chart"):
        frames = [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in el.proto.datasets]
        spec = json.loads(el.proto.spec)
        if isinstance(spec.get("data"), dict) and "values" in spec["data"]:
            import pandas as pd
            frames.append(pd.DataFrame(spec["data"]["values"]))
        for df in frames:
            if {"code", "element", "jaar", "waarde"} <= set(df.columns):
                sel = df[(df["code"] == code) & (df["element"] == "Meting")]
                out |= {(float(j), float(w)) for j, w in zip(sel["jaar"], sel["waarde"])}
    return out


def frame_with(at: AppTest, column: str):
    """The first table on the page (data grid or static table) that has ``column``."""
    return next(d.value for d in [*at.dataframe, *at.table] if column in d.value.columns)


def card_text(at: AppTest, code: str) -> str:
    """What one ambition card on a pillar page says: its Markdown and its HTML (facts, status, notes)."""
    return "\n".join(card_parts(at, code))


def card_parts(at: AppTest, code: str) -> tuple[str, str]:
    """One ambition card's Markdown and its HTML, apart."""
    key = "-ambitie-" + code.replace(".", "-")

    def walk(node):
        for child in getattr(node, "children", {}).values():
            yield child
            yield from walk(child)

    card = next(b for b in walk(at.main) if type(b).__name__ == "Block" and b.proto.id.endswith(key))
    return "\n".join(m.value for m in card.markdown), "\n".join(h.proto.body for h in card.get("html"))


def test_visitor_sees_no_editing_page(editor_env):
    at = new_app()
    assert not at.exception
    # the editing URL exists for everyone (a reload never ends in "Page not found"), but a visitor gets the sign-in form
    at.switch_page("pages/editor.py").run()
    assert not at.exception
    assert [x.value for x in at.title] == ["Aanmelden voor redacteurs"]
    assert not at.get("file_uploader") and not at.dataframe
    assert [b.label for b in at.button] == ["Aanmelden"]
    # even run directly (old-style /editor URL) the page shows nothing but the sign-in form
    direct = AppTest.from_file(str(ROOT / "pages" / "editor.py"), default_timeout=120).run()
    assert not direct.exception
    assert [x.value for x in direct.title] == ["Aanmelden voor redacteurs"]
    assert not direct.get("file_uploader") and not direct.dataframe


def test_wrong_password_is_refused_and_slowed_down(editor_env):
    at = sign_in(new_app(), "fout-wachtwoord")
    assert "Naam of wachtwoord klopt niet" in at.error[0].value
    at.text_input(key="editor_login_password").input(PASSWORD)
    at.button[0].click().run()  # within the waiting time: refused without checking
    assert "Te veel mislukte pogingen" in at.error[0].value
    assert [x.value for x in at.title] == ["Aanmelden voor redacteurs"]


def test_signing_in_and_out_in_english_keeps_the_language(editor_env):
    # ?lang=EN is bound to a widget: switching pages after sign-in/out must keep it, not crash
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "EN"
    sign_in(at.run(), PASSWORD)
    assert not at.exception
    assert [x.value for x in at.title] == ["Update data"]
    at.switch_page("pages/editor.py").run()
    at.button(key="editor_logout").click().run()
    assert not at.exception
    assert "Update data" not in [x.value for x in at.title]
    assert "South-West Flanders" in at.title[0].value
    at.switch_page("pages/editor.py").run()   # signed out: the editing URL shows the sign-in form
    assert [x.value for x in at.title] == ["Sign in for editors"]


def test_editor_imports_and_the_pillar_chart_and_status_change(editor_env):
    at = new_app()
    at.session_state["live-ambitie-2-1-2"] = True     # the reader made the card's chart interactive
    at.switch_page("pages/pillar_2.py").run()
    assert not at.exception
    assert (2021.0, 6500.0) not in measured_points(at, "2.1.2")
    assert "Niet te beoordelen" in card_text(at, "2.1.2")

    sign_in(at, PASSWORD)
    assert not at.exception
    assert [x.value for x in at.title] == ["Gegevens bijwerken"]
    at.switch_page("pages/editor.py").run()

    # a file with mistakes: every one listed by row and column; nothing offered to import
    at.file_uploader[0].set_value(("metingen.csv", BAD_FILE, "text/csv")).run()
    assert not at.exception
    assert "3 probleem/problemen" in at.error[0].value
    problems = frame_with(at, "Verwacht")
    assert {(int(r), c) for r, c in zip(problems["Rij"], problems["Kolom"])} == {(2, "value"), (3, "value"), (4, "geo")}
    assert "dubbelzinnig" in " ".join(problems["Verwacht"])
    assert "editor_import" not in [b.key for b in at.button]

    # the fixed file: preview, import
    at.file_uploader[0].set_value(("metingen.csv", GOOD_FILE, "text/csv")).run()
    assert not at.error
    preview = frame_with(at, "Nieuwe waarde")
    assert list(preview["Nieuwe waarde"]) == ["6.500"] and list(preview["Wijziging"]) == ["nieuw"]
    at.button(key="editor_import").click().run()
    assert not at.exception
    assert at.success and "Import 1 opgeslagen" in at.success[0].value
    # imported text never reaches Markdown/HTML unescaped
    for m in at.markdown:
        assert "<script" not in m.value and "<img" not in m.value

    at.switch_page("pages/pillar_2.py").run()
    assert not at.exception
    assert (2021.0, 6500.0) in measured_points(at, "2.1.2")
    card = card_text(at, "2.1.2")
    assert "Niet te beoordelen" not in card and "Op koers" in card
    markdown, shown_html = card_parts(at, "2.1.2")
    assert re.search(r"(?<!\\)<img", markdown) is None          # in Markdown, HTML arrives escaped: \\<img
    assert re.search(r"(?<!\\)\]\(http://evil", markdown) is None   # no live Markdown link
    assert "<img" not in shown_html and "&lt;img src=x" in shown_html   # in HTML (the facts), as text
    assert 'href="http://evil' not in shown_html                   # no link either
    assert "evil" in card                                           # but the text itself is shown

    # history and undo on the editor page
    at.switch_page("pages/editor.py").run()
    at.selectbox(key="editor_history_pick").select("2.1.2").run()
    hist = frame_with(at, "Actie")
    assert list(hist["Wie"]) == ["anna"] and list(hist["Nieuwe waarde"]) == ["6.500"]
    at.checkbox(key="editor_undo_sure_1").check().run()
    at.button(key="editor_undo").click().run()
    assert not at.exception
    assert "Import 1 ongedaan gemaakt: 1 waarde(n) teruggezet." in at.success[0].value
    at.switch_page("pages/pillar_2.py").run()
    assert (2021.0, 6500.0) not in measured_points(at, "2.1.2")
    assert "Niet te beoordelen" in card_text(at, "2.1.2")


@pytest.mark.browser
def test_editor_flow_in_a_real_browser(page, tmp_path):
    from conftest import screenshot, start_streamlit, stop, wait_for_app
    proc, url = start_streamlit({"STREEK_EDITORS": "anna=" + hash_password(PASSWORD, n=2 ** 10),
                                 "STREEK_DB_PATH": str(tmp_path / "browser-editor.sqlite"),
                                 "DATABASE_URL": "", "STREEK_DB_URL": ""})
    try:
        page.goto(url + "/aanmelden")   # a fresh server's first session opens a deep link (tools/serve.py)
        wait_for_app(page)
        assert page.get_by_text("Gegevens bijwerken").count() == 0
        page.get_by_label("Naam").fill("anna")
        page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Aanmelden").click()
        page.wait_for_selector("h1:has-text('Gegevens bijwerken')", timeout=30_000)
        wait_for_app(page)
        bad = tmp_path / "metingen.csv"
        bad.write_bytes(BAD_FILE)
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(bad))
        page.wait_for_selector("text=3 probleem/problemen", timeout=30_000)
        wait_for_app(page)
        screenshot(page, "editor-problems")
        good = tmp_path / "metingen2.csv"
        good.write_bytes(GOOD_FILE)
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(good))
        page.wait_for_selector("button:has-text('Importeren')", timeout=30_000)
        wait_for_app(page)
        screenshot(page, "editor-preview")
        page.get_by_role("button", name="3. Importeren").click()
        page.wait_for_selector("text=Import 1 opgeslagen", timeout=30_000)
        wait_for_app(page)
        screenshot(page, "editor-imported")
        assert page.locator("script:has-text('alert(1)')").count() == 0
        assert page.locator("img[src=x]").count() == 0
    finally:
        stop(proc)
    time.sleep(0.1)
