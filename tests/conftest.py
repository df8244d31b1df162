"""Shared fixtures: a writable copy of the shipped package, and helpers to break it one fault at a time."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "datapackage"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the shipped data package that a test may damage."""
    target = tmp_path / "datapackage"
    shutil.copytree(SHIPPED, target)
    return target


def read_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set a cell addressed as a spreadsheet user would: row 1 is the header."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def append_row(path: Path, values: dict[str, str]) -> int:
    rows = read_rows(path)
    rows.append([values.get(name, "") for name in rows[0]])
    write_rows(path, rows)
    return len(rows)


def find_row(path: Path, **match: str) -> int:
    rows = read_rows(path)
    header = rows[0]
    for number, row in enumerate(rows[1:], start=2):
        if all(row[header.index(k)] == v for k, v in match.items()):
            return number
    raise LookupError(match)


def keep_months(package: Path, months: set[str]) -> None:
    """Reduce a package copy to some months, so a test build draws few charts."""
    for csv_path in (package / "data").glob("*.csv"):
        rows = read_rows(csv_path)
        if "month" not in rows[0]:
            continue
        column = rows[0].index("month")
        write_rows(csv_path, [rows[0]] + [r for r in rows[1:] if r[column] in months])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once from the shipped package, for tests that only read it."""
    from civtoll.build import build_site

    out = tmp_path_factory.mktemp("shipped") / "site"
    build_site(SHIPPED, out)
    return out


def page_text(html_path: Path) -> str:
    """The visible text of a page's article, whitespace collapsed, as a reader sees it."""
    import html as html_lib
    import re

    text = html_path.read_text(encoding="utf-8")
    article = text[text.index("<article"): text.index("</article>")]
    article = re.sub(r"<(script|style)\b.*?</\1>", " ", article, flags=re.S)
    article = re.sub(r'<a class="headerlink".*?</a>', " ", article, flags=re.S)
    article = re.sub(r"<[^>]+>", " ", article)
    return re.sub(r"\s+", " ", html_lib.unescape(article)).strip()


def set_figure(package: Path, month: str, table: str, row_key: str, field: str, value: str) -> None:
    """Change a figure and the used provenance row that states it (its value and words), as an
    editor correcting a transcription would: the package stays valid."""
    from civtoll.figures import FIGURES

    keys = FIGURES[table][0]
    path = package / "data" / f"{table}.csv"
    match = {"month": month, **dict(zip(keys, row_key.split("/") if row_key else []))}
    set_cell(path, find_row(path, **match), field, value)
    provenance = package / "data" / "provenance.csv"
    row = find_row(provenance, month=month, table=table, row_key=row_key, field=field, used="true")
    set_cell(provenance, row, "value", value)
    set_cell(provenance, row, "quote", f"Test figure: {value}")
