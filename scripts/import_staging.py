#!/usr/bin/env python3
"""Import the researchers' staging files (research/staging/YYYY-MM.json) into the data package.

For every staged month this script replaces that month's rows in months.csv, civilian_deaths.csv,
civilian_deaths_by_governorate.csv, torture_deaths.csv, personnel_deaths.csv and massacres.csv, and
adds the perpetrator codes the staged rows need to perpetrators.csv. Rows of months that are not
staged (2020-09) are written back exactly as they were read.

The script never computes a figure. A staged null becomes an empty cell, never 0. What it changes
in the staged data is listed in CORRECTIONS, each with the reason (found while spot-checking the
sources, or a cross-table inconsistency the validator rejects); the month's notes say the same.

Usage: .venv/bin/python scripts/import_staging.py [--staging DIR] [--package DIR]
Running it twice gives the same files.
"""

from __future__ import annotations

import argparse
import copy
import csv
import json
import re
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STAGING = ROOT / "research" / "staging"
DEFAULT_PACKAGE = ROOT / "datapackage"

COUNTS = ["civilians", "children", "women", "torture_deaths", "torture_in_civilians", "medical", "media",
          "civil_defense", "massacres", "ytd_civilians", "ytd_torture", "ytd_massacres"]
CATEGORY_ORDER = ["medical", "media", "civil-defense"]

# The first staging format (research/staging/FORMAT.md, months 2019-01..2021-12) numbers four
# governorates differently from the package, which uses the OCHA admin-1 P-codes of governorates.csv.
# Codes staged in that format are translated by governorate name. The second batch (2018-07..2018-12
# and 2022-01..2022-12) was staged with a corrected FORMAT.md whose codes are already the OCHA ones:
# they are used as they are.
LEGACY_PCODE_MONTHS = ("2019-01", "2021-12")  # first and last month staged with the old numbering
STAGING_PCODE_TO_OCHA = {
    "SY01": "SY01", "SY02": "SY02", "SY03": "SY03", "SY04": "SY04", "SY05": "SY05", "SY06": "SY06",
    "SY07": "SY07", "SY08": "SY08", "SY09": "SY09",
    "SY10": "SY11",  # Ar-Raqqa
    "SY11": "SY12",  # Dar'a
    "SY12": "SY13",  # As-Sweida
    "SY13": "SY10",  # Tartous
    "SY14": "SY14",
}
OCHA_PCODES = {f"SY{n:02d}" for n in range(1, 15)}


def ocha_pcode(month: str, code: str) -> str:
    """The OCHA P-code of a staged governorate code (see LEGACY_PCODE_MONTHS)."""
    if LEGACY_PCODE_MONTHS[0] <= month <= LEGACY_PCODE_MONTHS[1]:
        return STAGING_PCODE_TO_OCHA[code]
    if code not in OCHA_PCODES:
        sys.exit(f"{month}: unknown governorate P-code {code!r}")
    return code

# Perpetrator codes the staged months use that the package did not have yet. The staging files
# declare some of them with differing wordings; this is the one definition the package keeps.
NEW_PERPETRATORS = [
    {"perpetrator_id": "syrian-russian-joint", "party_group": "main", "sort_order": "8",
     "name_en": "Syrian regime and Russian forces (joint attack)", "name_ar": "هجوم جوي روسي/ سوري",
     "description_en": "An attack a source attributes jointly to Syrian regime and Russian forces "
                       "(\"a Russian/Syrian air attack\") without assigning it to one of them."},
    {"perpetrator_id": "turkistan-islamic-party", "party_group": "main", "sort_order": "9",
     "name_en": "Turkistan Islamic Party", "name_ar": "الحزب الإسلامي التركستاني",
     "description_en": "The Turkistan Islamic Party, which the 2019 reports list among the extremist "
                       "Islamic groups, next to ISIS and Hay'at Tahrir al Sham."},
    {"perpetrator_id": "other-parties", "party_group": "other", "sort_order": "100",
     "name_en": "Other parties (not broken down by the source)", "name_ar": "جهات أخرى",
     "description_en": "The reports' 'other parties' group given as a single figure, because the "
                       "available source does not break it down into its categories (landmines of "
                       "unknown origin, gunfire of unknown source, bombings whose perpetrators have not "
                       "yet been identified, killings by unknown persons, border guards, drowning, "
                       "shelling from unknown source and others). Sources also word it 'unidentified "
                       "parties' or 'parties SNHR could not identify'. Where a month also lists one of "
                       "these categories separately, this figure covers the rest (see the month's notes)."},
    {"perpetrator_id": "lebanese-security-forces", "party_group": "other", "sort_order": "108",
     "name_en": "Lebanese forces", "name_ar": "القوات اللبنانية",
     "description_en": "Lebanese state security forces (also worded 'Lebanese security forces', "
                       "قوات الأمن اللبناني)."},
]

# Changes to the staged data, each with its reason. Keys replace the staged values; "headline"
# is merged key by key.
CORRECTIONS = {
    "2018-07": {
        "why": "The staged torture_deaths 546 is the sum of the two party figures the article states (regime "
               "542, armed opposition 4), not a stated total; the parts stay in torture_deaths.csv. The 15 "
               "massacres are stated for July 2018 by SNHR's July massacre report (SMART News, 9 August "
               "2018), which the staging file kept in notes only.",
        "headline": {"torture_deaths": None, "massacres": 15},
    },
    "2018-08": {
        "why": "Spot-check: SNHR's reports on August 2018 state 2 medical personnel (Watan FM, "
               "watan.fm/news/syria-news/49986) and 2 media workers, one killed by regime forces and one by "
               "Russian forces (SNHR's August media report: Watan FM and sy-24.com/22778), both for August.",
        "headline": {"medical": 2, "media": 2},
        "personnel": [
            {"category": "media", "perpetrator": "syrian-regime", "deaths": 1},
            {"category": "media", "perpetrator": "russia", "deaths": 1},
        ],
    },
    "2018-09": {
        "why": "The staged torture_deaths 41 is the regime's torture figure inside its 78; the text read "
               "states no monthly torture total (the staging file marks torture partial). The 41 stays in "
               "torture_deaths.csv.",
        "headline": {"torture_deaths": None},
    },
    "2018-10": {
        "why": "SNHR's own October 2018 massacre report (snhr.org/blog/2018/11/06/52829/) states 5 "
               "massacres in October and 211 since the start of 2018; the staging file kept them in notes.",
        "headline": {"massacres": 5, "ytd_massacres": 211},
    },
    "2018-11": {
        "why": "The staged torture_deaths 14 is Enab Baladi's figure for the regime ('alongside 14 others "
               "killed under torture'), not a stated monthly total (the staging file marks torture partial); "
               "it stays in torture_deaths.csv. SNHR's own November 2018 massacre report "
               "(sn4hr.org/blog/2018/12/06/52927/) states 8 massacres in November and 219 since the start "
               "of 2018.",
        "headline": {"torture_deaths": None, "massacres": 8, "ytd_massacres": 219},
    },
    "2018-12": {
        "why": "SNHR's annual massacre report 'At Least 223 Massacres Documented in Syria in 2018, Including "
               "Four Massacres in December' (5 January 2019) states 4 massacres in December and 223 in 2018.",
        "headline": {"massacres": 4, "ytd_massacres": 223},
    },
    "2019-06": {
        "why": "Spot-check found a Jisr TV article (1 July 2019) quoting the June/first-half report "
               "with June children, women and two party figures the staging file lacked.",
        "source_title": "Jisr TV: 'سوريا.. توثيق مقتل 1864 مدنياً بالنصف الأول من 2019' (1 July 2019), "
                        "article quoting SNHR's report on June and the first half of 2019",
        "source_url": "https://jisrtv.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1-%D8%A7%D9%84%D8%AC%D8%B3%D8%B1/"
                      "%D8%A7%D9%84%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1-%D8%A7%D9%84%D8%B3%D9%88%D8%B1%D9%8A%D8%A9/"
                      "%D8%B3%D9%88%D8%B1%D9%8A%D8%A7-%D8%AA%D9%88%D8%AB%D9%8A%D9%82-%D9%85%D9%82%D8%AA%D9%84-"
                      "1864-%D9%85%D8%AF%D9%86%D9%8A%D8%A7%D9%8B-%D8%A8%D8%A7%D9%84%D9%86%D8%B5%D9%81-"
                      "%D8%A7%D9%84%D8%A3%D9%88%D9%84-%D9%85%D9%86-2019/",
        "headline": {"children": 91, "women": 39},
        "headline_quote": "وثَّق في حزيران الماضي، مقتل 347 مدنيا، بينهم 91 طفلاً و39 امرأة، منهم 231 مدنياً "
                          "قتلوا على يد قوات النظام، فيما قتلت القوات الروسية 6 مدنيين",
        "civilian_deaths": [
            {"perpetrator": "syrian-regime", "deaths": 231, "children": None, "women": None},
            {"perpetrator": "russia", "deaths": 6, "children": None, "women": None},
        ],
    },
    "2019-09": {
        "why": "The medical worker was killed by a car bomb whose perpetrator could not be identified: "
               "that is the 'bombings whose perpetrators have not yet been identified' category.",
        "personnel": [{"category": "medical", "perpetrator": "bombings-unidentified", "deaths": 1}],
    },
    "2019-11": {
        "why": "Spot-check: The New Arab's report of the same SNHR release lists the Turkistan Islamic "
               "Party (4) and the armed opposition (1) separately; syriakurd.com, used in staging, folds "
               "them into 'other parties' (131 = 126 + 4 + 1).",
        "civilian_deaths": [
            {"perpetrator": "syrian-regime", "deaths": 56, "children": 19, "women": 6},
            {"perpetrator": "russia", "deaths": 70, "children": 26, "women": 11},
            {"perpetrator": "isis", "deaths": 5, "children": 0, "women": 0},
            {"perpetrator": "hts", "deaths": 6, "children": 1, "women": 1},
            {"perpetrator": "armed-opposition", "deaths": 1, "children": 0, "women": 0},
            {"perpetrator": "sdf", "deaths": 6, "children": 2, "women": 0},
            {"perpetrator": "coalition", "deaths": 3, "children": 0, "women": 0},
            {"perpetrator": "turkistan-islamic-party", "deaths": 4, "children": 0, "women": 0},
            {"perpetrator": "other-parties", "deaths": 126, "children": 24, "women": 14},
        ],
    },
    "2020-06": {
        "why": "The staged June figure (118) came from radioalkul.com/?p=466606, which gives no year; a "
               "later search found it is SNHR's figure for June 2023 (irfaasawtak.com, 3 July 2023). "
               "June 2020's own figures were not found, so the cell is empty.",
        "headline": {"civilians": None},
    },
    "2021-01": {
        "why": "The staging file had no publication date; Ninar Press states the report was issued on "
               "Monday 1 February 2021.",
        "published": "2021-02-01",
    },
    "2022-01": {
        "why": "SNHR's wording '69 civilians ... including 18 children, four women and eight individuals due "
               "to torture' counts the torture victims inside the total, read as true as in 2021 (e.g. "
               "2021-05); the staging file had null.",
        "headline": {"torture_in_civilians": True},
    },
    "2022-02": {
        "why": "The medical worker's perpetrator is not stated in the texts read (the staging file put it "
               "under other parties with the remark 'perpetrator unknown'), so no personnel row, as in "
               "2020-08. SNHR's wording '161 civilians ... including ... 66 individuals who died as a result "
               "of torture' counts the torture victims inside the total (the regime's 77 include them); the "
               "staging file had null.",
        "headline": {"torture_in_civilians": True},
        "personnel": [],
    },
    "2022-04": {
        "why": "SNHR's wording '101 civilians ... including 17 children, 14 women, and six individuals who "
               "died as a result of torture' counts the torture victims inside the total; the staging file "
               "had null.",
        "headline": {"torture_in_civilians": True},
    },
    "2022-05": {
        "why": "SNHR's press release (as reproduced by Zaman al-Wasl): '78 civilians ... including 14 "
               "children, 11 women, and eight individuals who died as a result of torture' counts the "
               "torture victims inside the total; the staging file had null.",
        "headline": {"torture_in_civilians": True},
    },
    "2022-06": {
        "why": "SNHR's wording '92 civilians ... including 19 children, 16 women, and six victims who died "
               "due to torture' counts the torture victims inside the total; the staging file had null.",
        "headline": {"torture_in_civilians": True},
    },
    "2022-11": {
        "why": "The page shown is SNHR's monthly summary of 5 December 2022 (URL date); as for 2020-10 and "
               "2021-09, published is that page's date. The death-toll report itself came out on 1 December "
               "2022 (Syria News, Al-Tareek), the date the staging file had.",
        "published": "2022-12-05",
    },
}

