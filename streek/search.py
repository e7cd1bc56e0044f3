"""Find ambitions, building blocks and indicators by a few words, tolerant of typos.

Pure Python (difflib), no Streamlit: the sidebar's search box (``pages/search_box.py``) shows the hits
as links. The document's texts are Dutch; in English mode English words are translated to the Dutch
words of the document first (``EN_TERMS``), so "employment rate" finds the werkzaamheidsgraad, and
entries are also found by their English words (our English summaries and definitions, the English
indicator labels: ``Entry.words_en``). Dutch mode searches the Dutch words only.

Scoring per query word against the words of an entry: exact 1, the start of a word or a part of a
compound ("werkzaamheid" in "werkzaamheidsgraad") 0,9, otherwise difflib's similarity of the word
with a word of the entry (or its start of the same length), so that "vakature" still finds
"vacatures". An entry's score is the mean over the query words; a code ("2.1.1") matches its own
entry directly.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from streek.i18n.names import indicator_name, label_name
from streek.model import Vision

MIN_SCORE = 0.72        # below this a word does not match (difflib ratio; "vakature"/"vacatures" = 0,82)
STOPWORDS = frozenset(
    ["de", "het", "een", "van", "in", "naar", "en", "of", "op", "met", "voor", "door", "tot", "te", "aan", "bij", "per", "dat", "die", "is", "zijn", "als", "om", "uit", "over", "the", "a", "an", "of", "in", "to", "and", "or", "on", "with", "for", "by", "at", "from", "is", "are", "as"])

# English words a reader may type -> the document's Dutch words (only what the data's texts need).
EN_TERMS: dict[str, str] = {
    "employment": "werkzaamheidsgraad werkenden tewerkstelling", "employed": "werkenden",
    "jobs": "werkgelegenheid jobs", "job": "werkgelegenheid", "work": "werk werkenden",
    "vacancies": "vacatures", "vacancy": "vacatures", "unemployment": "werkloosheid werkzoekenden",
    "jobseekers": "werkzoekenden", "enterprises": "ondernemingen", "enterprise": "ondernemingen",
    "companies": "ondernemingen bedrijven", "company": "ondernemingen bedrijven", "business": "bedrijven",
    "businesses": "bedrijven", "startups": "opgerichte ondernemingen", "start-ups": "opgerichte ondernemingen",
    "self-employed": "zelfstandigen", "employees": "loontrekkenden", "industry": "industrie",
    "industrial": "industriële", "value": "waarde", "added": "toegevoegde", "research": "onderzoek",
    "innovation": "innovatie", "export": "export", "exports": "export", "population": "bevolking",
    "inhabitants": "inwoners", "students": "studenten leerlingen", "pupils": "leerlingen",
    "education": "onderwijs", "school": "school", "training": "opleiding vorming",
    "learning": "leren", "lifelong": "levenslang", "dual": "duaal", "apprenticeship": "duaal leren",
    "older": "55-plussers", "low-skilled": "laaggeschoolden", "migration": "migratieachtergrond",
    "migrant": "migratieachtergrond", "rate": "graad", "share": "aandeel", "growth": "groei stijging",
    "women": "vrouwen", "young": "jongeren", "youth": "jongeren", "density": "dichtheid",
    "area": "oppervlakte", "vat": "btw", "economy": "economie economische", "economic": "economische",
    "labour": "arbeidsmarkt arbeid", "labor": "arbeidsmarkt arbeid", "market": "markt",
    "talent": "talent", "skills": "competenties", "entrepreneurship": "ondernemerschap",
    "cooperation": "samenwerking", "collaboration": "samenwerking", "social": "sociale maatwerkbedrijven",
    "transformation": "transformatie", "digital": "digitale", "commuting": "pendel",
}


@dataclass(frozen=True)
class Entry:
    """One findable thing: an ambition (document code), a building block or a context indicator."""
    kind: str               # "ambition" | "block" | "indicator"
    code: str               # "2.1.1", "2.1", "population_total"
    title: str              # the document's title (Dutch)
    target: str             # URL path of the page that shows it: "pijler-2", "kaart"
    params: dict = field(default_factory=dict)   # query parameters that open it there
    words: tuple[str, ...] = ()
    words_en: tuple[str, ...] = ()   # English words it is also found by in English mode (our summaries, labels)

    def words_in(self, lang: str) -> tuple[str, ...]:
        """The words an entry is found by in ``lang``: Dutch always, English ones too in English mode."""
        return self.words + self.words_en if lang == "en" else self.words


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float


def normalize(text: str) -> str:
    """Lower case without accents ("industriële" -> "industriele")."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def words_of(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[0-9a-z]+(?:[-.][0-9a-z]+)*", normalize(text)) if w not in STOPWORDS)


