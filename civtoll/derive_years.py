"""The years and the whole record, derived from the months (mixed into derive.Derivation)."""

from __future__ import annotations

from .coverage import coverage_row
from .figures import YearToDate, sum_known, sum_stated

FIRST_MONTH = "2011-03"  # the record begins with the uprising; 2011's year-to-date starts here


class Years:
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
        headlines = {scope: sum_stated(f["headline_killed"] for f in figures if f["headline_scope"] == scope)
                     for scope in scopes}
        last = months[-1] if months else None
        return {
            "year": year,
            "months": months,
            "figures": dict(zip(months, figures)),
            "total": sum_known(f["civilians"] for f in figures),
            "total_stated_months": sum(f["civilians"] for f in figures if f["civilians"] is not None),
            "children_stated_months": sum(f["children"] for f in figures if f["children"] is not None),
            "women_stated_months": sum(f["women"] for f in figures if f["women"] is not None),
            "missing_civilians": [m for m, f in zip(months, figures) if f["civilians"] is None],
            "missing_parts": [m for m, f in zip(months, figures) if f["children"] is None or f["women"] is None],
            "children": sum_known(f["children"] for f in figures),
            "women": sum_known(f["women"] for f in figures),
            "torture": sum_known(f["torture_deaths"] for f in figures),
            "massacres": sum_known(f["massacres"] for f in figures),
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

    def _period_sums(self, year: str) -> dict[str, int | None]:
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
            sums[f'{p["period"]}/{p["field"]}/{p["scope"]}'] = None if None in values else sum(values)
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
