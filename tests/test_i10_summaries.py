"""Issue 10: our own summaries (summary_nl) have an English rendering (summary_en) that English mode shows;
Dutch mode keeps the Dutch text; the validator refuses a row without English."""
import csv
import re

import pytest

from conftest import ROOT, open_via_router, page_text
from streek.export import build_content, selection
from streek.model import text_summary
from streek.validate import validate_dir

FILES = ("pillars.csv", "building_blocks.csv", "texts.csv", "trends.csv")
DUTCH_WORDS = re.compile(r"\b(de|het|een|en|van|moet|regio|streek)\b")


def _rows(name: str) -> list[dict]:
    with open(ROOT / "data" / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", FILES)
def test_every_summary_has_an_english_rendering(name):
    rows = _rows(name)
    assert rows
    for r in rows:
        en, nl = r["summary_en"].strip(), r["summary_nl"].strip()
        assert en and en != nl, (name, r)
        assert not DUTCH_WORDS.search(en), (name, r["summary_en"])
        # the same figures in both (years, counts): nothing added, nothing left out
        assert re.findall(r"\d+", en) == re.findall(r"\d+", nl), (name, r)


def test_model_returns_the_summary_in_the_language_asked(vision):
    p, b = vision.pillars[0], vision.building_blocks[0]
    assert p.summary("en") == p.summary_en and p.summary("nl") == p.summary_nl
    assert b.summary("en") == b.summary_en and b.summary("nl") == b.summary_nl
    text = vision.texts["vision"]
    assert text_summary(text, "en") == text["summary_en"] and text_summary(text, "nl") == text["summary_nl"]


@pytest.mark.parametrize("name", FILES)
def test_a_row_without_english_is_refused_with_file_row_and_column(data_copy, name):
    path = data_copy / name
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    col = rows[0].index("summary_en")
    rows[2][col] = ""
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    issues = [i for i in validate_dir(data_copy) if i.file == name]
    assert [(i.row, i.column) for i in issues] == [(3, "summary_en")], issues
    assert f"{name}, rij 3, kolom 'summary_en'" in str(issues[0])


@pytest.mark.parametrize("lang", ["EN", None])
def test_pillar_page_shows_the_summaries_in_the_reader_language(vision, lang):
    text = page_text(open_via_router("pages/pillar_2.py", lang=lang, bouwsteen="alle"))   # every block
    shown, hidden = ("summary_en", "summary_nl") if lang else ("summary_nl", "summary_en")
    items = [vision.pillar("2"), *vision.blocks_of("2")]
    for item in items:
        assert getattr(item, shown) in text, item.code
        assert getattr(item, hidden) not in text, item.code
        assert item.title_nl in text                  # the document's titles stay Dutch


def test_english_home_and_context_show_english_texts(vision):
    home = page_text(open_via_router("pages/home.py", lang="EN"))
    assert vision.texts["vision"]["summary_en"] in home and vision.texts["vision"]["summary_nl"] not in home
    for p in vision.pillars:
        assert p.summary_en in home and p.summary_nl not in home
    context = page_text(open_via_router("pages/context_page.py", lang="EN"))
    for tid in ("environment", "actions", "partnership"):
        assert vision.texts[tid]["summary_en"] in context and vision.texts[tid]["summary_nl"] not in context
    for tr in vision.trends.itertuples():        # the five trends: our summary in English, title as published
        assert tr.summary_en in context and tr.summary_nl not in context and tr.title_nl in context


def test_english_deck_content_carries_no_dutch_summary(vision):
    codes, subtitle = selection(vision, pillar="2", lang="en")
    c = build_content(vision, codes, subtitle, lang="en", with_map=False, chart_fn=lambda *a, **k: None)
    dump = repr(c)
    for item in [*vision.pillars, *vision.building_blocks]:
        assert item.summary_nl not in dump