def build_index(vision: Vision) -> tuple[Entry, ...]:
    """Every ambition (sub-targets folded into their document ambition), building block and
    context indicator, with the words it can be found by (Dutch; and English ones for English mode:
    our English summaries, definitions and the English indicator labels)."""
    pages = {p.code: f"pijler-{p.code}" for p in vision.pillars}
    out: list[Entry] = []
    groups: dict[str, list] = {}
    for a in vision.ambitions:
        groups.setdefault(a.ambition, []).append(a)
    for code, series in groups.items():
        first = series[0]
        text = " ".join([first.title_nl] + [f"{a.series_nl} {a.indicator_nl}" for a in series])
        text_en = " ".join(label_name(a.indicator_nl, "en") for a in series)
        out.append(Entry("ambition", code, first.title_nl, pages[first.pillar], {"ambitie": code}, words_of(text),
                         words_of(text_en)))
    for b in vision.building_blocks:
        out.append(Entry("block", b.code, b.title_nl, pages[b.pillar], {"bouwsteen": b.code},
                         words_of(f"{b.title_nl} {b.summary_nl}"), words_of(b.summary("en"))))
    for ind in vision.indicators.values():
        out.append(Entry("indicator", ind.id, ind.title_nl, "kaart", {"indicator": ind.id},
                         words_of(f"{ind.title_nl} {ind.definition_nl}"),
                         words_of(f"{indicator_name(ind.id, ind.title_nl, 'en')} {ind.definition('en')}")))
    return tuple(out)


def _word_score(q: str, words: tuple[str, ...]) -> float:
    best = 0.0
    for w in words:
        if q == w:
            return 1.0
        if len(q) >= 3 and q in w:
            best = max(best, 0.9 if w.startswith(q) or len(q) >= 6 else 0.8)
            continue
        if len(q) >= 4 and abs(len(w) - len(q)) <= 12:
            sm = difflib.SequenceMatcher(None, q, w)
            if sm.real_quick_ratio() < MIN_SCORE * 0.6:
                continue
            r = max(sm.ratio(), difflib.SequenceMatcher(None, q, w[:len(q) + 1]).ratio() * 0.95)
            best = max(best, r)
    return best


def query_words(query: str, lang: str) -> list[str]:
    """The query's words; in English mode each English word also brings the Dutch words it stands for."""
    qs = list(words_of(query))
    if lang == "en":
        qs = [" ".join((q, *words_of(EN_TERMS[q]))) if q in EN_TERMS else q for q in qs]
    return qs


def search(index: tuple[Entry, ...], query: str, lang: str, limit: int = 8) -> list[Hit]:
    """The best matching entries, best first (ambitions before blocks before indicators on a tie)."""
    query = query.strip()[:80]
    qs = query_words(query, lang)[:6]
    if not qs:
        return []
    vocab = {w for e in index for w in e.words_in(lang)}
    # each query word (or one of the Dutch words it stands for) scored once against every word
    per_word = []
    for q in qs:
        alts = q.split(" ")
        scores = {w: max(_word_score(a, (w,)) for a in alts) for w in vocab}
        per_word.append(scores)
    order = {"ambition": 0, "block": 1, "indicator": 2}
    hits: list[Hit] = []
    for e in index:
        if normalize(query) == e.code.lower():
            hits.append(Hit(e, 2.0))
            continue
        scores = [max((s[w] for w in e.words_in(lang)), default=0.0) for s in per_word]
        if min(scores) < MIN_SCORE:
            continue
        hits.append(Hit(e, sum(scores) / len(scores)))
    hits.sort(key=lambda h: (-h.score, order[h.entry.kind], [int(x) if x.isdigit() else 0 for x in h.entry.code.split(".")]))
    return hits[:limit]
