"""Where each figure comes from: the sources and quoted words of a month, and the stated period
totals, indexed once from provenance.csv, sources.csv and period_totals.csv for the pages."""

from __future__ import annotations

import re

from .figures import FIGURES, MonthSources, Quote

TABLE_ORDER = ["months", "civilian_deaths", "civilian_deaths_by_governorate", "torture_deaths", "personnel_deaths",
               "massacres"]


def anchor(table: str, row_key: str, field: str) -> str:
    """The id of a figure's quote on its month page (letters, digits and hyphens only)."""
    parts = [field] if table == "months" else [table, row_key, field]
    return "src-" + re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")


class Provenance:
    def __init__(self, sources: list[dict], provenance: list[dict], period_totals: list[dict], names: dict[str, str]):
        """`names`: the display name of every perpetrator id and P-code, for the rows quotes are about."""
        self.sources = {s["source_id"]: s for s in sources}
        self._by_month: dict[str, list[dict]] = {}
        for record in provenance:
            self._by_month.setdefault(record["month"], []).append(record)
        self.period_totals = period_totals
        self._names = names

    def month(self, month: str) -> MonthSources:
        records = sorted(self._by_month.get(month, []), key=_order)
        quotes = [self._quote(r) for r in records]
        used = {q.anchor: q for q in quotes if q.used}
        others: dict[str, list[Quote]] = {}
        for q in quotes:
            shown = used.get(q.anchor)
            # one mention per differing value, however many sources state it
            if not q.used and shown and q.value != shown.value and q.value not in [o.value for o in others.get(q.anchor, [])]:
                others.setdefault(q.anchor, []).append(q)
        ordered = sorted(quotes, key=lambda q: not q.used)  # the figures published first
        sources = list(dict.fromkeys(q.source_id for q in ordered))
        return MonthSources([self.sources[s] for s in sources], ordered, others)

    def _quote(self, r: dict) -> Quote:
        row_key = r["row_key"] or ""
        source = self.sources[r["source_id"]]
        return Quote(anchor(r["table"], row_key, r["field"]), r["table"], row_key, self._row_name(r["table"], row_key),
                     r["field"], r["value"], r["source_id"], r["quote"] or "", source["language"], bool(r["used"]))

    def _row_name(self, table: str, row_key: str) -> str:
        if table == "months":
            return ""
        last = row_key.split("/")[-1]
        return self._names.get(last, row_key)

    def months_by_source(self) -> dict[str, list[str]]:
        """The months each source states a figure of, for the list of sources."""
        months: dict[str, set[str]] = {}
        for month, records in self._by_month.items():
            for r in records:
                months.setdefault(r["source_id"], set()).add(month)
        return {source: sorted(ms) for source, ms in months.items()}

    def periods(self, year: str) -> list[dict]:
        """The stated totals of a year and its halves and quarters, each with its source."""
        return [dict(p, source=self.sources[p["source_id"]]) for p in self.period_totals
                if p["period"][:4] == year]


def _order(r: dict) -> tuple:
    fields = FIGURES[r["table"]][1]
    return (TABLE_ORDER.index(r["table"]), r["row_key"] or "", fields.index(r["field"]) if r["field"] in fields else 99,
            not r["used"], r["source_id"])
