"""Derive every figure a page or chart shows from the validated tables, in one place.

The output is plain Python (ints, None, strings, lists, dicts) so templates and charts never touch
pandas. None always means "not stated by the source"; it is never turned into 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .derive_years import FIRST_MONTH, Years
from .figures import MONTH_COUNTS, REMAINDER, Breakdown, Month, Row, YearToDate, sum_known, sum_stated_only, with_remainder
from .load import Tables, records
from .provenance import Provenance

PERSONNEL = [("medical", "medical"), ("media", "media"), ("civil-defense", "civil_defense")]


@dataclass
class Derived:
    """Everything the later stages show, derived once for every language."""

    months: list[Month]
    years: dict[str, dict]
    history: list[dict]
    coverage: list[dict]
    month_list: list[str]
    latest_published: str | None
    sort_orders: dict[str, int]  # perpetrator id -> its place in every list and chart
    perpetrator_names: dict[str, str]
    months_by_source: dict[str, list[str]]
    sources: list[dict]  # the reference tables, as the data and sources pages list them
    perpetrators: list[dict]
    governorates: list[dict]
    resources: list[dict]  # each table of the package: name, path, title, description, fields
    names: dict[str, dict[str, str]]  # language -> perpetrator id or governorate code -> its name


def derive(tables: Tables) -> Derived:
    """The derive stage: the validated tables in, plain figures out."""
    d = Derivation(tables)
    resources = [{"name": r["name"], "path": r["path"], **_texts(r),
                  "fields": [{"name": f["name"], "type": f.get("type", "string"), **_texts(f)} for f in r["schema"]["fields"]]}
                 for r in tables.descriptor["resources"]]
    return Derived([d.month(m) for m in d.month_list], {y: d.year(y) for y in d.years()}, d.history(),
                   d.coverage(), d.month_list, d.latest_published(), d.sort_orders(),
                   {pid: d.perpetrator_name(pid) for pid in d.sort_orders()}, d.provenance.months_by_source(),
                   sorted(records(tables["sources"]), key=lambda r: r["source_id"]),
                   [{**p, "description": p["description_en"]} for p in sorted(records(tables["perpetrators"]),
                                                                              key=lambda r: r["sort_order"])],
                   records(tables["governorates"]), resources, _names(tables))


def _texts(described: dict) -> dict:
    """A descriptor's title and description, and their translations (title_ar, description_ar)."""
    texts = {"title": described.get("title", ""), "description": described.get("description", "")}
    texts.update({k: v for k, v in described.items() if k.startswith(("title_", "description_"))})
    return texts


def _names(tables: Tables) -> dict[str, dict[str, str]]:
    """The reference tables' names in every language they have a column for (name_en, name_ar)."""
    names: dict[str, dict[str, str]] = {}
    for table, key in (("perpetrators", "perpetrator_id"), ("governorates", "governorate_pcode")):
        for record in records(tables[table]):
            for column, value in record.items():
                if column.startswith("name_") and value:
                    names.setdefault(column[5:], {})[record[key]] = value
    return names


class Derivation(Years):
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
        return latest_published(self._month_rows.values())

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
        return with_remainder(Breakdown(rows, headline))

    def _perp_order(self, record: dict) -> int:
        return self._perp[record["perpetrator_id"]]["sort_order"]

    def _groups(self, parties: Breakdown) -> list[dict]:
        groups = []
        for group in ("main", "other"):
            rows = [r for r in parties.rows if r.group == group]
            if rows:
                groups.append({"group": group, "rows": rows, "deaths": sum(r.deaths for r in rows),
                               "children": sum_known(r.children for r in rows),
                               "women": sum_known(r.women for r in rows),
                               # where some rows do not state it: the rows that do, shown as "at least"
                               "children_at_least": sum_stated_only(r.children for r in rows),
                               "women_at_least": sum_stated_only(r.women for r in rows)})
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
        return with_remainder(Breakdown(rows, headline))

    def _simple(self, table: str, month: str, headline: int | None, category: str | None = None) -> Breakdown:
        records = [r for r in self._by_month[table].get(month, []) if category is None or r["category"] == category]
        rows = [Row(r["perpetrator_id"], self.perpetrator_name(r["perpetrator_id"]), r["deaths"],
                    group=self._perp[r["perpetrator_id"]]["party_group"]) for r in sorted(records, key=self._perp_order)]
        return with_remainder(Breakdown(rows, headline))

    def _massacres(self, month: str) -> list[dict]:
        records = sorted(self._by_month["massacres"].get(month, []), key=lambda r: (r["date"], r["massacre_id"]))
        return [
            {
                "id": r["massacre_id"], "date": r["date"], "governorate": self._gov[r["governorate_pcode"]]["name_en"],
                "governorate_pcode": r["governorate_pcode"], "perpetrator_id": r["perpetrator_id"],
                "place": r["place_en"], "perpetrator": self.perpetrator_name(r["perpetrator_id"]),
                "deaths": r["deaths"], "children": r["children"], "women": r["women"], "injured": r["injured"],
                "description": r["description_en"], "source_url": r["source_url"],
                # their translations, where the package has them (place_ar, description_ar)
                **{k: v for k, v in r.items() if k.startswith(("place_", "description_")) and v},
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


def latest_published(month_rows) -> str | None:
    """The publication date of the latest report: the date the built files carry."""
    return max((r["published"] for r in month_rows if r["published"]), default=None)


def build_day(latest_published: str | None) -> dt.date:
    """The date stamped on built files (zip entries, sitemap): the latest report's, never the clock's."""
    return dt.date.fromisoformat(latest_published) if latest_published else dt.date(2011, 4, 1)


def package_day(months) -> dt.date:
    """build_day from a package's months table (a frame), for the workers that read the package
    themselves instead of waiting for the derived months."""
    return build_day(latest_published(records(months)))
