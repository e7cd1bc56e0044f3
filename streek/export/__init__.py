"""Exports for meetings: a PowerPoint deck and an A4 landscape PDF of a pillar, a building
block or hand-picked ambitions (``python -m streek deck``). Never imports streamlit."""
from __future__ import annotations

from streek.export.content import DeckContent, build_content, selection  # noqa: F401


def export_bytes(content: DeckContent, fmt: str) -> bytes:
    """``fmt`` 'pptx' or 'pdf'."""
    if fmt == "pptx":
        from streek.export.deck import build_pptx
        return build_pptx(content)
    if fmt == "pdf":
        from streek.export.pdf import build_pdf
        return build_pdf(content)
    raise ValueError(f"onbekend formaat: {fmt}")


MIME = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pdf": "application/pdf"}
