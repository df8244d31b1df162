"""Citations (BibTeX, RIS, CSL-JSON, a plain line), CITATION.cff and the Atom feed, each read back
with the format's own parser or checked against its own schema."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
import xml.etree.ElementTree as ET

import bibtexparser
import jsonschema
import pytest
import rispy
import yaml
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts

from civtoll.exports import citation
from civtoll.exports.citation import Work
from civtoll.exports.feed import atom_feed
from conftest import ROOT, SHIPPED

ORG = "Syrian Network for Human Rights (SNHR)"
WORK = Work(ORG, "Civilian deaths in Syria, September 2020: 100% of Aleppo & Idlib (حلب)",
            "https://civtoll.example.org/months/2020-09/", dt.date(2020, 10, 1), accessed=dt.date(2026, 12, 1),
            release="2026-12", publisher="civtoll")
SCHEMAS = ROOT / "civtoll" / "exports" / "schema"


def test_bibtex_parses_back_to_the_same_work():
    library = bibtexparser.parse_string(citation.bibtex(WORK), append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == [] and len(library.entries) == 1
    entry = library.entries[0]
    assert (entry.entry_type, entry.key) == ("misc", "civtoll-example-org-months-2020-09")
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert fields["title"] == WORK.title  # TeX's & and % escaped on the way out, the Arabic kept
    assert fields["url"] == WORK.url and fields["urldate"] == "2026-12-01" and fields["year"] == "2020"
    assert fields["version"] == "2026-12" and fields["language"] == "en"


def test_bibtex_names_the_organisation_as_one_author_and_escapes_tex():
    text = citation.bibtex(WORK)
    assert r"100\% of Aleppo \& Idlib" in text
    names = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(), SplitNameParts()])
    author = names.entries[0]["author"][0]
    assert author.first == [] and author.last == ["{" + ORG + "}"]  # not "Rights, Syrian Network for Human"


def test_ris_loads_back_with_rispy():
    text = citation.ris(WORK)
    assert text.startswith("TY  - DATA\n") and text.rstrip().endswith("ER  -")
    (entry,) = rispy.loads(text)
    assert entry == {"type_of_reference": "DATA", "authors": [ORG], "title": WORK.title, "year": "2020",
                     "date": "2020/10/01/", "urls": [WORK.url], "language": "en", "publisher": "civtoll",
                     "edition": "2026-12", "access_date": "2026/12/01"}


def test_csl_json_validates_against_the_csl_schema():
    item = citation.csl_json(WORK)
    assert citation.csl_errors([item]) == []
    assert item["author"] == [{"literal": ORG}] and item["issued"] == {"date-parts": [[2020, 10, 1]]}
    assert json.loads(citation.citations(WORK)["json"]) == [item]
    webpage = citation.csl_json(Work(ORG, "T", "https://x.org/", dt.date(2020, 1, 2), kind="webpage"))
    assert citation.csl_errors([webpage]) == [] and webpage["type"] == "webpage" and "accessed" not in webpage


@pytest.mark.parametrize("broken", [{"type": "dataset"}, {"id": "x", "type": "web page"},
                                   {"id": "x", "type": "dataset", "issued": {"date-parts": "2020-10-01"}},
                                   {"id": "x", "type": "dataset", "author": [{"name": ORG}]}])
def test_the_csl_schema_rejects_what_is_not_csl(broken):
    assert citation.csl_errors([broken]) != []


def test_the_plain_line_and_the_set_of_formats():
    line = citation.plain(WORK)
    assert line == (f"{ORG} (2020). {WORK.title} (release 2026-12). civtoll. {WORK.url} (accessed 2026-12-01)")
    assert citation.plain(WORK, "{title}. {organisation}. {url}") == f"{WORK.title}. {ORG}. {WORK.url}"
    assert set(citation.citations(WORK)) == {"bib", "ris", "json", "txt"}
    bare = Work(ORG, "T", "https://x.org/a/", dt.date(2020, 1, 2))
    assert citation.plain(bare) == f"{ORG} (2020). T. https://x.org/a/"
    assert "urldate" not in citation.bibtex(bare) and "Y2" not in citation.ris(bare)


def test_the_vendored_schemas_are_the_files_their_readme_names():
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    for name in ("csl-data.json", "cff-1.2.0.schema.json"):
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{name}`"))
        assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == re.findall(r"`([0-9a-f]{64})`", row)[-1]


# --- CITATION.cff --------------------------------------------------------------------------

def cff_errors(document) -> list[str]:
    schema = json.loads((SCHEMAS / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [e.message for e in validator.iter_errors(document)]


def test_citation_cff_is_valid_cff_1_2_0_and_agrees_with_the_project():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff_errors(cff) == []
    assert cff["cff-version"] == "1.2.0"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cff["version"] == project["version"] and cff["license"] == project["license"]
    package = json.loads((SHIPPED / "datapackage.json").read_text(encoding="utf-8"))
    data = next(r for r in cff["references"] if r["type"] == "data")
    assert data["title"] == package["title"] and data["version"] == package["version"]
    assert data["license"] == package["licenses"][0]["name"]
    assert set(package["keywords"]) <= set(cff["keywords"])


def test_the_cff_schema_rejects_a_file_without_authors():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff_errors({k: v for k, v in cff.items() if k != "authors"}) != []
    assert cff_errors({**cff, "license": "MIT OR CC-BY"}) != []


# --- Atom feed -----------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
ENTRIES = [
    {"id": "https://civtoll.example.org/months/2020-09/", "title": "September 2020: 102 civilians",
     "date": dt.date(2020, 10, 1), "url": "https://civtoll.example.org/months/2020-09/",
     "summary": "102 civilians, 15 children & 10 women <documented>"},
    {"id": "tag:civtoll.example.org,2026-12-01:release", "title": "Release 2026-12",
     "date": dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone.utc), "url": "https://civtoll.example.org/",
     "summary": None},
    {"id": "https://civtoll.example.org/months/2020-08/", "title": "August 2020: 121 civilians",
     "date": dt.date(2020, 9, 1), "url": "https://civtoll.example.org/months/2020-08/", "summary": "121"},
]


def feed(entries=ENTRIES) -> bytes:
    return atom_feed(entries, feed_id="https://civtoll.example.org/", title="Civilian deaths in Syria",
                     site_url="https://civtoll.example.org/", feed_url="https://civtoll.example.org/feed.xml",
                     author="civtoll maintainers")


def test_the_feed_parses_as_atom_with_every_entry_newest_first():
    root = ET.fromstring(feed())
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [ENTRIES[i]["id"] for i in (1, 0, 2)]
    assert [e.findtext(f"{ATOM}title") for e in entries] == [ENTRIES[i]["title"] for i in (1, 0, 2)]
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [ENTRIES[i]["url"] for i in (1, 0, 2)]
    assert entries[1].findtext(f"{ATOM}summary") == ENTRIES[0]["summary"]
    assert entries[1].findtext(f"{ATOM}updated") == "2020-10-01T00:00:00+00:00"
    # the feed's date is its newest entry's, not the day it was made
    assert root.findtext(f"{ATOM}updated") == "2026-12-01T09:30:00+00:00"
    assert root.find(f"{ATOM}author").findtext(f"{ATOM}name") == "civtoll maintainers"


def test_the_feed_is_the_same_bytes_for_the_same_entries_in_any_order():
    assert feed() == feed(list(reversed(ENTRIES)))
    assert feed() != feed(ENTRIES[:2])


def test_the_feed_refuses_a_date_without_a_timezone_and_an_empty_list():
    with pytest.raises(ValueError):
        feed([{**ENTRIES[0], "date": dt.datetime(2020, 10, 1, 12)}])
    with pytest.raises(ValueError):
        feed([])
