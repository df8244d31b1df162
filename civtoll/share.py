"""The share image of a page: a 1200x630 PNG (the size link previews use) of its main chart under
its headline, so a month linked in a messaging app or on social media shows its figures."""

from __future__ import annotations

import html
import re

from .i18n import Catalogue

WIDTH, HEIGHT = 1200, 630


def month_line(t: Catalogue, figures: dict, label: str) -> str:
    """The month's headline as a sentence; `label` names the month ("September 2020")."""
    killed = figures["headline_killed"]
    if killed is None:
        return t("share.month_unknown", month=label)
    phrase = t.count(f"killed_{figures['headline_scope']}", killed)
    return t("share.month", killed=phrase, month=label)


def header(t: Catalogue, title: str, line: str) -> dict:
    """What the image says above its chart, and how (plain values: made here, drawn in a worker)."""
    return {"title": title, "line": line, "source": t("chart.source", org=t("site.source_org")),
            "font": t("language.chart_font"), "weight": t("language.chart_title_weight"),
            "rtl": t("language.dir") == "rtl"}


def compose(svg: str | None, head: dict) -> str:
    """The image as SVG: the header, then the page's drawn chart scaled into the rest. Made from
    the chart's own drawing, so the chart is laid out once (Vega at 1200x630 took three times as
    long, and most of a full build's drawing time in Arabic)."""
    pad, top = 40, 170
    anchor, x = ("end", WIDTH - pad) if head["rtl"] else ("start", pad)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{WIDTH}" '
             f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>']
    for text, size, y, weight, colour in ((head["title"], 40, 68, head["weight"], "#000000"),
                                          (head["line"], 26, 112, "normal", "#333333"),
                                          (head["source"], 19, 146, "normal", "#555555")):
        parts.append(f'<text x="{x}" y="{y}" font-family="{html.escape(head["font"])}" font-size="{size}" '
                     f'font-weight="{weight}" fill="{colour}" text-anchor="{anchor}">{html.escape(text)}</text>')
    if svg:
        # the chart's root element, placed and scaled to fit below the header
        root = re.match(r"\s*(?:<\?xml[^>]*>\s*)?(<svg\b[^>]*>)", svg)
        placed = re.sub(r'\s(width|height|x|y)="[^"]*"', "", root.group(1))
        placed = placed.replace("<svg", f'<svg x="{pad}" y="{top}" width="{WIDTH - 2 * pad}" height="{HEIGHT - top - pad}" '
                                        'preserveAspectRatio="xMidYMid meet"', 1)
        parts.append(placed + svg[root.end():])
    parts.append("</svg>")
    return "".join(parts)
