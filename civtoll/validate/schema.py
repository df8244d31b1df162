"""Run frictionless over the package and turn its report into located problems."""

from __future__ import annotations

from pathlib import Path

from frictionless import Package, system

from .. import descriptor as desc
from ..problems import Problem


def check_schemas(package_dir: Path, descriptor: dict) -> list[Problem]:
    resources = desc.resources(descriptor)
    # trusted: the descriptor is our own file, read from a local directory
    with system.use_context(trusted=True):
        package = Package(str(Path(package_dir) / "datapackage.json"))
        report = package.validate()
    problems = [Problem(str(Path(package_dir) / "datapackage.json"), None, None, e.message) for e in report.errors]
    for task in report.tasks:
        resource = resources.get(task.name)
        shown = desc.display_path(package_dir, resource) if resource else task.place
        problems += [_problem(shown, e.to_descriptor()) for e in task.errors]
    return problems


def _problem(shown: str, error: dict) -> Problem:
    kind = error["type"]
    row = error.get("rowNumber")
    column = error.get("fieldName") or ",".join(error.get("fieldNames", [])) or None
    cell = error.get("cell", "")
    if kind == "type-error":
        expected = error["note"].replace("type is ", "").replace('"', "")
        message = f'"{cell}" is not a valid {expected.split("/")[0]}'
    elif kind == "constraint-error":
        message = f'"{cell}" breaks the {error["note"]}'
    elif kind == "foreign-key":
        values = ",".join(error.get("fieldCells", []))
        reference = error.get("referenceName")
        message = f'"{values}" is not a known {column} (not found in {reference})'
    elif kind == "primary-key":
        message = f"duplicate key: {error['note']}"
    elif kind == "unique-error":
        message = f'"{cell}" is a duplicate: {error["note"]}'
    elif kind == "missing-cell":
        message = "missing cell: the row is shorter than the header"
    elif kind == "extra-cell":
        message = "extra cell: the row is longer than the header"
    elif kind == "blank-row":
        message = "blank row"
    else:
        message = error.get("message", kind)
    return Problem(shown, row, column, message)
