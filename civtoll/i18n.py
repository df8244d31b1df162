"""The catalogue of user-facing strings: one YAML file per language under docs/i18n/."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from . import paths


class Catalogue:
    def __init__(self, strings: dict, language: str):
        self.strings = strings
        self.language = language

    def __call__(self, key: str, **values) -> str:
        """The string at a dotted key, with {placeholders} filled in; a missing key is a build error."""
        node = self.strings
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"no string {key!r} in the {self.language} catalogue")
            node = node[part]
        return node.format_map(values) if values else node

    def month(self, month: str) -> str:
        """2020-09 -> September 2020."""
        return f"{self.strings['month_names'][int(month[5:]) - 1]} {month[:4]}"

    def month_short(self, month: str) -> str:
        return f"{self.strings['month_abbr'][int(month[5:]) - 1]} {month[:4]}"


@lru_cache(maxsize=None)
def load(language: str = "en", directory: Path = paths.CATALOGUE) -> Catalogue:
    with open(directory / f"{language}.yml", encoding="utf-8") as f:
        return Catalogue(yaml.safe_load(f), language)
