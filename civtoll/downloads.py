"""The downloads stage: the data package as published files, a reproducible zip, per-month CSVs,
each listed on the data page with its size and checksum."""

from __future__ import annotations

import csv
import io

from . import descriptor as desc
from .archive import human_size, packaged, sha256
from .context import Context
from .docs_writer import DocsWriter
from .exports import site_files
from .exports.csv_safe import safe_csv
from .derive import build_day
from .figures import Month
from .load import Tables

ZIP_NAME = "syria-civilian-deaths.zip"
PACKAGE_DIR = "data/package"  # where datapackage.json and data/*.csv are served, paths unchanged


def write_downloads(ctx: Context, tables: Tables, writer: DocsWriter, latest_published: str | None,
                    exports=None, copy=None) -> dict[str, list[dict]]:
    """Write the package's files, its zip, the releases and the exports into the docs; return what
    the data page lists, each file by its path from the site's root. `exports` and `copy`: futures
    of the exports and of the package's files and zip being made in worker processes
    (site_files.made_apart, archive.package_copy), or None to make them here."""
    day = build_day(latest_published)
    files, archive = copy.result() if copy is not None else packaged(ctx.package, tables.descriptor, day)
    writer.write(f"data/{ZIP_NAME}", archive)
    package = [{"name": ZIP_NAME, "path": f"data/{ZIP_NAME}", "title": None,  # the catalogue's, in each edition
                "size": human_size(len(archive)), "sha256": sha256(archive)}]
    described = {"datapackage.json": tables.descriptor, **{r["path"]: r for r in desc.resources(tables.descriptor).values()}}
    for path, data, title in files:
        target = f"{PACKAGE_DIR}/{path}"
        writer.write(target, data)
        # the title in each language the descriptor has one for (title, title_ar)
        titles = {key.removeprefix("title_"): value for key, value in described[path].items() if key.startswith("title_")}
        package.append({"name": path, "path": target, "title": title, "titles": titles,
                        "size": human_size(len(data)), "sha256": sha256(data)})
    if exports is not None:
        exported, listed = exports.result()
    else:
        exported, listed = site_files.export_files(ctx.package, tables, ctx.site_url, day)
    for path, data in exported.items():
        writer.write(path, data)
    exports = [{**e, "size": human_size(e["bytes"])} for e in listed]
    return {"package": package, "exports": exports}


MONTH_CSV_FIELDS = ["month", "table", "category", "code", "name_{language}", "deaths", "children", "women"]


def month_csv(m: Month, language: str) -> bytes:
    """One month's figures in one long table: headline, then each breakdown, as the page shows them;
    names in the edition's language, and the name column says which (name_en, name_ar)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([field.format(language=language) for field in MONTH_CSV_FIELDS])
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
    return safe_csv(out.getvalue().encode("utf-8"))


def _cell(value) -> str:
    return "" if value is None else str(value)
