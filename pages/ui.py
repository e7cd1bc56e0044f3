"""Streamlit helpers shared by the pages: the cached vision, status badges, error display.

Pages stay thin: they read from ``streek`` and use these helpers; nothing here computes
domain results that ``streek`` already computes.
"""
from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from streek import load_vision
from streek.i18n import t
from streek.load import DATA_DIR
from streek.model import Vision
from streek.progress import Assessment, Status, assess
from streek.validate import DataError


def _data_stamp(data_dir: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.glob("*")))


@st.cache_resource(show_spinner=False)
def _seed_vision(data_dir: str, stamp: tuple) -> Vision:
    return load_vision(Path(data_dir))


def data_dir_in_use() -> Path:
    """data/ of the repository, or the folder named by STREEK_DATA_DIR (tests, staging)."""
    return Path(os.environ.get("STREEK_DATA_DIR") or DATA_DIR)


def get_vision() -> Vision:
    """The vision as the app shows it (seed data; stored measurements are merged in by the
    storage layer where configured). Shows the data errors and stops the page when invalid."""
    data_dir = data_dir_in_use()
    try:
        return _seed_vision(str(data_dir), _data_stamp(data_dir))
    except DataError as e:
        show_data_error(e)
        st.stop()


def show_data_error(e: DataError) -> None:
    st.error(f"**{t('app.data_error_title')}**\n\n{t('app.data_error_intro')}")
    st.markdown("\n".join(f"- {str(i)}" for i in e.issues[:200]))


@st.cache_data(show_spinner=False)
def _assessments(_vision: Vision, key: int) -> dict[str, Assessment]:
    return {a.code: assess(a, _vision.series(a.code)) for a in _vision.ambitions}


def assessments(vision: Vision) -> dict[str, Assessment]:
    return _assessments(vision, id(vision))


def status_badge(status: Status) -> str:
    """Word, symbol and colour together (never colour alone)."""
    return (f'<span class="status-badge" style="border-color:{status.color};">'
            f'<span aria-hidden="true" style="color:{status.color};">{status.symbol}</span> '
            f"{status.label_nl}</span>")


BADGE_CSS = """
<style>
.status-badge{display:inline-block;border:2px solid;border-radius:1rem;padding:0 .6rem;font-weight:600;white-space:nowrap;}
</style>
"""
