"""The synthetic package generator: valid, byte-for-byte reproducible, prefix-stable, never into datapackage/."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from civtoll.problems import errors
from civtoll.validate import validate_package
from conftest import ROOT

SCRIPT = ROOT / "scripts" / "synthesize.py"


def synthesize(months: int, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--months", str(months), "--out", str(out)],
                          capture_output=True, text=True)


def test_output_is_valid_and_reproducible(tmp_path):
    assert synthesize(30, tmp_path / "a").returncode == 0
    assert synthesize(30, tmp_path / "b").returncode == 0
    for a in sorted((tmp_path / "a").rglob("*")):
        if a.is_file():
            assert a.read_bytes() == (tmp_path / "b" / a.relative_to(tmp_path / "a")).read_bytes(), a.name
    problems = validate_package(tmp_path / "a", today=dt.date(2026, 1, 1))
    assert errors(problems) == [], errors(problems)[:5]
    months = (tmp_path / "a/data/months.csv").read_text().splitlines()
    assert months[1].startswith("2011-03,") and len(months) == 31


def test_first_n_months_equal_across_lengths(tmp_path):
    synthesize(14, tmp_path / "short")
    synthesize(15, tmp_path / "long")
    for short in sorted((tmp_path / "short/data").glob("*.csv")):
        long_lines = (tmp_path / "long/data" / short.name).read_text().splitlines()
        short_lines = short.read_text().splitlines()
        kept = [line for line in long_lines if not line.startswith("2012-05")]
        if short.name == "massacres.csv":
            kept = [line for line in long_lines if ",2012-05," not in line]
        assert kept == short_lines, short.name


def test_refuses_to_write_into_the_shipped_package():
    before = (ROOT / "datapackage/data/months.csv").read_bytes()
    result = synthesize(2, ROOT / "datapackage")
    assert result.returncode != 0 and "refusing" in result.stderr
    assert (ROOT / "datapackage/data/months.csv").read_bytes() == before
