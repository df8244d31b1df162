"""Revisions: what each release changed in the figures of the one before it, and why.

Each release is compared with the one before it, table by table (figures.FIGURES: each table's key
columns and figures; months.csv is keyed by month), row by row. An empty cell is a missing figure,
never 0: a figure going from a number to empty is a change to None. A month new in a release is
one "added" entry (its rows are its first state, not changes); a month gone is one "removed"
entry; a row added to or removed from a month both releases hold gives an entry per figure. The
reason comes from the new release's data: the used provenance row of the new value (which
source states it, in which words) and, for months.csv, the row's notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .archive import sha256
from .figures import FIGURES
from .load import read_tables, records
from .releases import list_releases, release_dir, release_files

TABLES = list(FIGURES)


@dataclass
class State:
    """One release's figures, read once: table -> (month, row_key) -> row; the used provenance
    row of each figure; the unused ones; each source's title."""

    rows: dict[str, dict[tuple[str, str], dict]]
    used: dict[tuple, dict]
    unused: dict[tuple, list[dict]]
    titles: dict[str, str]

    @property
    def months(self) -> set[str]:
        return {month for month, _ in self.rows.get("months", {})}


def read_state(package_dir: Path, date: str) -> State:
    tables = read_tables(release_dir(package_dir, date))
    rows = {}
    for table, (keys, _) in FIGURES.items():
        if table in tables.frames:
            rows[table] = {(r["month"], "/".join(str(r[k]) for k in keys)): r for r in records(tables[table])}
    used, unused = {}, {}
    for r in records(tables["provenance"]) if "provenance" in tables.frames else []:
        key = (r["month"], r["table"], r["row_key"] or "", r["field"])
        if r["used"]:
            used[key] = r
        else:
            unused.setdefault(key, []).append(r)
    titles = {r["source_id"]: r["title"] or "" for r in records(tables["sources"])} if "sources" in tables.frames else {}
    return State(rows, used, unused, titles)


def compare(old: State, new: State, release: str, previous: str) -> list[dict]:
    """Every change of a figure from the previous release's state to this release's."""
    added_months, removed_months = new.months - old.months, old.months - new.months
    changes = []
    for month in sorted(added_months | removed_months):
        kind = "added" if month in added_months else "removed"
        row = new.rows["months"].get((month, "")) or {}
        changes.append(_change(release, previous, kind, "months", month, "", None, None, None, row.get("notes") or ""))
    for table in TABLES:
        fields = FIGURES[table][1]
        before, after = old.rows.get(table, {}), new.rows.get(table, {})
        for key in sorted(before.keys() | after.keys()):
            month, row_key = key
            if month in added_months or month in removed_months:
                continue  # the month's own entry says so
            was, now = before.get(key), after.get(key)
            kind = "added" if was is None else "removed" if now is None else "changed"
            for field in fields:
                a, b = (was or {}).get(field), (now or {}).get(field)
                if a != b:
                    changes.append(_change(release, previous, kind, table, month, row_key, field, a, b,
                                           (now or {}).get("notes") or "" if table == "months" else "", new))
    order = {name: i for i, name in enumerate(TABLES)}
    field_order = {(t, f): i for t in TABLES for i, f in enumerate(FIGURES[t][1])}
    return sorted(changes, key=lambda c: (c["month"], c["field"] is not None, order[c["table"]], c["row_key"],
                                          field_order.get((c["table"], c["field"]), -1)))


def _change(release, previous, kind, table, month, row_key, field, old, new, notes, state: State | None = None) -> dict:
    used = state.used.get((month, table, row_key, field)) if state and new is not None else None
    others = state.unused.get((month, table, row_key, field), []) if state and used is None else []
    cited = used or (others[0] if others else None)
    statement = ""
    if cited:
        title = state.titles.get(cited["source_id"], "")
        statement = f'{cited["source_id"]} ("{title}") states {cited["value"]}: "{cited["quote"] or ""}"'
        if used is None:
            statement = f"not used: {statement}"
    reason = " ".join(part for part in (notes, f"Source: {statement}" if notes and statement else statement) if part)
    return {"release": release, "previous_release": previous, "kind": kind, "table": table, "month": month,
            "row_key": row_key, "field": field, "old": old, "new": new, "reason": reason,
            "source_id": cited["source_id"] if cited else None,
            "source_title": state.titles.get(cited["source_id"], "") if cited else None,
            "quote": cited["quote"] if cited else None, "notes": notes if table == "months" else None}


def _history(package_dir: Path) -> list[tuple[str, str | None, State, list[dict]]]:
    """(release, previous, state, changes) for every release, oldest first; each release read once."""
    out, before = [], None
    for date in list_releases(package_dir):
        state = read_state(package_dir, date)
        previous = out[-1][0] if out else None
        changes = compare(before, state, date, previous) if before is not None else []
        out.append((date, previous, state, changes))
        before = state
    return out


def revisions(package_dir: Path) -> list[dict]:
    """Every change of a figure, release by release (oldest first), each compared with the one before:
    {"release", "previous_release", "kind" (added/removed/changed), "table", "month", "row_key",
    "field" (None for a whole month), "old", "new" (int or None), "reason", "source_id",
    "source_title", "quote", "notes"}."""
    return [change for *_, changes in _history(package_dir) for change in changes]


def changelog(package_dir: Path) -> list[dict]:
    """Per release, newest first: {"release", "previous", "added_months", "changes", "files": {path: sha256}}.
    The first release is the initial state: every month added, no figure listed as a change."""
    entries = []
    known: set[str] = set()
    for date, previous, state, changes in _history(package_dir):
        files = {path: sha256(data) for path, data in release_files(package_dir, date).items()}
        entries.append({"release": date, "previous": previous, "added_months": sorted(state.months - known),
                        "changes": changes, "files": files})
        known = state.months
    return entries[::-1]
