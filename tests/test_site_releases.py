"""Releases, revisions, citations and the files for partners' tools, as the built site serves them,
from a fixture of two releases in which a figure was revised (the real site carries only real
releases, never altered figures)."""

from __future__ import annotations

import hashlib
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import SHIPPED, find_row, keep_months, read_rows, set_figure


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> tuple[Path, Path]:
    """(package, site): release 2026-01-01, then September 2020's Syrian Regime forces figure
    lowered by one, release 2026-02-01, then the site built."""
    from civtoll.build import build_site
    from civtoll.cli import main

    root = tmp_path_factory.mktemp("released")
    package = root / "datapackage"
    shutil.copytree(SHIPPED, package)
    shutil.rmtree(package / "releases", ignore_errors=True)
    keep_months(package, {"2020-08", "2020-09"})
    assert main(["release", "--package", str(package), "--date", "2026-01-01"]) == 0
    rows = read_rows(package / "data" / "civilian_deaths.csv")
    row = rows[find_row(package / "data" / "civilian_deaths.csv", month="2020-09", perpetrator_id="syrian-regime") - 1]
    old = int(row[rows[0].index("deaths")])
    set_figure(package, "2020-09", "civilian_deaths", "syrian-regime", "deaths", str(old - 1))
    assert main(["release", "--package", str(package), "--date", "2026-02-01"]) == 0
    site = root / "site"
    build_site(package, site)
    return package, site


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_release_is_served_byte_for_byte_and_the_newest_as_latest(released):
    package, site = released
    for date in ("2026-01-01", "2026-02-01"):
        kept = package / "releases" / date
        files = [p for p in kept.rglob("*") if p.is_file()]
        assert len(files) >= 13
        for file in files:
            served = site / "data" / "releases" / date / file.relative_to(kept)
            assert served.read_bytes() == file.read_bytes(), served
    latest = site / "data" / "latest"
    assert (latest / "datapackage.json").read_bytes() == (package / "releases/2026-02-01/datapackage.json").read_bytes()
    assert json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))["version"] == "2026-02-01"


def test_a_revised_figure_shows_in_a_revisions_box_and_the_changelog(released):
    _, site = released
    for prefix in ("", "ar/"):
        box = _soup(site / prefix / "months/2020-09/index.html").select_one("#revisions")
        assert box is not None, prefix
        table = box.find_next("table")
        cells = [c.get_text(" ", strip=True) for c in table.select("tbody tr")[0].find_all(["th", "td"])]
        assert cells[1:4] == ["16", "15", "2026-02-01"], cells
        assert "snhr-en-2020-10-01" in cells[4]  # the reason names the source of the new figure
        assert table.select_one("a[href]")["href"].endswith("data/releases/2026-02-01/")
        assert _soup(site / prefix / "months/2020-08/index.html").select_one("#revisions") is None
        changelog = _soup(site / prefix / "changelog/index.html")
        assert changelog.select_one("#release-2026-02-01") and changelog.select_one("#release-2026-01-01")
        row = changelog.select_one("#release-2026-02-01").find_next("table").select("tbody tr")
        assert len(row) == 1 and "16" in row[0].get_text() and "15" in row[0].get_text()


def test_citations_parse_back_in_every_format(released):
    import bibtexparser
    import rispy

    from civtoll.exports.citation import csl_errors

    _, site = released
    for page in ("months/2020-09", "years/2020", "data", "ar/months/2020-09"):
        folder = site / page
        paragraph = _soup(folder / "index.html").select_one("#cite").find_next("p", class_="cite")
        line = paragraph.get_text()
        assert f"{page}/" in line and "2026-02-01" in line
        # the address reads left to right inside an Arabic line, and copies as it is
        assert paragraph.select_one('bdi[dir="ltr"]').get_text().endswith(f"{page}/")
        library = bibtexparser.parse_string((folder / "cite.bib").read_text(encoding="utf-8"))
        assert len(library.entries) == 1 and library.entries[0]["url"].endswith(f"{page}/")
        entries = rispy.loads((folder / "cite.ris").read_text(encoding="utf-8"))
        assert len(entries) == 1 and entries[0]["urls"][0].endswith(f"{page}/")
        items = json.loads((folder / "cite.json").read_text(encoding="utf-8"))
        assert csl_errors(items) == [] and items[0]["version"] == "2026-02-01"


