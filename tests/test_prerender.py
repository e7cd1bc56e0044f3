"""tools/prerender.py: after it ran, a page finds every still picture on disk and draws none itself
(the first visitor after a fresh start does not wait for them); tools/warm.py: the launcher then visits
every main page once per language, after prerender, and reports what fails."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import vl_convert

from conftest import ROOT, open_via_router


def test_after_prerender_a_pillar_page_draws_no_still_itself(tmp_path, monkeypatch):
    cache = tmp_path / "render"
    env = dict(os.environ)
    env["STREEK_RENDER_CACHE"] = str(cache)
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "prerender.py"), "--lang", "nl", "pages/pillar_3.py"],
                         env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "klaar in" in run.stderr
    assert len(list(cache.glob("*.svg"))) >= 9 * 3        # 9 cards, each laid out three times (phone, two wider)
    assert not (cache / "prerender.running").exists()      # its mark for tools/warm.py is gone

    # this process: the same cache, nothing in memory, and vl-convert broken: every still must come from disk
    from pages.pillar_view import whole_pillar_state
    from pages.still_view import still_image
    from streek import load_vision
    from streek import render
    monkeypatch.setenv("STREEK_RENDER_CACHE", str(cache))
    still_image.clear()
    render._svg.cache_clear()

    def boom(*a, **k):
        raise AssertionError("a still was drawn although prerender had drawn it")
    monkeypatch.setattr(vl_convert, "vegalite_to_svg", boom)
    try:
        at = open_via_router("pages/pillar_3.py", lang="nl", bouwsteen="alle", state=whole_pillar_state(load_vision(), "3"))
        stills = [h for h in at.get("html") if 'class="streek-still"' in h.proto.body]
        assert len(stills) == 9
    finally:
        still_image.clear()
        render._svg.cache_clear()


def test_an_unknown_page_is_refused_by_name():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "prerender.py"), "pages/nope.py"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 2 and "onbekende pagina: pages/nope.py" in run.stderr


# --- tools/warm.py: the launcher visits every main page once per language --------------------------
def _warm_module():
    sys.path.insert(0, str(ROOT / "tools"))
    import warm
    return warm


def test_warm_visits_the_pages_in_both_languages_and_reports_what_fails(app_server, monkeypatch):
    warm = _warm_module()
    seen = []
    import streamlit_ws
    real_open = streamlit_ws.Visitor.open

    async def spy(self, page_name="", query_string="", keep=False):
        run = await real_open(self, page_name, query_string, keep)
        seen.append((page_name, query_string, run.ok))
        return run
    monkeypatch.setattr(streamlit_ws.Visitor, "open", spy)
    monkeypatch.setattr(warm, "PAGES", ("", "pijler-2"))
    monkeypatch.setattr(warm, "_prerender_running", lambda: False)
    assert warm.warm([app_server]) == []
    assert seen == [("", "", True), ("pijler-2", "", True), ("", "lang=EN", True), ("pijler-2", "lang=EN", True)]
    # a server that does not answer is reported by address, not raised
    dead = "http://127.0.0.1:9"
    monkeypatch.setattr(warm, "_healthy", lambda url, timeout: False)
    assert warm.warm([dead]) == [f"{dead}: antwoordt niet"]


def test_warm_waits_while_prerender_draws(tmp_path, monkeypatch):
    """The visits start after prerender has drawn the pictures (they then come from disk instead of
    being drawn inside the server); a mark left by a killed prerender is not waited for."""
    warm = _warm_module()
    monkeypatch.setenv("STREEK_RENDER_CACHE", str(tmp_path))
    mark = tmp_path / "prerender.running"
    mark.write_text("1")
    assert warm._prerender_running()
    waits = []

    def sleep(s):
        waits.append(s)
        if len(waits) == 3:
            mark.unlink()             # prerender is done
    monkeypatch.setattr(warm.time, "sleep", sleep)
    monkeypatch.setattr(warm, "_healthy", lambda url, timeout: False)
    assert warm.warm(["http://127.0.0.1:9"]) == ["http://127.0.0.1:9: antwoordt niet"]
    assert len(waits) == 3 and not warm._prerender_running()
    mark.write_text("1")
    os.utime(mark, (time.time() - 3600, time.time() - 3600))    # an hour old: a killed run
    assert not warm._prerender_running()


def test_the_launcher_finds_its_port():
    sys.path.insert(0, str(ROOT / "tools"))
    from serve import _port
    assert _port(["run", "app.py", "--server.port", "8600"]) == 8600
    assert _port(["run", "app.py", "--server.port=8601"]) == 8601
    assert _port(["run", "app.py"]) == 8501
