"""Validate a data package: file structure, then Table Schemas (frictionless), then cross-table checks.

Each layer runs only when the one before found no errors, because its findings would otherwise be
consequences of the earlier fault rather than faults of their own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import descriptor as desc
from ..load import Tables, read_tables
from ..problems import ERROR, InvalidPackage, Problem, errors, warnings
from .checks import check_tables
from .files import check_cells, check_descriptor, check_structure
from .schema import check_schemas


def validated(package_dir: Path, today: dt.date | None = None, say=print) -> Tables:
    """The validate stage of a build: the tables, or InvalidPackage with every problem."""
    problems, tables = check_package(package_dir, today)
    if errors(problems):
        raise InvalidPackage(problems)
    for problem in warnings(problems):
        say(str(problem))
    say(f"validated {package_dir} ({len(warnings(problems))} warning(s))")
    return tables


def validate_package(package_dir: Path, today: dt.date | None = None) -> list[Problem]:
    return check_package(package_dir, today)[0]


def check_package(package_dir: Path, today: dt.date | None = None) -> tuple[list[Problem], Tables | None]:
    """The problems, and the tables as read for the cross-table checks (None if those did not run),
    so that a build need not read them again."""
    today = today or dt.date.today()
    descriptor, problems = check_descriptor(package_dir)
    if descriptor is None:
        return problems, None
    resources = list(desc.resources(descriptor).values())
    for resource in resources:
        problems += check_structure(package_dir, resource)
    if errors(problems):
        return problems, None
    for resource in resources:
        problems += check_cells(package_dir, resource)
    if errors(problems):
        return _sorted(problems), None
    problems += check_schemas(package_dir, descriptor)
    if errors(problems):
        return _sorted(problems), None
    tables = read_tables(package_dir)
    problems += check_tables(tables, today)
    return _sorted(problems), tables


def _sorted(problems: list[Problem]) -> list[Problem]:
    # errors first, then by file and row, so the output reads top to bottom like the files
    return sorted(set(problems), key=lambda p: (p.severity != ERROR, p.path, p.row or 0, p.column or "", p.message))
