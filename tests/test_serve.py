"""`make serve`: two Streamlit workers behind nginx (tools/serve_multi.py) on one shared store.

Both workers get traffic through the proxy and finish a script run over the proxied WebSocket;
a measurement imported outside one worker shows on the other's next run; sign-in failures
recorded by another process slow down the app's sign-in; a signed-in editor stays signed in
across a reload and on every worker; an expired or forged token is refused.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from streek.auth import TOKEN_TTL_S, hash_password, make_token, shared_secret
from streek.db import Store
from tests.conftest import POLL_MS, wait_for_app

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import serve_multi  # noqa: E402
import streamlit_ws  # noqa: E402

pytestmark = pytest.mark.browser
PASSWORD = "een-lang-testwachtwoord"
SOURCE = "Testbron serve i9 zichtbaar"   # no Markdown-special characters: the page escapes them


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "shared.sqlite"
    env = {**os.environ, "STREEK_DB_PATH": str(db), "STREEK_EDITORS": "anna=" + hash_password(PASSWORD, n=2 ** 10)}
    for k in ("DATABASE_URL", "STREEK_DB_URL", "STREEK_SESSION_SECRET"):
        env.pop(k, None)
    Store(f"sqlite:///{db}")      # `make serve` creates the store before the workers start (INIT_STORE)
    c = serve_multi.start("app.py", workers=2, env=env)
    c.db = db
    c.env = env
    yield c
    c.stop()


def upstreams(cluster) -> list[str]:
    """The workers that answered, in order (requests nginx answered itself log "-")."""
    return [u for u in re.findall(r"upstream=(\S+)", (cluster.run_dir / "access.log").read_text()) if u != "-"]


def test_both_workers_serve_through_the_proxy(cluster):
    import urllib.request
    for _ in range(30):   # no sticky cookie: every request is a new visitor
        with urllib.request.urlopen(cluster.url + "/_stcore/health", timeout=10) as r:  # noqa: S310 (loopback)
            assert r.status == 200
    ports = {u.rsplit(":", 1)[1] for u in upstreams(cluster)}
    assert ports == {u.rsplit(":", 1)[1] for u in cluster.worker_urls}
    # a visitor's page, assets and WebSocket stay on one worker (the sticky cookie), and the script finishes
    run = streamlit_ws.open_page(cluster.url, "pijler-2")
    assert run.ok and run.deltas > 20, run


def test_still_charts_travel_by_url_and_nginx_serves_them_from_disk(cluster):
    """A pillar page's run names its still charts (static/gen/<content hash>.svg) instead of carrying
    them; through the proxy nginx serves them from disk, cacheable for good; a worker serves them too."""
    import urllib.request
    run = streamlit_ws.open_page(cluster.url, "pijler-2", keep=True)
    names = sorted(set(re.findall(rb"app/static/gen/([0-9a-f]{40}\.svg)", bytes(run.payload))))
    from streek import charts, load_vision
    v = load_vision()
    first = v.blocks_of("2")[0].code                      # a pillar page opens on its first building block
    cards = [c for c in charts.document_ambitions(v, "2") if charts.series_of(v, c)[0].building_block == first]
    assert len(names) == 3 * len(cards) == 9, names      # per card of block 2.1: laid out at three widths
    assert b"data:image/svg+xml" not in run.payload
    before = len(upstreams(cluster))
    for name in names:
        with urllib.request.urlopen(f"{cluster.url}/app/static/gen/{name.decode()}", timeout=10) as r:  # noqa: S310
            body = r.read()
            assert r.headers["Content-Type"].startswith("image/svg+xml")
            assert "immutable" in r.headers["Cache-Control"]
        assert body.startswith(b"<svg") and body == (ROOT / "static" / "gen" / name.decode()).read_bytes()
    assert len(upstreams(cluster)) == before             # nginx answered; no worker was asked
    first = names[0].decode()
    with urllib.request.urlopen(f"{cluster.worker_urls[0]}/app/static/gen/{first}", timeout=10) as r:  # noqa: S310
        assert r.read() == (ROOT / "static" / "gen" / first).read_bytes()


def test_a_visitor_sticks_to_one_worker(cluster):
    cookie = streamlit_ws.fetch_cookies(cluster.url)
    assert "streek_worker=" in cookie
    before = len(upstreams(cluster))
    import urllib.request
    for _ in range(10):
        req = urllib.request.Request(cluster.url + "/_stcore/health", headers={"Cookie": cookie})
        urllib.request.urlopen(req, timeout=10).close()  # noqa: S310 (loopback)
    assert len(set(upstreams(cluster)[before:])) == 1


def test_import_through_one_worker_shows_on_the_other(cluster, tmp_path):
    for url in cluster.worker_urls:
        run = streamlit_ws.open_page(url, "pijler-2", keep=True)
        assert run.ok and SOURCE.encode() not in run.payload
    f = tmp_path / "meting.csv"
    f.write_text(f"indicator;geo;period;value;source;note\n2.1.2;ZWV;2021;6.500;{SOURCE};\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "streek", "import", str(f), "--db", f"sqlite:///{cluster.db}",
                           "--editor", "test", "--yes"], cwd=ROOT, env=cluster.env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    for url in cluster.worker_urls:   # each worker, on its next run, shows the new measurement
        run = streamlit_ws.open_page(url, "pijler-2", keep=True)
        assert run.ok and SOURCE.encode() in run.payload


def _new_page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-BE")
    return ctx, ctx.new_page()


def _sign_in(page, base_url: str, password: str) -> None:
    page.goto(base_url + "/aanmelden")
    wait_for_app(page)
    page.get_by_label("Naam").fill("anna")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()


def _title(page) -> str:
    return page.locator("h1").first.inner_text(timeout=30_000)


def test_failures_recorded_elsewhere_slow_down_sign_in(cluster, browser):
    # another process (another worker) records six failures for "anna": the next try waits 32 s
    code = ("import sys; from sqlalchemy import create_engine; from streek.auth import StoreThrottle; "
            "t = StoreThrottle(create_engine(sys.argv[1])); [t.failed('user:anna') for _ in range(6)]")
    subprocess.run([sys.executable, "-c", code, f"sqlite:///{cluster.db}"], cwd=ROOT, check=True, timeout=60)
    ctx, page = _new_page(browser)
    try:
        _sign_in(page, cluster.url, PASSWORD)
        page.get_by_text("Te veel mislukte pogingen").wait_for(timeout=30_000)
        assert _title(page) == "Aanmelden voor redacteurs"
    finally:
        ctx.close()
        subprocess.run([sys.executable, "-c", "import sys; from sqlalchemy import create_engine, text; "
                        "e = create_engine(sys.argv[1]); c = e.connect(); c.execute(text('DELETE FROM auth_throttle')); "
                        "c.commit()", f"sqlite:///{cluster.db}"], check=True, timeout=60)


def test_reload_keeps_the_editor_signed_in_on_every_worker(cluster, browser):
    ctx, page = _new_page(browser)
    try:
        _sign_in(page, cluster.url, PASSWORD)
        page.wait_for_url("**/gegevens-bijwerken*", timeout=30_000)
        wait_for_app(page)
        assert _title(page) == "Gegevens bijwerken"
        page.wait_for_function("document.cookie.includes('streek_editor=')", timeout=30_000, polling=POLL_MS)
        page.reload()
        wait_for_app(page)
        assert _title(page) == "Gegevens bijwerken"
        assert "streek_editor" not in page.url and "token" not in page.url
        for url in cluster.worker_urls:    # cookies do not depend on the port: each worker directly
            page.goto(url + "/gegevens-bijwerken")
            wait_for_app(page)
            assert _title(page) == "Gegevens bijwerken"
        # signing out ends it for the next reload too
        page.get_by_role("button", name="Afmelden").click()
        page.wait_for_function("!document.cookie.includes('streek_editor=')", timeout=30_000, polling=POLL_MS)
        page.goto(cluster.url + "/gegevens-bijwerken")
        wait_for_app(page)
        assert _title(page) == "Aanmelden voor redacteurs"
    finally:
        ctx.close()


def test_expired_or_forged_token_is_refused(cluster, browser):
    key = shared_secret(create_engine(f"sqlite:///{cluster.db}"))
    good = make_token("anna", key)
    expired = make_token("anna", key, now=time.time() - TOKEN_TTL_S - 60)
    forged = make_token("anna", b"not-the-key")
    host = cluster.url.split("//")[1].split(":")[0]
    for token, title in ((expired, "Aanmelden voor redacteurs"), (forged, "Aanmelden voor redacteurs"),
                         (good, "Gegevens bijwerken")):
        ctx, page = _new_page(browser)
        try:
            ctx.add_cookies([{"name": "streek_editor", "value": token, "domain": host, "path": "/"}])
            page.goto(cluster.url + "/gegevens-bijwerken")
            wait_for_app(page)
            assert _title(page) == title, token
        finally:
            ctx.close()


def test_the_still_map_comes_from_disk_as_svg(cluster):
    """The map's still layouts (pages/clickable_map): named in the map's run, served by nginx from
    disk as SVG, cacheable for good."""
    import urllib.request
    run = streamlit_ws.open_page(cluster.url, "kaart", keep=True)
    names = sorted(set(re.findall(rb"app/static/gen/([0-9a-f]{40}\.svg)", bytes(run.payload))))
    assert len(names) >= 4, names                        # three layouts of the map and the series' picture
    for name in names:
        with urllib.request.urlopen(f"{cluster.url}/app/static/gen/{name.decode()}", timeout=10) as r:  # noqa: S310
            assert r.headers["Content-Type"].startswith("image/svg+xml")
            assert "immutable" in r.headers["Cache-Control"]
            assert r.read().startswith(b"<svg")
    # a phone (it accepts gzip) gets the large layouts compressed: a room shares one Wi-Fi
    import gzip
    large = max(names, key=lambda n: (ROOT / "static" / "gen" / n.decode()).stat().st_size).decode()
    req = urllib.request.Request(f"{cluster.url}/app/static/gen/{large}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=10) as r:  # noqa: S310
        assert r.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in r.headers["Vary"]
        body = r.read()
    original = (ROOT / "static" / "gen" / large).read_bytes()
    assert gzip.decompress(body) == original and len(body) < len(original) / 2


def test_streamlit_bundle_comes_compressed_through_the_proxy(cluster):
    """Streamlit's own scripts (~2 MB for a first visit) reach a browser compressed through nginx too:
    the workers compress them (tools/serve.py), nginx passes them on unchanged."""
    import gzip
    import urllib.request
    from streamlit import file_util
    index = urllib.request.urlopen(f"{cluster.url}/pijler-2", timeout=10).read().decode()  # noqa: S310
    main_js = re.search(r'src="\./static/js/(index\.[\w-]+\.js)"', index).group(1)
    req = urllib.request.Request(f"{cluster.url}/static/js/{main_js}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=10) as r:  # noqa: S310
        assert r.headers["Content-Encoding"] == "gzip", dict(r.headers)
        body = r.read()
    assert gzip.decompress(body) == (Path(file_util.get_static_dir()) / "static" / "js" / main_js).read_bytes()
