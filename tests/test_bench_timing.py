"""bench/run.py's timing of a page's script runs: through the router's frame, as the server runs it."""
from __future__ import annotations

import os

import pytest

from conftest import ROOT, bench_run

bench = bench_run()


@pytest.fixture(scope="module")
def env():
    # the test process's own empty store (tests/conftest.py), the repository on the path as bench/run.py sets it
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_a_pillar_page_is_timed_through_the_frame(env):
    """The child process runs /pijler-2 as a link opens it: app.py's frame (its language choice in the
    sidebar) and then the page, cold once and warm twice, without an error. script_times raises when the
    run did not go through the frame (the bench timed the page script alone until 2026-12-03)."""
    registry = bench.page_registry(env)
    scripts = {os.path.relpath(v["script_path"], ROOT) for v in registry.values()}
    assert "pages/pillar_2.py" in scripts and "pages/home.py" in scripts, scripts
    r = bench.script_times("pages/pillar_2.py", cold_runs=1, warm_runs=2, env=env, registry=registry)
    assert r["errors"] == []
    assert len(r["cold_all"]) == 1 and r["cold_ms"] > 0
    assert r["warm_ms"] is not None and 0 < r["warm_ms"] < r["cold_ms"]


def test_a_run_of_another_page_is_refused(env):
    """Without the router's registry AppTest cannot switch to the page, and the router then runs its
    default page (the home page) in the frame: tools/apptest_router.run_page says so, and the bench stops
    instead of reporting that time as the pillar page's."""
    with pytest.raises(RuntimeError, match=r"(?s)bench child failed for pages/pillar_2.py.*"
                                           r"pages/pillar_2.py: the router ran \['pages/home.py'\] instead"):
        bench.script_times("pages/pillar_2.py", cold_runs=1, warm_runs=0, env=env, registry={})
