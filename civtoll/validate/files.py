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
from ..problems import Problem

MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")


def check_descriptor(package_dir: Path) -> tuple[dict | None, list[Problem]]:
    path = Path(package_dir) / paths.DESCRIPTOR
    shown = str(path)
    if not path.is_file():
        return None, [Problem(shown, None, None, "data package descriptor not found")]
    try:
        return desc.load(package_dir), []
    except UnicodeDecodeError:
        return None, [Problem(shown, None, None, "descriptor is not UTF-8 text")]
    except json.JSONDecodeError as e:
        return None, [Problem(shown, e.lineno, None, f"descriptor is not valid JSON: {e.msg}")]


def check_structure(package_dir: Path, resource: dict) -> list[Problem]:
    """Problems that make the file unreadable as a table; any of them stops validation."""
    shown = desc.display_path(package_dir, resource)
    path = Path(package_dir) / resource["path"]
    if not path.is_file():
        return [Problem(shown, None, None, "file not found")]
    data = path.read_bytes()
    if not data.strip():
        return [Problem(shown, None, None, "file is empty: expected a header row")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [_encoding_problem(shown, data, e, desc.field_names(resource))]
    header = next(csv.reader(io.StringIO(text)), [])
    return _header_problems(shown, header, desc.field_names(resource))


def check_cells(package_dir: Path, resource: dict) -> list[Problem]:
    """Cell formats Table Schema types accept too loosely (yearmonth takes "2020-9")."""
    month_fields = [f["name"] for f in resource["schema"]["fields"] if f.get("type") == "yearmonth"]
    if not month_fields:
        return []
    shown = desc.display_path(package_dir, resource)
    path = Path(package_dir) / resource["path"]
    problems = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row_number, row in enumerate(csv.DictReader(f), start=2):
            for name in month_fields:
                value = row.get(name) or ""
                if value and not MONTH.fullmatch(value):
                    problems.append(
                        Problem(shown, row_number, name, f'"{value}" is not a month in the form YYYY-MM')
                    )
    return problems


def _encoding_problem(shown: str, data: bytes, e: UnicodeDecodeError, names: list[str]) -> Problem:
    line_start = data.rfind(b"\n", 0, e.start) + 1
    row = data.count(b"\n", 0, e.start) + 1
    column_index = data.count(b",", line_start, e.start)
    column = names[column_index] if column_index < len(names) else None
    byte = data[e.start : e.start + 1].hex()
    return Problem(shown, row, column, f"not valid UTF-8 (byte 0x{byte}); save the file as UTF-8")


def _header_problems(shown: str, header: list[str], expected: list[str]) -> list[Problem]:
    labels = [h.strip() for h in header]
    problems = [
        Problem(shown, 1, name, f'missing column "{name}"') for name in expected if name not in labels
    ]
    problems += [
        Problem(shown, 1, label or None, f'unknown column "{label}" (not in the table schema)')
        for label in labels
        if label not in expected
    ]
    if not problems and labels != expected:
        problems.append(
            Problem(shown, 1, None, "columns are out of order: expected " + ",".join(expected))
        )
    return problems
