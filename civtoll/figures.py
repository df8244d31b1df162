"""What a month's page and charts show: plain values, no pandas.

Kept apart from derive.py so that the processes that define and draw charts can receive these
without loading pandas.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar

REMAINDER = "_remainder"  # id of the row for what a breakdown leaves unassigned

# the counts of a month's row in months.csv, in the order pages list them
MONTH_COUNTS = ["headline_killed", "civilians", "children", "women", "torture_deaths", "medical", "media",
                "civil_defense", "massacres", "ytd_civilians", "ytd_torture", "ytd_massacres"]
# table -> (the columns that make a row's key within its month, the figures it holds)
FIGURES = {
    "months": ([], MONTH_COUNTS),
    "civilian_deaths": (["perpetrator_id"], ["deaths", "children", "women"]),
    "torture_deaths": (["perpetrator_id"], ["deaths"]),
    "personnel_deaths": (["category", "perpetrator_id"], ["deaths"]),
    "massacres": (["massacre_id"], ["deaths", "children", "women", "injured"]),
    "civilian_deaths_by_governorate": (["governorate_pcode"], ["deaths", "children", "women"]),
}


@dataclass
class Row:
    """One line of a breakdown: a perpetrator, a governorate, or the unassigned remainder."""

    id: str
    name: str
    deaths: int
    children: int | None = None
    women: int | None = None
    group: str | None = None
    share: float | None = None  # percent of the month's headline

    @property
    def men(self) -> int | None:
        if self.children is None or self.women is None:
            return None
        return self.deaths - self.children - self.women

    @property
    def is_remainder(self) -> bool:
        return self.id == REMAINDER


@dataclass
class Breakdown:
    rows: list[Row]
    headline: int | None

    @property
    def known(self) -> bool:
        return bool(self.rows)


@dataclass
class YearToDate:
    computed: int | None  # sum of the site's months, only when every month so far is present
    stated: int | None  # as the report states it

    @property
    def difference(self) -> int | None:
        if self.computed is None or self.stated is None:
            return None
        return self.stated - self.computed


@dataclass
class Month:
    """Never changed once named in its edition's language (localise.py): cache keys take a month by
    the digest of its fields, made the first time it is part of a key (cache._digest)."""

    KEYED_BY_DIGEST: ClassVar[bool] = True
    made_from: ClassVar[tuple | None] = None  # set on a month named in another language (cache._digest)
    month: str
    figures: dict
    parties: Breakdown
    groups: list[dict]
    governorates: Breakdown
    torture: Breakdown
    personnel: dict[str, Breakdown]
    massacres: list[dict]
    ytd: YearToDate
    ytd_torture: YearToDate
    ytd_massacres: YearToDate
    year_series: list[dict]  # this year's months up to this one, by party group
    torture_series: list[dict]
    previous: str | None
    next: str | None
    sources: "MonthSources"

    @property
    def year(self) -> str:
        return self.month[:4]


@dataclass
class Quote:
    """One source's statement of one figure: its words, as the month page shows them."""

    anchor: str  # the id of the quote on the month page, linked from the figure
    table: str
    row_key: str
    row_name: str  # the party, governorate or category the row is about ("" for the month's headline)
    field: str
    value: int
    source_id: str
    quote: str
    language: str
    used: bool


@dataclass
class MonthSources:
    sources: list[dict]  # every source of the month's figures, in the order they are first used
    quotes: list[Quote]  # the used figures first, in table order, then the other sources' figures
    others: dict[str, list[Quote]]  # anchor of a used figure -> other sources' differing figures

    def other_values(self, anchor: str) -> list[Quote]:
        return self.others.get(anchor, [])

    def has(self, anchor: str) -> bool:
        """The page shows a used quote with this anchor (so a figure may link to it)."""
        return anchor in self._used_anchors

    @functools.cached_property
    def _used_anchors(self) -> frozenset[str]:
        # not a field: cache keys (cache.plain) are made of the fields only; a month page asks
        # this for every figure it shows
        return frozenset(q.anchor for q in self.quotes if q.used)


# --- sums that never turn a missing figure into 0 -------------------------------------

def sum_stated(values) -> dict:
    """The sum of the stated values and how many months state none (never summed as zeros)."""
    values = list(values)
    stated = [v for v in values if v is not None]
    return {"total": sum(stated), "months": len(stated), "missing": len(values) - len(stated)}


def sum_stated_only(values) -> int | None:
    """The sum of the stated values when some, not all, are stated (else None)."""
    values = list(values)
    stated = [v for v in values if v is not None]
    return sum(stated) if stated and len(stated) < len(values) else None


def sum_known(values) -> int | None:
    values = list(values)
    return None if not values or any(v is None for v in values) else sum(values)


def with_remainder(breakdown: Breakdown) -> Breakdown:
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
