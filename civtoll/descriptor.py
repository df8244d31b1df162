"""Read the package descriptor: the single description of every file, field and key."""

from __future__ import annotations

import json
from pathlib import Path

from . import paths


def load(package_dir: Path) -> dict:
    with open(Path(package_dir) / paths.DESCRIPTOR, encoding="utf-8") as f:
        return json.load(f)


def resources(descriptor: dict) -> dict[str, dict]:
    return {r["name"]: r for r in descriptor.get("resources", [])}


def field_names(resource: dict) -> list[str]:
    return [f["name"] for f in resource["schema"]["fields"]]


def display_path(package_dir: Path, resource: dict) -> str:
    """The path a user typed, joined with the resource path: what they will open in an editor."""
    return str(Path(package_dir) / resource["path"])
