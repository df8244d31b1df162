"""Files as they are published: a reproducible zip, checksums, sizes as a reader reads them."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

from . import descriptor as desc
from .exports.csv_safe import safe_csv


def reproducible_zip(files: list[tuple[str, bytes, str]], date_time: tuple) -> bytes:
    """The same files always give the same bytes: fixed order, fixed timestamps, fixed permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, data, _ in sorted(files):
            archive.writestr(zip_member(f"syria-civilian-deaths/{path}", date_time), data, compresslevel=9)
    return buffer.getvalue()


def zip_member(name: str, date_time: tuple) -> zipfile.ZipInfo:
    """A compressed zip member with a fixed date and permissions: zipfile dates a member by the
    clock, or by its file's time."""
    info = zipfile.ZipInfo(name, date_time=date_time)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def package_files(package_dir: Path, descriptor: dict) -> list[tuple[str, bytes, str]]:
    """(relative path, bytes, title) of every file the package publishes, descriptor first. A text
    cell that a spreadsheet would take for a formula (= + - @) is published with a leading
    apostrophe (exports/csv_safe.py): opening a file never runs one."""
    files = [("datapackage.json", (package_dir / "datapackage.json").read_bytes(), descriptor.get("title", ""))]
    for resource in desc.resources(descriptor).values():
        data = safe_csv((package_dir / resource["path"]).read_bytes(), resource.get("schema"))
        files.append((resource["path"], data, resource.get("title", "")))
    return files


def packaged(package_dir: Path, descriptor: dict, day: dt.date) -> tuple[list[tuple[str, bytes, str]], bytes]:
    """The package's files as published (package_files), and their zip dated `day`."""
    files = package_files(package_dir, descriptor)
    return files, reproducible_zip(files, (day.year, day.month, day.day, 0, 0, 0))


def package_copy(package: str) -> tuple[list[tuple[str, bytes, str]], bytes]:
    """packaged() in a worker process, dated by the latest report: made while the build's own
    process validates the package, and used only once it is valid."""
    from .derive import package_day
    from .load import read_resource

    package_dir = Path(package)
    descriptor = desc.load(package_dir)
    months = read_resource(package_dir, desc.resources(descriptor)["months"])
    return packaged(package_dir, descriptor, package_day(months))
