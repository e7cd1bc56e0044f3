"""Detector of Dutch data units, indicator labels and our own Dutch notes in English output (helper
of the English tests).

The document's own titles and sentences stay Dutch in English mode; its units and indicator labels
do not (streek/i18n/names.py translates them). ``dutch_units_in(texts)`` lists every Dutch unit word
or indicator label found in ``texts`` after the document's titles and sentences are taken out.
Our own prose in data/ (notes, definitions, processing and licence notes) has an English column
beside the Dutch one (``translationOf`` in datapackage.json): ``our_dutch_in(texts)`` lists every
such Dutch text found in ``texts``, and none of them excuses anything. Area names (``name_en`` beside
``name_nl`` in geographies.csv) count too: a Dutch-only name such as "Provincie West-Vlaanderen" or
"België" on an English page is found as a whole name, outside the document's own titles and sentences."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from streek.i18n.names import LABELS_EN, SOURCE_NAMES_KEPT, UNITS_EN

ROOT = Path(__file__).resolve().parents[1]

# columns of data/ that hold units or labels: they must be translated, so they are no excuse
_TRANSLATED = {("ambitions.csv", "unit"), ("ambitions.csv", "target_unit"), ("ambitions.csv", "indicator_nl"),
               ("document_figures.csv", "unit"), ("document_figures.csv", "indicator_nl"),
               ("document_figures.csv", "age_group"), ("indicators.csv", "unit"), ("indicators.csv", "title_nl"),
               ("sources.csv", "reference_date"), ("sources.csv", "publisher"), ("sources.csv", "dataset")}

def _translated_columns() -> dict[tuple[str, str], str]:
    """{(file, Dutch column): English column} of our own prose (``translationOf`` in datapackage.json)."""
    dp = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return {(r["path"], f["translationOf"]): f["name"] for r in dp["resources"] for f in r["schema"]["fields"]
            if f.get("translationOf")}


OUR_PROSE = _translated_columns()
# columns that hold no reader's text (codes, numbers, file paths)
_SKIP = {"id", "code", "geo", "period", "value", "page", "copy", "indicator", "source", "pillar",
         "building_block", "ambition", "direction", "target_kind", "geography", "level", "parent", "nuts",
         "flag", "kind", "per_capita_base", "sources", "levels", "quadrant", "position", "same_as"}


def _document_texts() -> list[str]:
    """Every other text of data/ (titles, sentences, notes, sources, names): Dutch in every language."""
    out = set()
    for path in sorted((ROOT / "data").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for col, val in row.items():
                    if col not in _SKIP and (path.name, col) not in _TRANSLATED and (path.name, col) not in OUR_PROSE \
                            and not col.endswith("_en") and len(val) > 3 \
                            and any(c.isalpha() for c in val):
                        out.add(val)
    return sorted(out | SOURCE_NAMES_KEPT, key=len, reverse=True)   # the document's title, its author


DOCUMENT_TEXTS = _document_texts()
_FILE_NAME = re.compile(r"\S+\.(?:xlsx|csv|tsv|zip)\b")    # a source's file name stays as published
_WORDS = sorted({u for u, en in UNITS_EN.items() if u != en and any(c.isalpha() for c in u)}
                | {"inwoners", "miljoen", "werkzaamheidsgraad", "procentpunt", "verandering", "personen",
                   "ondernemingen", "werkzoekenden", "januari", "jaarlijks", "referentiejaar",
                   "februari", "maart", "mei", "juni", "juli", "augustus", "oktober"}, key=len, reverse=True)
DUTCH_UNIT = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _WORDS) + r")\b|\bBron: ", re.IGNORECASE)
# the same words without word boundaries: a text without any of them cannot hold a finding, whatever
# document text is taken out of it (the quick path of dutch_units_in)
_ANY_UNIT = re.compile("|".join(re.escape(w) for w in _WORDS) + r"|Bron: ", re.IGNORECASE)

def _indicator_titles() -> set[str]:
    with open(ROOT / "data" / "indicators.csv", encoding="utf-8", newline="") as fh:
        return {row["title_nl"] for row in csv.DictReader(fh)}


DUTCH_LABELS = sorted({k for k, v in LABELS_EN.items() if k != v and len(k) > 8} | _indicator_titles(),
                      key=len, reverse=True)


def dutch_units_in(texts) -> list[str]:
    found = []
    for text in texts:
        text = str(text)
        if not _ANY_UNIT.search(text) and not any(lab in text for lab in DUTCH_LABELS):
            continue
        for doc in DOCUMENT_TEXTS:
            if doc in text:
                text = text.replace(doc, " ")
        text = _FILE_NAME.sub(" ", text)
        for m in DUTCH_UNIT.finditer(text):
            found.append(f"{m.group(0)!r} in: {text[max(0, m.start() - 50): m.end() + 30]!r}")
        found += [f"label {lab!r} in: {text[:90]!r}" for lab in DUTCH_LABELS if lab in text]
    return found


_PLACES = ("geographies.csv", "name_nl")     # area names: whole names, the document's texts excused


def _our_dutch_texts() -> list[str]:
    """Our own Dutch notes and definitions that have a different English text."""
    out = set()
    for (name, col), en_col in OUR_PROSE.items():
        if (name, col) == _PLACES:
            continue
        with open(ROOT / "data" / name, encoding="utf-8", newline="") as fh:
            out |= {row[col] for row in csv.DictReader(fh) if len(row[col]) > 8 and row[col] != row[en_col]}
    return sorted(out, key=len, reverse=True)


OUR_DUTCH = _our_dutch_texts()


def _dutch_places() -> dict[str, str]:
    """{Dutch area name: English name} where they differ ("België": "Belgium", …)."""
    with open(ROOT / "data" / _PLACES[0], encoding="utf-8", newline="") as fh:
        return {r["name_nl"]: r[OUR_PROSE[_PLACES]] for r in csv.DictReader(fh)
                if r["name_nl"] != r[OUR_PROSE[_PLACES]]}


DUTCH_PLACES = sorted(_dutch_places(), key=len, reverse=True)
# a Dutch name glossed with its English one ('row "Vlaams Gewest" (Flemish Region)' of a source file) is fine
_GLOSSED = re.compile("|".join(re.escape(nl) + r"\W{0,2} \(" + re.escape(en) + r"\)" for nl, en in _dutch_places().items()))
DUTCH_PLACE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in DUTCH_PLACES) + r")(?![\w-])")


def our_dutch_in(texts) -> list[str]:
    """Every Dutch note, definition or processing/licence note of ours, and every Dutch-only area name
    outside the document's own texts, found in ``texts``."""
    found = []
    for text in texts:
        text = " ".join(str(text).split())           # a Markdown line break inside a note
        found += [f"{nl!r} in: {text[:90]!r}" for nl in OUR_DUTCH if nl in text]
        rest = _GLOSSED.sub(" ", text)
        for doc in DOCUMENT_TEXTS:
            if doc in rest:
                rest = rest.replace(doc, " ")
        found += [f"area {m.group(0)!r} in: {text[:90]!r}" for m in DUTCH_PLACE.finditer(rest)]
    return found


def strings_of(obj) -> list[str]:
    """Every string in a nested spec (dicts, lists): titles, labels, inline data values."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings_of(v)]
    if isinstance(obj, (list, tuple)):
        return [s for v in obj for s in strings_of(v)]
    return []


def app_texts(at) -> list[str]:
    """What an AppTest run shows beyond Markdown and tables: choice options (select boxes, radios,
    pills), chart specs (titles, axis, legend, tooltip titles, labels) and their datasets' text."""
    import json

    import pyarrow as pa
    out = []
    for kind in ("selectbox", "radio", "multiselect", "button_group"):
        for w in at.get(kind):
            opts = getattr(w, "options", None) or getattr(getattr(w, "proto", None), "options", [])
            out += [str(o) for o in opts]
    for el in at.get("vega_lite_chart"):
        out += strings_of(json.loads(el.proto.spec))
        for ds in el.proto.datasets:
            table = pa.ipc.open_stream(ds.data.data).read_all()      # Streamlit sends datasets as Arrow
            for col in table.column_names:
                if pa.types.is_string(table.schema.field(col).type) or pa.types.is_large_string(table.schema.field(col).type):
                    out += [v for v in table.column(col).to_pylist() if isinstance(v, str)]
    return out
