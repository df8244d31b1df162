"""File-level checks that must pass before any row can be read: presence, encoding, header.

Frictionless reports a non-UTF-8 file as "the source is empty" and a missing column as a cascade of
mislabelled ones, so these faults are caught here first, each with a message a data editor can act on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from .. import descriptor as desc
from .. import paths
from ..problems import WARNING, Problem

MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# what a spreadsheet writes for a date or a count when its cell is formatted for display
LOCAL_DATE = re.compile(r"[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}")
GROUPED_COUNT = re.compile(r"[0-9]{1,3}([,.\u00a0 '][0-9]{3})+")
FORMULA_START = tuple("=+-@")
CHECKED = ("yearmonth", "date", "integer", "string")  # the kinds of cell _cell_problem looks at
HOW_TO_SAVE = ("save it as CSV UTF-8 with commas: in LibreOffice, File > Save As, file type 'Text CSV', "
               "character set 'Unicode (UTF-8)', field delimiter ','; in Excel, File > Save As, "
               "'CSV UTF-8 (Comma delimited)'")


def check_descriptor(package_dir: Path) -> tuple[dict | None, list[Problem]]:
    path = Path(package_dir) / paths.DESCRIPTOR
    shown = str(path)
    if not path.is_file():
        return None, [Problem(shown, None, None, "data package descriptor not found", code="descriptor-missing")]
    try:
        return desc.load(package_dir), []
    except UnicodeDecodeError:
        return None, [Problem(shown, None, None, "descriptor is not UTF-8 text", code="descriptor-not-utf8")]
    except json.JSONDecodeError as e:
        return None, [Problem(shown, e.lineno, None, f"descriptor is not valid JSON: {e.msg}", code="descriptor-invalid-json")]


def check_structure(package_dir: Path, resource: dict) -> list[Problem]:
    """Problems that make the file unreadable as a table; any of them stops validation."""
    shown = desc.display_path(package_dir, resource)
    path = Path(package_dir) / resource["path"]
    if not path.is_file():
        return [Problem(shown, None, None, "file not found", code="file-missing")]
    data = path.read_bytes()
    if not data.strip():
        return [Problem(shown, None, None, "file is empty: expected a header row", code="file-empty")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [_encoding_problem(shown, data, e, desc.field_names(resource))]
    header = next(csv.reader(io.StringIO(text)), [])
    expected = desc.field_names(resource)
    if len(header) == 1 and ";" in header[0] and [h.strip() for h in header[0].split(";")] == expected:
        return [Problem(shown, 1, None, f"the columns are separated by semicolons, not commas; {HOW_TO_SAVE}", code="semicolon-separated")]
    return _header_problems(shown, header, expected)


def check_cells(package_dir: Path, resource: dict) -> list[Problem]:
    """Cell formats Table Schema types accept too loosely (yearmonth takes "2020-9"), what a
    spreadsheet writes when a cell is formatted for display (01/10/2020, 1,234), and text a
    spreadsheet would run as a formula."""
    types = {f["name"]: f.get("type", "string") for f in resource["schema"]["fields"]}
    shown = desc.display_path(package_dir, resource)
    path = Path(package_dir) / resource["path"]
    problems = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        # by position, and only the columns of a kind checked: this reads every cell of the package
        checked = [(header.index(name), name, kind) for name, kind in types.items() if kind in CHECKED and name in header]
        rows = (row for row in reader if row)  # as csv.DictReader: blank lines are no rows
        for row_number, row in enumerate(rows, start=2):
            for index, name, kind in checked:
                value = row[index] if index < len(row) else ""
                if value:
                    problem = _cell_problem(value, kind)
                    if problem:
                        message, code, *severity = problem
                        problems.append(Problem(shown, row_number, name, message, *severity, code=code))
    return problems


def _cell_problem(value: str, kind: str) -> tuple | None:
    if kind == "yearmonth" and not MONTH.fullmatch(value):
        return (f'"{value}" is not a month in the form YYYY-MM', "malformed-month")
    if kind == "date" and not DATE.fullmatch(value):
        hint = " (a spreadsheet's display format: format the column as text, or as YYYY-MM-DD, before saving)" \
            if LOCAL_DATE.fullmatch(value) else ""
        return (f'"{value}" is not a date in the form YYYY-MM-DD{hint}', "malformed-date")
    if kind == "integer" and GROUPED_COUNT.fullmatch(value):
        return (f'"{value}" has a thousands separator: write counts as plain digits ({re.sub(r"[^0-9]", "", value)}); '
                "in the spreadsheet, format the column as a number without separators", "thousands-separator")
    if kind == "string" and value.startswith(FORMULA_START):
        return (f'"{value[:20]}" starts with {value[0]}: a spreadsheet opening the file would run it as a formula; '
                "reword it or start it with another character", "formula-like-text", WARNING)
    return None


def _encoding_problem(shown: str, data: bytes, e: UnicodeDecodeError, names: list[str]) -> Problem:
    line_start = data.rfind(b"\n", 0, e.start) + 1
    row = data.count(b"\n", 0, e.start) + 1
    column_index = data.count(b",", line_start, e.start)
    column = names[column_index] if column_index < len(names) else None
    byte = data[e.start : e.start + 1].hex()
    return Problem(shown, row, column, f"not valid UTF-8 (byte 0x{byte}): the file was saved in another encoding; "
                                       f"{HOW_TO_SAVE}", code="not-utf8")


def _header_problems(shown: str, header: list[str], expected: list[str]) -> list[Problem]:
    labels = [h.strip() for h in header]
    problems = [
        Problem(shown, 1, name, f'missing column "{name}"', code="missing-column") for name in expected if name not in labels
    ]
    problems += [
        Problem(shown, 1, label or None, f'unknown column "{label}" (not in the table schema)', code="unknown-column")
        for label in labels
        if label not in expected
    ]
    if not problems and labels != expected:
        problems.append(
            Problem(shown, 1, None, "columns are out of order: expected " + ",".join(expected), code="columns-out-of-order")
        )
    return problems