def test_the_data_page_describes_the_dataset_for_search_engines(released):
    _, site = released
    script = _soup(site / "data/index.html").select_one('script[type="application/ld+json"]')
    dataset = json.loads(script.string)
    assert dataset["@type"] == "Dataset"
    for key in ("name", "description", "license", "creator", "temporalCoverage", "spatialCoverage", "distribution",
                "version"):
        assert dataset.get(key), key
    assert dataset["version"] == "2026-02-01" and dataset["temporalCoverage"].endswith("/2020-09")
    for download in dataset["distribution"]:
        assert download["contentUrl"].startswith("https://") and download["encodingFormat"]
        local = site / download["contentUrl"].split(".org/", 1)[1]
        assert local.is_file(), local


def test_every_export_is_listed_with_its_real_size_and_checksum(released):
    _, site = released
    rows = _soup(site / "data/index.html").select("#exports ~ div table tbody tr, #releases ~ div table tbody tr")
    checked = 0
    for row in rows:
        link, sha = row.select_one("a[href]"), row.select_one("td:last-child code")
        if sha is None:
            continue
        target = (site / "data" / link["href"]).resolve()
        assert hashlib.sha256(target.read_bytes()).hexdigest() == sha.get_text(), target
        checked += 1
    assert checked >= 15  # the workbook, a HXL file per table, the API index and schemas, the releases


def test_the_feed_lists_releases_and_months(released):
    _, site = released
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    links = [e.find(f"{atom}link").get("href") for e in feed.findall(f"{atom}entry")]
    assert any(link.endswith("data/releases/2026-02-01/") for link in links)
    assert any(link.endswith("months/2020-09/") for link in links)
    assert feed.find(f"{atom}updated").text.startswith("2026-02-01")


def test_the_exports_load_in_partners_tools_with_the_package_figures(released):
    import io

    import hxl
    import jsonschema
    import openpyxl

    _, site = released
    month = json.loads((site / "api/v1/months/2020-09.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "api/v1/schema/month.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(month, schema)
    deaths = {r["perpetrator_id"]: int(r["deaths"]) for r in _records(site / "data/package/data/civilian_deaths.csv")
              if r["month"] == "2020-09"}
    assert deaths["syrian-regime"] == 15
    dataset = hxl.data(io.BytesIO((site / "data/hxl/civilian_deaths_hxl.csv").read_bytes()))
    assert any(column.tag == "#affected" for column in dataset.columns)
    workbook = openpyxl.load_workbook(site / "data/syria-civilian-deaths.xlsx", read_only=True)
    assert workbook.sheetnames[0].lower().startswith("readme") and "civilian_deaths" in workbook.sheetnames


def _records(path: Path) -> list[dict]:
    import csv

    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_published_csv_loads_unmodified_from_its_address(released):
    # as a partner would: pandas.read_csv(url), and frictionless validate on the release's descriptor URL
    import frictionless
    import pandas as pd

    from siteserver import serve

    _, site = released
    csvs = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.csv") if "releases" not in p.parts)
    csvs += ["data/releases/2026-02-01/data/provenance.csv"]
    with serve(site) as origin:
        for path in csvs:
            frame = pd.read_csv(f"{origin}/{path}", header=[0, 1] if "/hxl/" in path else 0)
            assert len(frame.columns) > 1, path
        quotes = pd.read_csv(f"{origin}/data/package/data/provenance.csv")["quote"].dropna()
        assert not quotes.str.match(r"[=+\-@]").any()  # no cell a spreadsheet would run as a formula
        for descriptor in ("data/package/datapackage.json", "data/releases/2026-02-01/datapackage.json"):
            report = frictionless.validate(f"{origin}/{descriptor}")
            assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
