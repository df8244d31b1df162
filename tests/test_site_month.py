"""The September 2020 page states every figure of the seed report, each beside its label."""

from __future__ import annotations

import csv
import re
import json

import pytest

from conftest import SHIPPED, page_text

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]

# Each figure of ../shared/seeds/snhr-monthly-report-2020-09.txt, as the page must state it.
SEPTEMBER_2020 = [
    "In September 2020, SNHR documented the deaths of 102 civilians, including 15 children and 10 women",
    "Deaths due to torture (12) are counted within this total",
    "Civilians killed 102",
    "Children 15",
    "Women (adult females) 10",
    "Deaths due to torture 12",
    "Medical personnel 3",
    "Media workers 0",
    "Civil Defense personnel 0",
    "Massacres 1",
    "The report states 1,337 civilians documented killed since the beginning of 2020",
    "Main parties: 25",
    "Syrian Regime forces : 16 (Children: 2; Women: 1; Men: 13)",
    "Hay'at Tahrir al Sham : 1 ",
    "Armed Opposition / Syrian National Army : 3 (Children: 1; Women: 1; Men: 1)",
    "Syrian Democratic Forces : 5 (Children: 1; Women: not available)",
    "Other parties: 77",
    "Other parties, total: 77 (Children: at least 11 (the rows that state it); Women: at least 8 (the rows that state it))",
    "Landmines of unknown origin : 7 (Children: 2; Women: not available)",
    "Gunfire of unknown source : 32 (Children: 1; Women: 3; Men: 28)",
    "Bombings whose perpetrators have not yet been identified : 28 (Children: 5; Women: 3; Men: 20)",
    "Killings by unknown persons : 7 (Children: 1; Women: 2; Men: 4)",
    "Turkish border guards : 1 ",
    "Mishandling of weapons : 1 (Children: 1; Women: not available)",
    "Shelling from unknown source : 1 (Children: 1; Women: not available)",
    "Aleppo and Deir Ez-Zour governorates, which jointly account for 45 percent",
    "SNHR documented the deaths of 12 people due to torture in September 2020",
    "The report states 109 deaths due to torture since the beginning of 2020",
    "Syrian Regime forces : 10 Syrian Democratic Forces : 2",
    "Medical personnel: 3 Syrian Regime forces : 1 Gunfire of unknown source : 1 "
    "Bombings whose perpetrators have not yet been identified : 1",
    "died due to torture in a detention centre",
    "employee of the Turkish Red Crescent",
    "Media workers: none documented",
    "Civil Defense personnel: none documented",
    "A massacre is an attack that killed five or more civilians in the same incident",
    "SNHR documented 1 massacre in September 2020",
    "Since the beginning of 2020: 36 massacres documented",
    "2020-09-14 Afrin city, northwestern suburbs of Aleppo (Aleppo) "
    "Bombings whose perpetrators have not yet been identified 13 1 not available 32",
    "197 deaths from COVID-19",
    "3,327 medical personnel",
    "84,000 people",
    "13 million Syrians",
    "164 states",
]


@pytest.fixture(scope="module")
def september(built_site):
    # figures are links to their sources' words: no space where a link ends before punctuation
    return re.sub(r" ([;)])", r"\1", page_text(built_site / "months/2020-09/index.html"))


@pytest.mark.parametrize("statement", SEPTEMBER_2020)
def test_september_2020_states_the_figure(september, statement):
    assert statement in september


def test_september_2020_names_its_source_and_links(built_site, september):
    html = (built_site / "months/2020-09/index.html").read_text(encoding="utf-8")
    assert "Source: Syrian Network for Human Rights (SNHR): Extrajudicial Killing Claims the Lives of 102" in september
    assert 'rel="prev" href="../2020-08/"' in html and 'rel="next" href="../2020-10/"' in html
    assert 'href="2020-09.csv"' in html
    assert (built_site / "months/2020-09/2020-09.csv").is_file()


def test_month_without_governorate_rows_says_so(september):
    assert "A breakdown by governorate is not available for this month." in september


