"""Build data/statbel.csv from the Statbel extracts in ../shared/data-sources/.

Run: python tools/build_statbel.py [path/to/shared/data-sources]

Nothing is estimated here. Values are copied unchanged; the only computed values are the
sums for Zuid-West-Vlaanderen (ZWV, the 13 municipalities) of additive counts, and the
ZWV density (sum of population / sum of area). Those rows say so in their note.
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZWV = ["34002", "34003", "34009", "34013", "34022", "34023", "34025", "34027",
       "34040", "34041", "34042", "34043", "33029"]
# indicator -> (source id for a given year)
def source_for(indicator: str, year: str) -> str:
    if indicator == "population_total":
        return "statbel-pop-2022" if year == "2022" else "statbel-pop-1992-2021"
    return {
        "population_20_64": "statbel-pop-20-64",
        "area_total_km2": "statbel-area",
        "population_density": "statbel-density",
        "vat_enterprises_active": "statbel-vat-2019",
        "vat_enterprises_started": "statbel-vat-2019",
        "vat_enterprises_stopped": "statbel-vat-2019",
        "vat_first_registrations": "statbel-vat-first",
    }.get(indicator, "statbel-lfs" if indicator.endswith("_lfs") else "statbel-census-2011")

ADDITIVE = {"population_total", "population_20_64", "area_total_km2", "vat_enterprises_active",
            "vat_enterprises_started", "vat_enterprises_stopped"}
DERIVED_NOTE = {
    ("population_total", "2022"): "Aggregaat als som van gemeenten berekend (niet door Statbel gepubliceerd).",
    "population_20_64": "Aggregaten zijn berekende sommen van gemeenten.",
    "area_total_km2": "Aggregaten zijn berekende sommen van gemeenten.",
    "population_density": "Afgeleid: bevolking op 1 januari / totale oppervlakte.",
    "vat_enterprises": "Aggregaten zijn berekende sommen van gemeenten.",
    "vat_first_registrations": "Som over NACE-secties.",
}


def main(src_dir: Path) -> None:
    rows = []
    for name in ["population.csv", "area_density.csv", "enterprises.csv", "labour_market.csv"]:
        with open(src_dir / name, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                ind, year = r["indicator"], r["year"]
                period = r.get("period") or year
                if ind.endswith("_census2011"):
                    period = "2011"
                note = ""
                if r["geo_level"] != "municipality":
                    note = (DERIVED_NOTE.get((ind, year)) or DERIVED_NOTE.get(ind)
                            or (DERIVED_NOTE["vat_enterprises"] if ind.startswith("vat_enterprises") else ""))
                elif ind == "population_density":
                    note = DERIVED_NOTE[ind]
                rows.append([ind, r["nis_code"], period, r["value"], source_for(ind, year), note])
    # ZWV sums of additive counts, only where all 13 municipalities have a value
    by = defaultdict(dict)
    for ind, geo, period, value, src, _ in rows:
        if ind in ADDITIVE and geo in ZWV:
            by[(ind, period, src)][geo] = float(value)
    zwv = {}
    for (ind, period, src), vals in sorted(by.items()):
        if len(vals) == len(ZWV):
            total = sum(vals.values())
            zwv[(ind, period)] = total
            txt = f"{total:.6f}".rstrip("0").rstrip(".")
            rows.append([ind, "ZWV", period, txt, src,
                         "Som van de 13 gemeenten van Zuid-West-Vlaanderen, hier berekend."])
    for (ind, period), pop in sorted(zwv.items()):
        if ind == "population_total" and ("area_total_km2", period) in zwv:
            dens = round(pop / zwv[("area_total_km2", period)], 1)
            rows.append(["population_density", "ZWV", period, f"{dens}", "statbel-density",
                         "Som van de bevolking / som van de oppervlakte van de 13 gemeenten, hier berekend."])
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    with open(ROOT / "data" / "statbel.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "geo", "period", "value", "source", "note"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to data/statbel.csv")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data-sources")
