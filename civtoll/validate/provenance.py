"""Every figure traces to a source's own words: checks of provenance.csv and period_totals.csv.

A figure in months.csv, or a deaths figure in civilian_deaths.csv, must have exactly one `used`
provenance row with the same value, whose quote states that value; for the other tables a figure
without quoted words is a warning. Differing figures of other sources are `used=false` rows.
"""

from __future__ import annotations

from typing import NamedTuple

from ..figures import FIGURES, MONTH_COUNTS
from ..load import Tables, records
from ..problems import ERROR, WARNING, Problem
from .quotes import states

# figures that may not be published without a used, quoted source; the rest only warn
REQUIRED = {("months", f) for f in MONTH_COUNTS} | {("civilian_deaths", "deaths")}


class Figure(NamedTuple):
    """A figure cell; a key of two dicts of every figure (a tuple hashes faster than a dataclass)."""

    table: str
    month: str
    row_key: str
    field: str


def check_provenance(tables: Tables) -> list[Problem]:
    problems = _headline_scope(tables)
    figures = _figures(tables)
    languages = _languages(tables)
    used: dict[Figure, int] = {}
    seen: dict[tuple, int] = {}
    prov, shown = tables["provenance"], tables.path("provenance")
    for record in records(prov, with_row=True):
        row, table, field = record["_row"], record["table"], record["field"]
        key = (record["month"], table, record["row_key"], field, record["source_id"], record["value"])
        if key in seen:
            problems.append(Problem(shown, row, "source_id", f"the same source and value as row {seen[key]}", code="duplicate-provenance"))
            continue
        seen[key] = row
        if field not in FIGURES[table][1]:
            problems.append(Problem(shown, row, "field", f'"{field}" is not a figure of {table} '
                                                         f'(expected one of: {", ".join(FIGURES[table][1])})', code="not-a-figure"))
            continue
        figure = Figure(table, record["month"], record["row_key"] or "", field)
        quote, value = record["quote"] or "", record["value"]
        language = languages.get(record["source_id"], "en")
        if quote and not states(quote, value, language):
            problems.append(Problem(shown, row, "quote", f"the quote does not state {value:,} (as digits or as "
                                                         f"number words in its language, {language})", code="quote-not-stating"))
        if not record["used"]:
            continue
        if figure in used:
            problems.append(Problem(shown, row, "used", f"a second used row for {_name(figure)} (the first is row "
                                                        f"{used[figure]}): only one source's figure is published", code="second-used-row"))
            continue
        used[figure] = row
        where = figures.get(figure)
        if where is None or where[0] is None:
            problems.append(Problem(shown, row, "value", f"{_name(figure)} is not in {table}.csv, but this row "
                                                         f"says {value:,} is the published figure", code="used-figure-not-in-table"))
        elif where[0] != value:
            problems.append(Problem(shown, row, "value", f"used value {value:,} differs from {table}.csv "
                                                         f"row {where[1]} ({where[0]:,})", code="used-value-differs"))
        elif not quote and (table, field) in REQUIRED:
            problems.append(Problem(shown, row, "quote", f"{_name(figure)} has no quote: a published headline "
                                                         "figure keeps the source's words", code="quote-missing"))
    for figure, (value, row) in figures.items():
        if value is None or figure in used:
            continue
        severity = ERROR if (figure.table, figure.field) in REQUIRED else WARNING
        message = f"{_name(figure)} ({value:,}) has no used row in provenance.csv naming its source and words"
        problems.append(Problem(tables.path(figure.table), row, figure.field, message, severity, code="unsourced-figure"))
    return problems + _period_totals(tables, languages)


def quote_shares(tables: Tables) -> dict[str, tuple[int, int]]:
    """Per table: (figures with a used, quoted source; figures)."""
    quoted = {Figure(r["table"], r["month"], r["row_key"] or "", r["field"])
              for r in records(tables["provenance"], with_row=True) if r["used"] and r["quote"]}
    shares: dict[str, list[int]] = {name: [0, 0] for name in FIGURES}
    for figure, (value, _) in _figures(tables).items():
        if value is not None:
            shares[figure.table][1] += 1
            shares[figure.table][0] += figure in quoted
    return {name: (q, n) for name, (q, n) in shares.items()}


def _figures(tables: Tables) -> dict[Figure, tuple[int | None, int]]:
    """Every figure cell of the tables: its value (None if empty) and spreadsheet row."""
    figures = {}
    for table, (keys, fields) in FIGURES.items():
        for record in records(tables[table], with_row=True):
            row_key = "/".join(record[k] or "" for k in keys)
            for field in fields:
                figures[Figure(table, record["month"], row_key, field)] = (record[field], record["_row"])
    return figures


def _headline_scope(tables: Tables) -> list[Problem]:
    problems = []
    for record in records(tables["months"], with_row=True):
        if record["headline_scope"] == "civilians" and record["headline_killed"] != record["civilians"]:
            shown = "empty" if record["civilians"] is None else f"{record['civilians']:,}"
            headline = "empty" if record["headline_killed"] is None else f"{record['headline_killed']:,}"
            problems.append(Problem(tables.path("months"), record["_row"], "headline_killed",
                                    f"the headline counts civilians, so headline_killed ({headline}) must equal "
                                    f"civilians ({shown})", code="scope-headline-mismatch"))
    return problems


def _period_totals(tables: Tables, languages: dict[str, str]) -> list[Problem]:
    problems, used = [], {}
    shown = tables.path("period_totals")
    for record in records(tables["period_totals"], with_row=True):
        language = languages.get(record["source_id"], "en")
        if not states(record["quote"] or "", record["value"], language):
            problems.append(Problem(shown, record["_row"], "quote", f"the quote does not state {record['value']:,}", code="quote-not-stating"))
        key = (record["period"], record["field"], record["scope"])
        if record["used"]:
            if key in used:
                problems.append(Problem(shown, record["_row"], "used", f"a second used row for {' '.join(key)} "
                                                                       f"(the first is row {used[key]})", code="second-used-row"))
            used.setdefault(key, record["_row"])
    return problems


def _languages(tables: Tables) -> dict[str, str]:
    return {r["source_id"]: r["language"] for r in records(tables["sources"], with_row=True)}


def _name(figure: Figure) -> str:
    where = f" {figure.row_key}" if figure.row_key else ""
    return f"{figure.month}{where} {figure.field}"
