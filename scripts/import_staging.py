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

# The staging format (FORMAT.md) numbers four governorates differently from the package, which uses
# the OCHA admin-1 P-codes of governorates.csv. Staged codes are translated by governorate name.
STAGING_PCODE_TO_OCHA = {
    "SY01": "SY01", "SY02": "SY02", "SY03": "SY03", "SY04": "SY04", "SY05": "SY05", "SY06": "SY06",
    "SY07": "SY07", "SY08": "SY08", "SY09": "SY09",
    "SY10": "SY11",  # Ar-Raqqa
    "SY11": "SY12",  # Dar'a
    "SY12": "SY13",  # As-Sweida
    "SY13": "SY10",  # Tartous
    "SY14": "SY14",
}

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
}

ARTICLE = "Figures come from an article quoting SNHR, not from SNHR's own report page. "

# Condensed notes per month: which source each figure came from, conflicts, implied zeros, gaps.
NOTES = {
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
            "governorate_pcode": STAGING_PCODE_TO_OCHA[m["pcode"]], "place_en": m["place_en"],
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
            {"month": month, "governorate_pcode": STAGING_PCODE_TO_OCHA[g["pcode"]], "deaths": cell(g["deaths"]),
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
