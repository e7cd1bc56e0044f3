"""tools/prerender.py: after it ran, a page finds every still picture on disk and draws none itself
(the first visitor after a fresh start does not wait for them)."""
from __future__ import annotations

import os
import subprocess
import sys

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

    # this process: the same cache, nothing in memory, and vl-convert broken: every still must come from disk
    from pages.still_view import still_image
    from streek import render
    monkeypatch.setenv("STREEK_RENDER_CACHE", str(cache))
    still_image.clear()
    render._svg.cache_clear()

    def boom(*a, **k):
        raise AssertionError("a still was drawn although prerender had drawn it")
    monkeypatch.setattr(vl_convert, "vegalite_to_svg", boom)
    try:
        at = open_via_router("pages/pillar_3.py", lang="nl", bouwsteen="alle")
        stills = [h for h in at.get("html") if 'class="streek-still"' in h.proto.body]
        assert len(stills) == 9
    finally:
        still_image.clear()
        render._svg.cache_clear()


def test_an_unknown_page_is_refused_by_name():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "prerender.py"), "pages/nope.py"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 2 and "onbekende pagina: pages/nope.py" in run.stderr
