"""The one catalogue of interface strings. Dutch is the default language.

Each area keeps its strings in its own module (``core``, ``pillars``, ``map``, ...), merged
here, so that parallel work does not collide. ``t(key, lang, **kw)`` formats a string; the
language is always passed in (pages get it from ``pages.frame.page_lang()``), never read from
hidden state.
"""
from __future__ import annotations

import html
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
MISSING: set[tuple[str, str]] = set()   # (language, key) that fell back to Dutch (checked by tests)


def t(key: str, lang: str, **kw) -> str:
    """The string ``key`` in ``lang`` ("nl" or "en"), formatted with ``kw``.

    Falls back to Dutch where a translation is missing; a missing key raises KeyError."""
    s = CATALOGUE.get(lang, {}).get(key)
    if s is None:
        MISSING.add((lang, key))
        s = CATALOGUE[DEFAULT_LANG][key]
    return s.format(**kw) if kw else s


def document_lang(lang: str) -> str | None:
    """The language of the document's own titles (the app's first language, Dutch) on a page in
    ``lang``: None on a page in that language."""
    return None if lang == DEFAULT_LANG else DEFAULT_LANG


def doc_html(text: str, lang: str) -> str:
    """The document's own words (its titles and items, which stay Dutch in English mode) as escaped HTML,
    marked ``lang="nl"`` on a page in another language, so that a screen reader reads them with a Dutch
    voice (WCAG 3.1.2). The one way the pages mark Dutch."""
    doc = document_lang(lang)
    return html.escape(text) if doc is None else f'<span lang="{doc}">{html.escape(text)}</span>'


def t_html(key: str, lang: str, title: str, **kw) -> str:
    """A catalogue text with the document's title in its ``{title}`` as escaped HTML, the title marked
    as :func:`doc_html` does ("Pillar 1: <span lang="nl">Economische groei …</span>")."""
    mark = "\x00"
    return html.escape(t(key, lang, title=mark, **kw)).replace(mark, doc_html(title, lang))


# The language tag that documents carry (a PDF's /Lang, a deck's text runs): Belgian Dutch, British English
LANGUAGE_TAGS = {"nl": "nl-BE", "en": "en-GB"}


def language_tag(lang: str) -> str:
    """The BCP 47 tag of ``lang`` for an exported document (spell checking, screen readers)."""
    return LANGUAGE_TAGS.get(lang, LANGUAGE_TAGS[DEFAULT_LANG])
