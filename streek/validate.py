"""Validation of ``data/`` against ``data/datapackage.json`` plus the domain rules.

Every problem is an :class:`Issue` naming file, row (the line in the file; the header is
line 1), column, what was found and what was expected, in Dutch.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from streek.model import COUNT_UNITS
from streek.periods import MAX_YEAR, MIN_YEAR, MIN_YEAR_CONTEXT, parse_period, period_in_range

PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
PLAIN_INT = re.compile(r"^-?\d+$")


@dataclass(frozen=True)
class Issue:
    file: str
    row: int | None
    column: str | None
    found: str
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", rij {self.row}"
        if self.column:
            where += f", kolom '{self.column}'"
        return f"{where}: gevonden '{self.found}', verwacht {self.expected}"


class DataError(Exception):
    """Raised when data do not pass validation; ``issues`` holds every problem."""

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        head = "\n".join(f"- {i}" for i in self.issues[:50])
        more = f"\n… en nog {len(self.issues) - 50} problemen" if len(self.issues) > 50 else ""
        super().__init__(f"{len(self.issues)} probleem/problemen in de gegevens:\n{head}{more}")


def _num(text: str) -> float | None:
    return float(text) if PLAIN_NUMBER.match(text or "") else None


def _number_hint(text: str) -> str:
    if re.match(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$", text) or re.match(r"^-?\d+,\d+$", text):
        return "een gewoon getal met een punt als decimaalteken en zonder duizendtalscheiding (bv. 28309 of 75.4)"
    return "een getal (bv. 28309 of 75.4)"


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Read a CSV as text. Raises UnicodeDecodeError / csv.Error to the caller."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            rows.append({h: (values[i] if i < len(values) else "") for i, h in enumerate(header)}
                        | {"__line__": str(reader.line_num), "__ncols__": str(len(values))})
        return header, rows


def check_table(name: str, schema: dict, header: list[str], rows: list[dict]) -> list[Issue]:
    """Check one table against its Table Schema (types, constraints, primary key)."""
    issues: list[Issue] = []
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    for n in names:
        if n not in header:
            issues.append(Issue(name, 1, n, ", ".join(header), f"een kolom '{n}' in de kopregel"))
    for h in header:
        if h not in names:
            issues.append(Issue(name, 1, h, h, "alleen de kolommen " + ", ".join(names)))
    if issues:
        return issues
    for r in rows:
        line = int(r["__line__"])
        if int(r["__ncols__"]) != len(header):
            issues.append(Issue(name, line, None, f"{r['__ncols__']} waarden", f"{len(header)} waarden, zoals in de kopregel"))
            continue
        for f in fields:
            col, v = f["name"], r[f["name"]].strip()
            c = f.get("constraints", {})
            if v == "":
                if c.get("required"):
                    issues.append(Issue(name, line, col, "", "een waarde (dit veld is verplicht)"))
                elif f.get("translationOf") and r[f["translationOf"]].strip():
                    issues.append(Issue(name, line, col, "", f"een Engelse vertaling van {f['translationOf']} "
                                                             f"(verplicht waar {f['translationOf']} ingevuld is)"))
                continue
            if v != r[col]:
                issues.append(Issue(name, line, col, r[col], "geen spaties voor of na de waarde"))
            if f["type"] == "number" and not PLAIN_NUMBER.match(v):
                issues.append(Issue(name, line, col, v, _number_hint(v)))
                continue
            if f["type"] == "integer" and not PLAIN_INT.match(v):
                issues.append(Issue(name, line, col, v, "een geheel getal"))
                continue
            if "enum" in c and v not in c["enum"]:
                issues.append(Issue(name, line, col, v, "een van: " + ", ".join(repr(e) for e in c["enum"] if e)))
            if "pattern" in c and not re.match(c["pattern"], v):
                issues.append(Issue(name, line, col, v, f"een waarde volgens het patroon {c['pattern']}"))
            if f["type"] in ("number", "integer"):
                x = float(v)
                if "minimum" in c and x < c["minimum"]:
                    issues.append(Issue(name, line, col, v, f"minstens {c['minimum']}"))
                if "maximum" in c and x > c["maximum"]:
                    issues.append(Issue(name, line, col, v, f"hoogstens {c['maximum']}"))
    pk = schema.get("primaryKey")
    if pk:
        seen: dict[tuple, int] = {}
        for r in rows:
            key = tuple(r.get(k, "").strip() for k in pk)
            line = int(r["__line__"])
            if key in seen:
                issues.append(Issue(name, line, ", ".join(pk), " / ".join(key),
                                    f"een unieke combinatie; dezelfde staat al op rij {seen[key]} (dubbele rij)"))
            else:
                seen[key] = line
    return issues


def check_foreign_keys(name: str, schema: dict, rows: list[dict], tables: dict) -> list[Issue]:
    issues = []
    for fk in schema.get("foreignKeys", []):
        (col,) = fk["fields"]
        ref = fk["reference"]
        target = tables.get(ref["resource"])
        if target is None:
            continue
        valid = {t[ref["fields"][0]].strip() for t in target[1]}
        for r in rows:
            v = r.get(col, "").strip()
            if v and v not in valid:
                what = {"geographies": "een bekend gebied (NIS-code van 5 tekens of ZWV) uit geographies.csv",
                        "ambitions": "een bekende ambitiecode uit ambitions.csv",
                        "indicators": "een bekende indicator uit indicators.csv",
                        "sources": "een bekende bron-id uit sources.csv"}.get(ref["resource"], f"een waarde uit {ref['resource']}")
                issues.append(Issue(name, int(r["__line__"]), col, v, what))
    return issues


def check_domain(tables: dict) -> list[Issue]:
    """Rules that a schema cannot express."""
    issues: list[Issue] = []
    amb = {r["code"]: r for r in tables.get("ambitions", ([], []))[1]}
    if "ambitions" in tables:
        for r in tables["ambitions"][1]:
            line, code = int(r["__line__"]), r["code"]
            f = "ambitions.csv"
            by, bv, kind = r["baseline_year"].strip(), r["baseline_value"].strip(), r["target_kind"]
            if bv and not by:
                issues.append(Issue(f, line, "baseline_year", "", "een basisjaar, want er is een basiswaarde"))
            if by and not bv:
                issues.append(Issue(f, line, "baseline_value", "", "een basiswaarde, want er is een basisjaar"))
            if kind in ("level", "period_average") and not bv:
                issues.append(Issue(f, line, "baseline_value", "", f"een basiswaarde voor target_kind '{kind}'"))
            if kind in ("relative_change", "share_no_baseline", "maintain") and bv:
                issues.append(Issue(f, line, "baseline_value", bv, f"geen basiswaarde voor target_kind '{kind}'"))
            for col in ("baseline_year", "target_year"):
                v = r[col].strip()
                if not v:
                    continue
                try:
                    p = parse_period(v)
                except ValueError:
                    continue  # reported by the pattern check
                if not period_in_range(p):
                    issues.append(Issue(f, line, col, v, f"een jaar tussen {MIN_YEAR} en {MAX_YEAR}"))
                elif (kind == "period_average") != p.is_range:
                    issues.append(Issue(f, line, col, v, "een periode (bv. 2009-2017) bij een periodegemiddelde, anders een jaar"))
            issues += _baseline_before_target(f, line, by, r["target_year"].strip())
            tu = r["target_unit"].strip()
            want_tu = RELATIVE_UNIT if kind == "relative_change" else r["unit"].strip()
            if tu != want_tu:
                issues.append(Issue(f, line, "target_unit", tu, f"'{want_tu}'" + (
                    ": het doel is een procentuele verandering" if kind == "relative_change"
                    else ", dezelfde eenheid als de kolom unit")))
            if r["building_block"] and not code.startswith(r["building_block"] + "."):
                issues.append(Issue(f, line, "building_block", r["building_block"], f"de bouwsteen van code {code}"))
            if r["building_block"] and r["pillar"] != r["building_block"].split(".")[0]:
                issues.append(Issue(f, line, "pillar", r["pillar"], f"de pijler van bouwsteen {r['building_block']}"))
            if r["unit"] == "%" and kind != "relative_change":
                for col in ("baseline_value", "target_value"):
                    x = _num(r[col].strip())
                    if x is not None and not 0 <= x <= 100:
                        issues.append(Issue(f, line, col, r[col], "een percentage tussen 0 en 100"))
            if r["direction"] == "maintain" and kind != "maintain" or kind == "maintain" and r["direction"] != "maintain":
                issues.append(Issue(f, line, "direction", r["direction"], "'maintain' als en alleen als target_kind 'maintain' is"))
    for tname in ("observations", "statbel"):
        if tname not in tables:
            continue
        fname = f"{tname}.csv"
        ind_units = ({c: a["unit"] for c, a in amb.items()} if tname == "observations"
                     else {r["id"]: r["unit"] for r in tables.get("indicators", ([], []))[1]})
        for r in tables[tname][1]:
            line = int(r["__line__"])
            per = r["period"].strip()
            try:
                p = parse_period(per)
                lo = MIN_YEAR if tname == "observations" else MIN_YEAR_CONTEXT
                if not period_in_range(p, lo):
                    issues.append(Issue(fname, line, "period", per, f"een periode tussen {lo} en {MAX_YEAR}"))
            except ValueError:
                pass
            unit = ind_units.get(r["indicator"].strip())
            x = _num(r["value"].strip())
            if unit and x is not None:
                if unit in ("%", "percent") and not 0 <= x <= 100:
                    issues.append(Issue(fname, line, "value", r["value"], "een percentage tussen 0 en 100"))
                if unit in COUNT_UNITS and (x < 0 or x != int(x)):
                    issues.append(Issue(fname, line, "value", r["value"], f"een positief geheel aantal ({unit})"))
            if tname == "observations":
                a = amb.get(r["indicator"].strip())
                if a is not None and not r["geo"].strip() and a["geography"]:
                    issues.append(Issue(fname, line, "geo", "", f"een gebied; ambitie {a['code']} geldt voor {a['geography']}"))
        if tname == "observations":
            have = {(r["indicator"].strip(), r["geo"].strip(), r["period"].strip()): r
                    for r in tables[tname][1]}
            for code, a in amb.items():
                if a["baseline_value"].strip():
                    key = (code, a["geography"].strip(), a["baseline_year"].strip())
                    o = have.get(key)
                    if o is None:
                        issues.append(Issue("observations.csv", None, "value", "geen rij",
                                            f"een rij met de basiswaarde {a['baseline_value']} van ambitie {code} "
                                            f"({key[1] or 'geen gebied'}, {key[2]})"))
                    elif _num(o["value"].strip()) != _num(a["baseline_value"].strip()):
                        issues.append(Issue("observations.csv", int(o["__line__"]), "value", o["value"],
                                            f"{a['baseline_value']}, de basiswaarde van ambitie {code} in ambitions.csv "
                                            f"(rij {a['__line__']}) voor {key[1] or 'geen gebied'}, {key[2]}: "
                                            "hetzelfde cijfer moet overal gelijk zijn"))
    issues += _same_figure_twice(tables, amb)
    issues += _swot_second_quadrant(tables)
    issues += _comparable_geos(tables)
    return issues


RELATIVE_UNIT = "% verandering"
NUTS_GEO = {"BE25": "30000", "BE2": "02000", "BE": "01000"}


def _baseline_before_target(f: str, line: int, base: str, target: str) -> list[Issue]:
    """The baseline year (or the end of the baseline period) lies before the target (period)."""
    if not base or not target:
        return []
    try:
        b, t = parse_period(base), parse_period(target)
    except ValueError:
        return []   # reported by the pattern check
    if b.end < t.start:
        return []
    return [Issue(f, line, "baseline_year", base,
                  f"een basisjaar (of basisperiode) vóór het doeljaar {target}")]


def _rounding(value: str) -> float:
    """How far a figure the document rounded to hundreds or more (28300, 14000) may lie from the exact one."""
    x = _num(value)
    if x is None or x != int(x) or x == 0:
        return 0.0
    n, zeros = int(abs(x)), 0
    while n % 10 == 0:
        n, zeros = n // 10, zeros + 1
    return 10 ** zeros / 2 if zeros >= 2 else 0.0


def _same_figure_twice(tables: dict, amb: dict) -> list[Issue]:
    """A document figure that repeats an ambition's baseline or measurement (``same_as``) agrees with it."""
    if "document_figures" not in tables:
        return []
    obs = {(r["indicator"].strip(), r["geo"].strip(), r["period"].strip()): r
           for r in tables.get("observations", ([], []))[1]}
    issues = []
    for r in tables["document_figures"][1]:
        code = r.get("same_as", "").strip()
        a = amb.get(code)
        if a is None:
            continue   # empty, or reported by the foreign key check
        f, line = "document_figures.csv", int(r["__line__"])
        geo, per, val = r["geo"].strip(), r["period"].strip(), r["value"].strip()
        if geo != a["geography"].strip():
            issues.append(Issue(f, line, "geo", geo, f"het gebied van ambitie {code} ({a['geography'] or 'geen gebied'})"))
            continue
        stated = []   # (value, where)
        if per and per == a["baseline_year"].strip() and a["baseline_value"].strip():
            stated.append((a["baseline_value"].strip(), f"de basiswaarde in ambitions.csv rij {a['__line__']}"))
        o = obs.get((code, geo, per))
        if o is not None:
            stated.append((o["value"].strip(), f"de meting in observations.csv rij {o['__line__']}"))
        if not stated:
            issues.append(Issue(f, line, "period", per, f"de periode van een basiswaarde of meting van ambitie {code}"))
            continue
        x, tol = _num(val), _rounding(val)
        for v, where in stated:
            y = _num(v)
            if x is not None and y is not None and abs(x - y) > tol + 1e-9:
                issues.append(Issue(f, line, "value", val,
                                    f"{v}, {where} (ambitie {code}, {geo}, {per}): hetzelfde cijfer moet overal gelijk zijn"))
    return issues


