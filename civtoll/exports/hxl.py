"""HXL-tagged copies of the package's tables: each CSV with a second row of HXL hashtags, so
humanitarian tools (HDX, the HXL Proxy, libhxl) know what each column holds without our schema.

The tags are data (hxl_tags.yml); the plain CSVs stay the canonical files, because the tag row
reads as a data row to any reader that does not know HXL.
"""

from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import yaml

from .. import descriptor as desc
from ..load import Tables, records
from .csv_safe import neutralise

TAGS_FILE = Path(__file__).with_name("hxl_tags.yml")


@functools.cache
def tags() -> dict[str, dict[str, str]]:
    """Table name -> column name -> HXL hashtag with attributes."""
    with open(TAGS_FILE, encoding="utf-8") as f:
        return yaml.safe_load(f)


def hxl_csv(tables: Tables, name: str) -> bytes:
    """One table as HXL: header row, hashtag row, then the rows, text neutralised for spreadsheets."""
    resource = desc.resources(tables.descriptor)[name]
    columns = desc.field_names(resource)
    table_tags = tags().get(name, {})
    missing = [c for c in columns if c not in table_tags]
    if missing:
        raise KeyError(f"{TAGS_FILE.name} has no HXL tag for {name}: {', '.join(missing)}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerow([table_tags[c] for c in columns])
    for record in records(tables[name]):
        writer.writerow([_cell(record[c]) for c in columns])
    return out.getvalue().encode("utf-8")


def hxl_files(tables: Tables, prefix: str = "data/hxl/") -> dict[str, bytes]:
    """{prefix + "<table>_hxl.csv": bytes} for every table of the package, in its order."""
    return {f"{prefix}{name}_hxl.csv": hxl_csv(tables, name) for name in desc.resources(tables.descriptor)}


def _cell(value) -> str:
    # as the package writes them: empty for missing (never 0), lowercase booleans
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(neutralise(value))
