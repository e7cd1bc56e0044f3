"""Workshop notes and codes: who may write, codes that expire or are closed, limits, escaping."""
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine

from streek import notes as N


@pytest.fixture()
def engine(tmp_path):
    eng = create_engine(f"sqlite:///{tmp_path / 'notes.sqlite'}")
    N.prepare(eng)         # the store's migrations create the notes tables
    return eng


T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def test_participant_with_open_code_adds_a_note(engine):
    wc = N.create_code(engine, "redacteur@resoc", "Workshop pijler 2", now=T0)
    assert len(wc.code) == N.CODE_LENGTH and set(wc.code) <= set(N.CODE_ALPHABET)
    assert wc.expires_at == T0 + timedelta(days=1)
    n = N.add_note(engine, "2.1.2", "  Meer jobcoaching in Menen  ", author="Deelnemer", code=wc.code.lower(),
                   kind="action", factor="Duurzame mobiliteit", now=T0 + timedelta(hours=3))
    assert n.text == "Meer jobcoaching in Menen" and n.code == wc.code and n.kind == "action"
    stored = N.list_notes(engine, ["2.1.2"])
    assert [(s.text, s.author, s.factor) for s in stored] == [("Meer jobcoaching in Menen", "Deelnemer", "Duurzame mobiliteit")]
    assert N.list_notes(engine, ["1.2.1"]) == []
    assert N.count_notes_by_code(engine) == {wc.code: 1}


def test_expired_code_is_refused(engine):
    wc = N.create_code(engine, "redacteur", now=T0)
    # the next day: 24 hours after creation the code stops working
    with pytest.raises(N.NoteError) as e:
        N.add_note(engine, "2.1.2", "te laat", code=wc.code, now=T0 + timedelta(days=1))
    assert e.value.key == "notes.err.code_expired"
    assert "verlopen" in e.value.message("nl")
    assert N.list_notes(engine) == []
    # one minute before the end it still works
    N.add_note(engine, "2.1.2", "net op tijd", code=wc.code, now=T0 + timedelta(days=1) - timedelta(minutes=1))
    assert len(N.list_notes(engine)) == 1


def test_closed_and_unknown_codes_are_refused(engine):
    wc = N.create_code(engine, "redacteur", now=T0)
    N.close_code(engine, wc.code, "redacteur", now=T0 + timedelta(hours=1))
    assert N.get_code(engine, wc.code).state(T0 + timedelta(hours=2)) == "closed"
    with pytest.raises(N.NoteError) as e:
        N.add_note(engine, "2.1.2", "x", code=wc.code, now=T0 + timedelta(hours=2))
    assert e.value.key == "notes.err.code_closed"
    with pytest.raises(N.NoteError) as e:
        N.add_note(engine, "2.1.2", "x", code="ZZZZZZ", now=T0)
    assert e.value.key == "notes.err.code_unknown"
    assert N.list_codes(engine, only_open=True, now=T0) == []


def test_without_code_only_editors_write(engine):
    with pytest.raises(N.NoteError) as e:
        N.add_note(engine, "2.1.2", "zonder code", now=T0)
    assert e.value.key == "notes.err.not_allowed"
    n = N.add_note(engine, "2.1.2", "van de redactie", editor="redacteur", now=T0)
    assert n.code is None and n.editor == "redacteur"
    with pytest.raises(N.NoteError):
        N.create_code(engine, "", now=T0)


def test_limits_and_references(engine, vision):
    wc = N.create_code(engine, "redacteur", now=T0)
    known = {a.code for a in vision.ambitions} | {a.ambition for a in vision.ambitions}
    factors = set(vision.environment["factor_nl"])
    ok = N.add_note(engine, "2.1.1", "x" * N.MAX_TEXT, code=wc.code, known_ambitions=known, now=T0)
    assert len(ok.text) == 500
    for kwargs, key in [({"text": "x" * 501}, "notes.err.too_long"),
                        ({"text": "   \n "}, "notes.err.empty"),
                        ({"text": "ok", "author": "a" * 81}, "notes.err.author_too_long"),
                        ({"text": "ok", "ambition": "9.9.9"}, "notes.err.unknown_ambition"),
                        ({"text": "ok", "factor": "Maanlanding"}, "notes.err.unknown_factor")]:
        args = {"ambition": "2.1.1", **kwargs}
        with pytest.raises(N.NoteError) as e:
            N.add_note(engine, args.pop("ambition"), args.pop("text"), code=wc.code, known_ambitions=known,
                       known_factors=factors, now=T0, **args)
        assert e.value.key == key
    assert len(N.list_notes(engine)) == 1


def test_control_and_bidi_characters_are_removed(engine):
    n = N.add_note(engine, "2.1.2", "a\x00b\u202ec\r\nd", editor="r", now=T0)
    assert n.text == "abc\nd"


def test_escape_markdown_keeps_html_and_links_as_text():
    s = N.escape_markdown("<script>alert(1)</script> [klik](javascript:x) **vet**\nregel 2", keep_lines=True)
    assert "<script>" not in s and "\\<script\\>" in s
    assert "\\[klik\\]\\(javascript\\:x\\)" in s
    assert "\\*\\*vet\\*\\*" in s
    assert "  \n" in s


def test_one_escaper_the_safer_superset():
    from streek.db import safe
    assert N.escape_markdown is safe.escape_markdown              # notes use the store's escaper
    assert safe.escape_markdown("&lt;b&gt; ~~x~~ $y$ a=b") == "\\&lt;b\\&gt; \\~\\~x\\~\\~ \\$y\\$ a\\=b"
    assert safe.escape_markdown("a\nb") == "a b"                  # one line unless asked
    assert safe.escape_markdown("a\r\nb", keep_lines=True) == "a  \nb"


