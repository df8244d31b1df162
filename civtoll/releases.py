"""Releases: each published state of the data package, named by its date and kept forever.

A release is a folder `releases/YYYY-MM-DD/` inside the package holding every CSV exactly as
published (same relative paths: data/*.csv), its `datapackage.json` (the package's descriptor with
`"version": "YYYY-MM-DD"` and each resource's `"bytes"` and `"hash": "sha256:<hex>"`), and the zip
of those files (`syria-civilian-deaths-YYYY-MM-DD.zip`, entries dated the release's day). A release
folder is itself a valid data package. Making one is the only write; nothing here changes an
existing release. The functions the build calls take and return plain values.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from . import descriptor as desc
from . import paths
from .archive import package_files, reproducible_zip, sha256

FOLDER = "releases"  # inside the package folder; the validator reads only the files the descriptor lists
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class ReleaseRefused(Exception):
    """A release was not made (nothing was written); `problems` holds the validator's findings, if any."""

    def __init__(self, message: str, problems: list | None = None):
        self.problems = problems or []
        super().__init__(message)


def zip_name(date: str) -> str:
    return f"syria-civilian-deaths-{date}.zip"


def release_dir(package_dir: Path, date: str) -> Path:
    return Path(package_dir) / FOLDER / date


def list_releases(package_dir: Path) -> list[str]:
    """The dates of the releases, oldest first."""
    folder = Path(package_dir) / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.is_dir() and DATE.fullmatch(p.name) and (p / paths.DESCRIPTOR).is_file())


def latest(package_dir: Path) -> str | None:
    dates = list_releases(package_dir)
    return dates[-1] if dates else None


def release_files(package_dir: Path, date: str) -> dict[str, bytes]:
    """Every file of a release, relative path -> bytes (datapackage.json, data/*.csv and the zip),
    to be published at /data/releases/DATE/ byte for byte."""
    root = release_dir(package_dir, date)
    if not (root / paths.DESCRIPTOR).is_file():
        raise LookupError(f"no release {date} in {Path(package_dir) / FOLDER}")
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def release_contents(package_dir: Path, date: str) -> dict[str, bytes]:
    """What a release of the package as it is now, on that date, would hold: path -> bytes."""
    descriptor = desc.load(package_dir)
    csvs = _published_csvs(package_dir, descriptor)
    described = _dumps(stamped(descriptor, date, csvs))
    files = {paths.DESCRIPTOR: described, **csvs}
    day = dt.date.fromisoformat(date)
    archive = reproducible_zip([(path, data, "") for path, data in files.items()], (day.year, day.month, day.day, 0, 0, 0))
    return {**files, zip_name(date): archive}


def stamped(descriptor: dict, date: str, csvs: dict[str, bytes]) -> dict:
    """The descriptor with the release's version and each resource's size and sha256 hash."""
    out = {key: value for key, value in descriptor.items()}
    out["version"] = date
    resources = []
    for resource in descriptor.get("resources", []):
        data = csvs[resource["path"]]
        stamp = {"bytes": len(data), "hash": f"sha256:{sha256(data)}"}
        rest = {k: v for k, v in resource.items() if k not in stamp}
        before = {k: v for k, v in rest.items() if k != "schema"}  # the stamp just before the schema
        resources.append({**before, **stamp, **({"schema": rest["schema"]} if "schema" in rest else {})})
    out["resources"] = resources
    return out


def unstamped(descriptor: dict) -> dict:
    """The descriptor without what a release adds (version, bytes, hash): what "changed" compares."""
    out = {k: v for k, v in descriptor.items() if k != "version"}
    out["resources"] = [{k: v for k, v in r.items() if k not in ("bytes", "hash")} for r in descriptor.get("resources", [])]
    return out


def _dumps(descriptor: dict) -> bytes:
    # the package's own layout (two spaces, UTF-8 text, final newline), so releases diff line by line
    return (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def unchanged(package_dir: Path, date: str) -> bool:
    """The package holds the same CSV bytes and the same descriptor (apart from version, bytes and
    hash) as the release of that date."""
    old = release_files(package_dir, date)
    now = desc.load(package_dir)
    old_descriptor = json.loads(old[paths.DESCRIPTOR])
    if unstamped(old_descriptor) != unstamped(now):
        return False
    return all(old.get(path) == data for path, data in _published_csvs(package_dir, now).items())


def _published_csvs(package_dir: Path, descriptor: dict) -> dict[str, bytes]:
    """The CSVs as every download publishes them (archive.package_files, without the descriptor)."""
    return {path: data for path, data, _ in package_files(Path(package_dir), descriptor)[1:]}


def make_release(package_dir: Path, date: str) -> dict:
    """Make the release of that date from the package as it is; ReleaseRefused (nothing written)
    when the date is malformed, taken or before the latest release, the package is invalid, or
    nothing changed since the latest release. Returns {"release", "previous", "path", "files": {path: bytes}}."""
    from .problems import errors
    from .validate import check_package

    package_dir = Path(package_dir)
    try:
        if not DATE.fullmatch(date):
            raise ValueError
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise ReleaseRefused(f"{date!r} is not a date in the form YYYY-MM-DD") from None
    target = release_dir(package_dir, date)
    previous = latest(package_dir)
    if target.exists():
        raise ReleaseRefused(f"a release {date} already exists ({target}); releases are never changed")
    if previous is not None and date < previous:
        raise ReleaseRefused(f"the latest release is {previous}: a new release must be dated after it, not {date}")
    problems, _ = check_package(package_dir, today=day)
    if errors(problems):
        raise ReleaseRefused(f"the package is invalid ({len(errors(problems))} error(s))", problems)
    if previous is not None and unchanged(package_dir, previous):
        raise ReleaseRefused(f"nothing changed since the latest release {previous}")
    files = release_contents(package_dir, date)
    _write_all(target, files)
    return {"release": date, "previous": previous, "path": str(target), "files": files}


def _write_all(target: Path, files: dict[str, bytes]) -> None:
    """Write into a hidden folder beside the target, then rename it: a release appears whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for path, data in files.items():
            file = staging / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(data)
            os.chmod(file, 0o644)
        os.chmod(staging, 0o755)
        os.rename(staging, target)  # fails if the target appeared meanwhile; never replaces a release
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def verify(package_dir: Path, date: str) -> list[str]:
    """What is wrong with a stored release (empty if nothing): each resource's bytes and hash, and
    the zip's members against the files."""
    import io
    import zipfile

    files = release_files(package_dir, date)
    problems = []
    descriptor = json.loads(files[paths.DESCRIPTOR])
    if descriptor.get("version") != date:
        problems.append(f"{date}: version is {descriptor.get('version')!r}")
    for resource in descriptor.get("resources", []):
        data = files.get(resource["path"])
        if data is None:
            problems.append(f"{date}: {resource['path']} is missing")
        elif resource.get("hash") != f"sha256:{sha256(data)}" or resource.get("bytes") != len(data):
            problems.append(f"{date}: {resource['path']} does not match its bytes and hash")
    archive = files.get(zip_name(date))
    if archive is None:
        return problems + [f"{date}: {zip_name(date)} is missing"]
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        members = {name.split("/", 1)[1]: opened.read(name) for name in opened.namelist()}
    if members != {p: d for p, d in files.items() if p != zip_name(date)}:
        problems.append(f"{date}: {zip_name(date)} does not hold exactly the release's files")
    return problems
