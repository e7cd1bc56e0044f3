"""Build data/eurostat.csv from ../shared/data-sources/eurostat_lifelong_learning.csv.

Run: python tools/build_eurostat.py [path/to/shared/data-sources]   (part of `make data`)

Eurostat trng_lfse_04 (participation in education and training, last 4 weeks, 25-64, %): the
closest public series for ambition 3.3.1, shown beside the vision's own baseline and target as a
comparable series, never as a measurement of 3.3.1 (its 2016 value is 7,0 %, the vision's 6,8 %).
Values and Eurostat's flags are copied unchanged; NUTS codes are mapped to the NIS codes of
data/geographies.csv. Nothing is computed.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_ID = "eurostat-trng-lfse-04"
AMBITION = "3.3.1"
NUTS_TO_GEO = {"BE25": "30000", "BE2": "02000", "BE": "01000"}
FLAG_NOTE = {"b": "Breuk in de reeks (Eurostat-vlag b): niet strikt vergelijkbaar met de jaren ervoor.", "": ""}
HEADER = ["ambition", "geo", "nuts", "period", "value", "flag", "source", "note"]


def rows_from(src: Path) -> list[list[str]]:
    out = []
    with open(src, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            flag = r["eurostat_flag"].strip()
            if flag not in FLAG_NOTE:
                raise ValueError(f"{src.name}: onbekende Eurostat-vlag '{flag}' ({r['geo_nuts']} {r['year']})")
            out.append([AMBITION, NUTS_TO_GEO[r["geo_nuts"]], r["geo_nuts"], r["year"], r["value_pct"], flag,
                        SOURCE_ID, FLAG_NOTE[flag]])
    return sorted(out, key=lambda x: (x[1], x[3]))


def main(src_dir: Path) -> None:
    rows = rows_from(src_dir / "eurostat_lifelong_learning.csv")
    with open(ROOT / "data" / "eurostat.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to data/eurostat.csv")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data-sources")
