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
        self._plural_form = None  # Babel's rule, loaded when first needed

    def __call__(self, key: str, **values) -> str:
        """The string at a dotted key, with {placeholders} filled in; a missing key is a build error."""
        node = self.strings
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"no string {key!r} in the {self.language} catalogue")
            node = node[part]
        return node.format_map(values) if values else node

    def count(self, noun: str, n: int, shown: str | None = None) -> str:
        """A number with its noun in the form the language's plural rules ask for: 1 child,
        15 children. `shown` is the number as the page writes it (default 1,337)."""
        forms = self(f"counts.{noun}")
        form = forms.get(self._plural(n)) or forms["other"]
        return form.format(n=self.number(n) if shown is None else shown)

    def number(self, n: int) -> str:
        """A count as this edition writes it: 1,481 in English, 1481 in Arabic (as SNHR does)."""
        return f"{n:,}".replace(",", self.strings["number"]["thousands"])

    def _plural(self, n: int) -> str:
        """The CLDR plural category of n in this language (one, other; Arabic has six)."""
        if self._plural_form is None:
            from babel import Locale

            self._plural_form = Locale.parse(self.language).plural_form
        return self._plural_form(n)

    def month(self, month: str) -> str:
        """2020-09 -> September 2020."""
        return f"{self.strings['month_names'][int(month[5:]) - 1]} {month[:4]}"

    def month_short(self, month: str) -> str:
        return f"{self.strings['month_abbr'][int(month[5:]) - 1]} {month[:4]}"


def languages(directory: Path = paths.CATALOGUE) -> list[str]:
    """Every edition: English first (the site's root), then the others under /<language>/."""
    found = sorted(p.stem for p in directory.glob("*.yml"))
    return ["en"] + [language for language in found if language != "en"]


@lru_cache(maxsize=None)
def load(language: str = "en", directory: Path = paths.CATALOGUE) -> Catalogue:
    with open(directory / f"{language}.yml", encoding="utf-8") as f:
        return Catalogue(yaml.safe_load(f), language)
