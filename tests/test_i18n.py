"""The catalogue: every key in Dutch and English, same placeholders; every page renders in
English without falling back to a Dutch string, and with no Dutch status word, reason, kind of
target or Dutch-formatted number outside the document's own texts; the language is a parameter."""
import ast
import re
import string
from importlib import import_module
from pathlib import Path
import pkgutil

import pytest
from streamlit.testing.v1 import AppTest

import streek.i18n as i18n
from i10_english import OUR_PROSE, app_texts, dutch_units_in, our_dutch_in
from pages.routes import ROUTES

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


def used_keys() -> tuple[set[str], set[str]]:
    """What the app's code names of the catalogue: every string literal (a key as such), and the families of
    keys it builds from a code or a state: the fixed head of an f-string (``f"notes.err.code_{state}"``),
    and a dotted literal that is no key itself (``"profile.compare.count." + …``, a ``prefix="progress.note"``)."""
    literals, prefixes = set(), set()
    files = [ROOT / "app.py"] + [f for d in ("pages", "streek", "tools", "bench") for f in (ROOT / d).rglob("*.py")
                                 if "i18n" not in f.relative_to(ROOT).parts]
    for f in files:
        for n in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Constant) and isinstance(n.value, str):
                literals.add(n.value)
            elif isinstance(n, ast.JoinedStr) and n.values and isinstance(n.values[0], ast.Constant) \
                    and "." in str(n.values[0].value):
                prefixes.add(n.values[0].value)
    keys = set(i18n.CATALOGUE["nl"])
    prefixes |= {p if p.endswith(".") else p + "." for p in literals - keys if re.fullmatch(r"[a-z_]+(\.[a-z_0-9]+)+\.?", p)}
    return literals, prefixes


def test_every_key_is_used_by_the_app():
    """No dead words in the catalogue: each key is named by the app's code, or belongs to a family the code
    builds (``progress.reason.<code>``). 27 keys were left over from views that had changed (the card's
    old change and latest-value lines, the overview's link column, the map's table button...)."""
    literals, prefixes = used_keys()
    unused = sorted(k for k in i18n.CATALOGUE["nl"] if k not in literals and not any(k.startswith(p) for p in prefixes))
    assert not unused, f"{len(unused)} keys that no code uses: {unused}"


def test_percent_signs_as_each_language_writes_them():
    """English writes "100%", Dutch "100 %" (as Babel's nl_BE and en formats do for the numbers)."""
    en = [f"{k}: {v}" for k, v in i18n.CATALOGUE["en"].items() if re.search(r"\d %", v)]
    nl = [f"{k}: {v}" for k, v in i18n.CATALOGUE["nl"].items() if re.search(r"\d%", v)]
    assert not en, en
    assert not nl, nl


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
            i18n.t("zz.nowhere", "nl")
    finally:
        del i18n.CATALOGUE["nl"]["zz.only_nl"]
        i18n.MISSING.clear()


def test_the_language_is_a_parameter_not_hidden_state():
    assert not hasattr(i18n, "set_language") and not hasattr(i18n, "get_language")
    with pytest.raises(TypeError):
        i18n.t("lang.label")                       # no default language to fall back on
    assert i18n.t("deck.status.on_track", "en") == "On track"
    assert i18n.t("deck.status.on_track", "nl") == "Op koers"


def registered_pages() -> list[str]:
    return [r.script for r in ROUTES]


def _dutch_catalogue(prefixes: tuple[str, ...]) -> list[str]:
    """The fixed words of Dutch catalogue strings (the longest literal piece of each), where they
    differ from the English ones."""
    out = []
    for key, nl in i18n.CATALOGUE["nl"].items():
        if key.startswith(prefixes) and nl != i18n.CATALOGUE["en"].get(key):
            piece = max((lit for lit, *_ in string.Formatter().parse(nl)), key=len).strip(" .:;,()")
            if len(piece) >= 8:
                out.append(piece)
    return out


