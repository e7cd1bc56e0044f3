"""QR codes decode (zxing-cpp) to exactly the absolute link of the view, and PNG and SVG draw
the same module matrix."""
import io

import numpy as np
import pytest
import segno
import vl_convert as vlc
import zxingcpp
from PIL import Image

from conftest import page_text, page_title

from streek.qr import base_from_headers, qr_png, qr_svg, view_url

SCALE, BORDER = 8, 4   # streek.qr defaults: pixels per module, quiet-zone modules


def decode_png(data: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))]


def svg_as_png(svg: bytes) -> bytes:
    """Rasterise the SVG independently of segno (resvg inside vl-convert)."""
    return vlc.svg_to_png(svg.decode(), scale=1)


def module_matrix(png: bytes) -> np.ndarray:
    """The QR modules drawn in a picture: sample the centre pixel of every module (True = dark)."""
    grey = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    n = grey.shape[0] // SCALE - 2 * BORDER
    centres = (np.arange(n) + BORDER) * SCALE + SCALE // 2
    return grey[np.ix_(centres, centres)] < 128


def test_view_url_is_absolute_with_the_view_parameters():
    url = view_url("http://192.168.1.20:8501/presentatie?old=1#x", {"pijler": "2", "i": "3", "lang": "", "presentatie": "1"})
    assert url == "http://192.168.1.20:8501/presentatie?pijler=2&i=3&presentatie=1"
    with pytest.raises(ValueError):
        view_url("/presentatie", {"i": "1"})


def test_qr_png_decodes_to_the_link():
    url = view_url("https://streek.example.be/presentatie", {"pijler": "2", "i": "14", "lang": "en"})
    assert decode_png(qr_png(url)) == [url]


def test_different_views_give_different_codes():
    a = view_url("http://localhost:8501/presentatie", {"pijler": "2", "i": "1"})
    b = view_url("http://localhost:8501/presentatie", {"pijler": "2", "i": "2"})
    assert qr_png(a) != qr_png(b)
    assert decode_png(qr_png(b)) == [b]


def test_qr_svg_is_svg_of_the_same_matrix():
    url = "http://localhost:8501/presentatie?pijler=1&i=2"
    png, svg = qr_png(url), svg_as_png(qr_svg(url))
    assert decode_png(svg) == [url]                       # the SVG, drawn by another renderer, scans
    m_png, m_svg = module_matrix(png), module_matrix(svg)
    expected = np.array(segno.make(url, error="m", micro=False).matrix, dtype=bool)
    assert m_png.shape == expected.shape == (33, 33)      # version 4 for a link of this length
    assert (m_png == expected).all() and (m_svg == expected).all()
    other = module_matrix(qr_png(url + "3"))
    assert (other != expected).sum() > 50                 # the sampler sees a different link as different


def test_scanner_reads_the_link_with_error_correction_at_least_m():
    url = view_url("https://streek.example.be/presentatie", {"pijler": "3", "i": "7", "presentatie": "1"})
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(url))))
    assert code.format == zxingcpp.BarcodeFormat.QRCode and code.valid
    assert code.text == url and code.ec_level in ("M", "Q", "H")


def test_base_from_headers_behind_a_proxy():
    assert base_from_headers({"Host": "localhost:8501"}) == "http://localhost:8501"
    assert base_from_headers({"Host": "10.0.0.2:8501", "X-Forwarded-Host": "streek.example.be",
                              "X-Forwarded-Proto": "https"}) == "https://streek.example.be"
    assert base_from_headers({"Host": "h", "X-Forwarded-Proto": "javascript"}) == "http://h"
    assert base_from_headers({}) is None


def test_presentation_view_parameters_are_made_valid(monkeypatch, tmp_path):
    """A hand-edited link (?pijler=9&i=99) opens a real screen and the URL says which."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("STREEK_DB_URL", f"sqlite:///{tmp_path / 'p.sqlite'}")
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=240).run()
    at.query_params.update({"pijler": "9", "i": "99"})
    at.switch_page("pages/presentation.py").run()
    assert not at.exception
    assert at.query_params["pijler"] == "1" and at.query_params["presentatie"] == "1"
    n = int(at.query_params["i"])
    assert any(m.value == f"Scherm {n} van {n}" for m in at.markdown)          # the last screen: the map
    assert any(h.proto.body.startswith('<h2 class="card-title">Kaart van de 13 gemeenten</h2>') for h in at.get("html"))
    at.query_params["i"] = "x"
    at.run()
    assert at.query_params["i"] == "1" and any(h.proto.body.startswith("<h2 class=\"card-title\">1.1.1 · ") for h in at.get("html"))


def test_leaving_the_presentation_opens_the_card(monkeypatch, tmp_path):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("STREEK_DB_URL", f"sqlite:///{tmp_path / 'p.sqlite'}")
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=240).run()
    at.query_params.update({"pijler": "2", "i": "2"})
    at.switch_page("pages/presentation.py").run()
    at.button(key="present-exit").click().run()
    assert not at.exception
    assert page_title(at).startswith("Pijler 2")
    assert at.query_params.get("ambitie") == "2.1.2" and "presentatie" not in at.query_params


def test_leaving_the_map_screen_opens_the_same_map(monkeypatch, tmp_path):
    """The presentation's last screen is the pillar's map; Exit (and its QR code, the same link) opens the
    map page on that indicator, year and view, not on the map page's default."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("STREEK_DB_URL", f"sqlite:///{tmp_path / 'p.sqlite'}")
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=240).run()
    at.query_params.update({"pijler": "2", "i": "11"})
    at.switch_page("pages/presentation.py").run()
    assert any("Kaart van de 13 gemeenten" in h.proto.body for h in at.get("html"))
    at.button(key="present-exit").click().run()
    assert not at.exception
    assert page_title(at) == "Kaart van de 13 gemeenten" and "presentatie" not in at.query_params
    assert {k: at.query_params.get(k) for k in ("indicator", "jaar", "weergave")} == {
        "indicator": "employment_rate_20_64_census2011", "jaar": "2011", "weergave": "absoluut"}
    text = page_text(at)        # the map's ranked table: Deerlijk first with 76,6 %, as on the presentation's screen
    assert "Census 2011" in text and "1e van 13 Deerlijk 76,6 %" in text, text[:600]
