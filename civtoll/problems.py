"""A problem found in the data package, located the way a spreadsheet user would find it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    row: int | None  # spreadsheet row: the header is row 1; None for whole-file problems
    column: str | None
    message: str
    severity: str = ERROR
    # a stable name of the kind of problem, documented in validate/codes.yml, for scripts and tests
    code: str = field(default="", kw_only=True)

    def __str__(self) -> str:
        row = "" if self.row is None else str(self.row)
        column = self.column or ""
        prefix = "" if self.severity == ERROR else "warning: "
        return f"{self.path}:{row}:{column}: {prefix}{self.message} [{self.code}]"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


def to_json(problems: list[Problem], quotes: dict | None = None) -> str:
    body = {
        "valid": not errors(problems),
        "errors": len(errors(problems)),
        "warnings": len(warnings(problems)),
        "problems": [asdict(p) for p in problems],
    }
    if quotes is not None:
        body["quotes"] = quotes  # per table: figures with a used, quoted source, of all figures
    return json.dumps(body, indent=2, ensure_ascii=False)


class InvalidPackage(Exception):
    """Raised when validation finds errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(errors(problems))} error(s) in the data package")