ARTICLE = "Figures come from an article quoting SNHR, not from SNHR's own report page. "

# Condensed notes per month: which source each figure came from, conflicts, implied zeros, gaps.
NOTES = {
    "2018-07": ARTICLE + (
        "Source: Baladi News (Arabic) quoting SNHR's July 2018 death-toll report; SNHR's own page was not "
        "found. Published 2018-08-02 is worked out from weekday wording: Anadolu's French report "
        "(yenihaberden.com) says the report was 'publié jeudi', and Thursday was 2 August 2018 (Baladi says "
        "only 'today'). Parties: regime 684 (27 children, 32 women, 542 due to torture), 'forces believed "
        "to be Russian' 6 (5 children), ISIS 85 (17 children, 16 women), HTS 2, armed opposition 9 (1 "
        "child, 4 due to torture), SDF ('self-administration forces') 11 (3 children), coalition 10 (2 "
        "children, 1 woman), other parties 79 (the excerpt is cut off, children/women not visible); they "
        "sum to 886. Overall children and women are not stated in the text read. Deaths due to torture: "
        "the article gives regime 542 and armed opposition 4, inside the party figures (so torture is "
        "counted inside the 886), but no monthly total; their sum (546, the staged figure) is not a stated "
        "figure, so the torture_deaths cell is empty and the two parts are in torture_deaths.csv. SNHR's "
        "separate July 2018 torture report (sy-24.com/21126, released Thursday) states 547: regime 542, "
        "armed opposition 4, other parties 1; not entered (different report). Conflict: Anadolu gives 887 "
        "civilians, 547 torture deaths and armed opposition 11 (apparently with HTS's 2), and 675 regime "
        "torture deaths since the start of 2018; Baladi's 886 is used. Governorates (top three only): "
        "Dar'a 177, Homs 139, Rural Damascus 128. Massacres (15) from SNHR's July 2018 massacre report as "
        "quoted by SMART News (smartnews-agency.com, 9 August 2018), which states them for July: regime 7 "
        "(Dar'a and Quneitra), Russia 1 (al-Mayadin), ISIS 6 (5 in As-Sweida, 1 in Deir-ez-Zor), other "
        "parties 1; 219 killed incl. 38 children and 30 women; no dates, so none in massacres.csv. SMART's "
        "'218 massacres from January to the end of July 2018' is not entered: it is above SNHR's own 211 "
        "to the end of October (see RECONCILIATION.md). Year to date: 5,645 civilians since the start of "
        "2018 (4,144 by the Syrian-Russian alliance). Personnel not stated."),
    "2018-08": ARTICLE + (
        "Sources: TRT World (Anadolu, English) and Halab Today (halabtodaytv.net/archives/70106, Arabic). "
        "TRT says the report was released 'on Saturday'; Saturday was 1 September 2018, so published "
        "2018-09-01 is worked out from that weekday wording. 391 civilians incl. 66 children (both "
        "sources) and 37 women (Halab Today). Parties: regime 239 (13 children, 8 women), Russia 36 (20 "
        "children, 7 women; Halab Today), SDF (TRT: 'PKK-linked YPG') 15 (3 children, 3 women), ISIS 12 (5 "
        "children, 1 woman), 'unidentified parties' 88 (25 children, 17 women; entered as other parties); "
        "they sum to 390, one short of 391: the remaining victim's party is not named in either article "
        "(HTS, armed opposition and coalition are not mentioned), so the breakdown is partial. Deaths due "
        "to torture are not mentioned in these articles; SNHR's separate August torture report "
        "(snhr.org/blog/2018/09/02/52631/) documents 198, 194 of them by regime forces; not entered "
        "(different report; whether they fall inside the 391 is not stated). Personnel: Watan FM "
        "(watan.fm/news/syria-news/49986), on SNHR's reports about August, states 391 civilians and 2 "
        "medical personnel (perpetrators not stated, so no rows); SNHR's August media-workers report "
        "(sy-24.com/22778 and Watan FM) states 2 media workers killed in August, one by regime forces and "
        "one by Russian forces, and 22 since the start of 2018. Both counts were added at import (the "
        "staging file kept the media count in notes). Massacres and governorate figures not found. Year to "
        "date: 6,036 civilians in the first eight months of 2018."),
    "2018-09": ARTICLE + (
        "Source: Baladi News (Arabic); the report came out 'today, Monday'; Monday was 1 October 2018, so "
        "published 2018-10-01 is worked out from that weekday wording. Only the opening of the article "
        "was read; it breaks off at the coalition figure. Parties: regime 78 (13 children, 3 women, 41 due "
        "to torture), 'forces believed to be Russian' 17 (6 children, 5 women), ISIS 17 (5 children, 1 "
        "woman), HTS 1, SDF ('Kurdish self-administration forces') 20 (3 children, 1 woman), coalition 3 "
        "(children/women not seen); 136 of the 192, armed opposition and other parties not captured. "
        "Overall children and women are not visible. Deaths due to torture: the article gives only the "
        "regime's 41, inside its 78 (so torture is counted inside the civilians); no monthly total is "
        "stated in the text read, so the torture_deaths cell is empty (the staging file had 41) and the "
        "41 is in torture_deaths.csv. SNHR's separate torture reports, as quoted by Syria TV (3 November "
        "2018), also name 41 victims of torture in regime prisons in September; not entered as the "
        "month's total. Year to date: 6,228 civilians since the start of 2018 (4,514 by the "
        "Syrian-Russian alliance). The regime continued for the fourth month to reveal deaths of "
        "forcibly disappeared detainees through civil-registry notices. Personnel, massacres and "
        "governorate figures not found."),
    "2018-10": ARTICLE + (
        "Source: Al-Araby Al-Jadeed flash news of 1 November 2018 quoting the report. Parties: coalition "
        "43 (16 children, 4 women), 'regime forces and Iranian militias' 42 (12 children, 6 women; entered "
        "as syrian-regime), ISIS 15 (1, 2), HTS 4 (2 children), SDF ('Kurdish units') 12 (3, 1), armed "
        "opposition 2 (1 child), 'unidentified parties' 49 (entered as other parties); they sum to 167. "
        "Russian forces are not mentioned. HTS and armed-opposition women, other parties' children/women "
        "and the overall children/women are not stated. Massacres (5) from SNHR's own October 2018 "
        "massacre report (snhr.org/blog/2018/11/06/52829/, 6 November 2018), which states them for "
        "October: coalition 4, ISIS 1, all in Deir-ez-Zor; no dates or places, so not in massacres.csv; "
        "the same report gives 211 massacres since the start of 2018 (ytd_massacres); both added at "
        "import (the staging file kept them in notes). Deaths due to torture are not in the article; "
        "SNHR's separate October torture report (Syria TV, 3 November 2018) documents 16 (regime 14, SDF "
        "2; 949 since the start of 2018), not entered (different report). Year to date: 6,395 civilians "
        "since the start of 2018 (4,556 by regime and Russian forces). Personnel and governorate figures "
        "not found."),
    "2018-11": ARTICLE + (
        "Source: an Anadolu (Arabic) news item mirrored on SNHR's press page "
        "media.snhr.org/blog/2018/12/01/60388, cross-checked with Enab Baladi (enabbaladi.net/266876, 1 "
        "December 2018) and Halab Today (halabtodaytv.net/archives/40898). 231 civilians incl. 89 children "
        "and 31 women. Parties: coalition 79 (42 children, 17 women), regime 72 (22, 6), ISIS 19 (9, 4), "
        "SDF ('YPG/PKK') 11 (3 children), armed opposition 2, HTS 1, other parties 47; they sum to 231. "
        "Russian forces are not mentioned. Enab Baladi's 13 children and 4 women for the 'other' group are "
        "ambiguously worded and not used. Deaths due to torture: Enab Baladi (not the SNHR-mirrored item) "
        "says the regime killed 72 'alongside 14 others killed under torture': entered as 14 by the regime "
        "in torture_deaths.csv and read as outside the 231 (the parties already sum to 231); no monthly "
        "torture total is stated, so the torture_deaths cell is empty (the staging file had 14). Massacres "
        "(8) from SNHR's own November 2018 massacre report (sn4hr.org/blog/2018/12/06/52927/, 6 December "
        "2018), which states them for November (6 by the coalition; 54 children killed in them, 39 of them "
        "by the coalition in Deir-ez-Zor); no dates or places, so not in massacres.csv; 219 since the "
        "start of 2018 (ytd_massacres); both added at import. Year to date: 6,626 civilians since the "
        "start of 2018 (4,628 by the Syrian-Russian alliance). Halab Today: children about 39% of the "
        "total; Deir-ez-Zor had the most victims (no numbers). Personnel and governorate figures not "
        "found."),
    "2018-12": (
        "Headline from SNHR's own page (snhr.org/?p=52952, only its opening is readable): 6,964 civilians "
        "in 2018, 108 in December. Published 2019-01-01 is worked out from weekday wording: Albawaba says "
        "the report came out 'today, Tuesday', and Tuesday was 1 January 2019; the page opening shows no "
        "date. No December breakdown was found (about 8 queries). Year-to-date civilians are the full-year "
        "2018 figure, 6,964. Massacres (4 in December, 223 in 2018) from SNHR's annual massacre report "
        "'At Least 223 Massacres Documented in Syria in 2018, Including Four Massacres in December' (5 "
        "January 2019; docslib.org copy of the PDF), which states them for December and for the year; "
        "added at import; no December massacre details read, so none in massacres.csv. 2018 massacres by "
        "party (same report): regime 130, Russia 27, ISIS 8, SDF 4, coalition 28, other parties 26; 2,741 "
        "killed in them incl. 826 children and 565 women. Deaths due to torture: SNHR's separate 2018 "
        "torture report (media.snhr.org/blog/2019/01/03/59722; maghress.com quoting DPA) gives 976 in "
        "2018 (regime 951, ISIS 1, armed opposition 9, SDF 10, other parties 5) and 12 in December, all "
        "by the regime; not entered (different report; whether counted inside the civilians is not "
        "stated). Full year 2018 (albawaba.net, mugtama.com/02/158592, baladi-news.com 39156, "
        "halabtodaytv.net 47084, quoting the report): 1,436 children and 1,361 females; Syrian-Russian "
        "alliance 4,629; regime 4,162 (713 children, 562 women), Russia 467 (169, 51), ISIS 446 (82, 41; "
        "Halab Today says 466), HTS 32 (7, 1), armed opposition 48 (14, 7), SDF 285 (29, 26), coalition "
        "417 (175, 90), other parties 1,107 (247, 145); Rural Damascus 31%, Idlib 24%, Aleppo 11% of the "
        "year's victims. Media workers: 24 killed in 2018 (SNHR's annual media report, Watan FM). See "
        "RECONCILIATION.md."),
    "2019-01": ARTICLE + (
        "Sources: SNHR's Arabic press-digest pages media.snhr.org/blog/2019/02/01/59378 and /59548, "
        "cross-checked with rozana.fm, yenihaberden.com (Anadolu, French) and en.etilaf.org; report "
        "published Friday 1 February 2019. Torture deaths (14) are 'in addition to' the 197 civilians. "
        "Other parties: the digests repeat the coalition line (37 incl. 15 children, 12 women); Rozana "
        "and Anadolu give 55, which makes the parties sum to 197, so 55 is used with children/women "
        "unknown; etilaf's '64 by untraceable groups' does not fit and is not used. HTS women and "
        "armed-opposition children/women are not stated. Torture: regime 11, armed opposition 2, SDF 1. "
        "Medical (2): one by regime forces (died due to torture in detention, per the digest), one by "
        "HTS (etilaf). Media, Civil Defence, massacres and year-to-date figures are not stated in the "
        "sources found; no governorate figures."),
    "2019-02": ARTICLE + (
        "Source: Courrier Arabe (French, Anadolu-based), report published Friday 1 March 2019. The "
        "parties listed sum to 246, so the 29 torture deaths are outside the civilian total, as SNHR's "
        "first-half-2019 release also states ('in addition to'). SDF is worded 'YPG/PKK'; 'military "
        "opposition and armed groups' (5 incl. 2 children) is entered as armed opposition and may "
        "include HTS; Russia and HTS are not mentioned; children/women of the 77 'unidentified "
        "parties' are not stated. Torture: 26 by the regime; the other 3 are said to be by armed "
        "opposition groups, YPG/PKK and an unidentified group, split not explicit, so not entered. "
        "Caution: Anadolu-based coverage sometimes gives other 'women' counts than SNHR (the 2019 "
        "annual: 747 vs SNHR's 486 adult women). Personnel, massacres and year-to-date figures are not "
        "given; no governorate figures."),
    "2019-03": ARTICLE + (
        "Sources: sharkiaonline.net/news_144092 and baladi-news.com/public/ar/articles/42927 (same "
        "figures), SNHR's digest media.snhr.org/blog/2019/04/01/60948 and fr.azvision.az (Anadolu); "
        "report published Monday 1 April 2019. Torture deaths (30) are 'in addition to' the 334. "
        "Conflicts: the digest gives regime 76 (the others 78, used); Anadolu gives the regime Russia's "
        "children/women (13, 8) and lumps HTS with the opposition (6 incl. 1 child). Party women sum to "
        "the stated 63, so 0 is entered for ISIS, HTS and armed opposition; party children sum to 85, "
        "not the stated 87 (gap unexplained; armed-opposition children left empty). Torture: regime 26, "
        "SDF 2, other parties 2 (Baladi's sentence is truncated, read as 2 each). Civil Defence: 1 by "
        "regime artillery, 1 by Russian bombing; media: 1 by regime forces, 1 by a Russian fixed-wing "
        "aircraft. Year to date: the digest and Anadolu state 776 civilians since the start of 2019, "
        "entered as stated; it is 1 below the sum of the monthly figures as stated "
        "(197 + 246 + 334 = 777), see RECONCILIATION.md. Medical personnel and massacres are not "
        "mentioned; no governorate figures."),
    "2019-04": ARTICLE + (
        "Source: the Syrian Coalition's English news site (en.etilaf.org), report published Wednesday "
        "1 May 2019; same figures in haber365.com.tr (Anadolu, Turkish). The 124 civilians (34 children, "
        "16 women) 'killed in various explosions' are SNHR's 'other parties' (Anadolu: 'parties of "
        "unknown identity'). Parties sum exactly to 324 / 74 / 44, so HTS children and women are 0. "
        "Torture (54): regime 50, HTS 3, SDF ('PYD militia') 1; outside the 324. Massacres (9): regime "
        "2, Russia 2, SDF 1, unidentified 4; dates and places not given, so not in massacres.csv. Year "
        "to date: 1,101 civilians and 35 massacres since the start of 2019. Medical, media and Civil "
        "Defence deaths are not mentioned; no governorate figures."),
    "2019-05": ARTICLE + (
        "Source: Jisr TV (Arabic), Saturday 1 June 2019, 'report issued today'. Overall children and "
        "women are not stated. Parties listed sum to 410 of the 416: 6 are not attributed in the "
        "article (armed opposition and coalition are not mentioned). Other parties (73 incl. 28 "
        "children, 3 women) are drowning, landmines, random shelling etc. SDF, ISIS and HTS "
        "children/women are not stated. Torture (14): regime 11, SDF 2, other parties 1; counted in "
        "addition to the civilians, as SNHR's first-half-2019 release states. Medical: 4, all by regime "
        "forces; media and Civil Defence not mentioned. Massacres (12): regime 9, Russia 2, SDF 1; no "
        "dates or places, so not in massacres.csv; 47 since the start of 2019. No governorate figures."),
    "2019-06": ARTICLE + (
        "Sources: Jisr TV (Arabic), Monday 1 July 2019, 'report issued today' (June: 347 incl. 91 "
        "children and 39 women; regime 231, Russia 6, 'the rest by the other parties'); "
        "izmirhabermerkezi.com (Anadolu, Turkish: 2019 monthly totals 197, 246, 334, 324, 416, 347); "
        "SNHR's first-half release (reliefweb): '1,864 Civilians ... in addition to 159 persons who died "
        "due to torture', '59 Massacres' (the year-to-date fields). June children, women, regime and "
        "Russia figures were added at import after spot-checking (the staging file had only 347). June "
        "torture, massacres and personnel are not stated in the sources found. First half 2019 (Jisr TV, "
        "media.snhr.org/blog/2019/07/01/59477): 468 children, 285 women; regime 891, Russia 149, ISIS 82, "
        "HTS 25, armed opposition 14, SDF 99, coalition 64, other parties 540; 6 media, 15 medical, 6 "
        "Civil Defence. No governorate figures."),
    "2019-07": ARTICLE + (
        "Source: Watan FM (Arabic), Thursday 1 August 2019. Stated: 433 civilians, 15 massacres, 2 media "
        "workers, 8 'medical personnel and Civil Defence teams' (combined, so medical and Civil Defence "
        "are left empty), and 28 deaths due to torture 'in addition' (فضلا عن): regime 25, SDF 3. Per "
        "party only combined figures: regime and Russia 318 incl. 138 children and 82 women; 'SDF and "
        "HTS each killed four civilians' (4 each or 4 together is unclear); so no party rows. Overall "
        "children/women, massacre details and year-to-date figures are not given; no governorate "
        "figures."),
    "2019-08": (
        "Headline from SNHR's English press release (snhr.org). Children, women, parties, personnel and "
        "torture from SNHR's Arabic digest media.snhr.org/blog/2019/09/01/59612 (confirmed by "
        "freshsyria.net and newarab.com). Parties sum exactly to 267 / 72 / 21, so ISIS, HTS and "
        "armed-opposition children and women are 0. 'Five medical and Civil Defense personnel' = 2 "
        "medical (Russian attacks) + 3 Civil Defence (1 regime, 2 Russian attacks); the media worker "
        "died in HTS prisons. Torture (25, 'in addition to'): regime 18, HTS 1, SDF 1, other parties 5 "
        "(incl. a woman and her fetus). The 7 massacres are not described in the sources found, so none "
        "are in massacres.csv. No year-to-date or governorate figures."),
    "2019-09": (
        "Headline from SNHR's English press release (sn4hr.org); 18 children and 12 women also in SNHR's "
        "Arabic digest media.snhr.org/?p=60407. Parties from the Arabic article vedeng.co quoting the "
        "report (not found again in the spot-check): regime 44, Russia 1, HTS 2, armed opposition 2, "
        "'six civilians including one child by unknown persons' (entered as killings-unknown, as "
        "worded; it stands where SNHR usually lists the SDF and may be an article error - check against "
        "the PDF), other parties 63 (the rest). Parties sum exactly to 118 / 18 / 12, so unstated "
        "children/women are 0. Torture (22, 'in addition to'): regime 21, armed opposition 1. Medical "
        "(1): killed by a car bomb whose perpetrator could not be identified (entered as "
        "bombings-unidentified; the staging file had other-parties). Massacres (2): both by other "
        "parties, no dates or places, so not in massacres.csv. No year-to-date or governorate figures."),
    "2019-10": ARTICLE + (
        "Sources: SY24 (sy-24.com/?p=41804, Friday 1 November 2019, main), hibrpress.com (ISIS 3, SDF "
        "30, massacre) and Watan FM (watan.fm/news/syria-news/133623, year to date). Torture (27) is "
        "'in addition to' the 171, all by the regime. Russia: 3 'including at least one woman' "
        "(children/women left empty). HTS left out: SY24 says 5, Watan says 'ISIS and HTS killed 5' "
        "together; with HTS 5 the parties would sum to 174, not 171. SY24 ends 'during September', a "
        "slip for October. Other parties include unidentified bombings, landmines and victims of the "
        "Turkish 'Peace Spring' operation (Watan). Media (2): killers not identified, entered as other "
        "parties. Massacre (1): by regime forces in Idlib governorate, no date or place, so not in "
        "massacres.csv. Year to date: 2,853 civilians (Watan); its '84 massacres by Assad forces and "
        "Russia' is not clearly all massacres and is not entered. No governorate figures."),
    "2019-11": (
        "Headline from SNHR's English press release (sn4hr.org). Children/women totals and parties from "
        "The New Arab (newarab.com/news/almost-300-civilians-killed-syria-last-month, 2 December 2019), "
        "confirmed by syriakurd.com and halabtodaytv.net: regime 56 (19 children, 6 women), Russia 70 "
        "(26, 11), ISIS 5, HTS 6 (1, 1), Turkistan Islamic Party 4, armed opposition 1, SDF ('PYD') 6 "
        "(2 children), coalition 3, other parties 126 (24, 14). syriakurd.com gives other parties as "
        "131, folding in the Turkistan Islamic Party and armed opposition; the staging file followed it "
        "and was corrected at import. Parties sum exactly to 277 / 72 / 32, so unstated children/women "
        "are 0. Torture (27, 'in addition to'): regime 25, SDF 2; 288 since the start of 2019 "
        "(syriakurd). Personnel by perpetrator and massacre details not found (13 massacres; Baladi "
        "mentions the regime's cluster-munition attack on an IDP camp in northern rural Idlib, 15 "
        "killed, without date), so none in massacres.csv. No governorate figures."),
    "2019-12": (
        "Headline only for December: SNHR's press release (sn4hr.org) gives 234 in December and the "
        "2019 totals; December children, women, torture, personnel and massacres were not found. "
        "Year-to-date fields are the full-year 2019 figures: 3,364 civilians (SNHR page), 305 deaths due "
        "to torture and 109 massacres (baladi-news.com/en/articles/55153 and syrianobserver.com quoting "
        "the report). 2019 totals in the same articles: 842 children, 486 women (Anadolu-based articles "
        "give 747 women, probably all females); regime 1,497, Russia 452, ISIS 94, HTS and other "
        "extremist groups 49, armed opposition 21, SDF 164, coalition 68, other parties 1,019; 26 "
        "medical, 13 media, 17 Civil Defence; torture: regime 275, SDF 13, HTS 4, armed opposition 4, "
        "other 9. Torture is counted 'in addition to' the civilians in 2019. See RECONCILIATION.md."),
    "2020-01": ARTICLE + (
        "Sources: Middle East Monitor (3 February 2020, Anadolu-based), same figures in hibrpress.com "
        "and Syria TV (1 February 2020, 'report issued today, Saturday'). Torture (7) is 'in addition "
        "to' the 286, all in regime detention. Parties sum to 286 / 73 / 30, so ISIS and "
        "armed-opposition children/women are 0. Other parties (92 incl. 12 children, 9 women) not "
        "broken down; HTS not mentioned. Personnel: 1 doctor killed in a bombing whose perpetrators "
        "were not identified; 3 Civil Defence by regime forces; media not mentioned. Massacres (11): "
        "regime 6, Russia 3, one raid by unidentified perpetrators, one execution by unknown persons; "
        "no dates or places, so not in massacres.csv. No year-to-date or governorate figures."),
    "2020-02": ARTICLE + (
        "Source: Syria Press (Arabic); same figures in freshsyria.net/?p=45428 and SNHR's press-coverage "
        "page media.snhr.org/blog/2020/03/02/60464, which says the report came out 'yesterday, Sunday' "
        "(1 March 2020). Torture (18) is 'in addition to' the 276. Parties sum to 276 / 66 / 43, so ISIS "
        "children/women and SDF women are 0; HTS and armed opposition not mentioned; other parties (60 "
        "incl. 11 children, 5 women) not broken down. Medical (6): regime 1, Russia 4 ('forces believed "
        "to be Russian'), 1 shot in front of his clinic by unknown gunmen (entered as killings-unknown; "
        "SNHR's category not given). Media (2): one by Russian forces, one in a 'Russian/Syrian air "
        "attack' (Syria Press and the SNHR page; Fresh Syria says a Russian raid), entered as a joint "
        "attack. Torture: regime 16, SDF 1, other parties 1. Massacres: 'at least 10', from SNHR's "
        "monthly human-rights summary as quoted by jesrpress.com and media.snhr.org/blog/2020/03/04/"
        "60465; no details. Civil Defence, year-to-date and governorate figures not found."),
    "2020-03": ARTICLE + (
        "Source: Baladi News (Arabic); same figures in Syria TV and Syria Press (1 April 2020, 'report "
        "issued today, Wednesday') and Middle East Monitor, which quotes SNHR's English wording (145 "
        "civilians 'in addition to 14 persons who died due to torture'). Year to date: 707 civilians "
        "since the start of 2020 (Middle East Monitor and Anadolu). The 2 civilians entered under HTS "
        "are 'opposition forces' in Syria TV, Syria Press and Anadolu's Arabic service; Baladi and MEMO "
        "say HTS. Parties sum to 145 / 28 / 16, so HTS children/women and SDF women are 0; other parties "
        "(76) not broken down. Medical (2): one by HTS, one by gunfire of unknown gunmen (entered as "
        "killings-unknown; SNHR's category not given). Torture (14): regime 12, other parties 2. Media, "
        "Civil Defence, massacres and governorate figures not found."),
    "2020-04": ARTICLE + (
        "Source: aajsa.com (copy of Al-Araby Al-Jadeed, 1 May 2020, 'report issued today, Friday'), "
        "cross-checked with damascusv.com/archives/23468 (same party figures; it prints 4 children in "
        "total, a typo) and radyodelal.com (78 civilians, 14 children, 7 women). The article headline's "
        "88 is 78 civilians plus 10 deaths due to torture, which are 'in addition to' the 78. The 14 "
        "children total is from Radyo Delal and equals the aajsa party figures. Parties sum to 78 / 14 / "
        "7, so unstated children/women are 0; Russia and coalition not mentioned. Media (1): died due to "
        "torture in regime detention (Radyo Delal says a medical worker instead; not used). Torture "
        "(10): regime 7, HTS 1, SDF 1, a child by Lebanese forces. Massacre (1): by unknown gunmen "
        "(aajsa; Radyo Delal mentions the Afrin bombing of 28 April 2020); no details in SNHR's terms, "
        "so not in massacres.csv. Year to date (910 at the end of May) and governorate figures not "
        "stated."),
    "2020-05": (
        "Headline (125 civilians including 8 deaths due to torture, one massacre) from SNHR's own "
        "press-release page (only its opening is stored). Children/women, parties and torture from "
        "Al-Araby Al-Jadeed's flash news of 1 June 2020 quoting the report, same figures in arrahmah.id "
        "(Anadolu), which also gives the year to date: 910 since the start of 2020. Torture victims are "
        "inside the 125 and inside the party figures (parties sum to 125 / 26 / 6, so unstated "
        "children/women are 0). A Middle East Monitor copy garbles the breakdown and is not used. The "
        "massacre (5 killed, per that copy) has no date, place or perpetrator in the sources, so it is "
        "not in massacres.csv. Personnel and governorate figures not found."),
    "2020-06": (
        "SNHR's own page (press release of 1 July 2020) gives only first-half-2020 totals, entered as "
        "year to date: 1,006 civilians incl. 3 media and 12 medical and Civil Defence personnel, 30 "
        "massacres and 71 victims who died due to torture, the torture victims 'in addition to' the "
        "1,006. The June-only figures are not stated in any source found and are left empty. A candidate "
        "figure of 118 civilians (radioalkul.com/?p=466606, which gives no year) turned out to refer to "
        "June 2023 (irfaasawtak.com, 3 July 2023, on SNHR's first-half-2023 report) and is not used. "
        "May's monthly report counted its torture victims inside the civilians; the first-half release "
        "gives the 71 torture victims in addition to the 1,006. "
        "See RECONCILIATION.md. First half 2020 by party "
        "(syrianpc.com, media.snhr.org/?p=61049): 218 children, 113 women; regime 298, Russia 205, ISIS "
        "7, HTS 17, armed opposition 9, SDF 34, other parties 436. No June breakdown of any kind found."),
    "2020-07": ARTICLE + (
        "Source: Syria TV (Arabic, 2 August 2020, 'report issued today'); same figures in ayyamsyria.net "
        "(published 2 August 2020) and observatoryihr.org (English). Parties: regime 21 (4 children), "
        "armed opposition/National Army 7 (4 children, 2 women), HTS 2, SDF 4, other parties 73 (18, 9); "
        "they sum to 107 / 26 / 11, so unstated children/women are 0; no Russian-attributed deaths "
        "listed. Torture (13): regime 10, armed opposition 1, SDF 2; whether they are inside the 107 is "
        "not clear. Massacres (4): all by other parties; no dates or places, so not in massacres.csv. "
        "Personnel, year-to-date and governorate figures not found."),
    "2020-08": ARTICLE + (
        "Source: I Am A Human Story (Arabic), quoting the report titled 'توثيق مقتل 122 مدنيا بينهم 21 "
        "طفلا و7 سيدات في سوريا في آب 2020 والألغام تحصد 20% من الضحايا'. It says the report came out "
        "'yesterday, Tuesday'; 1 September 2020 was a Tuesday, so published 2020-09-01 is worked out "
        "from that wording. Parties: regime 12 (1 woman), Russia 3, SDF 8 (1 child, 1 woman), ISIS 1, "
        "National Army 1, and 97 (20 children, 5 women) whose killers SNHR could not identify (entered as "
        "other parties); they sum to 122 / 21 / 7, so unstated children/women are 0. Torture (13): "
        "regime 8, SDF 3, National Army 1, unknown parties 1; whether inside the 122 is not clear. One "
        "medical worker (perpetrator not stated, so no personnel row). One massacre, no details, so "
        "not in massacres.csv. 20% of the victims were killed by landmines. No year-to-date or "
        "governorate figures."),
    "2020-10": (
        "The page read is SNHR's 'Most Notable Human Rights Violations in Syria in October 2020' "
        "(4 November 2020), not the death-toll report itself (not found); published is that page's "
        "date. It gives 126 civilians, 18 children, 8 women, 1 media worker, 10 deaths due to torture "
        "('We also documented', so whether inside the 126 is not clear) and at least 3 massacres. "
        "Parties from Syria TV quoting SNHR: regime 31 (2 children, 2 women), Russia 2, ISIS 2 (1 "
        "child), HTS 2, National Army 1 (a child), SDF 2, coalition 7 (1 child, 1 woman), other parties "
        "79 (excerpt cut off, children/women unknown); they sum to 126. Torture by party, personnel, "
        "massacre details, year-to-date and governorate figures not found. 86 landmine deaths incl. 15 "
        "children since the start of 2020 (Syria TV, Asharq Al-Awsat)."),
    "2020-11": (
        "Headline from SNHR's own press-release page (opening only); the title's 'Including ... 30 "
        "Victims Due to Torture' puts torture inside the 172. Parties, torture and massacres from Zaman "
        "Masdar (zamanmasdar.com/archives/39611) quoting the report: regime 39 (5 children), Russia 1, "
        "ISIS 11, HTS 4, National Army 4 (1 child), SDF 7 (1 child, 1 woman), other parties 106 (9 "
        "children, 10 women); they sum to 172 / 16 / 11, so unstated children/women are 0. Conflict: "
        "hibrpress.com gives other parties 109, which would not sum to 172; 106 is used. Torture (30): "
        "regime 25, SDF 3, National Army 1, other parties 1. Massacres (2): both by other parties, one "
        "after an explosion of unknown source in al-Bab; excerpt cut off, so not in massacres.csv. 12 "
        "landmine deaths incl. 3 children (98 incl. 18 children in 2020, hibrpress). Personnel, "
        "year-to-date and governorate figures not found."),
    "2020-12": (
        "Headline only for December: the page read is a docslib.org copy of SNHR's 2020 annual report "
        "PDF (M210101, Friday 1 January 2021), whose title gives 99 civilians in December; no other "
        "December figure was found. Year-to-date fields are the full-year 2020 figures stated on SNHR's "
        "own page snhr.org/blog/2021/01/04/55797/: 1,734 civilians incl. 326 children and 169 women, "
        "13 medical, 5 media, 3 Civil Defence, 157 deaths due to torture, at least 42 massacres. 2020 "
        "by party (Halab Today TV, Damascus Voice): regime 432, Russia 211, ISIS 21, HTS 26, armed "
        "opposition 27, SDF 63, coalition 7, other parties 947 (Qasioun gives 38 women for other "
        "parties; the others give 83, consistent with 169). See RECONCILIATION.md."),
    "2021-01": ARTICLE + (
        "Source: Jesr Press (Arabic) quoting the report; same figures in Ninar Press, Baladi News, "
        "media.snhr.org/blog/2021/02/01/61089/ (Al Jazeera) and news.vpnwp.com. The staging file had no "
        "publication date; Ninar Press states the report was issued on Monday 1 February 2021. Parties: "
        "regime 17 (6 children, 2 women), SDF 1, HTS 3 (all children), other parties 92 (27 children, 4 "
        "women); they sum to 113 / 36 / 6, but SDF and HTS women were not stated and are left empty. "
        "Torture (3): all by regime forces; whether inside the 113 is not stated. 18 landmine deaths "
        "incl. 16 children. Massacres, personnel, year-to-date and governorate figures not mentioned."),
    "2021-02": ARTICLE + (
        "Source: The Syrian Observer (English, from Ayyam Al-Suria), report issued Monday 1 March 2021; "
        "confirmed by syriatrends.com, damascusv.com and SNHR's monthly summary "
        "sn4hr.org/blog/2021/03/04/55991/. Parties: regime 19 (2 children, 1 woman), SDF 6 (1 child), "
        "ISIS 1, HTS 1 (a child), armed opposition/National Army 1, other parties 110 (19 children, 10 "
        "women); they sum to 138 / 23 / 11; unstated children/women are left empty. Torture (14 incl. a "
        "child): regime 10, SDF 1, HTS 1 (the child), other parties 2; read as inside the 138 (Syria "
        "Trends: 'among them'; the HTS child appears in both lists); Damascus Voice instead adds them "
        "(152). Massacres (3): all bombings by unidentified perpetrators, 18 killed incl. 7 children and "
        "2 women; no dates or places, so not in massacres.csv. Landmines: 16 incl. 6 children. "
        "Personnel, year-to-date and governorate figures not mentioned."),
    "2021-03": (
        "Headline from SNHR's own press release (opening only); 'including ... nine victims due to "
        "torture' puts torture inside the 177. Parties, torture, personnel and massacres from SY24 "
        "quoting the report: regime 28, Russia 6, SDF 4, ISIS 2, armed opposition 1 (a woman); other "
        "parties (the largest share, per SNHR's March summary snhr.org/blog/2021/04/05/56093/) and party "
        "children/women not in the text read; HTS not mentioned. Torture (9): all regime; freshsyria.net "
        "says 14, contradicting SNHR's own pages; 9 used. Medical (1): shot by unknown persons (entered "
        "as gunfire of unknown source); Civil Defence (1): by Russian forces (SY24 and the March "
        "summary); media not mentioned. Massacres (4): regime 1, other parties 3, 41 killed incl. 7 "
        "children and 21 women; no dates or places, so not in massacres.csv. No year-to-date or "
        "governorate figures."),
    "2021-04": (
        "Headline from SNHR's own press release (title and subtitle; the body's '105 civilians' is a "
        "typo: the title, the PDF (docslib, M210501, Saturday 1 May 2021) and all news reports say 104). "
        "Torture (13) is inside the 104 ('Including ... 13 Victims Due to Torture'). Parties from Syria "
        "TV (1 May 2021): regime 18 (5 children, 3 women), Russia 1, 'each of' HTS and armed "
        "opposition/National Army 2 (syrianpc.com's wording could mean 2 together); SDF 11 (2 children) "
        "from syrianpc.com; other parties not in the text read. Torture: regime 9, SDF 3 (syrianpc); one "
        "not attributed. The one massacre (by regime forces, 7 killed; syrianpc) has no date or place in "
        "the sources, so details are not available and it is not in massacres.csv. Landmines: 11 incl. "
        "7 children (96 incl. 35 children since the start of 2021). Personnel, year-to-date and "
        "governorate figures not mentioned."),
    "2021-05": (
        "Headline from SNHR's own press release (sn4hr.org, opening only); SNHR's May summary "
        "(pro-justice.org, 8 June 2021) repeats 96 / 15 / 11 and 9 deaths due to torture. Torture is "
        "inside the 96 ('including ... nine victims due to torture'). Parties from Fresh Syria quoting "
        "the report: regime 12 (2 children, 3 women), SDF 13 (2 children), HTS 3, 'revolutionary "
        "factions' (armed opposition) 1, and 65 (11 children, 8 women) 'by unknown parties' (entered as "
        "other parties); these sum to 94, so 2 deaths are not attributed in the text read. Torture: "
        "regime 5, SDF 2; 2 not attributed. Massacres, personnel, year-to-date and governorate figures "
        "not mentioned."),
    "2021-06": (
        "Headline only: SNHR's own press release (1 July 2021, opening only) gives June's 95 civilians "
        "incl. 22 children, 8 women and 11 victims due to torture (inside the 95), and 723 civilians in "
        "the first half of 2021. The torture (59) and massacre (10) year-to-date figures are from Jesr "
        "Press quoting the same report. No June breakdown of any kind was found. First half 2021 (Jesr "
        "Press): 145 children, 79 women; regime 115, Russia 20, ISIS 7, HTS 9, armed opposition 7, SDF 42 "
        "(syria-press.com says 24, which would not sum), coalition 1, other parties 522."),
    "2021-07": (
        "Headline from SNHR's own press release (snhr.org, opening only); torture (10) is inside the "
        "129. Parties and torture from the Syrian Press Center (syrianpc.com), report of Sunday 1 August "
        "2021: regime 46 (20 children, 6 women), Russia 21 (12, 3), SDF 11 (2 children), HTS 1, other "
        "parties 50 (10, 8); they sum to 129 / 44 / 17, so SDF women and HTS children/women are 0. "
        "Shamna gives other parties 51 (apparently folding in the HTS victim). Torture: regime 8, SDF 2 "
        "(syrianpc's sentence does not repeat the word torture). Personnel (1 medical, 1 Civil Defence, "
        "1 media) and 4 massacres from SNHR's July summary (snhr.org/blog/2021/08/04/56641/); "
        "perpetrators and massacre details not available, so no personnel rows and nothing in "
        "massacres.csv. No year-to-date or governorate figures."),
    "2021-08": ARTICLE + (
        "Source: Ninar Press (Arabic), report released Wednesday 1 September 2021; Halab Today TV "
        "(report published 'yesterday, Wednesday') confirms 94 / 32 / 10 and gives the 7 deaths due to "
        "torture (also AOHR). Parties: regime 25 (10 children, 2 women), Russia 9 (8 children, 1 woman), "
        "National Army 7 (3 children), SDF 7 (2 children, 1 woman), HTS 1, other parties 45 (9, 6); they "
        "sum to 94 / 32 / 10, so National Army women and HTS children/women are 0. Whether the torture "
        "victims are inside the 94 is not stated. Year to date: 946 civilians since the start of 2021 "
        "(Ninar Press). Torture by party, personnel and massacres not found; Idlib had about 23% of the "
        "toll (percent only)."),
    "2021-09": (
        "Headline only. The dedicated death-toll report was not found; the page read is SNHR's 'The "
        "Most Notable Human Rights Violations in Syria in September 2021' (4 October 2021), and "
        "published is that page's date. It gives 86 civilians incl. 23 children and 9 women, the largest "
        "share by other parties, and 'Among the victims were eight individuals who died due to torture' "
        "(inside the 86). No breakdown, personnel, massacre, year-to-date or governorate figures found."),
    "2021-10": (
        "Headline from SNHR's own page (sn4hr.org, opening only); torture (7) inside the 84. Parties, "
        "torture and massacres from Zaman al-Wasl and Arrahmah quoting the report: regime 32 (7 "
        "children, 3 women), HTS 2, SDF 5, armed opposition/National Army 1, other parties 44 (15 "
        "children, 1 woman); no Russian figure (the parties listed already sum to 84), so unstated "
        "children/women are 0. Torture: regime 6, SDF 1. Massacres (2): one by regime forces, one an "
        "explosion by unidentified perpetrators; no dates or places, so not in massacres.csv. SNHR's "
        "October summary (snhr.org/blog/2021/11/04/57004/) confirms 84 / 22 / 4, 7 and 2. Landmines: 7 "
        "incl. 6 children. Personnel, year-to-date and governorate figures not found."),
    "2021-11": (
        "Headline from SNHR's own page (snhr.org, opening only); torture (6) inside the 86. Parties from "
        "The Syrian Observer quoting the report: regime 10 (2 children, 1 woman), Russia 8 (3, 2), SDF 4, "
        "other parties 64 (74%); children/women of SDF and other parties not stated (11 children and 5 "
        "women remain unattributed between them). Torture by party not available (the excerpt hints "
        "that one SDF victim died due to torture). Medical (2) and massacres (2) from SNHR's November "
        "summary (sn4hr.org/blog/2021/12/04/57122/); perpetrators and massacre details not available. "
        "4 civilians killed by unidentified gunmen in al-Hol camp; 16 landmine deaths incl. 7 children "
        "(Syria TV). No year-to-date or governorate figures."),
    "2021-12": (
        "December headline from SNHR's own page (1 January 2022, opening only): 69 civilians incl. 16 "
        "children, 7 women and 7 victims of torture (inside the 69). The one massacre is from SNHR's "
        "December summary (snhr.org/blog/2022/01/04/57210/); no details, so not in massacres.csv. No "
        "December breakdown found. Year-to-date fields are the full-year 2021 figures: 1,271 civilians "
        "and 104 victims of torture (SNHR page) and 19 massacres (Syrian Press Center quoting the "
        "report). 2021 children: the page title says 299, its body says 229 (news coverage is split), "
        "not resolved. 2021 by party (Damascus Voice, Souria Post): regime 261, Russia 65, ISIS 7, HTS "
        "17, armed opposition 24, SDF 75, coalition 2, other parties 820; 7 medical, 3 Civil Defence, 1 "
        "media (Middle East Monitor). See RECONCILIATION.md."),
    "2022-01": (
        "Headline from SNHR's own press release (sn4hr.org mirror of snhr.org, opening only): 69 civilians "
        "incl. 18 children, 4 women and 8 due to torture ('including', so torture is counted inside the 69; "
        "corrected at import, the staging file had it unclear); 48 (69%) by other parties. Parties from "
        "Syria TV (1 February 2022) and safqa.news quoting the report ('today, Tuesday'): regime 8 (1 "
        "child), Russia 3 (2 girls, 1 woman), armed opposition/National Army 4 (2 children, 2 women), SDF 6 "
        "(1 woman), other parties 48 (13 children; the women figure is cut off); they sum to 69; unstated "
        "children/women are left empty. Torture (8): regime 7, SDF 1 (safqa.news). Medical (2) from SNHR's "
        "'Most Notable Human Rights Violations in Syria in January 2022' (snhr.org/blog/2022/02/04/57297/), "
        "which states them for January; perpetrators not stated, so no personnel rows. The one massacre "
        "(safqa.news): shells of unidentified source on the centre of Afrin city (Aleppo); no date or "
        "toll, so not in massacres.csv. Within other parties: 24 killed by gunfire of unidentified gunmen, 4 "
        "(3 children) by landmines. Aleppo had about 27% of the toll (percent only). Media, Civil Defence "
        "and governorate figures not found; no year-to-date figures (January)."),
    "2022-02": (
        "Headline from SNHR's own press release (snhr.org, opening only): 161 civilians incl. 28 children, "
        "6 women and 66 due to torture ('including', so inside the 161; corrected at import, the staging "
        "file had it unclear); regime forces 77 (about 48%), the rise because the regime told 56 families "
        "of Deir al-Asafir (Rural Damascus), through the civil registry, that detained relatives had died "
        "(Sednaya). Parties from Enab Baladi (enabbaladi.net/552740, 1 March 2022) quoting the report: HTS "
        "3 (1 child), armed opposition/National Army 3, SDF 11 (1 child, 1 woman), other parties 67 (21 "
        "children, 3 women), with the regime's 77; they sum to 161 (regime children/women not stated). "
        "Torture (66): regime 62, SDF 2, HTS 1, National Army 1 (Enab Baladi, Al-Mohrar); fresh-syria.net "
        "(report released 'yesterday, Tuesday', i.e. 1 March) has 'one by SDF ... another by unnamed "
        "parties', which does not sum to 66 and is not used. Medical (1): in the press coverage and SNHR's "
        "February summary (pro-justice.org copy); its perpetrator is not stated in the texts read, so no "
        "personnel row (the staging file had other parties). Massacres (3): regime 1, other parties 2 "
        "(Enab Baladi); no details, so not in massacres.csv. Idlib had the largest toll from regime "
        "shelling, 14 (Baladi News). Landmines: 16 incl. 5 children (20 incl. 8 children since the start "
        "of 2022). Governorates as percentages only: Rural Damascus about 42%, Idlib 20%, Aleppo 16%. "
        "Media, Civil Defence and year-to-date figures not stated."),
    "2022-03": (
        "Headline from SNHR's own press release (snhr.org, opening only): title and lead give 67 civilians "
        "incl. 20 children, 3 women and 7 due to torture; the body once says '19 children'; 20 is used "
        "(title, lead and Arabic coverage). SNHR's text: regime 7 (1 child), SDF 5 'including three victims "
        "under torture' (so torture is counted inside the civilians), other parties 53 (19 children, 2 "
        "women). HTS 1 (a woman) and ISIS 1 from syrianewsagency.net/global/local/18314 and "
        "halabtodaytv.net/archives/215112 quoting the report; the parties sum to 67 (children 20, women 3 "
        "as far as stated). Torture (7): regime 4, SDF 3. Medical (1): killed by gunfire whose source could "
        "not be identified (same articles). Landmines (about 27% of the toll): 18 incl. 12 children and 1 "
        "woman (38 incl. 20 children, 2 women since the start of 2022). Governorates as percentages only: "
        "Dar'a about 40%, Deir-ez-Zor 21%, Aleppo 16%. Massacres, media, Civil Defence and year-to-date "
        "figures not mentioned in the texts read."),
    "2022-04": (
        "Headline from SNHR's own press release (snhr.org, opening only): 101 civilians incl. 17 children, "
        "14 women and 6 due to torture ('including', so inside the 101; corrected at import, the staging "
        "file had it unclear); April coincided with Ramadan, and since 1 Ramadan (2 April 2022) at least 89 "
        "civilians incl. 14 children and 12 women were killed (Ninar Press). Parties from Enab Baladi "
        "(enabbaladi.net/570453, 1 May 2022) quoting the report: regime 9 (5 children), HTS 4 (1 child), "
        "armed opposition/Syrian National Army 2, SDF 5; the excerpt is cut off after the SDF, so the "
        "listed parties cover 20 of the 101 (other parties and their children/women are not in the text "
        "read, and nothing is derived for them), and torture by party, personnel and massacres are not "
        "available. Landmines: 13 incl. 4 children and 2 women (51 incl. 24 children, 4 women since the "
        "start of 2022). No year-to-date or governorate figures."),
    "2022-05": ARTICLE + (
        "Source: Zaman al-Wasl (English) reproducing SNHR's press release; it says the report was "
        "'released Wednesday'; Wednesday was 1 June 2022 (Enab Baladi's article of 1 June 2022 agrees), so "
        "published 2022-06-01 is worked out from that weekday wording. 78 civilians incl. 14 children, 11 "
        "women and 8 due to torture ('including', so inside the 78; corrected at import, the staging file "
        "had it unclear). Parties from Enab Baladi (enabbaladi.net/577952) and Syria TV quoting the report: "
        "regime 8 (1 woman), HTS 1 (a child), armed opposition/Syrian National Army 2, 7 by persons "
        "believed to belong to ISIS (entered as ISIS), other parties 60 (13 children, 10 women); they sum "
        "to 78 (children 14, women 11 as far as stated). The SDF is not mentioned in the excerpts read. "
        "Within other parties: 35 (3 children, 2 women) by gunfire of unidentified parties, more than half "
        "in Dar'a; landmines 9 (6 children, 1 woman; 60 incl. 30 children, 5 women since the start of "
        "2022). Governorates as percentages only: Dar'a about 27%, Deir-ez-Zor 17%, Hama 13%. Torture by "
        "party, personnel, massacres and year-to-date figures not found."),
    "2022-06": (
        "June headline and first-half totals from SNHR's own page (2 July 2022, opening only): 92 civilians "
        "in June incl. 19 children, 16 women and 6 victims due to torture ('including', so inside the 92; "
        "corrected at import, the staging file had it unclear); 568 civilians in the first half of 2022 "
        "incl. 115 children and 53 women, and 101 victims due to torture (year-to-date fields). June "
        "parties: only 'the regime killed 15 civilians incl. one woman' (Syrian Coalition, etilaf, quoting "
        "the report). ytd_massacres (6) is 'at least six massacres' in the first half of 2022, from SNHR's "
        "'Most Notable Human Rights Violations in Syria in June and the First Half of 2022' (snhr.org, 7 "
        "July 2022), which states it for that period. June's own massacres, personnel, torture by party and "
        "governorates not found. First half 2022 by party (damascusv.com/archives/44968, Baladi News, "
        "Yekiti Media, etilaf): regime (and Iranian militias) 124 (12 children, 4 women), Russia 3 (2, 1), "
        "ISIS 8, HTS 9 (2, 1), armed opposition/National Army 12 (2, 2), SDF 39 (4, 2), other parties 373 "
        "(93, 43; etilaf says 385, which would not sum to 568); within other parties 183 by gunfire of "
        "unidentified source, 76 by landmines, 26 by bombings whose perpetrators were not identified, 61 "
        "by unknown persons, 1 by Turkish and 1 by Jordanian border guards (Damascus Voice, list cut off). "
        "5 medical personnel in the first half (Yekiti Media; SNHR's first-half summary). First-half "
        "governorates (percent): Dar'a about 23%, Aleppo 16%, Idlib 14%, Rural Damascus 13%."),
    "2022-07": (
        "Headline from SNHR's own press release (snhr.org, URL dated 1 August 2022, opening only): 86 "
        "civilians incl. 21 children, 8 women and 5 due to torture ('including', so inside the 86), and a "
        "Russian massacre of IDPs in al-Jadida village. Parties: 18 by the Syrian-Russian alliance and 57 "
        "by other parties (SNHR, Daily Sabah, Anadolu-based reports); regime 11 (2 children, 1 woman), "
        "Russia 7 (2, 1), ISIS 1, SDF 6 (1, 1) from Halab Today (halabtodaytv.net/archives/224650); Syrian "
        "National Army 4 (syrianpc.com); they sum to 86; children/women of ISIS, the SNA and other parties "
        "not stated. Torture (5): regime 4, SDF 1 (Daily Sabah Arabic, Halab Today). Massacres (2), 11 "
        "killed incl. 4 children: one by Russian aircraft in al-Jadida (Jisr al-Shughour countryside, "
        "Idlib), the other by other parties (Qasioun, Daily Sabah Arabic); dates and per-massacre tolls not "
        "stated, so not in massacres.csv. Within other parties: 14 (6 children) by landmines (90 incl. 45 "
        "children, 9 women since the start of 2022); 28 by gunfire of unidentified source, most in Dar'a "
        "(13). Governorates as percentages only: Aleppo about 20%, Dar'a 19%, Idlib 16%. Publication: most "
        "outlets say Monday 1 August, Qasioun says Tuesday 2 August; the URL date is used. Personnel and "
        "year-to-date figures not found."),
    "2022-08": (
        "Headline from SNHR's own press release (snhr.org, 1 September 2022, opening only): 91 civilians "
        "incl. 28 children, 2 women and 7 due to torture, one of them a child ('including', so inside the "
        "91). Parties from etilaf.org, Qasioun and Jesr Press quoting the report: regime 14 (4 children, "
        "and the 7 torture victims), SDF 4, other parties 73 (24 children, 2 women); they sum to 91 "
        "(children 28, women 2); regime women and SDF children/women not stated. Torture (7): all by "
        "regime forces (etilaf, Jesr Press; Syria News Agency says 'mostly' by the regime). Massacres: the "
        "month's count was not found, so the cell is empty; Syria News Agency "
        "(syrianewsagency.net/global/local/26671) quotes the report on a massacre in al-Bab city (Aleppo) "
        "by shelling from areas jointly held by regime forces and the SDF, 18 killed incl. 5 children, more "
        "than 30 injured incl. at least 11 children; no date is given, so it is not in massacres.csv. "
        "Within other parties: landmines 11 (5 children; 101 incl. 50 children, 9 women since the start "
        "of 2022). Governorates as percentages only: Aleppo about 37%, Dar'a 18%, Idlib and Al-Hasakeh 12% "
        "each. Published Thursday 1 September 2022 (URL date; Jesr Press 'today, Thursday'; etilaf 'issued "
        "on Thursday'). A damascusv.com item with 91 civilians and 18 children for an 'August' report "
        "published on a Monday 1 September is from another year and is not used. Personnel and "
        "year-to-date figures not found."),
    "2022-09": ARTICLE + (
        "Sources: Genocide Watch's reprint of Anadolu's report ('SNHR said Saturday'; Saturday was 1 "
        "October 2022, so published 2022-10-01 is worked out from that weekday wording; Damascus Voice, "
        "damascusv.com/archives/46490, also says 'today, Saturday'). 74 civilians incl. 21 children, 3 "
        "women and 7 torture victims; whether the torture victims are inside the 74 is unclear (Anadolu: "
        "'including', Damascus Voice: 'in addition to'). Parties: regime 8, Russia 7 (Damascus Voice and "
        "aenalsham.com: together 15 incl. 2 children, split not stated), SDF ('YPG') 6 (1 child), US-led "
        "coalition 1, other parties 52 (18 children, 3 women); they sum to 74. Torture (7): regime 4, SDF "
        "2, other parties 1 (Damascus Voice). Massacre (1): a Russian air strike on Hafsarja village, "
        "western Idlib countryside, in breach of the March 2020 Turkish-Russian ceasefire, 7 killed incl. "
        "2 children, 11 wounded; its date is not stated in the sources read, so it is not in "
        "massacres.csv. The headline (74, 21, 3, 7) is confirmed on SNHR's own 'Most Notable Human Rights "
        "Violations in Syria in September 2022' (snhr.org, 5 October 2022). Within other parties: 11 by "
        "landmines (Damascus Voice: 1 child; Fresh Syria and Syria TV: 9 children; 112 incl. 59 children, "
        "9 women since the start of 2022); 11 (1 child, 2 women) by gunfire of unidentified source. "
        "Personnel, governorate and year-to-date figures not found."),
    "2022-10": ARTICLE + (
        "Source: Ninar Press quoting the report of Tuesday 1 November 2022 (headline confirmed by Syria TV, "
        "1 November 2022, and Agenzia Nova): 60 civilians incl. 10 children, 5 women and 5 due to torture "
        "('including', so inside the 60). Year to date: 879 civilians 'since the start of 2022 until "
        "November' (Ninar Press wording), entered as the year to date at the end of October. Parties: "
        "regime 7 (1 child), all armed opposition factions 7 (2 children, 2 women), SDF 5, ISIS 1, HTS 1 (a "
        "woman), other parties 39 (7 children; the women figure is cut off); they sum to 60. Syria TV adds "
        "that 5 civilians incl. 2 children and 3 women were killed when HTS attacked areas of Aleppo "
        "countryside held by opposition factions, and links many deaths to the HTS/National Army clashes; "
        "this does not match HTS's 1 in Ninar Press's party list, and the sources read do not say how those "
        "victims are attributed; not resolved, the party list follows Ninar Press. Landmines: 5 (2 "
        "children; 117 incl. 61 children, 9 women since the start of 2022). Torture by party, personnel, "
        "massacres and governorate figures not found."),
    "2022-11": (
        "Headline from SNHR's own 'Most Notable Human Rights Violations in Syria in November 2022' "
        "(snhr.org, 5 December 2022), which restates the monthly death-toll report: 64 civilians incl. 14 "
        "children, 2 women, 1 medical worker and 6 due to torture ('Among these', so inside the 64), and 2 "
        "massacres. Published is that page's date (corrected at import from 1 December): the death-toll "
        "report itself came out on Thursday 1 December 2022 (Syria News, syria.news/7a8cbdf7-01122212.html; "
        "Al-Tareek), but its SNHR page was not found. No party breakdown found (most victims by other "
        "parties). From articles quoting the report: a regime cluster-munition attack on an area crowded "
        "with IDP camps in rural Idlib killed 9 civilians incl. 5 children and 2 women (the first such "
        "attack SNHR documented since 8 June 2020); SDF rocket shelling on Azaz (northern Aleppo "
        "countryside) caused a massacre, 5 killed incl. 2 children (Kurdstreet); the sources read give no "
        "dates and do not say which two events are the 2 massacres, so none is in massacres.csv. The "
        "medical worker's perpetrator is not stated. Within other parties: landmines 6 (1 child; 122 incl. "
        "62 children, 9 women since the start of 2022); 16 (1 child) by gunfire of unidentified source. "
        "Idlib had 25% of the toll (percent only). Year-to-date figures not found."),
    "2022-12": (
        "December headline from SNHR's own annual report page (snhr.org, 1 January 2023, opening only; "
        "syriawise.com also dates it 1 January 2023): 55 civilians in December incl. 9 children, 2 women "
        "and 3 victims due to torture ('including', inside the 55; the page prints '20222'). Year-to-date "
        "fields are the full-year 2022 figures: 1,057 civilians incl. 251 children and 94 women, and 133 "
        "victims due to torture (SNHR page); 12 massacres (Syriac Press, syriacpress.com, 2 January 2023, "
        "quoting the report: regime 2, Russia 2, ISIS 2, other parties 6). No December breakdown, torture "
        "by party, December massacres or personnel found. Syriac Press also says 55 civilians 'and six "
        "medical personnel and three media personnel' were killed, without making clear whether the "
        "personnel are December's or the year's; not entered. 2022 by party (Middle East Monitor, "
        "Al-Khabour): Russia 17 (8 children, 1 woman), ISIS 9, HTS 11 (2, 2), armed opposition/National "
        "Army 24 (7, 5), SDF 76 (11, 6), other parties 724 (193, 73); the regime's full-year figure was not "
        "in the excerpts read and is not derived. 2022 governorates (percent): Aleppo about 21%, Dar'a 19%, "
        "Idlib 14%. See RECONCILIATION.md."),
}


