"""The shipped package is valid, both for our validator and for the stock frictionless tool."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from civtoll.cli import main
from civtoll.validate import validate_package
from conftest import SHIPPED, find_row, set_figure


def test_shipped_package_is_valid(capsys):
    assert main(["validate", str(SHIPPED)]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith(f"{SHIPPED}: valid")



def test_the_command_flushes_its_output_and_exit_status_through_a_pipe(tmp_path):
    # the command ends its process at once (civtoll.cli.run); nothing it printed may be lost,
    # even when its output is buffered, as it is by default through a pipe
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    shipped = subprocess.run([sys.executable, "-m", "civtoll.cli", "validate", str(SHIPPED)],
                             capture_output=True, text=True, env=env)
    assert shipped.returncode == 0
    assert shipped.stdout.strip().splitlines()[-1].startswith(f"{SHIPPED}: valid")
    missing = subprocess.run([sys.executable, "-m", "civtoll.cli", "validate", "--json", str(tmp_path)],
                             capture_output=True, text=True, env=env)
    assert missing.returncode == 1
    assert json.loads(missing.stdout)["errors"] == 1

def test_stock_frictionless_validate_passes():
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(SHIPPED / "datapackage.json")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_shortfall_is_a_warning_naming_the_remainder(package):
    set_figure(package, "2020-09", "civilian_deaths", "syrian-regime", "deaths", "10")
    problems = validate_package(package)
    month_row = find_row(package / "data/months.csv", month="2020-09")
    assert all(p.severity == "warning" for p in problems)
    assert any("2020-09" in p.message and "6 not broken down" in p.message and p.column == "civilians"
               and p.row == month_row for p in problems)
    assert main(["validate", str(package)]) == 0


def test_year_to_date_revision_is_a_warning_when_the_year_so_far_is_complete(package):
    # 2019-01..03 are all present; the March report states 776, one below their sum of 777
    row = find_row(package / "data/months.csv", month="2019-03")
    problems = [p for p in validate_package(package) if p.row == row and p.column == "ytd_civilians"]
    assert [p.severity for p in problems] == ["warning"]
    assert "776" in problems[0].message and "777" in problems[0].message
