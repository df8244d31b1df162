"""Load the package's CSVs into pandas frames typed from their Table Schemas.

Counts become nullable integers so that an empty cell stays missing (never 0). Every frame keeps
`_row`, the spreadsheet row number of each record, so later checks can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import descriptor as desc

_DTYPES = {"integer": "Int64", "boolean": "boolean", "number": "Float64"}
_BOOLEAN = {"true": True, "false": False}


@dataclass
class Tables:
    package_dir: Path
    descriptor: dict
    frames: dict[str, pd.DataFrame]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]

    def path(self, name: str) -> str:
        return desc.display_path(self.package_dir, desc.resources(self.descriptor)[name])


def read_resource(package_dir: Path, resource: dict) -> pd.DataFrame:
    fields = resource["schema"]["fields"]
    raw = pd.read_csv(
        Path(package_dir) / resource["path"],
        dtype=str,
        keep_default_na=False,
        encoding="utf-8-sig",
    )
    frame = pd.DataFrame(index=raw.index)
    for field in fields:
        name, kind = field["name"], field.get("type", "string")
        column = raw[name].where(raw[name] != "", None)
        if kind == "boolean":
            frame[name] = column.str.lower().map(_BOOLEAN).astype("boolean")
        elif kind in _DTYPES:
            frame[name] = pd.to_numeric(column).astype(_DTYPES[kind])
        else:
            frame[name] = column.astype("string")
    frame["_row"] = raw.index + 2
    return frame


def read_tables(package_dir: Path) -> Tables:
    descriptor = desc.load(package_dir)
    frames = {
        name: read_resource(package_dir, resource)
        for name, resource in desc.resources(descriptor).items()
    }
    return Tables(Path(package_dir), descriptor, frames)


def records(frame: pd.DataFrame, with_row: bool = False) -> list[dict]:
    """Rows as dicts of plain Python values, every missing value None (never 0); `with_row` keeps
    `_row`, the spreadsheet row a problem points at."""
    columns = [c for c in frame.columns if with_row or c != "_row"]
    return [dict(zip(columns, map(_plain, values)))
            for values in frame[columns].astype(object).itertuples(index=False, name=None)]


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    return str(value)