def chart_values(path) -> list[dict]:
    """The data rows a saved Vega-Lite spec draws, inline or in named datasets."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    if "values" in spec.get("data", {}):
        return spec["data"]["values"]
    return [row for values in spec.get("datasets", {}).values() for row in values]


def test_chart_data_equal_the_csv_figures(built_site):
    with open(SHIPPED / "data/civilian_deaths.csv", encoding="utf-8") as f:
        expected = {r["perpetrator_id"]: int(r["deaths"]) for r in csv.DictReader(f) if r["month"] == "2020-09"}
    names = {}
    with open(SHIPPED / "data/perpetrators.csv", encoding="utf-8") as f:
        names = {r["name_en"]: r["perpetrator_id"] for r in csv.DictReader(f)}
    drawn: dict[str, int] = {}
    for row in chart_values(built_site / "months/2020-09/charts/by-perpetrator.vl.json"):
        drawn[names[row["perpetrator"]]] = drawn.get(names[row["perpetrator"]], 0) + row["deaths"]
    assert drawn == expected


def test_year_chart_totals_equal_the_monthly_headlines(built_site):
    with open(SHIPPED / "data/months.csv", encoding="utf-8") as f:
        headline = {r["month"]: r["civilians"] for r in csv.DictReader(f)}
    totals: dict[str, int] = {}
    for row in chart_values(built_site / "years/2019/charts/year-series.vl.json"):
        totals[row["month"]] = totals.get(row["month"], 0) + row["deaths"]
    abbr = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert totals == {abbr[int(m[5:]) - 1]: int(v) for m, v in headline.items() if m.startswith("2019") and v}


def test_unknown_figure_reads_not_available_never_zero(built_site):
    # June 2020's civilian figure is not stated by any source found
    text = page_text(built_site / "months/2020-06/index.html")
    assert "Civilians killed not available" in text
    assert "The number of civilians SNHR documented killed in June 2020 is not available" in text
    assert "Civilians killed 0" not in text


def test_year_with_a_missing_month_says_which_and_never_adds_it_as_zero(built_site):
    text = page_text(built_site / "years/2020/index.html")
    assert "add up to at least 1,638 civilians" in text
    assert "The number of civilians killed is not available for: June 2020." in text
    assert "states 1,734 civilians killed since the beginning of 2020" in text


def test_every_month_page_has_its_own_title_and_description(built_site):
    # a page whose front matter MkDocs cannot read falls back to "Index" and the site's description
    import re

    for page in sorted((built_site / "months").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        month = page.parent.name
        label = f"{MONTH_NAMES[int(month[5:]) - 1]} {month[:4]}"
        assert f"<title>Civilian deaths in Syria, {label}" in html, page
        description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
        assert label in description and "<" not in description, page


def test_counted_nouns_agree_with_their_numbers(built_site):
    import re

    wrong = re.compile(r"(?<![0-9,.])1 (civilians|children|women|people|victims|massacres|months|deaths)\b|\(s\)")
    for page in sorted(built_site.rglob("index.html")):
        if page.relative_to(built_site).parts[0] == "ar":
            continue  # English grammar (the Arabic forms: test_i18n, test_arabic)
        text = page_text(page)
        # the sources' words and the researchers' notes are quoted as written, not our sentences
        text = re.sub(r"Sources of these figures.*Data and charts of this month", "", text)
        assert not wrong.search(text), (page, wrong.search(text).group(0))



def test_every_key_figure_is_a_number_or_says_not_available(built_site):
    # an unknown figure reads "not available": never empty, never Python's or pandas' placeholder
    import re

    for page in sorted((built_site / "months").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        table = html[html.index('id="key-figures"'):]
        table = table[:table.index("</table>")]
        cells = re.findall(r"<tr>\s*<td>([^<]+)</td>\s*<td[^>]*>(.*?)</td>", table, re.S)
        # eight figures, and the headline count where it counts more than civilians
        assert len(cells) in (8, 9), page
        for label, value in cells:
            shown = re.sub(r"<[^>]+>", "", value).strip()
            assert re.fullmatch(r"([0-9][0-9,]*|not available)( \(another source states [0-9][0-9,]*\))*", shown), \
                (page, label, shown)
    assert not re.search(r"\b(None|nan|NaN|NaT|<NA>)\b", page_text(built_site / "months/2020-06/index.html"))
