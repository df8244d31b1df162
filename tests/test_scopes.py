"""A series never mixes what headlines count: a year spanning scopes is shown by scope, never summed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, find_row, read_rows, set_cell, write_rows


@pytest.fixture(scope="module")
def mixed_year(tmp_path_factory) -> Path:
    """A synthetic 2011-03..2012-12 package in which March to May 2012 headline everyone killed."""
    out = tmp_path_factory.mktemp("mixed") / "package"
    subprocess.run([sys.executable, str(ROOT / "scripts/synthesize.py"), "--months", "22", "--out", str(out)], check=True)
    months = out / "data/months.csv"
    prov = out / "data/provenance.csv"
    for month in ("2012-03", "2012-04", "2012-05"):
        row = find_row(months, month=month)
        headline = int(read_rows(months)[row - 1][read_rows(months)[0].index("headline_killed")]) + 1000
        set_cell(months, row, "headline_killed", str(headline))
        set_cell(months, row, "headline_scope", "all_victims")
        rows = read_rows(prov)
        header = rows[0]
        for r in rows[1:]:
            if r[0] == month and r[1] == "months" and r[3] == "headline_killed":
                r[header.index("value")] = str(headline)
                r[header.index("quote")] = f"Synthetic figure, not real: {headline}"
        write_rows(prov, rows)
    return out


def test_the_mixed_package_is_valid(mixed_year, capsys):
    from civtoll.cli import main

    assert main(["validate", str(mixed_year), "--as-of", "2030-01-01"]) == 0, capsys.readouterr().out


def test_a_year_spanning_scopes_sums_each_scope_apart(mixed_year):
    from civtoll.derive import Derivation
    from civtoll.load import read_tables

    derivation = Derivation(read_tables(mixed_year))
    year = derivation.year("2012")
    assert year["mixed"] and year["scopes"] == ["all_victims", "civilians"]
    figures = year["figures"]
    for scope in ("all_victims", "civilians"):
        expected = sum(f["headline_killed"] for f in figures.values() if f["headline_scope"] == scope)
        assert year["headlines"][scope]["total"] == expected
    assert not derivation.year("2011")["mixed"]


def test_a_chart_spanning_scopes_colours_each_and_stacks_none(mixed_year):
    from civtoll.charts import Charts
    from civtoll.derive import Derivation
    from civtoll.load import read_tables

    derivation = Derivation(read_tables(mixed_year))
    orders = derivation.sort_orders()
    charts = Charts("en", orders, {pid: derivation.perpetrator_name(pid) for pid in orders}, "code")
    year = derivation.year("2012")
    chart = charts.define("year", "2012", year["series"], year["scope_series"], year["mixed"])
    values = chart.spec["data"]["values"]
    assert len(values) == len({v["date"] for v in values}) == 12  # one bar a month: nothing added up
    assert {v["scope"] for v in values} == {"Civilians", "Everyone killed, fighters included"}
    assert chart.spec["encoding"]["color"]["scale"]["range"][:2] != [None, None]
    assert "never added together" in chart.description
    history = charts.define("history", derivation.history())
    assert len(history.spec["data"]["values"]) == 22
