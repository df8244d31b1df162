"""Cross-table checks the Table Schemas cannot express, run on typed pandas frames.

Errors are figures that cannot all be true at once (a breakdown larger than its headline);
warnings are gaps a reader should know about (a breakdown smaller than its headline).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..load import Tables
from ..problems import ERROR, WARNING, Problem

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
        )
        for _, row in bad.iterrows()
    ]


def breakdowns_within_headlines(tables: Tables) -> list[Problem]:
    months = tables["months"].set_index("month")
    problems = []
    for table, column, category, headline in BREAKDOWNS:
        frame = tables[table]
        if category is not None:
            frame = frame[frame["category"] == category]
        for month, group in frame.groupby("month", sort=True):
            if month not in months.index:
                continue  # the foreign key already reports it
            problems += _compare(tables, table, column, category, headline, months.loc[month], group)
    massacres = tables["massacres"]
    for month, group in massacres.groupby("month", sort=True):
        if month in months.index:
            problems += _compare_count(tables, months.loc[month], month, len(group))
    return problems


def _compare(tables, table, column, category, headline, month_row, group) -> list[Problem]:
    stated = month_row[headline]
    known = group[column].dropna()
    if known.empty:
        return []
    total = int(known.sum())
    label = f"{table}.{column}" + (f" ({category})" if category else "")
    where = (tables.path("months"), int(month_row["_row"]), headline)
    month = group["month"].iloc[0]
    if pd.isna(stated):
        return [Problem(*where, f"{month}: {label} sums to {total} but the headline {headline} is not stated", WARNING)]
    if total > stated:
        return [Problem(*where, f"{month}: {label} sums to {total}, more than the headline {headline} ({stated})")]
    if total < stated:
        unknown = int(group[column].isna().sum())
        extra = f"; {unknown} row(s) do not state it" if unknown else ""
        return [
            Problem(
                *where,
                f"{month}: {label} sums to {total} of the headline {stated}: {stated - total} not broken down{extra}",
                WARNING,
            )
        ]
    return []


def _compare_count(tables, month_row, month, count) -> list[Problem]:
    stated = month_row["massacres"]
    where = (tables.path("months"), int(month_row["_row"]), "massacres")
    if pd.isna(stated):
        return [Problem(*where, f"{month}: {count} massacre(s) listed but the headline massacres is not stated", WARNING)]
    if count > stated:
        return [Problem(*where, f"{month}: {count} massacres listed, more than the headline massacres ({stated})")]
    if count < stated:
        return [Problem(*where, f"{month}: {count} of the {stated} massacres are described in massacres.csv", WARNING)]
    return []


def massacres_consistent(tables: Tables) -> list[Problem]:
    """A massacre's month is its date's month."""
    frame = tables["massacres"]
    problems = []
    for _, row in frame.iterrows():
        date, month = row["date"], row["month"]
        if pd.notna(date) and pd.notna(month) and str(date)[:7] != str(month):
            problems.append(
                Problem(tables.path("massacres"), int(row["_row"]), "month", f"month {month} does not match the date {date}")
            )
    return problems


def months_in_time(tables: Tables, today: dt.date) -> list[Problem]:
    """No month from the future, and every report published after the month it covers."""
    frame = tables["months"]
    current = f"{today.year:04d}-{today.month:02d}"
    problems = []
    for _, row in frame.iterrows():
        month, published = str(row["month"]), row["published"]
        where = tables.path("months"), int(row["_row"])
        if month > current:
            problems.append(Problem(*where, "month", f"month {month} is in the future"))
            continue
        if pd.notna(published):
            if str(published) <= _month_end(month):
                problems.append(Problem(*where, "published", f"published {published} is not after the month {month}"))
            elif str(published) > today.isoformat():
                problems.append(Problem(*where, "published", f"published {published} is in the future"))
    for name in ("civilian_deaths", "civilian_deaths_by_governorate", "torture_deaths", "personnel_deaths", "massacres"):
        for _, row in tables[name].iterrows():
            if pd.notna(row["month"]) and str(row["month"]) > current:
                problems.append(Problem(tables.path(name), int(row["_row"]), "month", f"month {row['month']} is in the future"))
    return problems


def year_to_date_consistent(tables: Tables) -> list[Problem]:
    """A stated year-to-date total covers at least the months present, and equals them when all are."""
    frame = tables["months"].sort_values("month")
    problems = []
    for ytd_column, column in YEAR_TO_DATE.items():
        for _, row in frame[frame[ytd_column].notna()].iterrows():
            month = str(row["month"])
            year_so_far = frame[(frame["month"] >= month[:4] + "-01") & (frame["month"] <= month)]
            values = year_so_far[column]
            total = int(values.dropna().sum())
            stated = int(row[ytd_column])
            where = tables.path("months"), int(row["_row"]), ytd_column
            complete = len(year_so_far) == int(month[5:]) and values.notna().all()
            if stated < total:
                problems.append(Problem(*where, f"{month}: stated {stated} is below the sum of the year's months present ({total})"))
            elif complete and stated != total:
                problems.append(
                    Problem(
                        *where,
                        f"{month}: stated {stated} differs from the sum of the year's months ({total}) by {stated - total}; "
                        "the organisation revises earlier months",
                        WARNING,
                    )
                )
    return problems


def _month_end(month: str) -> str:
    period = pd.Period(month, freq="M")
    return period.end_time.date().isoformat()


def _show(value) -> str:
    return "empty" if pd.isna(value) else str(value)
