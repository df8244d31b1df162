"""The derived figures named in an edition's language: figures are derived once for every edition
(derive.py), and only the names of parties and governorates change between editions."""

from __future__ import annotations

import copy
import dataclasses

from .derive import Derived
from .figures import Month


def in_language(derived: Derived, language: str) -> Derived:
    names = derived.names.get(language)
    if language == "en" or not names:
        return derived
    return dataclasses.replace(
        derived,
        months=[_month(m, names) for m in derived.months],
        perpetrator_names={pid: names.get(pid, name) for pid, name in derived.perpetrator_names.items()},
    )


def _month(m: Month, names: dict[str, str]) -> Month:
    m = copy.deepcopy(m)  # rows are shared between a month's breakdowns and its groups: renamed once
    breakdowns = [m.parties, m.governorates, m.torture, *m.personnel.values()]
    for row in (r for b in breakdowns for r in b.rows):
        row.name = names.get(row.id, row.name)
    for x in m.massacres:
        x["perpetrator"] = names.get(x["perpetrator_id"], x["perpetrator"])
        x["governorate"] = names.get(x["governorate_pcode"], x["governorate"])
    for q in m.sources.quotes:
        q.row_name = names.get(q.row_key.split("/")[-1], q.row_name)
    return m