def test_tables_come_from_the_store_migrations(tmp_path):
    from sqlalchemy import inspect

    from streek.db import get_engine
    from streek.db.schema import migrate
    eng = get_engine(f"sqlite:///{tmp_path / 'store.sqlite'}")
    applied = migrate(eng)
    assert 3 in applied                                   # the step that adds the notes tables
    names = set(inspect(eng).get_table_names())
    assert {"workshop_codes", "workshop_notes", "measurements"} <= names
    N.prepare(eng)                                        # idempotent on an up-to-date store
    wc = N.create_code(eng, "redacteur", now=T0)
    assert N.add_note(eng, "3.1.1", "ok", code=wc.code, now=T0).id == 1


# --- the workshop page (AppTest) ------------------------------------------------------------------
from pathlib import Path  # noqa: E402

from streamlit.testing.v1 import AppTest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EVIL = '<script>alert("x")</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))'


@pytest.fixture()
def store(monkeypatch, tmp_path):
    """The app's database for this test: a fresh SQLite file with the notes tables."""
    from streek.db import get_engine
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("STREEK_DB_URL", url)
    eng = get_engine(url)
    N.prepare(eng)
    return eng


def workshop(query=None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page("pages/workshop_page.py")
    return at.run()


def html_elements(at):
    """Every element that could carry raw HTML: markdown with unsafe HTML allowed, and st.html."""
    out = [m.value for m in at.markdown if m.proto.allow_html]
    out += [h.proto.body for h in at.get("html")]
    return out


def test_script_in_a_note_shows_as_text(store):
    N.add_note(store, "2.1.2", EVIL, author="<b>Jan</b>", editor="redacteur")
    at = workshop()
    assert not at.exception
    shown = [m for m in at.markdown if "script" in m.value]
    assert shown, "the note is listed"
    for m in shown:
        assert not m.proto.allow_html
        assert "<script>" not in m.value and "\\<script\\>" in m.value
        assert "](javascript" not in m.value
    assert all("alert" not in h for h in html_elements(at))
    captions = "\n".join(c.value for c in at.caption)
    assert "\\<b\\>Jan\\<" in captions and "<b>Jan</b>" not in captions


def test_expired_code_is_refused_in_the_page(store):
    past = datetime.now(UTC) - timedelta(days=2)
    old = N.create_code(store, "redacteur", now=past)
    at = workshop()
    at.text_input(key="workshop-code-input").input(old.code).run()
    assert [e.value for e in at.error] == ["Deze workshopcode is verlopen."]
    assert not at.text_area, "no note form without a valid code"


def test_participant_adds_a_note_with_a_code(store):
    wc = N.create_code(store, "redacteur", "Workshop pijler 2")
    at = workshop({"ambitie": "2.1.2"})
    at.text_input(key="workshop-code-input").input(wc.code.lower()).run()
    assert not at.error
    assert at.selectbox[0].value == "2.1.2"                       # preselected from ?ambitie=
    at.text_area[0].input("Jobbeurs in Menen <script>")
    next(b for b in at.button if b.label == "Notitie toevoegen").click().run()
    notes = N.list_notes(store)
    assert [(n.ambition, n.text, n.code) for n in notes] == [("2.1.2", "Jobbeurs in Menen <script>", wc.code)]
    assert any("Notitie opgeslagen" in s.value for s in at.success)


def test_editor_creates_and_closes_a_code_in_the_page(store):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    at.session_state["streek_editor"] = "redacteur"          # signed in (pages.editor_auth.SESSION_KEY)
    at.run()
    at.switch_page("pages/workshop_page.py").run()
    assert not at.exception
    assert not [ti for ti in at.text_input if ti.key == "workshop-code-input"]   # editors need no code
    [ti for ti in at.text_input if ti.key != "zoek"][-1].input("Workshop pijler 2 – 28 november")   # not the sidebar search
    next(b for b in at.button if b.label == "Nieuwe code (één dag geldig)").click().run()
    codes = N.list_codes(store, only_open=True)
    assert len(codes) == 1 and codes[0].created_by == "redacteur" and codes[0].label == "Workshop pijler 2 – 28 november"
    assert any(codes[0].code in s.value for s in at.success)
    at.button(key=f"close-{codes[0].code}").click().run()
    assert N.list_codes(store, only_open=True) == []
    assert N.get_code(store, codes[0].code).state() == "closed"


def test_notes_on_the_card_are_escaped(store):
    N.add_note(store, "2.1.1c", EVIL, author="Werkgroep", editor="redacteur")   # a sub-target of 2.1.1
    N.add_note(store, "2.1.2", "elders", editor="redacteur")

    def script():
        from pages.notes_view import notes_block
        from pages.ui import get_vision
        notes_block(get_vision(), "2.1.1", "nl")

    at = AppTest.from_function(script, default_timeout=120).run()
    assert not at.exception
    assert at.expander[0].label == "Notities uit de workshop (1)"
    assert not [m for m in at.markdown if "script" in m.value]   # lazy: nothing mounted while closed
    at.session_state["notes-open-2.1.1"] = True                  # the reader opens the notes
    at.run()
    shown = [m for m in at.markdown if "script" in m.value]
    assert len(shown) == 1 and not shown[0].proto.allow_html and "\\<script\\>" in shown[0].value
    assert not any("elders" in m.value for m in at.markdown)
    assert all("alert" not in h for h in html_elements(at))
