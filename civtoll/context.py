"""What every stage of a build is given: the package, the paths, the language and the options."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from . import cache, i18n, paths, shortcuts


@dataclass(frozen=True)
class Context:
    package: Path
    out: Path  # where the site is published
    work: Path  # what builds keep between them: generated docs, the store (build/site.work)
    store: cache.Store
    engine: str = "mkdocs"
    today: dt.date | None = None  # judge future months as of this day (None: the clock's)
    language: str = "en"
    site_url: str = ""
    say: Callable[[str], None] = print

    @property
    def t(self) -> i18n.Catalogue:
        return i18n.load(self.language)

    @property
    def prefix(self) -> str:
        """Where the edition sits in the site: "" for English, "ar/" for Arabic."""
        return "" if self.language == "en" else f"{self.language}/"

    @property
    def up(self) -> str:
        """From the edition's root to the site's root."""
        return "../" * self.prefix.count("/")

    @property
    def docs(self) -> Path:
        """The edition's generated Markdown."""
        return self.work / ("docs" if self.language == "en" else f"docs-{self.language}")

    @property
    def edition_url(self) -> str:
        return f"{self.site_url}{self.prefix}"

    def in_language(self, language: str) -> Context:
        return dataclasses.replace(self, language=language)

    def package_digest(self) -> str:
        """A hash of every file of the package: with the store's code key, all a site is made from."""
        return cache.files_digest(self.package, paths.files_under(self.package))


def make(package: Path, out: Path, engine: str, today: dt.date | None, say: Callable[[str], None]) -> Context:
    work = paths.work_dir_for(out)
    store = cache.Store(work / "store", cache.code_key(shortcuts.mode()))
    site_url = yaml.safe_load(paths.MKDOCS_YML.read_text(encoding="utf-8")).get("site_url", "")
    return Context(Path(package), Path(out), work, store, engine, today, "en", site_url, say)
