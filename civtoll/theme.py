"""The look of every chart: one colour per party, the same in every chart, and shared styling.

Colours come from the Okabe-Ito and Tableau palettes, which stay distinguishable for most forms of
colour blindness; the parties of the "other" group share greys and muted tones so the main parties
stand out, as in the organisation's own charts.
"""

from __future__ import annotations

PARTY_COLOURS = {
    "syrian-regime": "#b2182b",
    "russia": "#2166ac",
    "isis": "#1a1a1a",
    "hts": "#8c510a",
    "armed-opposition": "#1b7837",
    "sdf": "#e08214",
    "coalition": "#762a83",
    "other": "#878787",  # all other parties together
    "_remainder": "#d9d9d9",  # not broken down in the sources
}
# Parties without a fixed colour get one from this list, by their sort order, so it never changes
# between charts or builds.
FALLBACK = ["#4d4d4d", "#5aae61", "#9970ab", "#bf812d", "#35978f", "#de77ae", "#7f3b08", "#01665e",
            "#c51b7d", "#a6611a", "#80cdc1", "#b8e186", "#f1b6da", "#fdb863"]

SEX_AGE_COLOURS = {"children": "#e66101", "women": "#5e3c99", "men": "#7a7a7a", "unstated": "#d0d0d0"}
# what a month's headline counts: civilians in the party red, other scopes in clearly different hues
SCOPE_COLOURS = {"civilians": "#b2182b", "all_victims": "#2166ac", "regime_victims": "#e08214",
                 "individuals": "#5e3c99"}
# coverage of a month's figures, from full to none
STATUS_COLOURS = {"complete": "#1b7837", "partial": "#a6dba0", "headline": "#fdb863", "missing": "#e0e0e0"}
BAR = "#b2182b"
TORTURE = "#542788"

# Labels are laid out with the widths of the catalogue's chart font (language.chart_font: Liberation
# Sans, or Noto Naskh Arabic, the fonts the drawing processes have; see workers.py), so the SVG asks
# browsers for it or for a font with the same widths: a wider font would push labels past the edge.
WIDTH = 560  # vertical bar charts: the plot area, in pixels
BAR_WIDTH = 300  # horizontal bar charts leave room for long party names
LABEL_LIMIT = 250


def party_colour(pid: str, sort_order: int) -> str:
    return PARTY_COLOURS.get(pid) or FALLBACK[sort_order % len(FALLBACK)]


def config(t) -> dict:
    """Vega-Lite config shared by every chart of an edition (t: its catalogue)."""
    return {
        "font": t("language.chart_font"),
        # month names and numbers on the axes as the edition writes them (d3's locale formats)
        "locale": {
            "number": {"decimal": ".", "thousands": t("number.thousands"), "grouping": [3], "currency": ["", ""]},
            "time": {"dateTime": "%x %X", "date": "%Y-%m-%d", "time": "%H:%M:%S", "periods": ["AM", "PM"],
                     "days": t("day_names"), "shortDays": t("day_abbr"), "months": t("month_names"),
                     "shortMonths": t("month_abbr")},
        },
        "background": "white",
        "view": {"stroke": None},
        "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 11, "subtitleColor": "#555",
                  "fontWeight": t("language.chart_title_weight")},
        "axis": {"labelFontSize": 11, "titleFontSize": 12, "labelColor": "#333", "titleColor": "#333",
                 "gridColor": "#e5e5e5", "titleFontWeight": t("language.chart_title_weight")},
        "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom", "columns": 3,
                   "labelLimit": 260, "titleFontWeight": t("language.chart_title_weight")},
    }
