"""The pages stage: every Markdown page of one language, from the templates in docs/templates.

A page's text is remembered in the store, keyed by its template context (the figures it shows):
adding a month renders the pages of a few months, not of all of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Callable

from . import citing, downloads, paths, shortcuts, templates
from .cache import MISSING
from .context import Context
from .derive import Derived
from .docs_writer import DocsWriter
from .draw import MONTH_CHARTS, ChartSet

DOCUMENTS = ("sources", "reconciliation")  # the data pages generated from the package


@dataclass
class Written:
    """What the site stage needs from writing the pages."""

    pages: int
    charts: dict[str, str]  # where each chart goes in the site (path without suffix) -> its drawing's key
    shares: dict[str, str]  # page directory -> share image key
    nav: list
    fingerprints: dict[str, str]  # Markdown path -> what decides whether its HTML must be redone
    fragments: shortcuts.Fragments
    sizes: shortcuts.SizeTokens


def write_pages(ctx: Context, derived: Derived, charts: ChartSet, writer: DocsWriter,
                size_of: Callable[[str], tuple[int, int]], svg_of: Callable[[str], str],
                history: dict) -> Callable[[dict[str, list[dict]]], Written]:
    """Write every page but the data page; return the function that writes it from what it lists
    (downloads.write_downloads), and returns what was written: the exports may still be being made
    meanwhile. `history`: the package's releases, revisions and changelog (releases.py, revisions.py)."""
    t, store = ctx.t, ctx.store
    fragments = shortcuts.Fragments()
    sizes = shortcuts.SizeTokens(size_of, svg_of)
    inline = ctx.t("language.charts_inline")
    env = templates.environment(t, fragments, store.bytecode_cache())
    fingerprints: dict[str, str] = {}
    placed: dict[str, str] = {}
    reused = 0

    def render(page: str, template: str, **context) -> None:
        nonlocal reused
        key = store.key("page", ctx.language, page, template, context)
        rendered = store.load(key)
        if rendered is MISSING:
            fragments.begin(page)
            text = env.get_template(template).render(**context)
            rendered = text, fragments.by_page[page], fragments.fingerprint(page, text)
            store.save(key, rendered)
        else:
            reused += 1
        text, fragments.by_page[page], fingerprints[page] = rendered
        writer.write(page, text)

    def place(chart, directory: str) -> dict:
        """Note where the chart goes in the site, and return what the template needs."""
        placed[f"{directory}/charts/{chart.name}".lstrip("./")] = chart.key
        return {"name": chart.name, "title": chart.title, "description": chart.description,
                "width": sizes.size(chart.key, "width"), "height": sizes.size(chart.key, "height"),
                "svg": sizes.size(chart.key, "svg") if inline else None,
                "href": f"charts/{chart.name}", "columns": chart.columns, "rows": chart.rows}

    release = history["releases"][-1] if history["releases"] else None
    names = derived.names.get(ctx.language, {})

    def cited(directory: str, title: str, published: str | None, kind: str = "webpage") -> dict:
        """The page's citation, dated by the release (or else by the report it shows, so that
        adding a month does not change every page's citation); its files are written beside it."""
        issued = dt.date.fromisoformat(release or published or derived.latest_published or "2011-04-01")
        c = store.remember("citation", (ctx.language, ctx.edition_url, directory, title, issued.isoformat(), release, kind),
                           lambda: citing.cite(ctx, directory, title, issued, release, kind))
        for name, text in c["files"].items():
            writer.write(f"{directory}/{name}", text)
        return c

    for m in derived.months:
        directory = f"months/{m.month}"
        revised = [{**r, "root": f"../../{ctx.up}", "row_name": names.get(r["row_key"].split("/")[-1], r["row_key"])}
                   for r in history["revisions"] if r["month"] == m.month and r["kind"] == "changed"]
        month_charts = dict.fromkeys(MONTH_CHARTS)
        month_charts.update({c.name: place(c, directory) for c in charts.months[m.month]})
        massacre_rows = [[x["date"], f'{x["place"]} ({x["governorate"]})', x["perpetrator"], x["deaths"],
                          x["children"], x["women"], x["injured"]] for x in m.massacres]
        render(f"{directory}/index.md", "month.md.j2", m=m, charts=month_charts, massacre_rows=massacre_rows,
               revisions=revised, cite=cited(directory, t("month.title", month=t.month(m.month)), m.figures["published"]))
        writer.write(f"{directory}/{m.month}.csv",
                     store.remember("month-csv", (ctx.language, m), lambda m=m: downloads.month_csv(m, ctx.language)))
    years = list(derived.years)
    for i, (y, info) in enumerate(derived.years.items()):
        chart = place(charts.years[y], f"years/{y}") if y in charts.years else None
        render(f"years/{y}/index.md", "year.md.j2", y=info, chart=chart, previous_year=years[i - 1] if i else None,
               next_year=years[i + 1] if i + 1 < len(years) else None,
               cite=cited(f"years/{y}", t("year.title", year=y), max((f["published"] or "" for f in info["figures"].values()),
                                                                     default="") or None))
    render("months/index.md", "months.md.j2", years=years, months=derived.month_list,
           figures={m.month: m.figures for m in derived.months})
    render("years/index.md", "years.md.j2", years=list(derived.years.values()))
    render("index.md", "home.md.j2", m=derived.months[-1], chart=place(charts.history, "."))
    render("coverage/index.md", "coverage.md.j2", rows=derived.coverage, chart=place(charts.coverage, "coverage"))
    render("data/sources/index.md", "sources.md.j2", sources=derived.sources, used_by=derived.months_by_source)
    render("data/reconciliation/index.md", "reconciliation.md.j2", years=list(derived.years.values()))
    render("changelog/index.md", "changelog.md.j2", log=history["changelog"])
    if not ctx.prefix and derived.months:
        writer.write("feed.xml", citing.atom(ctx, derived, history["releases"]))
    writer.copy_tree(paths.PAGES_SRC / ctx.language)  # pages written by hand, in this language
    writer.copy_tree(paths.ASSETS, "assets/")
    for page in writer.files():  # pages written by hand
        if page.endswith(".md") and page not in fingerprints:
            fingerprints[page] = hashlib.sha256((writer.root / page).read_bytes()).hexdigest()[:32]

    def data_page(listed: dict[str, list[dict]]) -> Written:
        root = f"../{ctx.up}"  # the downloads are in the English edition's folders: linked by their path
        listed_downloads = {
            "package": [{**d, "href": root + d["path"], "title": (d.get("titles") or {}).get(ctx.language) or d["title"]
                         or t("data.whole_package")} for d in listed["package"]],
            "exports": [{**d, "href": root + d["path"]} for d in listed["exports"]],
        }
        render("data/index.md", "data.md.j2", downloads=listed_downloads["package"], exports=listed_downloads["exports"],
               resources=derived.resources, documents=list(DOCUMENTS), perpetrators=derived.perpetrators,
               governorates=derived.governorates, releases=history["releases"],
               cite=cited("data", t("site.name"), None, "dataset"),
               dataset=citing.dataset(ctx, derived, listed_downloads, release), feed=f"../{ctx.up}feed.xml")
        ctx.say(f"rendered the pages ({reused} unchanged since the last build)")
        return Written(len(fingerprints), placed, charts.shares, nav(t), fingerprints, fragments, sizes)
    return data_page


def nav(t) -> list:
    data = ["data/index.md"] + [{t(f"data.{slug}"): f"data/{slug}/index.md"} for slug in DOCUMENTS]
    return [
        {t("nav.home"): "index.md"},
        # month and year pages stay out of the navigation: every page would carry hundreds of
        # links, and adding a month or a year would change every page, so no build could redo only
        # the changed pages; the months and years indexes and each page's own links lead to them
        {t("nav.months"): "months/index.md"},
        {t("nav.years"): "years/index.md"},
        {t("nav.coverage"): "coverage/index.md"},
        {t("nav.data"): data},
        {t("nav.methodology"): "methodology/index.md"},
        {t("nav.changelog"): "changelog/index.md"},
    ]
