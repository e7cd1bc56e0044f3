"""Test helper: the static HTML tables a page sent (``streek.figures.html_table`` through ``st.html``),
read back as the text a reader sees, with their links and image alt texts."""
from __future__ import annotations

import html
import re

import pandas as pd

_TAG = re.compile(r"<[^>]+>")
_CELL = re.compile(r"<(t[hd])\b[^>]*>(.*?)</\1>", re.S)


def text(cell: str) -> str:
    return html.unescape(_TAG.sub("", cell)).strip()


def html_tables(at, css: str = "plain-table") -> list[str]:
    """The bodies of the page's ``st.html`` elements holding a static table (in page order; one
    element may hold more than one table)."""
    return [t for el in at.get("html") for t in re.findall(r"<table\b.*?</table>", el.proto.body, re.S)
            if f'class="{css}' in t]


def read_table(table: str) -> pd.DataFrame:
    """A table's cells as text under their column headings. ``attrs["links"]`` holds every row's
    first link (its ``href``), ``attrs["alts"]`` every row's image alt texts."""
    heads = [text(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table, re.S)]
    rows, links, alts = [], [], []
    for tr in re.findall(r"<tr\b[^>]*>(.*?)</tr>", table.split("<tbody", 1)[1], re.S):
        rows.append([text(c) for _, c in _CELL.findall(tr)])
        href = re.search(r'<a href="([^"]+)"', tr)
        links.append(html.unescape(href.group(1)) if href else None)
        alts.append([html.unescape(a) for a in re.findall(r'alt="([^"]*)"', tr)])
    df = pd.DataFrame(rows, columns=heads)
    df.attrs.update(links=links, alts=alts)
    return df


def row_headers(table: str) -> list[str]:
    """The text of every ``<th scope="row">``: what names each row."""
    return [text(c) for c in re.findall(r'<th scope="row"[^>]*>(.*?)</th>', table, re.S)]
