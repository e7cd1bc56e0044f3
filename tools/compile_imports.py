"""Compile to bytecode what the app (and, with ``--dev``, the tests) import: once, in one process.

``make`` installs the requirements with ``pip install --no-compile``: pip would otherwise compile every
module of every package (~6.500 files, ~20 s on one core), most of them never imported. This script
imports every module of ``streek`` and the entry points Streamlit and the tests use, so that Python
writes ``__pycache__`` for exactly those (~2.300 files, a few seconds). Without it, the first processes
of a test run (the pytest workers and the app servers, started together) each compiled the same modules.

    python tools/compile_imports.py [--dev]
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ["streamlit.web.bootstrap", "streamlit.runtime.scriptrunner", "streamlit.components.v2"]
DEV = ["streamlit.testing.v1", "pytest", "xdist", "playwright.sync_api", "hypothesis", "pypdf", "zxingcpp"]


def modules(dev: bool) -> list[str]:
    """``streek`` and every module in it (not ``streek.__main__``, which runs the command line), then
    the named entry points."""
    import streek
    ours = ["streek"] + [m.name for m in pkgutil.walk_packages(streek.__path__, "streek.")
                         if not m.name.endswith("__main__")]
    return ours + APP + (DEV if dev else [])


def main(argv: list[str]) -> int:
    if sys.flags.dont_write_bytecode:
        print("compile_imports: PYTHONDONTWRITEBYTECODE is set: nothing written", file=sys.stderr)
        return 0
    sys.path.insert(0, str(ROOT))
    t = time.perf_counter()
    names = modules("--dev" in argv)
    for name in names:
        importlib.import_module(name)      # a module that fails to import fails here, loudly
    print(f"compile_imports: {len(names)} modules and what they import, {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
