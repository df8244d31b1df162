"""The downloads stage: the data package as published files, a reproducible zip, per-month CSVs,
each listed on the data page with its size and checksum."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

from . import descriptor as desc
from .context import Context
from .docs_writer import DocsWriter
from .figures import Month
from .load import Tables

ZIP_NAME = "syria-civilian-deaths.zip"
PACKAGE_DIR = "data/package"  # where datapackage.json and data/*.csv are served, paths unchanged


def write_downloads(ctx: Context, tables: Tables, writer: DocsWriter, latest_published: str | None) -> list[dict]:
    """Write the package's files and its zip into the docs; return what the data page lists."""
    files = package_files(ctx.package, tables.descriptor)
    day = build_day(latest_published)
    archive = reproducible_zip(files, (day.year, day.month, day.day, 0, 0, 0))
    writer.write(f"data/{ZIP_NAME}", archive)
    downloads = [{"name": ZIP_NAME, "href": ZIP_NAME, "title": None,  # the catalogue's, in each edition
                  "size": human_size(len(archive)), "sha256": sha256(archive)}]
    described = {"datapackage.json": tables.descriptor, **{r["path"]: r for r in desc.resources(tables.descriptor).values()}}
    for path, data, title in files:
        target = f"{PACKAGE_DIR}/{path}"
        writer.write(target, data)
        # the title in each language the descriptor has one for (title, title_ar)
        titles = {key.removeprefix("title_"): value for key, value in described[path].items() if key.startswith("title_")}
        downloads.append({"name": path, "href": target.removeprefix("data/"), "title": title, "titles": titles,
                          "size": human_size(len(data)), "sha256": sha256(data)})
    return downloads


def build_day(latest_published: str | None) -> dt.date:
    """The date stamped on built files (zip entries, sitemap): the latest report's, never the clock's."""
    return dt.date.fromisoformat(latest_published) if latest_published else dt.date(2011, 4, 1)


def package_files(package_dir: Path, descriptor: dict) -> list[tuple[str, bytes, str]]:
    """(relative path, bytes, title) of every file the package publishes, descriptor first."""
    files = [("datapackage.json", (package_dir / "datapackage.json").read_bytes(), descriptor.get("title", ""))]
    for resource in desc.resources(descriptor).values():
        files.append((resource["path"], (package_dir / resource["path"]).read_bytes(), resource.get("title", "")))
    return files


def reproducible_zip(files: list[tuple[str, bytes, str]], date_time: tuple) -> bytes:
    """The same files always give the same bytes: fixed order, fixed timestamps, fixed permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, data, _ in sorted(files):
            info = zipfile.ZipInfo(f"syria-civilian-deaths/{path}", date_time=date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


MONTH_CSV_FIELDS = ["month", "table", "category", "code", "name_en", "deaths", "children", "women"]


def month_csv(m: Month) -> bytes:
    """One month's figures in one long table: headline, then each breakdown, as the page shows them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MONTH_CSV_FIELDS)
    f = m.figures
    for name in ("civilians", "children", "women", "torture_deaths", "medical", "media", "civil_defense",
                 "massacres", "ytd_civilians", "ytd_torture", "ytd_massacres"):
        writer.writerow([m.month, "headline", name, "", "", _cell(f[name]), "", ""])
    for table, breakdown in (("civilian_deaths", m.parties), ("civilian_deaths_by_governorate", m.governorates),
                             ("torture_deaths", m.torture)):
        for r in breakdown.rows:
            if not r.is_remainder:
                writer.writerow([m.month, table, r.group or "", r.id, r.name, r.deaths, _cell(r.children), _cell(r.women)])
    for category, breakdown in m.personnel.items():
        for r in breakdown.rows:
            if not r.is_remainder:
                writer.writerow([m.month, "personnel_deaths", category, r.id, r.name, r.deaths, "", ""])
    for x in m.massacres:
        writer.writerow([m.month, "massacres", x["date"], x["id"], x["place"], x["deaths"], _cell(x["children"]),
                         _cell(x["women"])])
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    return "" if value is None else str(value)
