"""How complete each month's figures are, table by table, for the coverage page.

complete: the table accounts for its headline figure in full; partial: something is stated but
not all of it; headline: only the month's headline figure is stated, no breakdown; missing: the
month or the figure was not found in any source.
"""

from __future__ import annotations

COMPLETE, PARTIAL, HEADLINE, MISSING = "complete", "partial", "headline", "missing"
STATUSES = [COMPLETE, PARTIAL, HEADLINE, MISSING]
TABLES = ["months", "civilian_deaths", "torture_deaths", "personnel_deaths", "massacres",
          "civilian_deaths_by_governorate"]
# the headline figures a report of the month states at its fullest
HEADLINE_FIGURES = ["headline_killed", "children", "women", "torture_deaths", "medical", "media", "civil_defense",
                    "massacres"]
PERSONNEL = {"medical": "medical", "media": "media", "civil-defense": "civil_defense"}


def coverage_row(month: str, figures: dict | None, rows: dict[str, list[dict]]) -> dict:
    if figures is None:
        return {"month": month, **{table: MISSING for table in TABLES}}
    stated = [figures[f] is not None for f in HEADLINE_FIGURES]
    # a month on the site whose headline is not found but some other figure is, is partial
    status = {"months": COMPLETE if all(stated) else HEADLINE if stated[0] and not any(stated[1:]) else PARTIAL}
    status["civilian_deaths"] = _breakdown(figures["civilians"], [r["deaths"] for r in rows["civilian_deaths"]])
    status["torture_deaths"] = _breakdown(figures["torture_deaths"], [r["deaths"] for r in rows["torture_deaths"]])
    status["civilian_deaths_by_governorate"] = _breakdown(
        figures["civilians"], [r["deaths"] for r in rows["civilian_deaths_by_governorate"]])
    personnel = [figures[c] for c in PERSONNEL.values()]
    status["personnel_deaths"] = _breakdown(None if any(v is None for v in personnel) else sum(personnel),
                                            [r["deaths"] for r in rows["personnel_deaths"]],
                                            stated_any=any(v is not None for v in personnel))
    status["massacres"] = _breakdown(figures["massacres"], [1 for _ in rows["massacres"]])
    return {"month": month, **status}


def _breakdown(headline: int | None, parts: list[int], stated_any: bool | None = None) -> str:
    if not parts:
        known = headline is not None if stated_any is None else stated_any
        if headline == 0:
            return COMPLETE  # a stated none needs no breakdown
        return HEADLINE if known else MISSING
    if headline is not None and sum(parts) == headline:
        return COMPLETE
    return PARTIAL
