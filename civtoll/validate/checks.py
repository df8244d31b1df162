"""Cross-table checks the Table Schemas cannot express, run on typed pandas frames.

Errors are figures that cannot all be true at once (a breakdown larger than its headline);
warnings are gaps a reader should know about (a breakdown smaller than its headline).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..load import Tables
from ..problems import WARNING, Problem
from .provenance import check_provenance

# (breakdown table, breakdown column, optional filter on category, headline column)
BREAKDOWNS = [
    ("civilian_deaths", "deaths", None, "civilians"),
    ("civilian_deaths", "children", None, "children"),
    ("civilian_deaths", "women", None, "women"),
    ("civilian_deaths_by_governorate", "deaths", None, "civilians"),
    ("civilian_deaths_by_governorate", "children", None, "children"),
    ("civilian_deaths_by_governorate", "women", None, "women"),
    ("torture_deaths", "deaths", None, "torture_deaths"),
    ("personnel_deaths", "deaths", "medical", "medical"),
    ("personnel_deaths", "deaths", "media", "media"),
    ("personnel_deaths", "deaths", "civil-defense", "civil_defense"),
]

# stated year-to-date column -> the monthly column it accumulates
YEAR_TO_DATE = {"ytd_civilians": "civilians", "ytd_torture": "torture_deaths", "ytd_massacres": "massacres"}


def check_tables(tables: Tables, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for name in ("months", "civilian_deaths", "civilian_deaths_by_governorate", "massacres"):
        problems += parts_within_total(tables, name)
    problems += breakdowns_within_headlines(tables)
    problems += massacres_consistent(tables)
    problems += months_in_time(tables, today)
    problems += year_to_date_consistent(tables)
    problems += check_provenance(tables)
    return problems


def parts_within_total(tables: Tables, name: str) -> list[Problem]:
    """children + women can never exceed the deaths of the same row."""
    frame = tables[name]
    total = "civilians" if name == "months" else "deaths"
    parts = frame["children"].fillna(0) + frame["women"].fillna(0)
    bad = frame[(parts > frame[total]).fillna(False)]
    return [
        Problem(
            tables.path(name),
            int(row["_row"]),
            total,
            f"children ({_show(row['children'])}) + women ({_show(row['women'])}) exceed {total} ({row[total]})",
        code="parts-exceed-total")
        for _, row in bad.iterrows()
    ]


def breakdowns_within_headlines(tables: Tables) -> list[Problem]:
    # rows as plain dicts: looking a month up in a DataFrame thousands of times costs seconds
    months = tables["months"].set_index("month").to_dict("index")
    problems = []
    for table, column, category, headline in BREAKDOWNS:
        frame = tables[table]
        if category is not None:
            frame = frame[frame["category"] == category]
        grouped = frame.groupby("month", sort=True)[column]
        sums = pd.DataFrame({"total": grouped.sum(min_count=1), "unknown": grouped.size() - grouped.count()})
        sums = sums[sums["total"].notna()]
        for month, total, unknown in sums.itertuples():
            if month in months:
                problems += _compare(tables, table, column, category, headline, months[month], month, int(total), int(unknown))
    counts = tables["massacres"]["month"].value_counts().sort_index()
    for month, count in counts.items():
        if month in months:
            problems += _compare_count(tables, months[month], month, int(count))
    return problems


def _compare(tables, table, column, category, headline, month_row, month, total, unknown) -> list[Problem]:
    stated = month_row[headline]
    if not pd.isna(stated) and total == stated:
        return []
    label = f"{table}.{column}" + (f" ({category})" if category else "")
    where = (tables.path("months"), int(month_row["_row"]), headline)
    if pd.isna(stated):
        return [Problem(*where, f"{month}: {label} sums to {total} but the headline {headline} is not stated", WARNING, code="breakdown-without-headline")]
    if total > stated:
        return [Problem(*where, f"{month}: {label} sums to {total}, more than the headline {headline} ({stated})", code="breakdown-exceeds-headline")]
    extra = f"; {unknown} row(s) do not state it" if unknown else ""
    return [
        Problem(
            *where,
            f"{month}: {label} sums to {total} of the headline {stated}: {stated - total} not broken down{extra}",
            WARNING,
        code="breakdown-below-headline")
    ]


def _compare_count(tables, month_row, month, count) -> list[Problem]:
    stated = month_row["massacres"]
    where = (tables.path("months"), int(month_row["_row"]), "massacres")
    if pd.isna(stated):
        return [Problem(*where, f"{month}: {count} massacre(s) listed but the headline massacres is not stated", WARNING, code="massacres-without-count")]
    if count > stated:
        return [Problem(*where, f"{month}: {count} massacres listed, more than the headline massacres ({stated})", code="massacres-exceed-count")]
    if count < stated:
        return [Problem(*where, f"{month}: {count} of the {stated} massacres are described in massacres.csv", WARNING, code="massacres-undescribed")]
    return []


def massacres_consistent(tables: Tables) -> list[Problem]:
    """A massacre's month is its date's month."""
    frame = tables["massacres"]
    bad = frame[frame["date"].notna() & frame["month"].notna() & (frame["date"].str[:7] != frame["month"])]
    return [
        Problem(tables.path("massacres"), int(row["_row"]), "month", f"month {row['month']} does not match the date {row['date']}", code="massacre-month-mismatch")
        for _, row in bad.iterrows()
    ]


def months_in_time(tables: Tables, today: dt.date) -> list[Problem]:
    """No month from the future, and every report published after the month it covers."""
    current = f"{today.year:04d}-{today.month:02d}"
    problems = []
    frame = tables["months"]
    future = (frame["month"] > current).fillna(False)
    for _, row in frame[future].iterrows():
        problems.append(Problem(tables.path("months"), int(row["_row"]), "month", f"month {row['month']} is in the future", code="future-month"))
    dated = frame[~future & frame["published"].notna()]
    month_start = dated["month"] + "-01"
    for _, row in dated[dated["published"] < month_start].iterrows():
        problems.append(Problem(tables.path("months"), int(row["_row"]), "published", f"published {row['published']} is before the month {row['month']}", code="published-before-month"))
    # a report may come out in the last days of its month (December 2015: 29 December), covering it to that day
    within = dated[(dated["published"] >= month_start) & (dated["published"] <= dated["month"].map(_month_end))]
    for _, row in within.iterrows():
        problems.append(Problem(tables.path("months"), int(row["_row"]), "published", f"published {row['published']} before the month {row['month']} ended: the report covers only part of it", WARNING, code="published-within-month"))
    for _, row in dated[dated["published"] > today.isoformat()].iterrows():
        problems.append(Problem(tables.path("months"), int(row["_row"]), "published", f"published {row['published']} is in the future", code="published-in-future"))
    for name in ("civilian_deaths", "civilian_deaths_by_governorate", "torture_deaths", "personnel_deaths", "massacres"):
        table = tables[name]
        for _, row in table[(table["month"] > current).fillna(False)].iterrows():
            problems.append(Problem(tables.path(name), int(row["_row"]), "month", f"month {row['month']} is in the future", code="future-month"))
    return problems


def year_to_date_consistent(tables: Tables) -> list[Problem]:
    """A stated year-to-date total covers at least the months present, and equals them when all are."""
    frame = tables["months"].sort_values("month").reset_index(drop=True)
    year = frame["month"].str[:4]
    month_number = frame["month"].str[5:].astype(int)
    months_so_far = frame.groupby(year).cumcount() + 1
    problems = []
    for ytd_column, column in YEAR_TO_DATE.items():
        total = frame[column].fillna(0).groupby(year).cumsum()
        all_known = frame[column].notna().astype(int).groupby(year).cummin().astype(bool)
        complete = (months_so_far == month_number) & all_known
        for i in frame.index[frame[ytd_column].notna()]:
            stated, summed, month = int(frame.at[i, ytd_column]), int(total[i]), frame.at[i, "month"]
            where = tables.path("months"), int(frame.at[i, "_row"]), ytd_column
            # With the whole year so far present, a difference is the organisation's revision of earlier
            # months (reconciled, a warning); with months missing, a stated total below the months that
            # are present cannot be true of the same figures and is an entry error.
            if stated < summed and not complete[i]:
                problems.append(Problem(*where, f"{month}: stated {stated} is below the sum of the year's months present ({summed})", code="ytd-below-months"))
            elif complete[i] and stated != summed:
                problems.append(
                    Problem(
                        *where,
                        f"{month}: stated {stated} differs from the sum of the year's months ({summed}) by {stated - summed}; "
                        "the organisation revises earlier months",
                        WARNING,
                    code="ytd-revised")
                )
    return problems


def _month_end(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return (dt.date(year + number // 12, number % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()


def _show(value) -> str:
    return "empty" if pd.isna(value) else str(value)
