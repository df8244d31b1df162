#!/usr/bin/env python3
"""Add researchers' month extracts (research/extracts/YYYY-MM.json, format in FORMAT.md there) to the
data package, without ever changing what the package already holds.

The package's CSVs are the master. This script only adds: a month, row, source or provenance row
that is not there yet, or a figure into a cell that is empty. Where an extract states something
different from a cell that is already filled, the package is left as it is and the difference is
printed, for an editor to settle in the CSVs by hand. A figure whose quote does not state its
number is never imported. Nothing is computed: every number written is one a source states.

Usage: .venv/bin/python scripts/import_extracts.py [--extracts DIR] [--package DIR] [MONTH ...]
Running it twice changes nothing the second time.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from civtoll.figures import FIGURES  # noqa: E402
from civtoll.validate.quotes import states  # noqa: E402

TABLE_KEYS = {  # columns of each table that identify a row, in file order
    "months": ["month"],
    "civilian_deaths": ["month", "perpetrator_id"],
    "torture_deaths": ["month", "perpetrator_id"],
    "personnel_deaths": ["month", "category", "perpetrator_id"],
    "civilian_deaths_by_governorate": ["month", "governorate_pcode"],
    "massacres": ["massacre_id"],
    "sources": ["source_id"],
    "provenance": ["month", "table", "row_key", "field", "source_id", "value"],
    "period_totals": ["period", "field", "source_id"],
    "perpetrators": ["perpetrator_id"],
}


class Package:
    """The CSVs, read as text rows keyed as TABLE_KEYS says; written back sorted by key."""

    def __init__(self, directory: Path):
        self.data = directory / "data"
        self.header: dict[str, list[str]] = {}
        self.rows: dict[str, dict[tuple, dict]] = {}
        for name, keys in TABLE_KEYS.items():
            with open(self.data / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                self.header[name] = list(reader.fieldnames or [])
                self.rows[name] = {tuple(r[k] for k in keys): r for r in reader}
        self.notes: list[str] = []  # what was refused or left alone, for the editor

    def key(self, name: str, row: dict) -> tuple:
        return tuple(row[k] for k in TABLE_KEYS[name])

    def add(self, name: str, row: dict, where: str) -> None:
        """Add a row, or fill the empty cells of the row with its key; never change a filled cell."""
        row = {c: _cell(row.get(c)) for c in self.header[name]}
        existing = self.rows[name].get(self.key(name, row))
        if existing is None:
            self.rows[name][self.key(name, row)] = row
            return
        for column, value in row.items():
            if value == "" or existing[column] == value:
                continue
            if existing[column] == "":
                existing[column] = value
            else:
                self.notes.append(f"{where}: {name} {'/'.join(self.key(name, row))} {column}: the package has "
                                  f"{existing[column]!r}, the extract {value!r}; left as it is")

    def write(self) -> None:
        order = {r["perpetrator_id"]: int(r["sort_order"]) for r in self.rows["perpetrators"].values()}
        for name, rows in self.rows.items():
            def sort_key(item):
                key, row = item
                return tuple(order.get(k, 0) if c == "perpetrator_id" and name != "perpetrators" else k
                             for c, k in zip(TABLE_KEYS[name], key)) if name != "perpetrators" else (row["party_group"] != "main", int(row["sort_order"]))
            with open(self.data / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, self.header[name], lineterminator="\n")
                writer.writeheader()
                writer.writerows(row for _, row in sorted(rows.items(), key=sort_key))


def _cell(value) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


def import_extract(package: Package, extract: dict) -> None:
    month = extract["month"]
    sources = {s["source_id"]: s for s in extract.get("sources", [])}
    for source in sources.values():
        package.add("sources", source, month)
    languages = {sid: r["language"] for (sid,), r in package.rows["sources"].items()}
    for perpetrator in extract.get("new_perpetrators", []):
        if (perpetrator["perpetrator_id"],) not in package.rows["perpetrators"]:
            group = [int(r["sort_order"]) for r in package.rows["perpetrators"].values()
                     if r["party_group"] == perpetrator["party_group"]]
            package.add("perpetrators", {**perpetrator, "sort_order": max(group) + 1}, month)

    used: dict[tuple, dict] = {}
    for figure in extract.get("figures", []):
        table, field, value = figure["table"], figure["field"], figure["value"]
        where = f"{month} {table} {figure.get('row_key') or ''} {field}".replace("  ", " ")
        if field not in FIGURES[table][1]:
            package.notes.append(f"{where}: not a figure of {table}; not imported")
            continue
        if figure["source_id"] not in languages:
            package.notes.append(f"{where}: unknown source {figure['source_id']}; not imported")
            continue
        if not states(figure.get("quote") or "", value, languages[figure["source_id"]]):
            package.notes.append(f"{where}: the quote does not state {value}; not imported: {figure.get('quote')!r}")
            continue
        if table == "massacres" and not any(m["massacre_id"] == figure["row_key"] for m in extract.get("massacre_details", [])):
            package.notes.append(f"{where}: a massacre without date and place; not imported")
            continue
        package.add("provenance", {"month": month, **figure}, month)
        if figure.get("used"):
            used[(table, figure.get("row_key") or "", field)] = figure

    _add_rows(package, extract, used)
    for total in extract.get("period_totals", []):
        if total["source_id"] in languages and states(total.get("quote") or "", total["value"], languages[total["source_id"]]):
            scope = total.get("scope") or extract.get("headline_scope") or "civilians"
            row = {**total, "scope": scope}
            stated = [r for r in package.rows["period_totals"].values() if r["used"] == "true" and
                      (r["period"], r["field"], r["scope"]) == (total["period"], total["field"], scope) and
                      r["source_id"] != total["source_id"]]
            if stated and total.get("used"):
                # another extract already publishes this total: this source confirms or differs from it
                row["used"] = False
                if stated[0]["value"] != str(total["value"]):
                    package.notes.append(f"{month} period {total['period']} {total['field']}: {total['value']} from "
                                         f"{total['source_id']} differs from {stated[0]['value']} already used")
            package.add("period_totals", row, month)
        else:
            package.notes.append(f"{month} period {total['period']} {total['field']}: quote does not state "
                                 f"{total['value']} or unknown source; not imported")


def _add_rows(package: Package, extract: dict, used: dict[tuple, dict]) -> None:
    month = extract["month"]
    months_figures = {field: f["value"] for (table, _, field), f in used.items() if table == "months"}
    month_figures = [f for (table, _, _), f in used.items() if table == "months"]
    principal = next((used[("months", "", f)] for f in ("headline_killed", "civilians") if ("months", "", f) in used),
                     month_figures[0] if month_figures else None)
    if (month,) not in package.rows["months"]:
        if principal is None:
            package.notes.append(f"{month}: no used figure of the month itself; month not added")
            for key in [k for k in package.rows["provenance"] if k[0] == month]:
                del package.rows["provenance"][key]
            return
        source = package.rows["sources"][(principal["source_id"],)]
        title = f"{source['publisher']}: {source['title']}" if source["title"] else source["publisher"]
        package.add("months", {"month": month, "published": extract["published"], "source_title": title,
                               "source_url": source["url"], "headline_scope": extract.get("headline_scope"),
                               "torture_in_civilians": extract.get("torture_in_civilians"),
                               "notes": extract.get("notes", ""), **months_figures}, month)
    else:
        package.add("months", {"month": month, **months_figures}, month)
    rows: dict[tuple, dict] = {}
    for (table, row_key, field), figure in used.items():
        if table == "months":
            continue
        keys = FIGURES[table][0]
        row = rows.setdefault((table, row_key), {"month": month, **dict(zip(keys, row_key.split("/")))})
        row[field] = figure["value"]
    details = {m["massacre_id"]: m for m in extract.get("massacre_details", [])}
    for (table, row_key), row in rows.items():
        if table == "massacres":
            detail = details[row_key]
            row.update({k: detail.get(k) for k in ("date", "governorate_pcode", "place_en", "perpetrator_id",
                                                   "description_en")})
            row["source_url"] = package.rows["sources"][(used[(table, row_key, "deaths")]["source_id"],)]["url"] \
                if (table, row_key, "deaths") in used else ""
        held = tuple(str(row.get(k, "")) for k in TABLE_KEYS[table]) in package.rows[table]
        if table in ("civilian_deaths", "torture_deaths", "personnel_deaths", "civilian_deaths_by_governorate") \
                and row.get("deaths") is None and not held:
            package.notes.append(f"{month} {table} {row_key}: children or women without deaths; row not added")
            continue
        package.add(table, row, month)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("months", nargs="*", help="only these months (YYYY-MM); default: every extract")
    parser.add_argument("--extracts", type=Path, default=ROOT / "research" / "extracts")
    parser.add_argument("--package", type=Path, default=ROOT / "datapackage")
    args = parser.parse_args()
    if args.package.resolve() == (ROOT / "datapackage").resolve() and "synthetic" in str(args.extracts).lower():
        sys.exit("refusing to import synthetic extracts into datapackage/")
    package = Package(args.package)
    for path in sorted(args.extracts.glob("*.json")):
        if args.months and path.stem not in args.months:
            continue
        import_extract(package, json.loads(path.read_text(encoding="utf-8")))
    package.write()
    for note in package.notes:
        print(note)
    print(f"{len(package.notes)} note(s); run `civtoll validate` next")
    return 0


if __name__ == "__main__":
    sys.exit(main())
