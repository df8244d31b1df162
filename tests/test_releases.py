"""Releases (each published state of the package, kept forever) and the revisions between them."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from civtoll.cli import main
from civtoll.releases import latest, list_releases, release_dir, release_files, unstamped, verify, zip_name
from civtoll.revisions import changelog, revisions
from conftest import SHIPPED, find_row, keep_months, read_rows, set_cell, set_figure, write_rows

A, B = "2026-01-01", "2026-02-01"
MONTHS = {"2020-09", "2020-10"}


@pytest.fixture
def small(package: Path) -> Path:
    """The shipped package reduced to two months, without the shipped releases."""
    shutil.rmtree(package / "releases", ignore_errors=True)
    keep_months(package, MONTHS)
    return package


def release(package: Path, date: str) -> int:
    return main(["release", "--package", str(package), "--date", date])


def delete_rows(path: Path, **match: str) -> None:
    rows = read_rows(path)
    header = rows[0]
    write_rows(path, [rows[0]] + [r for r in rows[1:] if not all(r[header.index(k)] == v for k, v in match.items())])


def test_a_corrected_figure_is_one_revision_naming_its_source_and_the_old_release_stays_as_it_was(small):
    assert release(small, A) == 0
    before = release_files(small, A)
    set_figure(small, "2020-09", "civilian_deaths", "syrian-regime", "deaths", "15")
    assert release(small, B) == 0

    assert list_releases(small) == [A, B] and latest(small) == B
    assert release_files(small, A) == before
    [change] = revisions(small)
    assert {k: change[k] for k in ("release", "previous_release", "kind", "table", "month", "row_key", "field",
                                   "old", "new", "source_id")} == {
        "release": B, "previous_release": A, "kind": "changed", "table": "civilian_deaths", "month": "2020-09",
        "row_key": "syrian-regime", "field": "deaths", "old": 16, "new": 15, "source_id": "snhr-en-2020-10-01"}
    assert "snhr-en-2020-10-01" in change["reason"] and "Extrajudicial Killing" in change["reason"]
    assert "Test figure: 15" in change["reason"]

    newest, first = changelog(small)
    assert (newest["release"], newest["previous"], newest["added_months"], newest["changes"]) == (B, A, [], [change])
    assert (first["release"], first["previous"], first["added_months"], first["changes"]) == (A, None, sorted(MONTHS), [])
    assert first["files"] == {path: hashlib.sha256(data).hexdigest() for path, data in before.items()}
    assert zip_name(A) in first["files"] and "data/months.csv" in first["files"]


def test_added_months_removed_rows_and_figures_gone_empty(small, tmp_path):
    both = tmp_path / "both"
    shutil.copytree(small, both)
    keep_months(small, {"2020-09"})
    assert release(small, A) == 0
    for csv in (both / "data").glob("*.csv"):
        shutil.copy2(csv, small / "data" / csv.name)
    # a figure emptied (the source no longer taken to state it) and a row taken out, with their provenance
    row = find_row(small / "data/civilian_deaths.csv", month="2020-09", perpetrator_id="syrian-regime")
    set_cell(small / "data/civilian_deaths.csv", row, "children", "")
    delete_rows(small / "data/provenance.csv", month="2020-09", table="civilian_deaths", row_key="syrian-regime",
                field="children")
    set_cell(small / "data/months.csv", find_row(small / "data/months.csv", month="2020-09"), "media", "")  # was 0
    delete_rows(small / "data/provenance.csv", month="2020-09", table="months", field="media")
    delete_rows(small / "data/civilian_deaths.csv", month="2020-09", perpetrator_id="hts")
    delete_rows(small / "data/provenance.csv", month="2020-09", table="civilian_deaths", row_key="hts")
    assert release(small, B) == 0

    changes = revisions(small)
    got = [(c["kind"], c["table"], c["month"], c["row_key"], c["field"], c["old"], c["new"]) for c in changes]
    assert got == [
        ("changed", "months", "2020-09", "", "media", 0, None),
        ("removed", "civilian_deaths", "2020-09", "hts", "deaths", 1, None),
        ("changed", "civilian_deaths", "2020-09", "syrian-regime", "children", 2, None),
        ("added", "months", "2020-10", "", None, None, None),
    ]
    notes = {r[0]: r[-1] for r in read_rows(small / "data/months.csv")}
    assert notes["2020-10"] and changes[-1]["reason"] == notes["2020-10"]
    assert changes[0]["reason"] == notes["2020-09"] and changes[0]["source_id"] is None
    assert changelog(small)[0]["added_months"] == ["2020-10"]


def test_release_refuses_when_nothing_changed_the_date_exists_or_the_package_is_invalid(small, capsys):
    assert release(small, A) == 0
    kept = release_files(small, A)
    capsys.readouterr()

    assert release(small, B) == 1
    assert "nothing changed since the latest release 2026-01-01" in capsys.readouterr().err
    assert not release_dir(small, B).exists()

    set_figure(small, "2020-09", "civilian_deaths", "syrian-regime", "deaths", "15")
    assert release(small, A) == 1
    assert "already exists" in capsys.readouterr().err
    assert release(small, "2025-12-31") == 1  # before the latest: it would rewrite history
    assert not release_dir(small, "2025-12-31").exists()

    row = find_row(small / "data/months.csv", month="2020-09")
    set_cell(small / "data/months.csv", row, "civilians", "many")
    assert release(small, B) == 1
    err = capsys.readouterr().err
    assert "months.csv" in err and "[" in err and "the package is invalid" in err and "nothing was written" in err
    assert not release_dir(small, B).exists()
    assert list_releases(small) == [A] and release_files(small, A) == kept
    assert [p.name for p in (small / "releases").iterdir()] == [A]  # no half-written folder either


def test_a_release_holds_the_package_as_published_with_its_version_hashes_and_zip(small):
    assert release(small, A) == 0
    files = release_files(small, A)
    package = json.loads((small / "datapackage.json").read_bytes())
    described = json.loads(files["datapackage.json"])
    assert described["version"] == A
    assert unstamped(described) == unstamped(package)
    csvs = {r["path"] for r in package["resources"]}
    assert set(files) == {"datapackage.json", zip_name(A)} | csvs
    for resource in described["resources"]:
        data = files[resource["path"]]
        assert data == (small / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["bytes"] == len(data)

    with zipfile.ZipFile(io.BytesIO(files[zip_name(A)])) as archive:
        members = {info.filename.removeprefix("syria-civilian-deaths/"): archive.read(info) for info in archive.infolist()}
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    assert members == {path: data for path, data in files.items() if path != zip_name(A)}
    assert verify(small, A) == []

    # the stock tool checks every resource's bytes and hash: the release is a valid package on its own
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", str(release_dir(small, A) / "datapackage.json")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_verify_finds_a_tampered_release(small):
    assert release(small, A) == 0
    months = release_dir(small, A) / "data/months.csv"
    months.write_bytes(months.read_bytes() + b"\n")
    assert verify(small, A) == [f"{A}: data/months.csv does not match its bytes and hash",
                                f"{A}: {zip_name(A)} does not hold exactly the release's files"]


def test_the_shipped_releases_are_intact_and_the_package_stays_valid_with_them():
    for date in list_releases(SHIPPED):
        assert verify(SHIPPED, date) == [], date
    assert main(["validate", str(SHIPPED)]) == 0
