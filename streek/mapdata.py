"""Which indicators can be shown on the map of the 13 municipalities.

(Owned by the map work; this first version gives the contract that ambition cards use.)"""
from __future__ import annotations

from streek.model import Vision


def municipal_codes(vision: Vision) -> set[str]:
    return {g.geo for g in vision.municipalities()}


def has_municipal_values(vision: Vision, indicator: str) -> bool:
    """True when ``indicator`` (an ambition code or a context indicator id) has a value for
    at least one of the 13 municipalities."""
    codes = municipal_codes(vision)
    for df in (vision.observations, vision.statbel):
        sub = df[df["indicator"] == indicator]
        if not sub.empty and sub["geo"].isin(codes).any():
            return True
    return False


def map_url(indicator: str, **params: str) -> str:
    """Relative link to the map page showing ``indicator`` (query keys: indicator, jaar,
    weergave, gemeente, sinds)."""
    from urllib.parse import urlencode
    return "kaart?" + urlencode({"indicator": indicator, **{k: v for k, v in params.items() if v}})
