"""The catalogue: every key in Dutch and English, same placeholders; every page renders in
English without falling back to a Dutch string; the language is per visitor (thread)."""
import re
import string
import threading
from importlib import import_module
from pathlib import Path
import pkgutil

import pytest
from streamlit.testing.v1 import AppTest

import streek.i18n as i18n

ROOT = Path(__file__).resolve().parents[1]
MODULES = [m.name for m in pkgutil.iter_modules(i18n.__path__)]


def fields(s: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(s) if f}


@pytest.mark.parametrize("name", MODULES)
def test_every_key_in_both_languages_with_the_same_placeholders(name):
    m = import_module(f"streek.i18n.{name}")
    nl, en = getattr(m, "NL", {}), getattr(m, "EN", {})
    assert set(nl) == set(en), f"{name}: only NL {sorted(set(nl) - set(en))}, only EN {sorted(set(en) - set(nl))}"
    wrong = [k for k in nl if fields(nl[k]) != fields(en[k])]
    assert not wrong, f"{name}: placeholders differ for {wrong}"
    assert all(v.strip() for v in list(nl.values()) + list(en.values())), f"{name}: empty string"


def test_present_keys_use_their_prefixes():
    from streek.i18n import present
    assert all(k.split(".")[0] in {"present", "deck", "whatif", "notes", "lang"} for k in present.NL)


def test_fallback_to_dutch_is_recorded():
    i18n.MISSING.clear()
    i18n.CATALOGUE["nl"]["zz.only_nl"] = "alleen Nederlands"
    try:
        assert i18n.t("zz.only_nl", lang="en") == "alleen Nederlands"
        assert ("en", "zz.only_nl") in i18n.MISSING
        with pytest.raises(KeyError):
            i18n.t("zz.nowhere")
    finally:
        del i18n.CATALOGUE["nl"]["zz.only_nl"]
        i18n.MISSING.clear()


def test_language_is_per_thread():
    i18n.set_language("en")
    seen = {}
    th = threading.Thread(target=lambda: seen.setdefault("lang", i18n.get_language()))
    th.start()
    th.join()
    try:
        assert i18n.get_language() == "en" and seen["lang"] == "nl"
        assert i18n.t("lang.label") == "Taal · Language"
        i18n.set_language("xx")
        assert i18n.get_language() == "nl"
    finally:
        i18n.set_language("nl")


def registered_pages() -> list[str]:
    text = (ROOT / "app.py").read_text(encoding="utf-8")
    auth = ROOT / "pages" / "editor_auth.py"
    if auth.exists():
        text += auth.read_text(encoding="utf-8")
    return list(dict.fromkeys(re.findall(r'"(pages/[a-z0-9_]+\.py)"', text)))


def english_in_effect(at) -> bool:
    """The frame ran in English: the sidebar says the document's titles stay Dutch."""
    return any("in Dutch" in c.value for c in at.sidebar.caption)


def test_every_page_renders_in_english_without_a_missing_string(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("STREEK_DB_URL", f"sqlite:///{tmp_path / 'i18n.sqlite'}")
    pages = registered_pages()
    assert "pages/presentation.py" in pages and "pages/workshop_page.py" in pages
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    at.query_params["lang"] = "EN"
    i18n.MISSING.clear()
    at.run()                                     # the home page (default page)
    assert english_in_effect(at) and "South-West Flanders" in at.title[0].value
    problems = {}
    checked = ["pages/home.py"]
    # (switching to the default page itself would make AppTest run pages/ as an old-style
    # multipage app, without app.py; it was checked by the first run)
    for page in [p for p in pages if p != "pages/home.py"]:
        try:
            at.switch_page(page)
        except ValueError:
            assert "editor" in page, page        # editing pages exist only for signed-in editors
            continue
        at.run()
        missing = sorted(k for lang, k in i18n.MISSING if lang == "en")
        i18n.MISSING.clear()
        if at.exception or missing or not english_in_effect(at):
            problems[page] = {"exception": [e.value for e in at.exception][:1], "missing": missing,
                              "english": english_in_effect(at)}
        checked.append(page)
    assert not problems, problems
    assert len(checked) >= 12
