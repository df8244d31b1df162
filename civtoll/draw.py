"""The charts stage: define every chart (Altair), then draw what the store does not have yet.

Definitions are remembered in the store, keyed by their figures; a build defines only the
charts of months whose figures changed, in the worker processes (or here, in a plain build).
Drawings (SVG, and one 1200x630 PNG share image per page) are keyed by their spec. Drawing runs in
the background while the pages are written; the function `start_drawing` returns waits for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable

from . import share, shortcuts
from .cache import MISSING
from .context import Context
from .derive import Derived
from .workers import Workers, define_many

MONTH_CHARTS = ("year-by-party", "by-perpetrator", "by-governorate", "torture-year", "torture-by-perpetrator")


@dataclass
class ChartSet:
    months: dict[str, list]  # month -> its charts (chart.Chart), in MONTH_CHARTS order
    years: dict[str, object]
    history: object
    coverage: object
    shares: dict[str, str]  # page directory ("months/2020-09", "" for home) -> share image key

    def every(self) -> list:
        return [c for cs in self.months.values() for c in cs] + list(self.years.values()) + [self.history,
                                                                                          self.coverage]


def define_charts(ctx: Context, derived: Derived, workers: Workers) -> Callable[[], ChartSet]:
    """Every chart's definition, from the store or made now; returns a function that waits for
    those being made in the workers, so that the build asks for every edition's before it waits
    for any. Every edition's charts are defined before any is drawn: the pool runs tasks in the
    order given, so definitions queued behind drawings would keep the pages waiting."""
    store = ctx.store
    params = (ctx.language, derived.sort_orders, derived.perpetrator_names, store.code)
    jobs: list[tuple[str, str, tuple]] = []
    definitions: dict[str, object] = {}

    def wanted(kind: str, *args) -> str:
        key = store.key("chart-definition", params[:3], kind, args)
        definitions[key] = store.load(key)
        if definitions[key] is MISSING:
            jobs.append((key, kind, args))
        return key

    month_keys = {m.month: wanted("month", m) for m in derived.months}
    year_keys = {y: wanted("year", y, info["series"], info["scope_series"], info["mixed"])
                 for y, info in derived.years.items() if info["months"]}
    history_key = wanted("history", derived.history)
    coverage_key = wanted("coverage", derived.coverage)
    made = workers.define(params, jobs) if shortcuts.in_workers() else define_many(params, jobs)

    def defined() -> ChartSet:
        for key, value in made:
            store.save(key, value)
            definitions[key] = value
        charts = ChartSet({m: definitions[k] for m, k in month_keys.items()},
                          {y: definitions[k] for y, k in year_keys.items()}, definitions[history_key],
                          definitions[coverage_key], {})
        ctx.say(f"defined {len(charts.every())} charts ({len(jobs)} group(s) new or changed)")
        return charts
    return defined


def draw_charts(ctx: Context, derived: Derived, charts: ChartSet) -> list[tuple]:
    """What the store lacks of the edition's drawings (`start_drawing` draws them); notes each
    page's share image in `charts.shares`."""
    store = ctx.store
    for chart in charts.every():  # the spec is published beside its drawing
        if not store.has(spec_key := store.key("spec", chart.key)):
            store.write(spec_key, (json.dumps(chart.spec, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode())
    # a page's share image is composed from its chart's drawing: drawn with the chart when that is
    # drawn now, or from the stored drawing
    jobs_by_chart = {c.key: (c.key, "svg", c.spec, []) for c in charts.every() if not store.has(c.key)}
    apart = {}
    for directory, (chart, head) in _share_headers(ctx, derived, charts).items():
        key = charts.shares[directory] = store.key("share-image", chart.key if chart else None, head)
        if store.has(key) or key in apart:
            continue
        if chart is not None and chart.key in jobs_by_chart:
            jobs_by_chart[chart.key][3].append((key, head))
        else:
            apart[key] = (key, "share", str(store.path(chart.key)) if chart else None, [(key, head)])
    return list(jobs_by_chart.values()) + list(apart.values())


def start_drawing(ctx: Context, missing: list[tuple], workers: Workers) -> Callable[[], int]:
    """Draw every edition's missing drawings in the background, asked for at once so that a few
    (a new month's) go to one worker, whose drawing engine is running already; returns a function
    that waits for them and says how many were drawn."""
    if missing:
        ctx.say(f"drawing {len(missing)} chart(s) and share image(s) in the background")
    results = workers.draw(missing) if missing else iter(())

    def finish() -> int:
        drawn = 0
        for key, data in results:
            ctx.store.write(key, data)
            drawn += 1
        return drawn
    return finish


def _share_headers(ctx: Context, derived: Derived, charts: ChartSet) -> dict[str, tuple]:
    """One share image per page with a chart: its main chart under the page's title and headline."""
    t = ctx.t
    heads = {}
    for m in derived.months:
        by_name = {c.name: c for c in charts.months[m.month]}
        main = by_name.get("by-perpetrator") or by_name.get("year-by-party")
        heads[f"months/{m.month}"] = (main, share.header(t, t.month(m.month), share.month_line(t, m.figures, t.month(m.month))))
    for y, chart in charts.years.items():
        heads[f"years/{y}"] = (chart, share.header(t, t("year.title", year=y), t("site.name")))
    heads["coverage"] = (charts.coverage, share.header(t, t("coverage.title"), t("site.name")))
    latest = derived.months[-1]
    heads[""] = (charts.history, share.header(t, t("site.name"), share.month_line(t, latest.figures, t.month(latest.month))))
    return heads


def svg_of(ctx: Context, key: str) -> str:
    """A drawn chart's SVG, for a page that shows it inline: the browser then draws its text with
    the page's fonts (an <img> may use none of them), so Arabic is drawn in the font it was laid
    out with. The chart is described by the element around it."""
    svg = ctx.store.path(key).read_text(encoding="utf-8")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


SVG_SIZE = re.compile(rb'<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"')


def size_of(ctx: Context, key: str) -> tuple[int, int]:
    """A drawn chart's size, so the browser reserves the space before the image arrives."""
    with open(ctx.store.path(key), "rb") as f:
        match = SVG_SIZE.search(f.read(400))
    return (round(float(match.group(1))), round(float(match.group(2)))) if match else (600, 400)
