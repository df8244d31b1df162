"""Property tests for the cross-table checks: for any figures, the verdict follows the rule."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from civtoll.load import Tables, read_tables
from civtoll.validate.checks import breakdowns_within_headlines, parts_within_total, year_to_date_consistent
from conftest import SHIPPED

BASE = read_tables(SHIPPED)
counts = st.integers(min_value=0, max_value=5000)
maybe = st.one_of(st.none(), counts)


def _tables(**frames: pd.DataFrame) -> Tables:
    merged = dict(BASE.frames)
    merged.update(frames)
    return Tables(BASE.package_dir, BASE.descriptor, merged)


def _months(rows: list[dict]) -> pd.DataFrame:
    columns = [c for c in BASE["months"].columns if c != "_row"]
    frame = pd.DataFrame(rows, columns=columns)
    for name in columns:
        frame[name] = frame[name].astype(BASE["months"][name].dtype)
    frame["_row"] = range(2, len(frame) + 2)
    return frame


def _breakdown(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["month", "perpetrator_id", "deaths", "children", "women"])
    for name in ("deaths", "children", "women"):
        frame[name] = frame[name].astype("Int64")
    frame["_row"] = range(2, len(frame) + 2)
    return frame


@given(st.lists(st.tuples(counts, maybe, maybe), min_size=1, max_size=20))
def test_children_and_women_never_exceed_deaths(rows):
    frame = _breakdown([{"month": "2020-09", "perpetrator_id": f"p{i}", "deaths": d, "children": c, "women": w}
                        for i, (d, c, w) in enumerate(rows)])
    flagged = {p.row for p in parts_within_total(_tables(civilian_deaths=frame), "civilian_deaths")}
    expected = {i + 2 for i, (d, c, w) in enumerate(rows) if (c or 0) + (w or 0) > d}
    assert flagged == expected


@given(headline=counts, parts=st.lists(counts, min_size=1, max_size=15))
@settings(deadline=None)
def test_breakdown_against_headline(headline, parts):
    months = _months([{"month": "2020-09", "civilians": headline}])
    frame = _breakdown([{"month": "2020-09", "perpetrator_id": f"p{i}", "deaths": d} for i, d in enumerate(parts)])
    problems = [p for p in breakdowns_within_headlines(_tables(months=months, civilian_deaths=frame))
                if "civilian_deaths.deaths" in p.message]
    total = sum(parts)
    if total > headline:
        assert [p.severity for p in problems] == ["error"]
    elif total < headline:
        assert [p.severity for p in problems] == ["warning"]
        assert f"{headline - total} not broken down" in problems[0].message
    else:
        assert problems == []


@given(monthly=st.lists(counts, min_size=1, max_size=12), stated_offset=st.integers(-50, 50), drop=st.booleans())
@settings(deadline=None)
def test_year_to_date_against_months_present(monthly, stated_offset, drop):
    rows = [{"month": f"2020-{m:02d}", "civilians": v} for m, v in enumerate(monthly, start=1)]
    present = rows[1:] if drop and len(rows) > 1 else rows
    total = sum(r["civilians"] for r in present)
    stated = max(0, total + stated_offset)
    present[-1]["ytd_civilians"] = stated
    problems = year_to_date_consistent(_tables(months=_months(present)))
    complete = len(present) == len(rows) and not (drop and len(rows) > 1)
    if complete and stated != total:
        assert [p.severity for p in problems] == ["warning"]
    elif not complete and stated < total:
        assert [p.severity for p in problems] == ["error"]
    else:
        assert problems == []
