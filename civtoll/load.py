"""Load the package's CSVs into pandas frames typed from their Table Schemas.

Counts become nullable integers so that an empty cell stays missing (never 0). Every frame keeps
`_row`, the spreadsheet row number of each record, so later checks can point at it.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

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
    `_row`, the spreadsheet row a problem points at. New dicts on every call: callers may change them."""
    columns = list(frame.columns)
    rows = [dict(zip(columns, values)) for values in _plain_rows(frame)]
    if not with_row and "_row" in columns:
        for row in rows:
            del row["_row"]
    return rows


_PLAIN_ROWS: dict[int, tuple[weakref.ref, list[tuple]]] = {}


def _plain_rows(frame: pd.DataFrame) -> list[tuple]:
    """The frame's values made plain once: validation, derivation and the exports each ask for
    the same tables' records, some several times. A frame is never changed once read_resource
    has made it."""
    known = _PLAIN_ROWS.get(id(frame))
    if known is not None and known[0]() is frame:
        return known[1]
    # column by column: an extension column (Int64, boolean, string) gives Python values with
    # None for a missing one; _row is plain int64
    columns = [frame[name].to_numpy(dtype=object, na_value=None).tolist()
               if isinstance(frame[name].dtype, pd.api.extensions.ExtensionDtype) else frame[name].tolist()
               for name in frame.columns]
    rows = list(zip(*columns))
    _PLAIN_ROWS[id(frame)] = (weakref.ref(frame), rows)
    weakref.finalize(frame, _PLAIN_ROWS.pop, id(frame), None)
    return rows
