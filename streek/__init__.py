"""Domain package of the Streekvisie Explorer: the vision "Just Make It!" as typed data.

Never imports streamlit. Pages read from here; tests mostly live here.

The names below are loaded when first used (PEP 562), not when the package is imported: a process
that needs one small module (a PNG worker, ``streek.png_worker``) does not load pandas and the rest.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_WHERE = {
    "DATA_DIR": "streek.load", "load_vision": "streek.load",
    "Ambition": "streek.model", "BuildingBlock": "streek.model", "Geography": "streek.model",
    "Indicator": "streek.model", "Pillar": "streek.model", "Source": "streek.model", "Vision": "streek.model",
    "DataError": "streek.validate", "Issue": "streek.validate", "validate_dir": "streek.validate",
}
__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from streek.load import DATA_DIR, load_vision  # noqa: F401
    from streek.model import Ambition, BuildingBlock, Geography, Indicator, Pillar, Source, Vision  # noqa: F401
    from streek.validate import DataError, Issue, validate_dir  # noqa: F401


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'streek' has no attribute {name!r}")
    return getattr(import_module(_WHERE[name]), name)