def load_staging(staging: Path) -> list[dict]:
    months = []
    for path in sorted(staging.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["month"] != path.stem:
            sys.exit(f"{path}: month {data['month']} does not match the file name")
        months.append(apply_corrections(data))
    return months


def apply_corrections(data: dict) -> dict:
    data = copy.deepcopy(data)
    for key, value in CORRECTIONS.get(data["month"], {}).items():
        if key == "headline":
            data["headline"].update(value)
        elif key != "why":
            data[key] = value
    return data


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames), list(reader)


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def cell(value) -> str:
    """A staged value as a CSV cell: null is empty (unknown), never 0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def as_uri(url: str) -> str:
    """Percent-encode the non-ASCII characters of an address (the same address, valid as a URI)."""
    return urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def month_row(data: dict) -> dict:
    month = data["month"]
    if not data.get("published"):
        sys.exit(f"{month}: no publication date; it may not be invented (add a sourced one to CORRECTIONS)")
    notes = NOTES.get(month)
    if not notes:
        sys.exit(f"{month}: no notes written for this month")
    if data["source_kind"] == "article" and "article quoting SNHR" not in notes:
        sys.exit(f"{month}: the notes must say the figures come from an article quoting SNHR")
    row = {"month": month, "published": data["published"], "source_title": data["source_title"],
           "source_url": as_uri(data["source_url"])}
    row.update({name: cell(data["headline"][name]) for name in COUNTS})
    row["notes"] = notes
    return row


def breakdown_rows(data: dict, known: set[str]) -> dict[str, list[dict]]:
    month = data["month"]

    def party(item: dict) -> str:
        if item["perpetrator"] not in known:
            sys.exit(f"{month}: unknown perpetrator {item['perpetrator']!r}; add it to NEW_PERPETRATORS")
        return item["perpetrator"]

    massacres = []
    for m in data["massacres"]:
        if not (m.get("date") and m.get("pcode") and m.get("place_en")):
            continue  # no date or place: only the month's massacre count carries it (see notes)
        if m["date"][:7] != month:
            sys.exit(f"{month}: massacre dated {m['date']} is outside the month")
        massacres.append({
            "massacre_id": f"{m['date']}-{slug(m['place_en'])}", "date": m["date"], "month": month,
            "governorate_pcode": ocha_pcode(month, m["pcode"]), "place_en": m["place_en"],
            "perpetrator_id": party(m), "deaths": cell(m["deaths"]), "children": cell(m["children"]),
            "women": cell(m["women"]), "injured": cell(m["injured"]), "description_en": m["description_en"],
            "source_url": as_uri(data["source_url"]),
        })
    return {
        "civilian_deaths": [
            {"month": month, "perpetrator_id": party(d), "deaths": cell(d["deaths"]),
             "children": cell(d["children"]), "women": cell(d["women"])}
            for d in data["civilian_deaths"]],
        "civilian_deaths_by_governorate": [
            {"month": month, "governorate_pcode": ocha_pcode(month, g["pcode"]), "deaths": cell(g["deaths"]),
             "children": cell(g["children"]), "women": cell(g["women"])}
            for g in data["governorates"]],
        "torture_deaths": [
            {"month": month, "perpetrator_id": party(t), "deaths": cell(t["deaths"])} for t in data["torture"]],
        "personnel_deaths": [
            {"month": month, "category": p["category"], "perpetrator_id": party(p), "deaths": cell(p["deaths"])}
            for p in data["personnel"]],
        "massacres": massacres,
    }


def merge_perpetrators(data_dir: Path) -> dict[str, int]:
    """Add NEW_PERPETRATORS to perpetrators.csv; return every code's sort order."""
    path = data_dir / "perpetrators.csv"
    fields, rows = read_csv(path)
    new_ids = {p["perpetrator_id"] for p in NEW_PERPETRATORS}
    rows = [r for r in rows if r["perpetrator_id"] not in new_ids] + NEW_PERPETRATORS
    rows.sort(key=lambda r: int(r["sort_order"]))
    write_csv(path, fields, rows)
    return {r["perpetrator_id"]: int(r["sort_order"]) for r in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--staging", type=Path, default=DEFAULT_STAGING)
    parser.add_argument("--package", type=Path, default=DEFAULT_PACKAGE)
    args = parser.parse_args()
    data_dir = args.package / "data"

    staged = load_staging(args.staging)
    staged_months = {d["month"] for d in staged}
    unknown = set(CORRECTIONS) - staged_months
    if unknown:
        sys.exit(f"CORRECTIONS for months that are not staged: {sorted(unknown)}")
    order = merge_perpetrators(data_dir)

    new_rows = {name: [] for name in ("months", "civilian_deaths", "civilian_deaths_by_governorate",
                                      "torture_deaths", "personnel_deaths", "massacres")}
    for data in staged:
        new_rows["months"].append(month_row(data))
        for name, rows in breakdown_rows(data, set(order)).items():
            new_rows[name] += rows

    sort_keys = {
        "months": lambda r: r["month"],
        "civilian_deaths": lambda r: (r["month"], order[r["perpetrator_id"]]),
        "civilian_deaths_by_governorate": lambda r: (r["month"], r["governorate_pcode"]),
        "torture_deaths": lambda r: (r["month"], order[r["perpetrator_id"]]),
        "personnel_deaths": lambda r: (r["month"], CATEGORY_ORDER.index(r["category"]), order[r["perpetrator_id"]]),
        "massacres": lambda r: (r["month"], r["massacre_id"]),
    }
    for name, rows in new_rows.items():
        path = data_dir / f"{name}.csv"
        fields, existing = read_csv(path)
        kept = [r for r in existing if r["month"] not in staged_months]  # e.g. 2020-09, untouched
        write_csv(path, fields, sorted(kept + rows, key=sort_keys[name]))
        print(f"{name}.csv: {len(kept)} row(s) kept, {len(rows)} imported")

    skipped = sum(1 for d in staged for m in d["massacres"] if not (m.get("date") and m.get("pcode") and m.get("place_en")))
    print(f"{len(staged)} month(s) imported; {skipped} staged massacre(s) without date or place left out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
