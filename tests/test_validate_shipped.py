"""The shipped package is valid, both for our validator and for the stock frictionless tool."""

from __future__ import annotations

import subprocess
import sys

from civtoll.cli import main
from civtoll.validate import validate_package
from conftest import SHIPPED, find_row, set_cell


def test_shipped_package_is_valid(capsys):
    assert main(["validate", str(SHIPPED)]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith(f"{SHIPPED}: valid")


def test_stock_frictionless_validate_passes():
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(SHIPPED / "datapackage.json")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_shortfall_is_a_warning_naming_the_remainder(package):
    row = find_row(package / "data/civilian_deaths.csv", perpetrator_id="syrian-regime")
    set_cell(package / "data/civilian_deaths.csv", row, "deaths", "10")
    problems = validate_package(package)
    assert all(p.severity == "warning" for p in problems)
    assert any("6 not broken down" in p.message and p.column == "civilians" and p.row == 2 for p in problems)
    assert main(["validate", str(package)]) == 0
