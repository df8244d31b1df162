"""Derive every figure a page or chart shows from the validated tables, in one place.

The output is plain Python (ints, None, strings, lists, dicts) so templates and charts never touch
pandas. None always means "not stated by the source"; it is never turned into 0.
"""

from __future__ import annotations

from .coverage import coverage_row
from .figures import MONTH_COUNTS, REMAINDER, Breakdown, Month, Row, YearToDate
from .load import Tables, records
from .provenance import Provenance

FIRST_MONTH = "2011-03"  # the record begins with the uprising; 2011's year-to-date starts here
PERSONNEL = [("medical", "medical"), ("media", "media"), ("civil-defense", "civil_defense")]


class Derivation:
    """Indexes the tables once; derives any month, year or the whole history from them."""

    def __init__(self, tables: Tables):
        # plain records grouped by month: per-month pandas operations cost more than the whole derivation
        self._by_month: dict[str, dict[str, list[dict]]] = {}
        for name in ("civilian_deaths", "civilian_deaths_by_governorate", "torture_deaths", "personnel_deaths",
                     "massacres"):
            grouped: dict[str, list[dict]] = {}
            for record in records(tables[name]):
                grouped.setdefault(record["month"], []).append(record)
            self._by_month[name] = grouped
        self._perp = {r["perpetrator_id"]: r for r in records(tables["perpetrators"])}
        self._gov = {r["governorate_pcode"]: r for r in records(tables["governorates"])}
        self._month_rows = {r["month"]: r for r in records(tables["months"])}
        self.month_list = sorted(self._month_rows)
        self._party_groups = self._party_groups_by_month()
        names = {pid: r["name_en"] for pid, r in self._perp.items()}
        names.update({code: r["name_en"] for code, r in self._gov.items()})
        self.provenance = Provenance(records(tables["sources"]), records(tables["provenance"]),
                                     records(tables["period_totals"]), names)

    # --- reference names -------------------------------------------------------------

    def perpetrator_name(self, pid: str) -> str:
        return self._perp[pid]["name_en"]

    def sort_orders(self) -> dict[str, int]:
        return {pid: record["sort_order"] for pid, record in self._perp.items()}

    def latest_published(self) -> str | None:
        return max((r["published"] for r in self._month_rows.values() if r["published"]), default=None)

    # --- months ----------------------------------------------------------------------

    def figures(self, month: str) -> dict:
        row = self._month_rows[month]
        return {name: row[name] for name in MONTH_COUNTS + ["headline_scope", "torture_in_civilians", "published",
                                                      "source_title", "source_url", "notes"]}

    def month(self, month: str) -> Month:
        figures = self.figures(month)
        index = self.month_list.index(month)
        parties = self._parties(month, figures["civilians"])
        return Month(
            month=month,
            figures=figures,
            parties=parties,
            groups=self._groups(parties),
            governorates=self._governorates(month, figures["civilians"]),
            torture=self._simple("torture_deaths", month, figures["torture_deaths"]),
            personnel={
                category: self._simple("personnel_deaths", month, figures[column], category)
                for category, column in PERSONNEL
            },
            massacres=self._massacres(month),
            ytd=self._year_to_date(month, "civilians", "ytd_civilians"),
            ytd_torture=self._year_to_date(month, "torture_deaths", "ytd_torture"),
            ytd_massacres=self._year_to_date(month, "massacres", "ytd_massacres"),
            year_series=[self._party_groups[m] for m in self._year_so_far(month)],
            torture_series=[
                {"month": m, "deaths": self.figures(m)["torture_deaths"]} for m in self._year_so_far(month)
            ],
            previous=self.month_list[index - 1] if index > 0 else None,
            next=self.month_list[index + 1] if index + 1 < len(self.month_list) else None,
            sources=self.provenance.month(month),
        )

    def _parties(self, month: str, headline: int | None) -> Breakdown:
        records = sorted(self._by_month["civilian_deaths"].get(month, []), key=self._perp_order)
        rows = [Row(r["perpetrator_id"], self.perpetrator_name(r["perpetrator_id"]), r["deaths"], r["children"],
                    r["women"], self._perp[r["perpetrator_id"]]["party_group"]) for r in records]
        return _with_remainder(Breakdown(rows, headline))

    def _perp_order(self, record: dict) -> int:
        return self._perp[record["perpetrator_id"]]["sort_order"]

    def _groups(self, parties: Breakdown) -> list[dict]:
        groups = []
        for group in ("main", "other"):
            rows = [r for r in parties.rows if r.group == group]
            if rows:
                groups.append({"group": group, "rows": rows, "deaths": sum(r.deaths for r in rows),
                               "children": _sum_known(r.children for r in rows),
                               "women": _sum_known(r.women for r in rows),
                               # where some rows do not state it: the rows that do, shown as "at least"
                               "children_at_least": _sum_stated_only(r.children for r in rows),
                               "women_at_least": _sum_stated_only(r.women for r in rows)})
        remainder = [r for r in parties.rows if r.is_remainder]
        if remainder:
            groups.append({"group": "unassigned", "rows": remainder, "deaths": remainder[0].deaths,
                           "children": None, "women": None, "children_at_least": None, "women_at_least": None})
        return groups

    def _governorates(self, month: str, headline: int | None) -> Breakdown:
        records = sorted(self._by_month["civilian_deaths_by_governorate"].get(month, []),
                         key=lambda r: (-r["deaths"], r["governorate_pcode"]))
        rows = [Row(r["governorate_pcode"], self._gov[r["governorate_pcode"]]["name_en"], r["deaths"], r["children"],
                    r["women"]) for r in records]
        return _with_remainder(Breakdown(rows, headline))

    def _simple(self, table: str, month: str, headline: int | None, category: str | None = None) -> Breakdown:
        records = [r for r in self._by_month[table].get(month, []) if category is None or r["category"] == category]
        rows = [Row(r["perpetrator_id"], self.perpetrator_name(r["perpetrator_id"]), r["deaths"],
                    group=self._perp[r["perpetrator_id"]]["party_group"]) for r in sorted(records, key=self._perp_order)]
        return _with_remainder(Breakdown(rows, headline))

    def _massacres(self, month: str) -> list[dict]:
        records = sorted(self._by_month["massacres"].get(month, []), key=lambda r: (r["date"], r["massacre_id"]))
        return [
            {
                "id": r["massacre_id"], "date": r["date"], "governorate": self._gov[r["governorate_pcode"]]["name_en"],
                "place": r["place_en"], "perpetrator": self.perpetrator_name(r["perpetrator_id"]),
                "deaths": r["deaths"], "children": r["children"], "women": r["women"], "injured": r["injured"],
                "description": r["description_en"], "source_url": r["source_url"],
            }
            for r in records
        ]

    def _year_so_far(self, month: str) -> list[str]:
        return [m for m in self.month_list if m[:4] == month[:4] and m <= month]

    def _year_to_date(self, month: str, column: str, stated_column: str) -> YearToDate:
        first = max(f"{month[:4]}-01", FIRST_MONTH)
        expected = [f"{month[:4]}-{n:02d}" for n in range(int(first[5:]), int(month[5:]) + 1)]
        present = [m for m in expected if m in self._month_rows]
        values = [self._month_rows[m][column] for m in present]
        complete = len(present) == len(expected) and all(v is not None for v in values)
        return YearToDate(sum(values) if complete else None, self._month_rows[month][stated_column])

    def _party_groups_by_month(self) -> dict[str, dict]:
        """Per month: deaths by main party, other parties together, and the unassigned rest."""
        series = {}
        for month in self.month_list:
            civilians = self._month_rows[month]["civilians"]
            entry = {"month": month, "civilians": civilians, "parts": []}
            records = sorted(self._by_month["civilian_deaths"].get(month, []), key=self._perp_order)
            main = [r for r in records if self._perp[r["perpetrator_id"]]["party_group"] == "main"]
            other = [r for r in records if self._perp[r["perpetrator_id"]]["party_group"] == "other"]
            entry["parts"] = [(r["perpetrator_id"], r["deaths"]) for r in main]
            if other:
                entry["parts"].append(("other", sum(r["deaths"] for r in other)))
            assigned = sum(deaths for _, deaths in entry["parts"])
            if civilians is not None and civilians > assigned:
                entry["parts"].append((REMAINDER, civilians - assigned))
            series[month] = entry
        return series

    # --- years and history -----------------------------------------------------------

    def record_months(self) -> list[str]:
        """Every month of the record, from the first to the latest on this site, found or not."""
        if not self.month_list:
            return []
        months, (year, number) = [], (int(FIRST_MONTH[:4]), int(FIRST_MONTH[5:]))
        while f"{year:04d}-{number:02d}" <= self.month_list[-1]:
            months.append(f"{year:04d}-{number:02d}")
            year, number = (year + 1, 1) if number == 12 else (year, number + 1)
        return months

    def years(self) -> list[str]:
        """Every year of the record, with or without months on this site."""
        return sorted({m[:4] for m in self.record_months()})

    def year(self, year: str) -> dict:
        months = [m for m in self.month_list if m[:4] == year]
        figures = [self.figures(m) for m in months]
        scopes = sorted({f["headline_scope"] for f in figures})
        headlines = {scope: _sum_stated(f["headline_killed"] for f in figures if f["headline_scope"] == scope)
                     for scope in scopes}
        last = months[-1] if months else None
        return {
            "year": year,
            "months": months,
            "figures": dict(zip(months, figures)),
            "total": _sum_known(f["civilians"] for f in figures),
            "total_stated_months": sum(f["civilians"] for f in figures if f["civilians"] is not None),
            "children_stated_months": sum(f["children"] for f in figures if f["children"] is not None),
            "women_stated_months": sum(f["women"] for f in figures if f["women"] is not None),
            "missing_civilians": [m for m, f in zip(months, figures) if f["civilians"] is None],
            "missing_parts": [m for m, f in zip(months, figures) if f["children"] is None or f["women"] is None],
            "children": _sum_known(f["children"] for f in figures),
            "women": _sum_known(f["women"] for f in figures),
            "torture": _sum_known(f["torture_deaths"] for f in figures),
            "massacres": _sum_known(f["massacres"] for f in figures),
            "ytd": self._year_to_date(last, "civilians", "ytd_civilians") if last else YearToDate(None, None),
            "last": last,
            "series": [self._party_groups[m] for m in months],
            # what each month's headline counts: a year that spans scopes is shown by scope, never summed
            "scopes": scopes,
            "headlines": headlines,
            "mixed": scopes != ["civilians"] and bool(scopes),
            "scope_series": [s for s in self.history() if s["month"][:4] == year],
            "periods": self.provenance.periods(year),
            "period_sums": self._period_sums(year),
            "record_months": [m for m in self.record_months() if m[:4] == year],
        }

    def _period_sums(self, year: str) -> dict[tuple, int | None]:
        """For each stated period total of the year: the sum of its months' figures of the same scope,
        or None when a month of the period is missing, states none, or counts something else."""
        sums = {}
        for p in self.provenance.periods(year):
            suffix = p["period"][5:]
            first, last = {"": (1, 12), "H1": (1, 6), "H2": (7, 12)}.get(
                suffix, (3 * int(suffix[1:] or 1) - 2, 3 * int(suffix[1:] or 1)))
            months = [m for m in (f"{year}-{n:02d}" for n in range(first, last + 1)) if m >= FIRST_MONTH]
            rows = [self._month_rows.get(m) for m in months]
            values = [None if r is None or (p["field"] == "headline_killed" and r["headline_scope"] != p["scope"])
                      else r[p["field"]] for r in rows]
            sums[(p["period"], p["field"], p["scope"])] = None if None in values else sum(values)
        return sums

    def history(self) -> list[dict]:
        """Every month of the record: its headline count and what it counts (None where not found)."""
        return [{"month": m, "headline": self._month_rows[m]["headline_killed"] if m in self._month_rows else None,
                 "scope": self._month_rows[m]["headline_scope"] if m in self._month_rows else None}
                for m in self.record_months()]

    def coverage(self) -> list[dict]:
        """Per month of the record, how complete each table is (see coverage.py)."""
        return [coverage_row(m, self._month_rows.get(m), {name: self._by_month[name].get(m, [])
                                                          for name in self._by_month})
                for m in self.record_months()]


def _sum_stated(values) -> dict:
    """The sum of the stated values and how many months state none (never summed as zeros)."""
    values = list(values)
    stated = [v for v in values if v is not None]
    return {"total": sum(stated), "months": len(stated), "missing": len(values) - len(stated)}


def _sum_stated_only(values) -> int | None:
    """The sum of the stated values when some, not all, are stated (else None)."""
    values = list(values)
    stated = [v for v in values if v is not None]
    return sum(stated) if stated and len(stated) < len(values) else None


def _sum_known(values) -> int | None:
    values = list(values)
    return None if not values or any(v is None for v in values) else sum(values)


def _with_remainder(breakdown: Breakdown) -> Breakdown:
    """Show the unassigned part of the headline as its own row, and each row's share of the headline."""
    headline = breakdown.headline
    if not breakdown.rows:
        return breakdown
    assigned = sum(r.deaths for r in breakdown.rows)
    if headline is not None and headline > assigned:
        breakdown.rows.append(Row(REMAINDER, "", headline - assigned))
    if headline:
        for row in breakdown.rows:
            row.share = 100.0 * row.deaths / headline
    return breakdown