DUTCH_WORDS = _dutch_catalogue(("deck.status.", "deck.kind.", "progress.reason.", "progress.note.", "card.",
                                "pillars.target.", "pillars.card.", "overview.filter", "overview.col."))
DUTCH_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.])|\d,\d+ ?%|\bprocentpunt")


def _document_texts() -> list[str]:
    """The document's own texts (titles, sentences, sources): Dutch in every language. Our own notes and
    definitions are not among them: they have an English column (``OUR_PROSE``) and excuse nothing."""
    from streek import load_vision
    v = load_vision()
    ours = {col for _, col in OUR_PROSE} | {en for en in OUR_PROSE.values()} | {"summary_nl", "summary_en"}
    out = []
    for obj in (*v.pillars, *v.building_blocks, *v.ambitions, *v.geographies.values(), *v.sources.values(),
                *v.indicators.values()):
        out += [str(x) for k, x in vars(obj).items() if isinstance(x, str) and len(x) > 3 and k not in ours]
    for frame in (v.swot, v.figures, v.trends, v.environment, v.observations, v.statbel):
        for col in frame.columns:
            if frame[col].dtype == object and col not in ours:
                out += [str(x) for x in frame[col].dropna().unique() if len(str(x)) > 3]
    for part in v.texts.values():
        out += [str(x) for k, x in part.items() if isinstance(x, str) and len(x) > 3 and k not in ours]
    return sorted(set(out), key=len, reverse=True)


DOCUMENT = _document_texts()
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~:$=&])")


def rendered_text(at) -> list[str]:
    """The texts a reader sees: Markdown, captions, titles, alerts, tables (Markdown escapes removed)."""
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "success", "error"):
        out += [_UNESCAPE.sub(r"\1", str(e.value)) for e in getattr(at, kind)]
    for d in at.dataframe:
        df = d.value
        frame = df.data if hasattr(df, "data") else df          # a Styler holds its frame in .data
        for col in frame.columns:
            if frame[col].dtype == object:
                out += [str(x) for x in frame[col] if isinstance(x, str)]
    for p in at.get("button_group"):
        out += [str(o) for o in getattr(p, "options", [])]
    return out


def dutch_in(texts: list[str]) -> list[str]:
    """Dutch status words, reasons, kinds or Dutch-formatted numbers outside the document's texts."""
    found = []
    for text in texts:
        for doc in DOCUMENT:
            if doc in text:
                text = text.replace(doc, " ")
        found += [w for w in DUTCH_WORDS if w in text]
        found += [m.group(0) + " in: " + text[max(0, m.start() - 40): m.end() + 20] for m in DUTCH_NUMBER.finditer(text)]
    return found


def test_the_dutch_detector_catches_what_it_should():
    assert dutch_in(["▲ Op koers"]) and dutch_in(["7.719 personen"]) and dutch_in(["75,4 % in 2016"])
    assert dutch_in(["+4,6 procentpunt"])
    assert not dutch_in(["▲ On track", "7,719 personen", "75.4% in 2016", "ambition 2.1.1", "+4.6 percentage points"])


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
    assert not dutch_in(rendered_text(at)), dutch_in(rendered_text(at))
    assert not dutch_units_in(rendered_text(at) + app_texts(at)), dutch_units_in(rendered_text(at) + app_texts(at))
    assert not our_dutch_in(rendered_text(at)), our_dutch_in(rendered_text(at))
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
        dutch = dutch_in(rendered_text(at)) + dutch_units_in(rendered_text(at) + app_texts(at))   # units, labels
        dutch += our_dutch_in(rendered_text(at) + [str(e.proto.body) for e in at.get("html")])     # our notes
        if at.exception or missing or not english_in_effect(at) or dutch:
            problems[page] = {"exception": [e.value for e in at.exception][:1], "missing": missing,
                              "english": english_in_effect(at), "dutch": dutch[:5]}
        checked.append(page)
    assert not problems, problems
    assert len(checked) >= 12
