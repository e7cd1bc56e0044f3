"""The one catalogue of interface strings. Dutch is the default language.

Each area keeps its strings in its own module (``core``, ``pillars``, ``map``, ...), merged
here, so that parallel work does not collide. ``t(key, **kw)`` formats a string.
"""
from __future__ import annotations

import pkgutil
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
_lang = DEFAULT_LANG


def set_language(lang: str) -> None:
    global _lang
    _lang = lang if lang in LANGS else DEFAULT_LANG


def get_language() -> str:
    return _lang


def t(key: str, lang: str | None = None, **kw) -> str:
    """The string ``key`` in ``lang`` (default: the current language), formatted with ``kw``.

    Falls back to Dutch where a translation is missing; a missing key raises KeyError."""
    lang = lang or _lang
    s = CATALOGUE.get(lang, {}).get(key)
    if s is None:
        s = CATALOGUE[DEFAULT_LANG][key]
    return s.format(**kw) if kw else s
