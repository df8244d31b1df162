"""Citations of a page or a release in the formats reference managers read: BibTeX (bibtexparser),
RIS (rispy) and CSL-JSON (checked against the CSL schema), and a plain line to paste.

The caller passes every date: a page's citation never carries the day it was built.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import bibtexparser
import jsonschema
import rispy
from bibtexparser.model import Entry, Field
from pylatexenc.latexencode import UnicodeToLatexEncoder

CSL_SCHEMA = Path(__file__).parent / "schema" / "csl-data.json"
# the item type each format has for what is cited
TYPES = {"dataset": {"bibtex": "misc", "ris": "DATA", "csl": "dataset"},
         "webpage": {"bibtex": "misc", "ris": "ELEC", "csl": "webpage"}}
PLAIN = "{organisation} ({year}). {title}{release}. {publisher}{url}{accessed}"


@dataclass(frozen=True)
class Work:
    organisation: str  # the author: whose figures these are
    title: str
    url: str
    issued: dt.date  # the day the page or release was published
    language: str = "en"
    accessed: dt.date | None = None
    release: str | None = None  # the release (version) name
    publisher: str | None = None  # who publishes the page, where not the organisation
    kind: str = "dataset"  # a key of TYPES

    @property
    def key(self) -> str:
        """A citation key made from the address, so the same page always has the same key."""
        parts = urlsplit(self.url)
        return re.sub(r"[^A-Za-z0-9]+", "-", f"{parts.hostname or ''}{parts.path}").strip("-").lower() or "civtoll"


def bibtex(work: Work) -> str:
    fields = [
        # double braces: an organisation is one name, not "Rights, Syrian Network for Human"
        ("author", "{" + _tex(work.organisation) + "}"),
        ("title", "{" + _tex(work.title) + "}"),  # braced so styles keep its capitals (names of places)
        ("year", str(work.issued.year)),
        ("date", work.issued.isoformat()),
        ("version", work.release and _tex(work.release)),
        ("publisher", work.publisher and _tex(work.publisher)),
        ("url", work.url),  # verbatim: TeX reads url fields as they are
        ("urldate", work.accessed and work.accessed.isoformat()),
        ("note", work.accessed and f"Accessed {work.accessed.isoformat()}"),  # for styles without urldate
        ("language", work.language),
    ]
    entry = Entry(TYPES[work.kind]["bibtex"], work.key, [Field(k, v) for k, v in fields if v])
    layout = bibtexparser.BibtexFormat()
    layout.indent = "  "
    return bibtexparser.write_string(bibtexparser.Library([entry]), bibtex_format=layout)


def ris(work: Work) -> str:
    entry = {
        "type_of_reference": TYPES[work.kind]["ris"],
        "authors": [work.organisation],
        "title": work.title,
        "year": str(work.issued.year),
        "date": work.issued.strftime("%Y/%m/%d/"),
        "urls": [work.url],
        "language": work.language,
        **_present(publisher=work.publisher, edition=work.release,
                   access_date=work.accessed and work.accessed.strftime("%Y/%m/%d")),
    }
    return rispy.dumps([entry], implementation=_RisWriter)


def csl_json(work: Work) -> dict:
    """One CSL-JSON item (a CSL-JSON file is a list of them)."""
    return {
        "id": work.key,
        "type": TYPES[work.kind]["csl"],
        "title": work.title,
        "author": [{"literal": work.organisation}],
        "issued": _csl_date(work.issued),
        "URL": work.url,
        "language": work.language,
        **_present(publisher=work.publisher, version=work.release, accessed=work.accessed and _csl_date(work.accessed)),
    }


def _present(**fields) -> dict:
    """The optional fields a work has (a field it lacks is left out, as in bibtex())."""
    return {name: value for name, value in fields.items() if value}


def csl_errors(items: list[dict]) -> list[str]:
    """What makes a CSL-JSON list invalid against the CSL schema (empty when it is valid)."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _csl_validator().iter_errors(items)]


def plain(work: Work, template: str = PLAIN, release: str = " (release {release})") -> str:
    """A line to paste; `template` and `release` may be translated ones with the same fields."""
    return template.format(
        organisation=work.organisation, year=work.issued.year, title=work.title,
        release=release.format(release=work.release) if work.release else "",
        publisher=f"{work.publisher}. " if work.publisher else "", url=work.url,
        accessed=f" (accessed {work.accessed.isoformat()})" if work.accessed else "",
    )


def citations(work: Work) -> dict[str, str]:
    """Every format as text, keyed by the file extension each is usually saved with."""
    return {"bib": bibtex(work), "ris": ris(work),
            "json": json.dumps([csl_json(work)], ensure_ascii=False, indent=2) + "\n", "txt": plain(work) + "\n"}


class _RisWriter(rispy.RisWriter):
    def set_header(self, count: int) -> str:
        return ""  # rispy numbers references ("1."); that line is no RIS tag, and some importers stop on it


def _tex(text: str) -> str:
    return _encoder().unicode_to_latex(text)


@functools.cache
def _encoder() -> UnicodeToLatexEncoder:
    # TeX's special characters escaped; Arabic and other letters TeX has no macro for kept as UTF-8
    return UnicodeToLatexEncoder(unknown_char_policy="keep", unknown_char_warning=False)


@functools.cache
def _csl_validator() -> jsonschema.Draft3Validator:
    # the vendored schema is draft 3 (schema/README.md says why and where it comes from)
    return jsonschema.Draft3Validator(json.loads(CSL_SCHEMA.read_text(encoding="utf-8")))


def _csl_date(day: dt.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}
