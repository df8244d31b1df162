"""Adding a month redoes only what changed, and gives exactly the site a full build gives."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

from civtoll.build import build_site
from conftest import SHIPPED, keep_months


def digest(root):
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def package_of(months: set[str], target):
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(SHIPPED, target)
    keep_months(target, months)
    return target


def test_adding_a_month_gives_the_same_site_as_a_full_build(tmp_path):
    before = {"2020-07", "2020-08"}
    after = before | {"2020-09"}
    package = tmp_path / "datapackage"
    site = tmp_path / "published" / "site"
    build_site(package_of(before, package), site)

    # every file of the published site, linked elsewhere: a build that wrote into a published
    # file instead of replacing it would change these too
    witness = tmp_path / "witness"
    subprocess.run(["cp", "-al", str(site), str(witness)], check=True)
    published = digest(site)

    messages = []
    build_site(package_of(after, package), site, progress=messages.append)
    assert any("only changed pages are rebuilt" in m for m in messages), messages

    fresh = tmp_path / "fresh" / "site"
    build_site(package, fresh)
    incremental, full = digest(site), digest(fresh)
    assert incremental.keys() == full.keys()
    assert [name for name in full if incremental[name] != full[name]] == []
    assert "months/2020-09/index.html" in incremental
    assert digest(witness) == published


def test_a_change_to_the_code_theme_or_configuration_rebuilds_everything(tmp_path, monkeypatch):
    package = package_of({"2020-08", "2020-09"}, tmp_path / "datapackage")
    site = tmp_path / "site"
    build_site(package, site)
    from civtoll import cache

    # what editing any file of civtoll/, docs/ or mkdocs.yml does (test_cache checks that it does)
    monkeypatch.setattr(cache, "code_key", lambda mode="": "another theme")
    (package / "notes.txt").write_text("Changed.\n", encoding="utf-8")  # any change to the input
    messages = []
    build_site(package, site, progress=messages.append)
    assert not any("only changed pages are rebuilt" in m for m in messages)


def test_a_change_seen_only_in_another_months_chart_redoes_that_page(tmp_path):
    # August's figures by party appear in September's page only inside its year-to-date chart
    # and table (blocks put in after MkDocs), not in September's text
    from conftest import read_rows, set_figure

    months = {"2020-08", "2020-09"}
    package = package_of(months, tmp_path / "datapackage")
    site = tmp_path / "published" / "site"
    build_site(package, site)

    path = package / "data" / "civilian_deaths.csv"
    rows = read_rows(path)
    month, deaths, party = rows[0].index("month"), rows[0].index("deaths"), rows[0].index("perpetrator_id")
    row = next(r for r in rows[1:] if r[month] == "2020-08" and r[deaths] not in ("", "0"))
    # one fewer assigned: the remainder row grows
    set_figure(package, "2020-08", "civilian_deaths", row[party], "deaths", str(int(row[deaths]) - 1))
    build_site(package, site)

    fresh = tmp_path / "fresh" / "site"
    build_site(package, fresh)
    incremental, full = digest(site), digest(fresh)
    assert [name for name in full if incremental.get(name) != full[name]] == []


def test_a_chart_no_longer_drawn_leaves_the_site(tmp_path):
    from conftest import read_rows, write_rows

    package = package_of({"2020-08", "2020-09"}, tmp_path / "datapackage")
    site = tmp_path / "published" / "site"
    build_site(package, site)
    chart = site / "months/2020-09/charts/torture-by-perpetrator.svg"
    assert chart.is_file()

    path = package / "data" / "torture_deaths.csv"
    rows = read_rows(path)
    month = rows[0].index("month")
    write_rows(path, [rows[0]] + [r for r in rows[1:] if r[month] != "2020-09"])
    provenance = read_rows(package / "data" / "provenance.csv")  # and the sources of those figures
    write_rows(package / "data" / "provenance.csv",
               [r for r in provenance if not (r[0] == "2020-09" and r[1] == "torture_deaths")])
    build_site(package, site)
    assert not chart.exists()
    assert not chart.with_suffix(".vl.json").exists()

    fresh = tmp_path / "fresh" / "site"
    build_site(package, fresh)
    assert digest(site) == digest(fresh)


def test_after_a_failed_build_the_next_one_still_leaves_the_published_site_alone(tmp_path, monkeypatch):
    # the failed build has already written the new month's docs (the zip, the CSVs, the cite
    # files), so the next build finds them unchanged in the docs directory, yet newer than the
    # published site's copies: they must not be linked into the copy that MkDocs rewrites
    from civtoll import generators

    package = tmp_path / "datapackage"
    site = tmp_path / "published" / "site"
    build_site(package_of({"2020-07", "2020-08"}, package), site)
    witness = tmp_path / "witness"
    subprocess.run(["cp", "-al", str(site), str(witness)], check=True)
    published = digest(site)

    def fails(*args, **kwargs):
        raise generators.MkDocsFailed("a failure after the pages were written")
    with monkeypatch.context() as patched:
        patched.setattr(generators, "mkdocs_build", fails)
        try:
            build_site(package_of({"2020-07", "2020-08", "2020-09"}, package), site)
        except generators.MkDocsFailed:
            pass
        else:
            raise AssertionError("the build should have failed")
    assert digest(site) == published

    messages = []
    build_site(package, site, progress=messages.append)
    assert any("only changed pages are rebuilt" in m for m in messages), messages
    assert digest(witness) == published
    fresh = tmp_path / "fresh" / "site"
    build_site(package, fresh)
    incremental, full = digest(site), digest(fresh)
    assert [name for name in full if incremental.get(name) != full[name]] == []
    assert incremental.keys() == full.keys()
