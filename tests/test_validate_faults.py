"""A corpus of broken packages, one fault each: every fault is reported at its file, row and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from civtoll.cli import main
from civtoll.validate import validate_package
from conftest import append_row, find_row, read_rows, set_cell, write_rows


def september(p: Path) -> int:
    """The row of the seed month, September 2020, in months.csv."""
    return find_row(p / "data/months.csv", month="2020-09")


def wrong_type(p: Path):
    row = september(p)
    set_cell(p / "data/months.csv", row, "civilians", "many")
    return [("months.csv", row, "civilians", "wrong-type")]


def negative_count(p: Path):
    row = find_row(p / "data/civilian_deaths.csv", month="2020-09", perpetrator_id="hts")
    set_cell(p / "data/civilian_deaths.csv", row, "deaths", "-1")
    return [("civilian_deaths.csv", row, "deaths", "constraint-broken")]


def unknown_perpetrator(p: Path):
    row = find_row(p / "data/torture_deaths.csv", month="2020-09", perpetrator_id="sdf")
    set_cell(p / "data/torture_deaths.csv", row, "perpetrator_id", "martians")
    return [("torture_deaths.csv", row, "perpetrator_id", "unknown-perpetrator")]


def unknown_pcode(p: Path):
    set_cell(p / "data/massacres.csv", 2, "governorate_pcode", "SY15")
    return [("massacres.csv", 2, "governorate_pcode", "unknown-governorate")]


def duplicate_key(p: Path):
    rows = read_rows(p / "data/governorates.csv")
    row = append_row(p / "data/governorates.csv", dict(zip(rows[0], rows[3])))
    return [("governorates.csv", row, "governorate_pcode", "duplicate-key"), ("governorates.csv", row, "governorate_pcode", "duplicate-value")]


def children_exceed_deaths(p: Path):
    row = find_row(p / "data/civilian_deaths.csv", month="2020-09", perpetrator_id="turkish-border-guards")
    set_cell(p / "data/civilian_deaths.csv", row, "children", "2")
    return [("civilian_deaths.csv", row, "deaths", "parts-exceed-total"),
            ("months.csv", september(p), "children", "breakdown-exceeds-headline"),
            ("civilian_deaths.csv", row, "children", "unsourced-figure")]  # a warning: a figure without words


def perpetrator_sum_exceeds_headline(p: Path):
    row = find_row(p / "data/civilian_deaths.csv", month="2020-09", perpetrator_id="syrian-regime")
    set_cell(p / "data/civilian_deaths.csv", row, "deaths", "30")
    return [("months.csv", september(p), "civilians", "breakdown-exceeds-headline"),
            ("provenance.csv", used_row(p, "deaths", "civilian_deaths", "syrian-regime"), "value", "used-value-differs")]


def governorate_sum_exceeds_headline(p: Path):
    path = p / "data/civilian_deaths_by_governorate.csv"
    first = append_row(path, {"month": "2020-09", "governorate_pcode": "SY02", "deaths": "80"})
    second = append_row(path, {"month": "2020-09", "governorate_pcode": "SY09", "deaths": "30"})
    return [("months.csv", september(p), "civilians", "breakdown-exceeds-headline"),
            ("civilian_deaths_by_governorate.csv", first, "deaths", "unsourced-figure"),
            ("civilian_deaths_by_governorate.csv", second, "deaths", "unsourced-figure")]


def malformed_month(p: Path):
    row = september(p)
    set_cell(p / "data/months.csv", row, "month", "2020-9")
    return [("months.csv", row, "month", "malformed-month")]


def future_month(p: Path):
    row = append_row(
        p / "data/months.csv",
        {"month": "2099-01", "published": "2099-02-01", "source_title": "t", "source_url": "https://snhr.org/",
         "headline_scope": "civilians"},
    )
    return [("months.csv", row, "month", "future-month")]


def missing_column(p: Path):
    rows = [r[:-1] for r in read_rows(p / "data/civilian_deaths.csv")]
    write_rows(p / "data/civilian_deaths.csv", rows)
    return [("civilian_deaths.csv", 1, "women", "missing-column")]


def unknown_extra_column(p: Path):
    rows = read_rows(p / "data/torture_deaths.csv")
    write_rows(p / "data/torture_deaths.csv", [rows[0] + ["comment"]] + [r + [""] for r in rows[1:]])
    return [("torture_deaths.csv", 1, "comment", "unknown-column")]


def not_utf8(p: Path):
    path = p / "data/perpetrators.csv"
    row = find_row(path, perpetrator_id="hts")
    data = path.read_bytes().replace("Hay'at Tahrir al Sham,".encode(), "Hay\xe2at Tahrir al Sham,".encode("latin-1"), 1)
    path.write_bytes(data)
    return [("perpetrators.csv", row, "name_en", "not-utf8")]


def empty_file(p: Path):
    (p / "data/personnel_deaths.csv").write_bytes(b"")
    return [("personnel_deaths.csv", None, None, "file-empty")]


def short_row(p: Path):
    path = p / "data/civilian_deaths.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = ",".join(lines[2].split(",")[:3])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [("civilian_deaths.csv", 3, "children", "short-row"), ("civilian_deaths.csv", 3, "women", "short-row")]


def missing_file(p: Path):
    (p / "data/massacres.csv").unlink()
    return [("massacres.csv", None, None, "file-missing")]


def massacre_month_mismatch(p: Path):
    set_cell(p / "data/massacres.csv", 2, "date", "2020-08-14")
    return [("massacres.csv", 2, "month", "massacre-month-mismatch")]


def massacre_too_small(p: Path):
    set_cell(p / "data/massacres.csv", 2, "deaths", "4")
    return [("massacres.csv", 2, "deaths", "constraint-broken")]


def blank_name(p: Path):
    row = find_row(p / "data/governorates.csv", governorate_pcode="SY05")
    set_cell(p / "data/governorates.csv", row, "name_en", "  ")
    return [("governorates.csv", row, "name_en", "constraint-broken")]


def published_before_month(p: Path):
    row = september(p)
    set_cell(p / "data/months.csv", row, "published", "2020-08-15")
    return [("months.csv", row, "published", "published-before-month")]


def ytd_below_months(p: Path):
    # 2020's June figure is not stated, so the year so far is incomplete: below the months present is an error
    row = september(p)
    set_cell(p / "data/months.csv", row, "ytd_civilians", "500")
    return [("months.csv", row, "ytd_civilians", "ytd-below-months"),
            ("provenance.csv", used_row(p, "ytd_civilians"), "value", "used-value-differs")]


def used_row(p: Path, field: str = "civilians", table: str = "months", row_key: str = "") -> int:
    return find_row(p / "data/provenance.csv", month="2020-09", table=table, row_key=row_key, field=field, used="true")


def quote_not_stating_its_figure(p: Path):
    row = used_row(p, "children")
    set_cell(p / "data/provenance.csv", row, "quote", "The report documents the deaths of many children.")
    return [("provenance.csv", row, "quote", "quote-not-stating")]


def unknown_source(p: Path):
    row = used_row(p, "women")
    set_cell(p / "data/provenance.csv", row, "source_id", "no-such-source")
    return [("provenance.csv", row, "source_id", "unknown-source")]


def two_used_rows(p: Path):
    rows = read_rows(p / "data/provenance.csv")
    first = used_row(p, "civilians")
    copy = dict(zip(rows[0], rows[first - 1]))
    source = read_rows(p / "data/sources.csv")[1][0]
    copy["source_id"] = source if source != copy["source_id"] else read_rows(p / "data/sources.csv")[2][0]
    row = append_row(p / "data/provenance.csv", copy)
    return [("provenance.csv", row, "used", "second-used-row")]


def used_value_differs_from_table(p: Path):
    row = used_row(p, "massacres")
    set_cell(p / "data/provenance.csv", row, "value", "2")
    set_cell(p / "data/provenance.csv", row, "quote", "SNHR documented 2 massacres")
    return [("provenance.csv", row, "value", "used-value-differs")]


def figure_without_provenance(p: Path):
    rows = read_rows(p / "data/provenance.csv")
    drop = used_row(p, "torture_deaths")
    write_rows(p / "data/provenance.csv", [r for i, r in enumerate(rows, start=1) if i != drop])
    return [("months.csv", september(p), "torture_deaths", "unsourced-figure")]


def civilian_headline_differs(p: Path):
    row = september(p)
    set_cell(p / "data/months.csv", row, "headline_killed", "200")
    return [("months.csv", row, "headline_killed", "scope-headline-mismatch"),
            ("provenance.csv", used_row(p, "headline_killed"), "value", "used-value-differs")]


def unknown_scope(p: Path):
    row = september(p)
    set_cell(p / "data/months.csv", row, "headline_scope", "martyrs")
    return [("months.csv", row, "headline_scope", "constraint-broken")]


def semicolons(p: Path):
    path = p / "data/torture_deaths.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    return [("torture_deaths.csv", 1, None, "semicolon-separated")]


def saved_in_windows_encoding(p: Path):
    path = p / "data/governorates.csv"
    text = path.read_text(encoding="utf-8")
    # what Excel writes as "CSV (Comma delimited)" on a Western Windows: cp1252, Arabic lost
    path.write_bytes("\r\n".join("SY01,Damascus,Dimashq" if line.startswith("SY01") else line
                                  for line in text.splitlines()).replace("Damascus", "Damascus é").encode("cp1252", "replace"))
    return [("governorates.csv", 2, "name_en", "not-utf8")]


def date_as_a_spreadsheet_shows_it(p: Path):
    row = september(p)
    set_cell(p / "data/months.csv", row, "published", "01/10/2020")
    return [("months.csv", row, "published", "malformed-date")]


def thousands_separator(p: Path):
    row = find_row(p / "data/months.csv", month="2019-12")
    set_cell(p / "data/months.csv", row, "ytd_civilians", "3,364")
    return [("months.csv", row, "ytd_civilians", "thousands-separator")]


FAULTS = [
    wrong_type, negative_count, unknown_perpetrator, unknown_pcode, duplicate_key,
    children_exceed_deaths, perpetrator_sum_exceeds_headline, governorate_sum_exceeds_headline,
    malformed_month, future_month, missing_column, unknown_extra_column, not_utf8, empty_file,
    short_row, missing_file, massacre_month_mismatch, massacre_too_small, blank_name,
    published_before_month, ytd_below_months,
    quote_not_stating_its_figure, unknown_source, two_used_rows, used_value_differs_from_table,
    figure_without_provenance, civilian_headline_differs, unknown_scope, semicolons, saved_in_windows_encoding,
    date_as_a_spreadsheet_shows_it, thousands_separator,
]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> set:
    """The shipped package's own problems (all warnings), which no fault test is about."""
    from conftest import SHIPPED

    return {_key(p) for p in validate_package(SHIPPED)}


