"""The Arabic edition: every page twice, linked both ways, one catalogue per language with the same
keys, no English words on Arabic pages but names, codes and quoted sources, and equal figures."""

from __future__ import annotations

import collections
import csv
import json
import re
import warnings
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from conftest import ROOT

CATALOGUES = ROOT / "docs" / "i18n"
# codes, file formats and names a reader of the Arabic pages meets as they are (and the organisation's acronym)
CODES = {"SNHR", "SVG", "PNG", "CSV", "JSON", "Vega-Lite", "CC", "BY", "KB", "MB", "B", "OCHA", "P-code", "P-codes",
         "HXL", "XLSX", "SHA-256", "SY", "Frictionless", "civtoll", "Table", "Schema", "COD", "COD-AB", "FIPS",
         "GeoNames", "BCP", "PYD", "YPG", "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-H", "YYYY-Q", "en", "ar", "fr", "tr",
         "YYYY-H1", "YYYY-H2", "YYYY-Q1", "YYYY-Q4", "true", "false", "zip",
         # the formats and tools a reader downloads for, by their names
         "Excel", "HDX", "Atom", "BibTeX", "RIS", "CSL-JSON"}


def _package_codes() -> set[str]:
    """The package's own identifiers, which the Arabic codebook names as they are: tables, fields,
    their allowed values, party and governorate codes."""
    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    codes = set()
    for resource in descriptor["resources"]:
        codes.add(resource["name"])
        for field in resource["schema"]["fields"]:
            codes.add(field["name"])
            constraints = field.get("constraints", {})
            codes.update(str(v) for v in constraints.get("enum", []))
            codes.update(str(c.get("value", c)) if isinstance(c, dict) else str(c) for c in field.get("categories", []))
    for table, column in (("perpetrators", "perpetrator_id"), ("perpetrators", "party_group"),
                          ("governorates", "governorate_pcode")):
        with open(ROOT / "datapackage" / "data" / f"{table}.csv", encoding="utf-8") as f:
            codes.update(row[column] for row in csv.DictReader(f))
    return codes


def _keys(node, prefix=""):
    if isinstance(node, dict):
        return {k for key, value in node.items() for k in _keys(value, f"{prefix}{key}.")} | ({prefix[:-1]} if prefix else set())
    if isinstance(node, list):
        return {f"{prefix[:-1]}[{len(node)}]"}
    return {prefix[:-1]}


def _catalogue(language: str) -> dict:
    return yaml.safe_load((CATALOGUES / f"{language}.yml").read_text(encoding="utf-8"))


def test_both_catalogues_have_the_same_keys_and_placeholders():
    en, ar = _catalogue("en"), _catalogue("ar")
    counts = set(en["counts"])
    strip = lambda keys: {k for k in keys if not any(k.startswith(f"counts.{n}.") for n in counts)}  # noqa: E731
    assert strip(_keys(en)) == strip(_keys(ar))

    def leaves(node, prefix=""):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from leaves(value, f"{prefix}{key}.")
        elif isinstance(node, str):
            yield prefix[:-1], set(re.findall(r"\{(\w+)\}", node))

    placeholders = dict(leaves(ar))
    for key, names in leaves(en):
        if not key.startswith("counts."):
            assert placeholders[key] == names, key
    for noun, forms in ar["counts"].items():
        assert set(forms) == {"zero", "one", "two", "few", "many", "other"}, noun
        assert all("{n}" in form for form in forms.values()), noun


def test_no_key_of_the_catalogue_is_unused():
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in [*(ROOT / "civtoll").rglob("*.py"),
                                                             *(ROOT / "docs" / "templates").glob("*.j2"),
                                                             *(ROOT / "docs" / "overrides").rglob("*.html")])
    unused = []
    for key in sorted(_keys(_catalogue("en"))):
        path = key.split("[")[0]
        parts = path.split(".")
        if len(parts) > 1 and parts[0] == "counts" and len(parts) > 2:
            continue  # a plural form, chosen by the plural rules
        literal = path in corpus
        # a key made at run time from its parent and a value: t("scope." ~ s), t(f"scope.{s}")
        cuts = [i for i in range(1, len(path)) if path[i - 1] in "._"]
        dynamic = any(re.search(re.escape(path[:i]) + r"""["']? ?[~{]""", corpus) for i in cuts) or \
            re.search(r"\{\w+\}" + re.escape(path[path.rfind("_"):]) + "[\"']", corpus)  # t(f"{key}_january")
        counted = parts[0] == "counts" and re.search(rf"""["']{re.escape(parts[-1])}["']|killed_""", corpus)
        if not (literal or dynamic or counted) and len(parts) > 1:
            unused.append(path)
    assert unused == []


def _twins(site: Path) -> list[tuple[Path, Path]]:
    pages = [p for p in sorted(site.rglob("index.html")) if not p.relative_to(site).as_posix().startswith("ar/")]
    return [(p, site / "ar" / p.relative_to(site)) for p in pages]


