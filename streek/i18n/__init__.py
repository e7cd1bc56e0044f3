"""The one catalogue of interface strings. Dutch is the default language.

Each area keeps its strings in its own module (``core``, ``pillars``, ``map``, ...), merged
here, so that parallel work does not collide. ``t(key, **kw)`` formats a string.
"""
from __future__ import annotations

import pkgutil
import threading
from importlib import import_module

DEFAULT_LANG = "nl"
LANGS = ("nl", "en")


def _collect() -> dict[str, dict[str, str]]:
    cat: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for mod in pkgutil.iter_modules(__path__):
        m = import_module(f"{__name__}.{mod.name}")
        for lang in LANGS:
            part = getattr(m, lang.upper(), {})
            dup = set(part) & set(cat[lang])
            if dup:
                raise KeyError(f"dubbele sleutels in de catalogus ({mod.name}): {sorted(dup)}")
            cat[lang].update(part)
    return cat


CATALOGUE = _collect()
# Per thread: Streamlit runs every session's script in its own thread, so one visitor's choice
# of English must not switch the strings of another visitor's page mid-run.
_state = threading.local()
MISSING: set[tuple[str, str]] = set()   # (language, key) that fell back to Dutch (checked by tests)


def set_language(lang: str) -> None:
    _state.lang = lang if lang in LANGS else DEFAULT_LANG


def get_language() -> str:
    return getattr(_state, "lang", DEFAULT_LANG)


def t(key: str, lang: str | None = None, **kw) -> str:
    """The string ``key`` in ``lang`` (default: the current language), formatted with ``kw``.

    Falls back to Dutch where a translation is missing; a missing key raises KeyError."""
    lang = lang or get_language()
    s = CATALOGUE.get(lang, {}).get(key)
    if s is None:
        MISSING.add((lang, key))
        s = CATALOGUE[DEFAULT_LANG][key]
    return s.format(**kw) if kw else s
