"""What the site shows of each figure's source, of what each headline counts, and of the record's
coverage, checked on the site built from the shipped package."""

from __future__ import annotations

import csv
import html as html_lib
import re

from conftest import SHIPPED, page_text


def _rows(name: str) -> list[dict]:
    with open(SHIPPED / "data" / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _month_html(built_site, month: str) -> str:
    return html_lib.unescape((built_site / f"months/{month}/index.html").read_text(encoding="utf-8"))


def test_a_month_page_shows_every_used_quote_in_its_language(built_site):
    for month in ("2020-09", "2019-03", "2024-06", "2012-11"):
        html = _month_html(built_site, month)
        sources = {s["source_id"]: s for s in _rows("sources")}
        used = [r for r in _rows("provenance") if r["month"] == month and r["used"] == "true" and r["quote"]]
        assert used, month
        for r in used:
            quote = " ".join(r["quote"].split())
            language = sources[r["source_id"]]["language"]
            assert f'<q lang="{language}" dir="auto">{quote}</q>' in " ".join(html.split()), (month, r["field"], quote)


def test_every_figure_links_to_the_words_that_state_it(built_site):
    html = _month_html(built_site, "2020-09")
    links = set(re.findall(r'href="#(src-[a-z0-9-]+)"', html))
    ids = set(re.findall(r'id="(src-[a-z0-9-]+)"', html))
    assert "src-civilians" in links and "src-civilian-deaths-syrian-regime-deaths" in links
    assert links <= ids, links - ids


def test_another_sources_differing_figure_is_shown_beside_ours(built_site):
    # March 2019: the organisation's own page states 85 children, an article 87 (both kept)
    text = page_text(built_site / "months/2019-03/index.html")
    assert re.search(r"Children 85 \(another source states 87\)", text), text[:2000]


def test_a_month_whose_headline_counts_everyone_says_so(built_site):
    month = next(r for r in _rows("months") if r["headline_scope"] == "all_victims" and r["month"].startswith("2012"))
    text = page_text(built_site / f"months/{month['month']}/index.html")
    killed = f"{int(month['headline_killed']):,}"
    assert f"documented the deaths of {killed} people, fighters included" in text
    assert "This figure is not a count of civilians" in text


def test_the_coverage_page_lists_every_month_of_the_record(built_site):
    months = sorted(r["month"] for r in _rows("months"))
    text = page_text(built_site / "coverage/index.html")
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    year, number = 2011, 3
    while f"{year}-{number:02d}" <= months[-1]:
        assert f"{names[number - 1]} {year}" in text, (year, number)
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    found = [m for m in months]
    assert f"This site holds {len(found)} of them" in text


def test_every_year_of_the_record_has_a_page(built_site):
    last = max(r["month"] for r in _rows("months"))[:4]
    for year in range(2011, int(last) + 1):
        assert (built_site / f"years/{year}/index.html").is_file(), year


def test_the_long_run_chart_leaves_months_not_found_as_gaps(built_site):
    import json

    spec = json.loads((built_site / "charts/history.vl.json").read_text(encoding="utf-8"))
    values = spec["data"]["values"] if "values" in spec.get("data", {}) else \
        [v for vs in spec["datasets"].values() for v in vs]
    drawn = {v["date"][:7]: v["killed"] for v in values}
    stated = {r["month"]: int(r["headline_killed"]) for r in _rows("months") if r["headline_killed"]}
    assert drawn == stated  # no month without a stated headline is drawn, none as zero
    scopes = {v["scope"] for v in values}
    assert {"Civilians", "Everyone killed, fighters included"} <= scopes


def test_a_year_spanning_scopes_says_so_and_sums_each_apart(built_site):
    months = [r for r in _rows("months") if r["month"].startswith("2025")]
    assert {r["headline_scope"] for r in months} == {"civilians", "individuals"}
    text = page_text(built_site / "years/2025/index.html")
    assert "The reports of 2025 headline different counts" in text
    civilians = sum(int(r["headline_killed"]) for r in months if r["headline_scope"] == "civilians" and r["headline_killed"])
    assert f"Civilians: {civilians:,} in the" in text
