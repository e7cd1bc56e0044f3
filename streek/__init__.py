"""Domain package of the Streekvisie Explorer: the vision "Just Make It!" as typed data.

Never imports streamlit. Pages read from here; tests mostly live here.
"""
from streek.load import DATA_DIR, load_vision  # noqa: F401
from streek.model import (  # noqa: F401
    Ambition,
    BuildingBlock,
    Geography,
    Indicator,
    Pillar,
    Source,
    Vision,
)
from streek.validate import DataError, Issue, validate_dir  # noqa: F401
