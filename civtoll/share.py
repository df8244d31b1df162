"""The share image of a page: a 1200x630 PNG (the size link previews use) of its main chart under
its headline, so a month linked in a messaging app or on social media shows its figures."""

from __future__ import annotations

from .i18n import Catalogue

WIDTH, HEIGHT = 1200, 630


def month_line(t: Catalogue, figures: dict, label: str) -> str:
    """The month's headline as a sentence; `label` names the month ("September 2020")."""
    killed = figures["headline_killed"]
    if killed is None:
        return t("share.month_unknown", month=label)
    phrase = t.count(f"killed_{figures['headline_scope']}", killed)
    return t("share.month", killed=phrase, month=label)


def spec(t: Catalogue, title: str, line: str, chart) -> dict:
    """A Vega-Lite spec of the share image: the chart's own spec at the image's size, or, for a page
    without a chart, the headline alone."""
    if chart is not None:
        base = {k: v for k, v in chart.spec.items() if k not in ("title", "width", "height", "autosize", "padding")}
        subtitle = [line, t("chart.source", org=t("site.source_org"))]
    else:
        base = {"data": {"values": [{"line": line}]},
                "mark": {"type": "text", "fontSize": 44, "fontWeight": "bold", "limit": WIDTH - 80},
                "encoding": {"text": {"field": "line"}}, "config": {"view": {"stroke": None}}}
        subtitle = [t("chart.source", org=t("site.source_org"))]
    return {**base, "width": WIDTH, "height": HEIGHT, "padding": 32, "background": "#ffffff",
            "autosize": {"type": "fit", "contains": "padding"},
            "title": {"text": title, "subtitle": subtitle, "fontSize": 40, "subtitleFontSize": 26,
                      "anchor": "start", "offset": 24}}
