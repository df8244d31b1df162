"""Run frictionless over the package and turn its report into located problems."""

from __future__ import annotations

import copy
import csv
from pathlib import Path

from frictionless import Package, system

from .. import descriptor as desc
from ..problems import Problem


# the codes of our problems for a foreign key's unknown code, by the field that holds it
UNKNOWN_CODES = {"perpetrator_id": "unknown-perpetrator", "governorate_pcode": "unknown-governorate",
                 "month": "unknown-month", "source_id": "unknown-source"}
# frictionless's error types, renamed to say what a data editor sees
FRICTIONLESS_CODES = {"type-error": "wrong-type", "constraint-error": "constraint-broken", "unique-error": "duplicate-value",
                      "missing-cell": "short-row", "extra-cell": "long-row", "blank-row": "blank-row"}


def check_schemas(package_dir: Path, descriptor: dict) -> list[Problem]:
    resources = desc.resources(descriptor)
    # Frictionless checks keys row by row through its own machinery, and a foreign key by reading
    # the referenced table again for every table that refers to it: together over half the
    # validation time. The keys are checked below instead, from the same descriptor, reading each
    # table once; a primary key's fields stay required.
    without_keys = copy.deepcopy(descriptor)
    for resource in without_keys["resources"]:
        schema = resource.get("schema", {})
        schema.pop("foreignKeys", None)
        for name in schema.pop("primaryKey", []):
            field = next(f for f in schema["fields"] if f["name"] == name)
            field.setdefault("constraints", {})["required"] = True
    # trusted: the descriptor is our own file, read from a local directory
    with system.use_context(trusted=True):
        package = Package(without_keys, basepath=str(package_dir))
        report = package.validate()
    problems = [Problem(str(Path(package_dir) / "datapackage.json"), None, None, e.message, code="descriptor-invalid") for e in report.errors]
    for task in report.tasks:
        resource = resources.get(task.name)
        shown = desc.display_path(package_dir, resource) if resource else task.place
        problems += [_problem(shown, e.to_descriptor()) for e in task.errors]
    return problems + check_keys(package_dir, resources)


def check_keys(package_dir: Path, resources: dict[str, dict]) -> list[Problem]:
    """No two rows share a primary key, and every code in a table is one its reference table
    defines (an empty cell is no code; a required field's empty cell is reported above)."""
    columns: dict[str, dict[str, list[str]]] = {}

    def column(resource: str, field: str) -> list[str]:
        if resource not in columns:
            with open(Path(package_dir) / resources[resource]["path"], encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f))
            columns[resource] = {name: [r[i] if i < len(r) else "" for r in rows[1:]] for i, name in enumerate(rows[0])}
        return columns[resource][field]

    problems = []
    for name, resource in resources.items():
        fields = resource.get("schema", {}).get("primaryKey", [])
        if fields:
            shown, first = desc.display_path(package_dir, resource), {}
            for row, key in enumerate(zip(*(column(name, f) for f in fields)), start=2):
                if all(key) and key in first:
                    problems.append(Problem(shown, row, ",".join(fields),
                                            f"duplicate key: the same {', '.join(key)} as row {first[key]}", code="duplicate-key"))
                first.setdefault(key, row)
        for key in resource.get("schema", {}).get("foreignKeys", []):
            (field,), reference = key["fields"], key["reference"]
            known = set(column(reference["resource"], reference["fields"][0]))
            shown = desc.display_path(package_dir, resource)
            for row, value in enumerate(column(name, field), start=2):  # row 1 is the header
                if value and value not in known:
                    problems.append(Problem(shown, row, field, f'"{value}" is not a known {field} '
                                                               f'(not found in {reference["resource"]})',
                                            code=UNKNOWN_CODES.get(field, "unknown-code")))
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
    return Problem(shown, row, column, message, code=FRICTIONLESS_CODES.get(kind, f"schema-{kind}"))
