"""Issue 9 (map and deck): the map spec draws the selected outline under the names and the 13
shapes once when every municipality has a value, the map title wraps to fit a phone, and PNGs
are kept on disk between processes (keyed on spec, language, scale; atomic; can be switched off)."""
from __future__ import annotations

import json
import math
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import vl_convert

from streek import mapchart as mc
from streek import mapdata as md
from streek import render

ROOT = Path(__file__).resolve().parents[1]
SMALL = {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "width": 40, "height": 30,
         "data": {"values": [{"a": "x", "b": 1}, {"a": "y", "b": 2}]}, "mark": "bar",
         "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}


def _map(vision, ind="vat_enterprises_active", period="2019", selected=None):
    m = md.map_indicator(vision, ind, lang="nl")
    frame = md.map_frame(vision, ind, period, "per1000", lang="nl")
    return mc.map_chart(frame, m, "per1000", mc.wrap_title(md.view_title(vision, m, period, "per1000", lang="nl")),
                        selected=selected, lang="nl")


def _without_values(vision, codes):
    st = vision.statbel
    drop = (st["indicator"] == "vat_enterprises_active") & st["geo"].isin(codes)
    return type(vision)(vision.pillars, vision.building_blocks, vision.ambitions, vision.geographies,
                        vision.indicators, vision.sources, vision.observations, st[~drop].reset_index(drop=True),
                        vision.swot, vision.figures, vision.trends, vision.environment, vision.texts)


def _index(layers, pred) -> list[int]:
    return [i for i, ly in enumerate(layers) if pred(ly)]


def _is_name_layer(ly) -> bool:
    return ly["mark"]["type"] == "text" and ly.get("encoding", {}).get("text", {}).get("field") == "name_nl" \
        and ly.get("data", {}).get("name") == "gemeenten"


def test_selected_outline_lies_under_the_municipal_names(vision):
    spec = _map(vision, selected="34027")
    layers = spec["layer"]
    outline = _index(layers, lambda ly: ly["mark"].get("stroke") == mc.SELECTED_STROKE)
    assert len(outline) == 1
    ly = layers[outline[0]]
    assert ly["mark"]["filled"] is False
    assert ly["transform"] == [{"filter": {"param": md.SELECTION_PARAM, "empty": False}}]
    names = _index(layers, _is_name_layer)
    assert names and outline[0] < min(names), "the outline must be drawn before (under) the names"
    # no other layer draws a black outline over the names
    assert not [ly for ly in layers[min(names):] if "stroke" in ly.get("encoding", {})]


def test_every_value_present_draws_the_13_shapes_once_and_they_carry_the_click(vision):
    spec = _map(vision)
    on_13 = [ly for ly in spec["layer"] if ly["mark"]["type"] == "geoshape" and ly["data"]["name"] == "gemeenten"
             and ly["mark"].get("filled") is not False]
    assert len(on_13) == 1                       # coloured = clickable (the outline layer is not filled)
    views = spec["params"][0]["views"]
    assert on_13[0]["name"] in views
    assert {t["field"] for t in on_13[0]["encoding"]["tooltip"]} >= {"gemeente", "waarde_nl", "rang_nl"}


def test_missing_values_keep_a_transparent_click_layer_over_coloured_and_grey(vision):
    spec = _map(_without_values(vision, ["34043"]))
    views = spec["params"][0]["views"]
    click = [ly for ly in spec["layer"] if ly.get("name") in views]
    assert len(click) == 1 and click[0]["mark"]["fillOpacity"] < 0.01
    assert [list(tr) for tr in click[0]["transform"]] == [["lookup", "from"]]    # all 13, the values joined
    fills = [ly for ly in spec["layer"] if ly["mark"]["type"] == "geoshape" and ly["data"]["name"] == "gemeenten"
             and ly["mark"].get("filled") is not False and ly is not click[0]]
    assert len(fills) == 2                       # with a value (colour), without (grey)


def test_a_still_layout_has_its_width_and_one_title_line_where_it_fits(vision):
    """The still map is drawn per width (pages/clickable_map): the plot two thirds as high as wide, the
    wrapped title one line where it fits (a projector), its lines on a phone; the spec is not touched."""
    spec = _map(vision)
    lines = spec["title"]["text"]
    assert isinstance(lines, list) and len(lines) >= 2
    need = math.ceil(len(" ".join(lines)) * mc.TITLE_CHAR_PX)
    assert 360 < need <= 840
    phone, wide = mc.still_layout(spec, 360), mc.still_layout(spec, 840)
    assert (phone["width"], phone["height"], wide["width"], wide["height"]) == (360, 238, 840, 554)
    assert phone["title"]["text"] == lines and wide["title"]["text"] == [" ".join(lines)]
    assert spec["title"]["text"] == lines and spec["width"] == mc.WIDTH         # the export's spec is not touched


def test_map_title_wraps_to_phone_width_and_keeps_every_word(vision):
    title = md.view_title(vision, md.map_indicator(vision, "vat_enterprises_active", lang="en"), "2019", "per1000",
                          lang="en")
    lines = mc.wrap_title(title)
    assert len(lines) >= 2 and all(len(x) <= mc.MAP_TITLE_WRAP for x in lines)
    assert " ".join(lines) == title
    assert mc.wrap_title("Bevolking, 2022") == ["Bevolking, 2022"]
    spec = _map(vision)
    assert isinstance(spec["title"]["text"], list) and all(len(x) <= mc.MAP_TITLE_WRAP for x in spec["title"]["text"])


# --- the PNG cache on disk --------------------------------------------------------------------
@pytest.fixture()
def disk(tmp_path, monkeypatch):
    monkeypatch.setenv("STREEK_RENDER_CACHE", str(tmp_path))
    render._png.cache_clear()
    render._svg.cache_clear()
    yield tmp_path
    render._png.cache_clear()
    render._svg.cache_clear()


def test_png_is_written_once_and_read_back_without_vl_convert(disk, monkeypatch):
    png = render.to_png(SMALL, "nl", 1.0)
    files = list(disk.glob("*.png"))
    assert len(files) == 1 and files[0].read_bytes() == png and png.startswith(b"\x89PNG")
    assert not list(disk.glob(".tmp-*"))
    render._png.cache_clear()                    # a fresh process: only the disk knows it

    def boom(*a, **k):
        raise AssertionError("rendered again although the PNG is on disk")
    monkeypatch.setattr(vl_convert, "vegalite_to_png", boom)
    assert render.to_png(SMALL, "nl", 1.0) == png


def test_svg_is_kept_on_disk_and_a_fresh_process_never_starts_vl_convert(disk):
    """The pages' still charts: once an SVG is on disk, a new server process (or worker) reads it and
    never imports vl-convert (whose JavaScript engine costs ~60 MB of memory)."""
    svg = render.to_svg(SMALL, "nl")
    files = list(disk.glob("*.svg"))
    assert len(files) == 1 and files[0].read_bytes() == svg and svg.startswith(b"<svg")
    code = (f"import sys, json; sys.path.insert(0, {str(ROOT)!r}); from streek import render; "
            f"s = render.to_svg(json.loads({json.dumps(SMALL)!r}), 'nl'); "
            f"print(len(s), 'vl_convert' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], env={"STREEK_RENDER_CACHE": str(disk), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=120, check=True).stdout.split()
    assert out == [str(len(svg)), "False"]
    files[0].write_bytes(b"half")                 # a broken file is rendered again (and vl-convert loaded)
    out = subprocess.run([sys.executable, "-c", code], env={"STREEK_RENDER_CACHE": str(disk), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=120, check=True).stdout.split()
    assert out == [str(len(svg)), "True"] and files[0].read_bytes() == svg


def test_key_changes_with_spec_language_and_scale(disk):
    other = json.loads(json.dumps(SMALL))
    other["data"]["values"][0]["b"] = 3           # other data: another data version
    spec = render.spec_json(SMALL)
    keys = {render.png_cache_key(spec, "nl", 1.0), render.png_cache_key(spec, "en", 1.0),
            render.png_cache_key(spec, "nl", 2.0), render.png_cache_key(render.spec_json(other), "nl", 1.0)}
    assert len(keys) == 4


def test_a_broken_file_is_rendered_again_and_replaced(disk):
    name = render.png_cache_key(render.spec_json(SMALL), "nl", 1.0)
    (disk / name).write_bytes(b"half a file")
    png = render.to_png(SMALL, "nl", 1.0)
    assert png.startswith(b"\x89PNG") and (disk / name).read_bytes() == png


def test_switched_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("STREEK_RENDER_CACHE", "off")
    render._png.cache_clear()
    try:
        assert render.disk_cache_dir() is None
        assert render.to_png(SMALL, "nl", 1.0).startswith(b"\x89PNG")
    finally:
        render._png.cache_clear()


def test_concurrent_processes_write_whole_identical_files(tmp_path, monkeypatch):
    """Two processes and two threads render the same chart into one cache folder at once."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from streek import render; import json; "
            f"print(len(render.to_png(json.loads({json.dumps(SMALL)!r}), 'nl', 1.0)))")
    env = {"STREEK_RENDER_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    sizes = []
    threads = [threading.Thread(target=lambda: sizes.append(len(render._png.__wrapped__(
        render.spec_json(SMALL), "nl", 1.0)))) for _ in range(2)]
    monkeypatch.setenv("STREEK_RENDER_CACHE", str(tmp_path))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    outs = [int(p.communicate(timeout=120)[0].strip()) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    files = list(tmp_path.glob("*.png"))
    assert len(files) == 1 and not list(tmp_path.glob(".tmp-*"))
    assert set(outs) | set(sizes) == {len(files[0].read_bytes())}


def test_cache_folder_is_git_ignored():
    """var/ (the measurement store and this cache) is in .gitignore, so cached PNGs are never committed."""
    rel = render.DISK_CACHE.relative_to(ROOT)
    ignored = {line.strip().rstrip("/") for line in (ROOT / ".gitignore").read_text().splitlines()}
    assert rel.parts[0] in ignored, f"{rel} is not git-ignored"


# --- many PNGs at once: worker processes (a deck, a PDF) ------------------------------------------
def _small(title: str) -> dict:
    return {**SMALL, "title": title}


def test_batch_renders_uncached_charts_in_worker_processes_into_the_disk_cache(disk, monkeypatch):
    """vl-convert holds the GIL, so threads render one chart at a time: a PngBatch renders in other
    processes. Proof: with vl-convert broken in this process the batch still makes every PNG, the
    same bytes this process would make, and leaves them on disk for to_png."""
    expected = {}
    for title in ("a", "b", "c"):
        expected[title] = render.to_png(_small(title), "en", 1.0)
    for f in disk.glob("*.png"):
        f.unlink()
    render._png.cache_clear()

    def boom(*a, **k):
        raise AssertionError("rendered in the calling process")
    monkeypatch.setattr(vl_convert, "vegalite_to_png", boom)
    with render.PngBatch("en", 1.0, max_workers=2) as batch:
        jobs = {title: batch.submit(_small(title)) for title in ("a", "b", "c")}
        assert render._WORKERS.threads >= 1
        got = {title: job.result() for title, job in jobs.items()}
    assert got == expected
    assert len(list(disk.glob("*.png"))) == 3
    assert all(render.to_png(_small(title), "en", 1.0) == png for title, png in expected.items())   # from disk


def test_batch_of_cached_charts_starts_no_process(disk):
    png = render.to_png(_small("cached"), "nl", 1.0)
    started = render._WORKERS.started
    with render.PngBatch("nl", 1.0, max_workers=2) as batch:
        assert batch.submit(_small("cached")).result() == png
    assert render._WORKERS.started == started


@pytest.mark.parametrize("workers", [1, 2])        # 1: one core, rendered in this process
def test_a_failing_render_reaches_the_caller(disk, workers):
    with render.PngBatch("nl", 1.0, max_workers=workers) as batch:
        job = batch.submit({"mark": "no-such-mark", "data": {"values": []}})
        with pytest.raises(ValueError):      # vl-convert's error, raised where the deck asks for the PNG
            job.result()
    assert not list(disk.glob("*.png"))


def test_the_png_worker_module_loads_without_pandas_or_altair():
    """A spawned worker imports streek.png_worker: the package must not pull in pandas and Altair
    (streek/__init__ loads its names on first use)."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import streek.png_worker; "
            "print(sorted(m for m in ('pandas', 'altair', 'streek.load', 'vl_convert') if m in sys.modules)); "
            "from streek import load_vision, Vision; print(callable(load_vision), Vision.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True).stdout
    assert out.splitlines() == ["[]", "True Vision"]
    with pytest.raises(AttributeError):
        import streek
        streek.no_such_name  # noqa: B018


def test_workers_serve_the_next_batch_and_stop_when_idle(disk, monkeypatch):
    """A second export soon after the first finds the workers started; idle workers end (a server
    does not keep them)."""
    monkeypatch.setattr(render._PngWorkers, "IDLE_S", 1.5)
    workers = render._PngWorkers()
    monkeypatch.setattr(render, "_WORKERS", workers)
    with render.PngBatch("nl", 1.0, max_workers=2) as batch:
        assert batch.submit(_small("one")).result().startswith(b"\x89PNG")
    assert workers.started == 1 and workers.threads == 1
    with render.PngBatch("nl", 1.0, max_workers=2) as batch:
        assert batch.submit(_small("two")).result().startswith(b"\x89PNG")
    assert workers.started == 1                      # the same process rendered the second chart
    procs = list(workers._procs)
    def ended() -> bool:
        return workers.threads == 0 and not workers._procs and all(p.poll() is not None for p in procs)
    for _ in range(200):
        if ended():
            break
        threading.Event().wait(0.1)
    assert len(procs) == 1 and ended()               # the thread and the worker process have ended


def test_a_worker_that_died_is_replaced(disk, monkeypatch):
    workers = render._PngWorkers()
    monkeypatch.setattr(render, "_WORKERS", workers)
    with render.PngBatch("nl", 1.0, max_workers=2) as batch:
        assert batch.submit(_small("before")).result().startswith(b"\x89PNG")
    (proc,) = workers._procs
    proc.kill()
    proc.wait()
    with render.PngBatch("nl", 1.0, max_workers=2) as batch:
        assert batch.submit(_small("after")).result().startswith(b"\x89PNG")
    assert workers.started == 2 and proc not in workers._procs
