"""Where rendered pictures are kept between processes (``streek.render``'s disk cache); importable
without pandas, Altair or vl-convert, so that a launcher (``tools/prerender.py``, ``tools/warm.py``)
can find it at once."""
from __future__ import annotations

import os
from pathlib import Path

DISK_CACHE = Path(__file__).resolve().parents[1] / "var" / "cache" / "render"


def disk_cache_dir() -> Path | None:
    """Where PNGs and SVGs are kept between processes; None when switched off (``STREEK_RENDER_CACHE=off``)."""
    env = os.environ.get("STREEK_RENDER_CACHE", "")
    if env.lower() in ("off", "0", "no", "false"):
        return None
    return Path(env) if env else DISK_CACHE