def _swot_second_quadrant(tables: dict) -> list[Issue]:
    if "swot" not in tables:
        return []
    return [Issue("swot.csv", int(r["__line__"]), "also_in", r["also_in"],
                  "een ander kwadrant dan de kolom quadrant (of leeg)")
            for r in tables["swot"][1] if r.get("also_in", "").strip() and r["also_in"].strip() == r["quadrant"].strip()]


def _comparable_geos(tables: dict) -> list[Issue]:
    """data/eurostat.csv: the NUTS code and the NIS code of a row name the same area."""
    if "eurostat" not in tables:
        return []
    return [Issue("eurostat.csv", int(r["__line__"]), "geo", r["geo"],
                  f"{NUTS_GEO[r['nuts'].strip()]}, het gebied van NUTS-code {r['nuts']}")
            for r in tables["eurostat"][1]
            if r["nuts"].strip() in NUTS_GEO and r["geo"].strip() != NUTS_GEO[r["nuts"].strip()]]


def validate_dir(data_dir: Path) -> list[Issue]:
    """Validate every resource of the data package in ``data_dir``; return all issues."""
    data_dir = Path(data_dir)
    dp_path = data_dir / "datapackage.json"
    try:
        dp = json.loads(dp_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [Issue("datapackage.json", None, None, "geen bestand", f"een beschrijving van de gegevens in {dp_path}")]
    except json.JSONDecodeError as e:
        return [Issue("datapackage.json", e.lineno, None, e.msg, "geldige JSON")]
    issues: list[Issue] = []
    tables: dict[str, tuple[list[str], list[dict]]] = {}
    for res in dp["resources"]:
        path = data_dir / res["path"]
        for key in ("licenses",):
            if not (res.get(key) or dp.get(key)):
                issues.append(Issue("datapackage.json", None, res["name"], "geen licentie", "een licentie per bestand"))
        try:
            header, rows = read_table(path)
        except FileNotFoundError:
            issues.append(Issue(res["path"], None, None, "geen bestand", "het bestand dat datapackage.json beschrijft"))
            continue
        except UnicodeDecodeError as e:
            issues.append(Issue(res["path"], None, None, f"onleesbare byte op positie {e.start}", "tekst in UTF-8"))
            continue
        except csv.Error as e:
            issues.append(Issue(res["path"], None, None, str(e), "een geldig CSV-bestand"))
            continue
        t_issues = check_table(res["path"], res["schema"], header, rows)
        issues += t_issues
        if not any(i.row == 1 for i in t_issues):
            tables[res["name"]] = (header, rows)
    for res in dp["resources"]:
        if res["name"] in tables:
            issues += check_foreign_keys(res["path"], res["schema"], tables[res["name"]][1], tables)
    issues += check_domain(tables)
    listed = {r["path"] for r in dp["resources"]}
    for p in sorted(data_dir.glob("*.csv")):
        if p.name not in listed:
            issues.append(Issue(p.name, None, None, "een bestand dat niet beschreven is", "een beschrijving in datapackage.json"))
    return issues
