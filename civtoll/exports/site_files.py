"""Every file the downloads stage publishes besides the package's own copy: the releases (kept
forever at data/releases/DATE/, the newest also at data/latest/), the HXL-tagged CSVs, the XLSX
workbook and the static JSON API. Returns {path in the site: bytes} and what the data page lists."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .. import releases
from ..load import Tables
from . import api, hxl, xlsx

XLSX_NAME = "syria-civilian-deaths.xlsx"


def made_apart(package: str, site_url: str) -> tuple[dict[str, bytes], list[dict]]:
    """export_files in a worker process, which reads the package itself: the workbook and the API
    take seconds of Python that the build's own process spends meanwhile on validating the package
    and writing the pages. Started before the package is known to be valid, so the build uses the
    result (or its error) only once it is."""
    from ..derive import package_day
    from ..load import read_tables

    tables = read_tables(Path(package))
    return export_files(Path(package), tables, site_url, package_day(tables["months"]))


def export_files(package: Path, tables: Tables, site_url: str, day: dt.date) -> tuple[dict[str, bytes], list[dict]]:
    """(files by path relative to the site root, the exports as the data page lists them)."""
    files: dict[str, bytes] = {}
    listed: list[dict] = []

    def add(path: str, data: bytes, kind: str, listed_too: bool = True, **extra) -> None:
        files[path] = data
        if listed_too:
            listed.append({"name": path.rsplit("/", 1)[-1], "path": path, "kind": kind, "bytes": len(data),
                           "sha256": hashlib.sha256(data).hexdigest(), **extra})

    add(f"data/{XLSX_NAME}", xlsx.workbook(tables, day), "xlsx")
    for path, data in hxl.hxl_files(tables).items():
        add(path, data, "hxl")
    for path, data in api.api_files(tables, site_url).items():
        # the index and the schemas are listed; the month files are found through the index
        add(path, data, "api", listed_too=not path.startswith(f"{api.ROOT}months/"))
    dates = releases.list_releases(package)
    for date in dates:
        for path, data in releases.release_files(package, date).items():
            add(f"data/releases/{date}/{path}", data, "release", listed_too=path.endswith(".zip"), release=date)
    if dates:
        for path, data in releases.release_files(package, dates[-1]).items():
            add(f"data/latest/{path}", data, "latest", listed_too=path.endswith(".zip"), release=dates[-1])
    return files, listed
