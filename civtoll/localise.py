"""The derived figures named in an edition's language: figures are derived once for every edition
(derive.py), and only the names of parties and governorates change between editions."""

from __future__ import annotations

import dataclasses
import pickle

from .derive import Derived
from .figures import Month


def in_language(derived: Derived, language: str) -> Derived:
    names = derived.names.get(language)
    if language == "en" or not names:
        return derived
    return dataclasses.replace(
        derived,
        months=[_month(m, names, language) for m in derived.months],
        resources=[{**_translated(r, language), "fields": [_translated(f, language) for f in r["fields"]]}
                   for r in derived.resources],
        perpetrators=[{**p, "description": p.get(f"description_{language}") or p["description_en"]}
                      for p in derived.perpetrators],
        perpetrator_names={pid: names.get(pid, name) for pid, name in derived.perpetrator_names.items()},
    )


def _translated(described: dict, language: str) -> dict:
    return {**described, "title": described.get(f"title_{language}") or described["title"],
            "description": described.get(f"description_{language}") or described["description"]}


def _month(original: Month, names: dict[str, str], language: str) -> Month:
    # a deep copy that keeps shared rows shared (a month's breakdowns and its groups hold the same
    # rows: renamed once); through pickle, five times faster than copy.deepcopy
    m = pickle.loads(pickle.dumps(original, pickle.HIGHEST_PROTOCOL))
    m.made_from = ("localise.in_language", original, names, language)  # its cache keys need no second digest
    breakdowns = [m.parties, m.governorates, m.torture, *m.personnel.values()]
    for row in (r for b in breakdowns for r in b.rows):
        row.name = names.get(row.id, row.name)
    for x in m.massacres:
        x["perpetrator"] = names.get(x["perpetrator_id"], x["perpetrator"])
        x["governorate"] = names.get(x["governorate_pcode"], x["governorate"])
        x["place"] = x.get(f"place_{language}") or x["place"]
        x["description"] = x.get(f"description_{language}") or x["description"]
    for q in m.sources.quotes:
        q.row_name = names.get(q.row_key.split("/")[-1], q.row_name)
    return m
