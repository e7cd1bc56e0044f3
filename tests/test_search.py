"""streek.search: finding ambitions, building blocks and indicators by a word, with typos."""
import pytest

from streek.search import build_index, search


@pytest.fixture(scope="module")
def index(vision):
    return build_index(vision)


def codes(index, q, lang="nl"):
    return [h.entry.code for h in search(index, q, lang)]


def test_word_part_finds_the_ambition(index):
    assert codes(index, "werkzaamheid")[0] == "2.1.1"


def test_typo_finds_vacancies(index):
    hits = search(index, "vakature", "nl")
    assert hits and hits[0].entry.code == "3.1.1" and hits[0].entry.kind == "ambition"
    assert hits[0].entry.target == "pijler-3" and hits[0].entry.params == {"ambitie": "3.1.1"}


def test_english_words_in_english_mode_only(index):
    assert codes(index, "vacancies", "en")[0] == "3.1.1"
    assert "2.1.1" in codes(index, "employment rate", "en")[:3]
    assert "3.1.1" not in codes(index, "vacancies", "nl")


def test_code_and_block_and_indicator(index):
    assert codes(index, "2.1.1")[0] == "2.1.1"
    blocks = [h.entry for h in search(index, "vacatures", "nl") if h.entry.kind == "block"]
    assert blocks and blocks[0].params == {"bouwsteen": blocks[0].code} and blocks[0].target.startswith("pijler-")
    inds = [h.entry for h in search(index, "bevolking", "nl") if h.entry.kind == "indicator"]
    assert any(e.code == "population_total" and e.target == "kaart" for e in inds)


def test_nonsense_and_empty_find_nothing(index):
    assert search(index, "xyzzy qwv", "nl") == []
    assert search(index, "  ", "nl") == []
    assert search(index, "de het van", "nl") == []   # only stop words
    assert len(search(index, "a" * 6000, "nl")) == 0   # long input is cut, not an error