def test_every_page_has_its_twin_linked_both_ways(built_site):
    twins = _twins(built_site)
    assert len(twins) > 150
    missing = [str(en.relative_to(built_site)) for en, ar in twins if not ar.is_file()]
    assert missing == []
    english = {p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")} - \
        {p.relative_to(built_site).as_posix() for p in (built_site / "ar").rglob("index.html")}
    arabic = {p.relative_to(built_site / "ar").as_posix() for p in (built_site / "ar").rglob("index.html")}
    assert arabic == {p for p in english if not p.startswith("ar/")}  # and no Arabic page without its twin
    for en, ar in twins[::10] + [(built_site / "months/2020-09/index.html", built_site / "ar/months/2020-09/index.html")]:
        for page, other, language in ((en, ar, "ar"), (ar, en, "en")):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            switch = soup.select_one(f'.edition-switch a[hreflang="{language}"]')
            assert switch is not None, page
            assert (page.parent / switch["href"]).resolve() == other.parent.resolve(), (page, switch["href"])
    # hreflang alternates, both ways, in each edition's sitemap (the form search engines read
    # without Material fetching a sitemap beside every <link rel=alternate>)
    for sitemap, prefix in ((built_site / "sitemap.xml", ""), (built_site / "ar" / "sitemap.xml", "ar/")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # html.parser keeps the xhtml: prefix
            soup = BeautifulSoup(sitemap.read_text(encoding="utf-8"), "html.parser")
        urls = soup.find_all("url")
        assert len(urls) == len(twins)
        for url in urls:
            loc = url.find("loc").text
            alternates = {link["hreflang"]: link["href"] for link in url.find_all("xhtml:link")}
            relative = loc.split(".org/", 1)[1].removeprefix(prefix)
            assert alternates == {"en": loc.split(".org/", 1)[0] + ".org/" + relative,
                                  "ar": loc.split(".org/", 1)[0] + ".org/ar/" + relative}, loc


def test_arabic_pages_read_right_to_left(built_site):
    html = (built_site / "ar/months/2020-09/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="ar"[^>]* dir="rtl"', html)
    english = (built_site / "months/2020-09/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="en"', english) and 'dir="rtl"' not in english[:500]


def _visible_arabic_text(path: Path) -> str:
    """The article's text that is the site's own Arabic: without quoted sources and other
    languages (lang), links to other hosts (the sources' titles), code and charts' own SVG."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    for element in article.select("[lang]"):
        if element.get("lang") != "ar":
            element.decompose()
    for element in article.select("script, style, code, svg, a.headerlink"):
        element.decompose()
    for link in article.select("a[href]"):
        if re.match(r"https?://", link["href"]):
            link.decompose()
    return article.get_text(" ")


@pytest.mark.parametrize("page", ["months/2020-09", "months/2024-11", "years/2020", "", "data", "coverage",
                                  "methodology", "months", "years", "data/sources", "data/reconciliation", "changelog"])
def test_no_english_words_on_arabic_pages_but_names_codes_and_sources(built_site, page):
    path = built_site / "ar" / page / "index.html"
    text = re.sub(r"[\w./-]+\.(csv|json|zip|svg|png|yml)\b|\b[\w.-]+/[\w./-]*", " ", _visible_arabic_text(path))  # files
    words = collections.Counter(re.findall(r"[A-Za-z][\w\-]*", text))
    codes = CODES | _package_codes()
    # a range of codes (SY01-SY14) is codes
    assert {w: n for w, n in words.items() if w not in codes and not set(w.split("-")) <= codes} == {}


def _numbers(text: str) -> collections.Counter:
    text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    return collections.Counter(n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text))


@pytest.mark.parametrize("page", ["months/2020-09", "months/2015-06", "months/2025-03", "years/2020", ""])
def test_the_figures_on_twin_pages_are_equal(built_site, page):
    def article(path: Path) -> str:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        for element in soup.select("svg, script, style"):  # a chart's axes are drawn, not stated
            element.decompose()
        return soup.get_text(" ")

    en = _numbers(article(built_site / page / "index.html"))
    ar = _numbers(article(built_site / "ar" / page / "index.html"))
    assert en == ar, (en - ar, ar - en)


def test_a_months_csv_names_its_name_column_by_the_language_of_its_names(built_site):
    # the Arabic edition's copy holds the Arabic names: a column called name_en would mislabel them
    with open(built_site / "months/2020-09/2020-09.csv", encoding="utf-8") as f:
        english = list(csv.DictReader(f))
    with open(built_site / "ar/months/2020-09/2020-09.csv", encoding="utf-8") as f:
        arabic = list(csv.DictReader(f))
    assert {r["name_en"] for r in english if r["code"] == "syrian-regime"} == {"Syrian Regime forces"}
    assert {r["name_ar"] for r in arabic if r["code"] == "syrian-regime"} == {"قوات النظام السوري"}
    assert [{k: v for k, v in r.items() if k != "name_ar"} for r in arabic] == \
        [{k: v for k, v in r.items() if k != "name_en"} for r in english]