def _key(problem) -> tuple:
    return Path(problem.path).name, problem.row, problem.column, problem.code


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_fault_is_reported_at_file_row_column_with_its_code(package: Path, fault, baseline):
    # the whole list: a test also fails when an extra, wrong problem appears
    expected = fault(package)
    found = {_key(p) for p in validate_package(package)} - baseline
    assert sorted(found, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_fault_is_reported_as_text_and_json(package: Path, fault, capsys):
    filename, row, column, code = fault(package)[0]
    assert main(["validate", str(package)]) == 1
    lines = capsys.readouterr().out.splitlines()
    expected = f"{package / 'data' / filename}:{'' if row is None else row}:{column or ''}: "
    assert any(line.startswith(expected) and line.endswith(f"[{code}]") for line in lines), "\n".join(lines)
    assert not any("Traceback" in line for line in lines)
    assert main(["validate", "--json", str(package)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert any(p["path"].endswith(filename) and p["row"] == row and p["column"] == column and p["code"] == code
               for p in report["problems"]), report["problems"]


def test_every_code_is_documented_in_one_place():
    import re
    import yaml

    from civtoll import paths

    documented = yaml.safe_load((paths.ROOT / "civtoll/validate/codes.yml").read_text(encoding="utf-8"))
    source = "".join(p.read_text(encoding="utf-8") for p in (paths.ROOT / "civtoll/validate").glob("*.py"))
    used = set(re.findall(r'code="([a-z0-9-]+)"', source))
    from civtoll.validate.files import _cell_problem
    from civtoll.validate.schema import FRICTIONLESS_CODES, UNKNOWN_CODES

    used |= set(FRICTIONLESS_CODES.values()) | set(UNKNOWN_CODES.values())
    used |= {_cell_problem(v, k)[1] for v, k in (("2020-9", "yearmonth"), ("1/10/2020", "date"), ("1,234", "integer"),
                                               ("=1", "string"))}
    assert used <= set(documented), used - set(documented)
    assert all(entry["severity"] and entry["meaning"] for entry in documented.values())


def test_every_problem_is_reported_not_just_the_first(package: Path, capsys):
    negative_count(package)
    wrong_type(package)
    assert main(["validate", str(package)]) == 1
    out = capsys.readouterr().out
    assert f"months.csv:{september(package)}:civilians:" in out and "civilian_deaths.csv:" in out and ":deaths:" in out


def test_a_spreadsheet_save_is_accepted(package: Path, capsys):
    """CSV UTF-8 as Excel and LibreOffice save it: a byte-order mark, Windows line ends, every field quoted."""
    import csv

    for name in ("months.csv", "civilian_deaths.csv", "provenance.csv"):
        path = package / "data" / name
        rows = read_rows(path)
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    assert main(["validate", str(package)]) == 0, capsys.readouterr().out


def test_a_formula_like_text_is_a_warning(package: Path, capsys):
    row = september(package)
    set_cell(package / "data/months.csv", row, "notes", "=HYPERLINK(\"http://example.org\")")
    assert main(["validate", str(package)]) == 0
    out = capsys.readouterr().out
    assert f"months.csv:{row}:notes: warning: " in out and "formula" in out


def test_the_share_of_quoted_figures_is_printed(package: Path, capsys):
    assert main(["validate", str(package)]) == 0
    out = capsys.readouterr().out
    for table in ("months", "civilian_deaths", "torture_deaths", "personnel_deaths", "massacres"):
        assert f"figures with quoted source words, {table}: " in out
    assert "figures with quoted source words, months: " in out and "(100.0%)" in out
