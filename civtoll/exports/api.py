"""A static JSON API: an index of months and a file per month holding every figure the package has
for it, each with the source that states it and the source's words.

Figures are the package's, never derived: no remainders, shares or sums are made here, and a
figure no source states is null (0 only where a source states none).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..figures import FIGURES, MONTH_COUNTS
from ..load import Tables, records
from ..provenance import Provenance

ROOT = "api/v1/"
SCHEMAS = {name: Path(__file__).with_name(name) for name in ("month.schema.json", "months.schema.json")}
PERSONNEL_ORDER = ["medical", "media", "civil-defense"]
MASSACRE_COUNTS = tuple(FIGURES["massacres"][1])
PARTS = tuple(FIGURES["civilian_deaths"][1])  # deaths, children, women


def api_files(tables: Tables, site_url: str) -> dict[str, bytes]:
    """{"api/v1/...": bytes}: the index, a file per month and the two JSON Schemas they follow."""
    return {path: _dump(document) for path, document in api_documents(tables, site_url).items()}


def api_documents(tables: Tables, site_url: str) -> dict[str, dict]:
    """The same as parsed JSON, for callers (and tests) that want the values."""
    site = site_url.rstrip("/") + "/"
    index = _Index(tables)
    documents = {}
    for name, path in SCHEMAS.items():
        schema = json.loads(path.read_text(encoding="utf-8"))
        # the published copy names its own address, so the files that follow it can point there
        documents[f"{ROOT}schema/{name}"] = {"$schema": schema.pop("$schema"), "$id": f"{site}{ROOT}schema/{name}",
                                             **schema}
    listing = []
    for month in index.months:
        url = f"{site}{ROOT}months/{month}.json"
        document = index.month(month, site)
        documents[f"{ROOT}months/{month}.json"] = document
        row = index.rows[month]
        listing.append({"month": month, "url": url, "page": document["page"], "published": row["published"],
                        **{k: row[k] for k in ("headline_killed", "headline_scope", "civilians", "children", "women")}})
    documents[f"{ROOT}months.json"] = {"$schema": f"{site}{ROOT}schema/months.schema.json",
                                      "title": tables.descriptor.get("title", ""), "license": index.license,
                                      "months": listing}
    return documents


class _Index:
    """The package's tables grouped by month once, and the statements of each figure."""

    def __init__(self, tables: Tables):
        self.rows = {r["month"]: r for r in records(tables["months"])}
        self.months = sorted(self.rows)
        self.perps = {r["perpetrator_id"]: r for r in records(tables["perpetrators"])}
        self.govs = {r["governorate_pcode"]: r for r in records(tables["governorates"])}
        self.by_month: dict[str, dict[str, list[dict]]] = {}
        for name in ("civilian_deaths", "civilian_deaths_by_governorate", "torture_deaths", "personnel_deaths",
                     "massacres"):
            for record in records(tables[name]):
                self.by_month.setdefault(record["month"], {}).setdefault(name, []).append(record)
        self.provenance = Provenance(records(tables["sources"]), records(tables["provenance"]),
                                     records(tables["period_totals"]), {})
        licence = (tables.descriptor.get("licenses") or [{}])[0]
        self.license = {k: licence[k] for k in ("name", "path", "title") if k in licence}

    def month(self, month: str, site: str) -> dict:
        statements: dict[tuple, list] = {}
        for q in self.provenance.month(month).quotes:  # the used statement of each figure comes first
            statements.setdefault((q.table, q.row_key, q.field), []).append(q)

        def figure(table: str, row_key: str, field: str, value):
            if value is None:
                return None
            said = statements.get((table, row_key, field), [])
            used = [q for q in said if q.used]
            return {"value": value, "source": self._statement(used[0]) if used else None,
                    "other_sources": [{"value": q.value, "source": self._statement(q)} for q in said if not q.used]}

        def figures(table: str, row_key: str, record: dict, fields: tuple) -> dict:
            return {k: figure(table, row_key, k, record[k]) for k in fields}

        row = self.rows[month]
        own = figures("months", "", row, MONTH_COUNTS)
        rows = self.by_month.get(month, {})
        return {
            "$schema": f"{site}{ROOT}schema/month.schema.json",
            "month": month,
            "page": f"{site}months/{month}/",
            "published": row["published"],
            "source": {"title": row["source_title"], "url": row["source_url"]},
            "headline": {"killed": own["headline_killed"], "scope": row["headline_scope"]},
            "civilians": own["civilians"], "children": own["children"], "women": own["women"],
            "torture": {"deaths": own["torture_deaths"], "counted_in_civilians": row["torture_in_civilians"]},
            "personnel": {k: own[k] for k in ("medical", "media", "civil_defense")},
            "massacres": own["massacres"],
            "year_to_date": {k: own["ytd_" + k] for k in ("civilians", "torture", "massacres")},
            "by_party": [
                {**self._party(r["perpetrator_id"]),
                 **figures("civilian_deaths", r["perpetrator_id"], r, PARTS)}
                for r in self._by_party(rows.get("civilian_deaths", []))],
            "by_governorate": [
                {"governorate_pcode": r["governorate_pcode"], "name_en": self.govs[r["governorate_pcode"]]["name_en"],
                 "name_ar": self.govs[r["governorate_pcode"]]["name_ar"],
                 **figures("civilian_deaths_by_governorate", r["governorate_pcode"], r, PARTS)}
                for r in sorted(rows.get("civilian_deaths_by_governorate", []), key=lambda r: r["governorate_pcode"])],
            "torture_by_party": [
                {**self._party(r["perpetrator_id"]), **figures("torture_deaths", r["perpetrator_id"], r, ("deaths",))}
                for r in self._by_party(rows.get("torture_deaths", []))],
            "personnel_by_party": [
                {"category": r["category"], **self._party(r["perpetrator_id"]),
                 **figures("personnel_deaths", f"{r['category']}/{r['perpetrator_id']}", r, ("deaths",))}
                for r in sorted(self._by_party(rows.get("personnel_deaths", [])),
                                key=lambda r: _position(PERSONNEL_ORDER, r["category"]))],
            "massacre_list": [self._massacre(r, figures("massacres", r["massacre_id"], r, MASSACRE_COUNTS))
                              for r in sorted(rows.get("massacres", []), key=lambda r: (r["date"], r["massacre_id"]))],
            "notes": row["notes"],
            "license": self.license,
        }

    def _massacre(self, r: dict, counts: dict) -> dict:
        return {"massacre_id": r["massacre_id"], "date": r["date"], "governorate_pcode": r["governorate_pcode"],
                "governorate_name_en": self.govs[r["governorate_pcode"]]["name_en"], "place_en": r["place_en"],
                "perpetrator_id": r["perpetrator_id"],
                "perpetrator_name_en": self.perps[r["perpetrator_id"]]["name_en"],
                **counts, "description_en": r["description_en"], "source_url": r["source_url"]}

    def _party(self, pid: str) -> dict:
        p = self.perps[pid]
        return {"perpetrator_id": pid, "name_en": p["name_en"], "name_ar": p["name_ar"],
                "party_group": p["party_group"]}

    def _by_party(self, rows: list[dict]) -> list[dict]:
        return sorted(rows, key=lambda r: self.perps[r["perpetrator_id"]]["sort_order"])

    def _statement(self, q) -> dict:
        s = self.provenance.sources[q.source_id]
        return {"source_id": q.source_id, "title": s["title"], "url": s["url"], "publisher": s["publisher"],
                "kind": s["kind"], "language": s["language"], "published": s["published"], "quote": q.quote or None}


def _position(order: list[str], value: str) -> int:
    return order.index(value) if value in order else len(order)


def _dump(document: dict) -> bytes:
    # key order as built (schema-like reading order), non-ASCII kept: the Arabic quotes stay readable.
    # Compact: a fifth smaller, and three times faster to write than indented (Python's JSON encoder
    # is written in C only for output without indentation); browsers and tools indent it for reading
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
