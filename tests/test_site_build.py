"""Building the site: pages, downloads, safety of the previous site, escaping, and rebuild behaviour."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from civtoll.build import build_site
from civtoll.cli import main
from civtoll.problems import InvalidPackage
from conftest import find_row, keep_months, page_text, set_cell


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def small_package(package):
    keep_months(package, {"2020-08", "2020-09"})
    return package


def test_every_page_type_is_built(built_site):
    for page in ("index.html", "months/index.html", "months/2020-09/index.html", "years/index.html",
                 "years/2020/index.html", "data/index.html", "methodology/index.html",
                 "data/sources/index.html", "data/reconciliation/index.html"):
        assert (built_site / page).is_file(), page
    home = page_text(built_site / "index.html")
    assert "Latest month: December 2025" in home


def test_data_page_lists_every_file_with_its_real_checksum(built_site):
    text = page_text(built_site / "data/index.html")
    files = ["syria-civilian-deaths.zip", "package/datapackage.json"] + [
        f"package/data/{name}.csv" for name in ("months", "perpetrators", "governorates", "civilian_deaths",
                                                 "civilian_deaths_by_governorate", "torture_deaths",
                                                 "personnel_deaths", "massacres")]
    for name in files:
        digest = hashlib.sha256((built_site / "data" / name).read_bytes()).hexdigest()
        assert digest in text, name
    with zipfile.ZipFile(built_site / "data/syria-civilian-deaths.zip") as archive:
        assert "syria-civilian-deaths/data/months.csv" in archive.namelist()
    assert "perpetrator_id" in text and "SY14" in text and "Quneitra" in text  # codebook and codes


def test_invalid_package_leaves_previous_site_untouched(small_package, tmp_path, capsys):
    out = tmp_path / "site"
    build_site(small_package, out)
    before = tree_digest(out)
    row = find_row(small_package / "data/civilian_deaths.csv", month="2020-09", perpetrator_id="hts")
    set_cell(small_package / "data/civilian_deaths.csv", row, "perpetrator_id", "unknown-party")
    with pytest.raises(InvalidPackage):
        build_site(small_package, out)
    assert main(["build", "--package", str(small_package), "--out", str(out), "--quiet"]) == 1
    assert "civilian_deaths.csv" in capsys.readouterr().err
    assert tree_digest(out) == before


def test_text_from_the_data_is_escaped(small_package, tmp_path):
    row = find_row(small_package / "data/perpetrators.csv", perpetrator_id="hts")
    set_cell(small_package / "data/perpetrators.csv", row, "name_en", "<script>alert(1)</script> *x* | y")
    out = tmp_path / "site"
    build_site(small_package, out)
    html = (out / "months/2020-09/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert re.search(r"(&lt;|&#60;)script(&gt;|&#62;)alert\(1\)", html)
    assert "<script>alert(1)</script> *x* | y : 1" in page_text(out / "months/2020-09/index.html")


def test_unchanged_input_is_not_rebuilt_and_a_change_is(small_package, tmp_path):
    out = tmp_path / "site"
    build_site(small_package, out)
    assert "up to date" in build_site(small_package, out)
    row = find_row(small_package / "data/months.csv", month="2020-09")
    set_cell(small_package / "data/months.csv", row, "notes", "A changed note.")
    assert "built" in build_site(small_package, out)
    assert "A changed note." in page_text(out / "months/2020-09/index.html")


def test_month_with_governorate_rows_draws_them(small_package, tmp_path):
    from conftest import append_row

    for code, deaths in (("SY02", "30"), ("SY09", "16")):
        append_row(small_package / "data/civilian_deaths_by_governorate.csv",
                   {"month": "2020-09", "governorate_pcode": code, "deaths": deaths})
    out = tmp_path / "site"
    build_site(small_package, out)
    text = page_text(out / "months/2020-09/index.html")
    assert "not available for this month" not in text.split("Civilian deaths by governorate")[1][:200]
    assert "Aleppo : 30 (29.4%)" in text and "Deir-ez-Zor : 16 (15.7%)" in text
    assert "Not broken down in the available sources : 56 (54.9%)" in text
    assert (out / "months/2020-09/charts/by-governorate.svg").is_file()


def test_a_placeholder_site_address_is_recognised():
    # citations and canonical links carry site_url: a build for publishing must not keep an example address
    from civtoll.build import placeholder_address

    assert placeholder_address("https://civtoll.example.org/")
    assert placeholder_address("")
    assert placeholder_address("http://localhost:8000/")
    assert not placeholder_address("https://data.snhr.org/civtoll/")
    assert not placeholder_address("https://civtoll.org/")
