"""vl-convert with the charts' font (:func:`converter`), and PNGs from Vega-Lite specs, nothing else: what
``streek.render`` runs in-process, and ``python -m streek.png_worker``, the worker process of
``streek.render.PngBatch``.

Kept free of the rest of the package (pandas, Altair): a worker starts in ~50 ms plus vl-convert's
own start (~0,5 s). The worker is a plain child process speaking a small protocol on its standard
input and output, not a ``multiprocessing`` worker: those re-run the parent's ``__main__`` module,
and inside Streamlit (or its AppTest) that is ``app.py`` itself.

Protocol, one job at a time: the parent writes ``<n>\\n`` and ``n`` bytes of JSON (``spec``, ``scale``,
``format_locale``, ``time_format_locale``); the worker answers ``ok <n>\\n`` and the PNG's ``n`` bytes,
or ``error <n>\\n`` and the message. End of input ends the worker.
"""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

FONT_DIR = Path(__file__).with_name("fonts")


@functools.cache
def converter():
    """The ``vl_convert`` module, with the charts' font registered once per process: Streek Sans
    (``streek/fonts``, DejaVu Sans cut to what charts write; ``tools/build_font.py``), which
    ``streek.theme.FONT`` names first. vl-convert measures every text of a chart with the font it
    finds; with the system's DejaVu Sans that was most of a chart's drawing time (2.1.1: 131 of 144 ms),
    with this one less (2.1.1: 82 ms; the 31 screen charts ~15 %, projector charts ~25 %), to the same widths. Loaded here, not at import: a process whose
    pictures are all on disk never starts vl-convert."""
    import vl_convert as vlc
    vlc.register_font_directory(str(FONT_DIR))
    return vlc


def render_png(spec: str, scale: float, format_locale: dict, time_format_locale: dict | str) -> bytes:
    """``spec``: Vega-Lite JSON text; the locales as ``streek.render`` passes them (numbers and dates
    in the reader's language)."""
    return converter().vegalite_to_png(json.loads(spec), scale=scale, format_locale=format_locale,
                               time_format_locale=time_format_locale)


def serve(inp, out) -> None:
    """Answer jobs from ``inp`` on ``out`` (binary streams) until ``inp`` ends."""
    while header := inp.readline():
        job = json.loads(inp.read(int(header)))
        try:
            data, status = render_png(job["spec"], job["scale"], job["format_locale"], job["time_format_locale"]), b"ok"
        except Exception as e:          # the parent raises it where the PNG is asked for
            data, status = f"{type(e).__name__}: {e}".encode(), b"error"
        out.write(b"%s %d\n" % (status, len(data)))
        out.write(data)
        out.flush()


if __name__ == "__main__":
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)                       # anything else printed goes to stderr, never into the answers
    serve(sys.stdin.buffer, answers)
