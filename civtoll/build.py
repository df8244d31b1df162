"""`civtoll build`: validate -> derive -> draw -> write pages -> MkDocs -> swap into place.

The site is built beside the published one and swapped in only when everything succeeded, so an
invalid package or a failing build leaves the previous site exactly as it was. Generated pages
and drawn charts persist in a work directory (build/site.work) and are rewritten or redrawn only
when their content changes; when no input changed at all, nothing is done.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml
from markupsafe import Markup

from . import i18n, incremental, pages, paths, publish, site
from .problems import InvalidPackage, errors, warnings
from .render import ChartCache, ChartWorkers

STAMP = "stamp"


@dataclass
class Placed:
    """A drawn chart's place in the built site: `path` plus .svg, .png and .vl.json."""

    path: str
    key: str
    spec: dict


@dataclass
class Written:
    """What writing the pages decided that the MkDocs step needs."""

    pages: int
    charts: list[Placed]
    nav: list
    latest_published: str | None
    finish_drawing: Callable[[], int]  # waits for the charts drawn meanwhile; returns how many


class DocsWriter:
    """Writes generated files only when their bytes change, and removes files no longer generated."""

    def __init__(self, root: Path):
        self.root = root
        self.written: set[Path] = set()
        self.changed: set[str] = set()  # relative paths

    def write(self, relative: str, data: bytes | str) -> None:
        path = self.root / relative
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.written.add(path)
        if path.is_file() and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.changed.add(relative)

    def copy_tree(self, source: Path, prefix: str = "") -> None:
        for file in sorted(source.rglob("*")):
            if file.is_file():
                self.write(f"{prefix}{file.relative_to(source).as_posix()}", file.read_bytes())

    def remove_stale(self) -> int:
        removed = 0
        for path in sorted(self.root.rglob("*"), reverse=True):
            if path.is_file() and path not in self.written:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return removed


def placeholder_address(site_url: str) -> bool:
    """An address no reader can reach: empty, or a domain reserved for examples (RFC 2606)."""
    from urllib.parse import urlsplit

    host = urlsplit(site_url).hostname or ""
    return not host or host.split(".")[-1] in ("example", "test", "invalid", "localhost") or \
        ".".join(host.split(".")[-2:]) in ("example.org", "example.com", "example.net")


def input_stamp(package: Path, out: Path, engine: str = "mkdocs") -> str:
    """A hash of everything the site is made from; equal stamps mean an identical site."""
    digest = hashlib.sha256(f"{out.resolve()}|{engine}".encode())
    sources = [package, paths.DOCS, paths.ROOT / "civtoll"]
    singles = [paths.MKDOCS_YML, paths.ROOT / "requirements.lock"]
    for file in paths.files_under(*sources) + [f for f in singles if f.is_file()]:
        digest.update(str(file).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


ENGINES = ("mkdocs", "zensical")


def build_site(package: Path, out: Path, progress=None, today: dt.date | None = None, engine: str = "mkdocs") -> str:
    """`engine`: MkDocs Material (the default), or Zensical, its authors' successor (site.py)."""
    started = time.perf_counter()

    def say(message: str) -> None:
        if progress:
            progress(f"[{time.perf_counter() - started:5.1f}s] {message}")

    package, out = Path(package), Path(out)
    work = paths.work_dir_for(out)
    stamp = input_stamp(package, out, engine)
    if (work / STAMP).is_file() and (work / STAMP).read_text() == stamp and (out / "index.html").is_file():
        return f"{out}: up to date (no input changed)"

    cache = ChartCache(work / "chart-cache")
    with ChartWorkers(cache) as workers:
        workers.warm_up()  # ready when there are charts to draw
        return _build(package, out, work, stamp, cache, workers, say, today, started, engine)


def _build(package: Path, out: Path, work: Path, stamp: str, cache: ChartCache, workers: ChartWorkers, say,
           today: dt.date | None, started: float, engine: str = "mkdocs") -> str:
    from .validate import check_package

    problems, tables = check_package(package, today=today)
    if errors(problems):
        raise InvalidPackage(problems)
    for problem in warnings(problems):
        say(str(problem))
    say(f"validated {package} ({len(warnings(problems))} warning(s))")

    docs = work / "docs"
    writer = DocsWriter(docs)
    fragments = pages.Fragments()
    t = i18n.load("en")
    written = _write_docs(package, tables, writer, work, say, fragments, t, cache, workers)
    removed = writer.remove_stale()
    say(f"wrote {written.pages} pages for {len(written.charts)} charts ({len(writer.changed)} file(s) changed, "
        f"{removed} removed)")

    staging = out.parent / f".{out.name}.new"
    if staging.exists():
        shutil.rmtree(staging)
    strings = {"footer": t("site.footer"), "methodology": t("nav.methodology"), "data": t("nav.data")}
    config = site.write_config(work, docs, staging, written.nav, strings)
    docs_files = sorted(p.relative_to(docs).as_posix() for p in writer.written)
    shape = incremental.shape(config) + ("" if engine == "mkdocs" else f"|{engine}")
    # only MkDocs builds can start from the published site (its dirty mode); Zensical builds it all
    published = incremental.published_charts(work, out, shape, docs_files) if engine == "mkdocs" else None
    reuse = published is not None
    epoch = _source_date_epoch(written.latest_published)
    try:
        if reuse:
            rebuilt = incremental.copy_site(out, staging, docs)
            say(f"started from the published site; only changed pages are rebuilt ({len(rebuilt)})")
        say(f"running {engine} build")
        if engine == "zensical":
            site.zensical_build(site.write_flat_config(work, written.nav, strings), staging, epoch)
        else:
            site.mkdocs_build(config, epoch, dirty=reuse, compiled=work / "compiled-templates")
            if reuse:
                incremental.merge_search_index(out, staging, rebuilt)
            else:
                incremental.canonical_search_index(staging)
        drawn = written.finish_drawing()
        say(f"adding charts ({drawn} newly drawn), figures, tables and the Content-Security-Policy")
        positions = _place_charts(staging, cache, written.charts, published or {})
        _finish_pages(staging, fragments, cache)
        outside = site.outside_assets(staging)  # what the privacy plugin refuses under MkDocs
        if outside:
            raise site.MkDocsFailed(f"the built pages load from other hosts: {site._summary(outside)}")
    except Exception:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, out)
    (work / STAMP).write_text(stamp)
    incremental.record(work, shape, docs_files, positions)
    cache.prune({chart.key for chart in written.charts})
    return f"built {out}: {written.pages} pages, {len(written.charts)} charts in {time.perf_counter() - started:.1f} s"


def _write_docs(package: Path, tables, writer: DocsWriter, work: Path, say, fragments, t, cache: ChartCache,
                workers: ChartWorkers) -> Written:
    from .charts import Charts
    from .derive import Derivation
    from .memo import MISSING, Memo

    derivation = Derivation(tables)
    env = pages.environment(t, fragments, compiled=work / "compiled-templates")

    page_memo = Memo(work / "page-texts.pickle", *_page_context(t))

    def render(page: str, template: str, **context) -> None:
        def text_and_blocks():
            fragments.begin(page)
            return env.get_template(template).render(**context), fragments.by_page[page]

        text, blocks = page_memo.get((page, template, context), text_and_blocks)
        fragments.by_page[page] = blocks
        writer.write(page, text + pages.fragments_digest(blocks))
    drawer = Charts(derivation, t)
    site_url = yaml.safe_load(paths.MKDOCS_YML.read_text(encoding="utf-8")).get("site_url", "")
    if placeholder_address(site_url):
        say(f"warning: site_url in mkdocs.yml is {site_url!r}, not the site's real address: every page's "
            "citation and canonical link will point there; set it before publishing")

    months = [derivation.month(m) for m in derivation.month_list]
    years = {y: derivation.year(y) for y in derivation.years()}
    say(f"derived {len(months)} months and {len(years)} years")

    # Definitions not remembered from the last build are made in the worker processes, which
    # have Altair loaded already and define in parallel; drawing follows there.
    memo = Memo(work / "chart-definitions.pickle", _code("charts.py", "theme.py", "figures.py", "derive.py", "render.py", "i18n.py"),
                drawer.context())
    jobs: list[tuple[str, str, tuple]] = []

    def wanted(kind: str, *args) -> str:
        key, value = memo.lookup((kind, *args))
        if value is MISSING:
            jobs.append((key, kind, args))
        return key

    month_keys = {m.month: wanted("month", m) for m in months}
    year_keys = {y: wanted("year", y, info["series"], info["scope_series"], info["mixed"])
                 for y, info in years.items() if info["months"]}
    history_key = wanted("history", derivation.history())
    coverage_rows = derivation.coverage()
    coverage_key = wanted("coverage", coverage_rows)
    for key, value in workers.define(drawer, jobs):
        memo.store(key, value)
    memo.save()
    month_charts = {month: memo.current[key] for month, key in month_keys.items()}
    year_charts = {y: memo.current[key] for y, key in year_keys.items()}
    history_chart = memo.current[history_key]
    coverage_chart = memo.current[coverage_key]
    every_chart = [c for cs in month_charts.values() for c in cs] + list(year_charts.values()) + [history_chart,
                                                                                                 coverage_chart]
    say(f"defined {len(every_chart)} charts ({len(jobs)} group(s) new or changed)")
    finish_drawing = cache.start_drawing({c.key: c.spec for c in every_chart}, workers, progress=say)
    placed: list[Placed] = []

    def place(chart, directory: str) -> dict:
        """Note where the drawn chart goes in the built site, and return what the template needs.
        Its size is known only once it is drawn: the page gets tokens, replaced when finishing."""
        placed.append(Placed(f"{directory}/charts/{chart.name}", chart.key, chart.spec))
        return {"name": chart.name, "title": chart.title, "description": chart.description,
                "width": Markup(cache.size_token(chart.key, "width")),
                "height": Markup(cache.size_token(chart.key, "height")),
                "href": f"charts/{chart.name}", "columns": chart.columns, "rows": chart.rows}

    for m in months:
        directory = f"months/{m.month}"
        charts = {name: None for name in ("year-by-party", "by-perpetrator", "by-governorate", "torture-year",
                                          "torture-by-perpetrator")}
        charts.update({c.name: place(c, directory) for c in month_charts[m.month]})
        massacre_rows = [[x["date"], f'{x["place"]} ({x["governorate"]})', x["perpetrator"], x["deaths"],
                          x["children"], x["women"], x["injured"]] for x in m.massacres]
        render(f"{directory}/index.md", "month.md.j2",
               m=m, charts=charts, massacre_rows=massacre_rows, page_url=f"{site_url}{directory}/")
        writer.write(f"{directory}/{m.month}.csv", publish.month_csv(m))
    year_list = list(years)
    for i, (y, info) in enumerate(years.items()):
        chart = place(year_charts[y], f"years/{y}") if y in year_charts else None
        render(f"years/{y}/index.md", "year.md.j2", y=info, chart=chart,
               previous_year=year_list[i - 1] if i else None,
               next_year=year_list[i + 1] if i + 1 < len(year_list) else None)
    figures = {m.month: m.figures for m in months}
    render("months/index.md", "months.md.j2", years=list(years), months=derivation.month_list, figures=figures)
    render("years/index.md", "years.md.j2", years=list(years.values()))
    render("index.md", "home.md.j2", m=months[-1], chart=place(history_chart, "."))
    render("coverage/index.md", "coverage.md.j2", rows=coverage_rows, chart=place(coverage_chart, "coverage"))
    sources = sorted(tables["sources"].to_dict("records"), key=lambda r: r["source_id"])
    render("data/sources/index.md", "sources.md.j2", sources=[{k: (None if v is None or v != v else v) for k, v in r.items()}
                                                                for r in sources],
           used_by=derivation.provenance.months_by_source())
    render("data/reconciliation/index.md", "reconciliation.md.j2", years=list(years.values()))

    latest_published = derivation.latest_published()
    downloads = _write_downloads(package, tables.descriptor, writer, latest_published, t)
    resources = [
        {"name": r["name"], "path": r["path"], "title": r.get("title", ""), "description": r.get("description", ""),
         "fields": [{"name": f["name"], "type": f.get("type", "string"), "description": f.get("description", "")}
                    for f in r["schema"]["fields"]]}
        for r in tables.descriptor["resources"]
    ]
    documents = {"sources": "sources", "reconciliation": "reconciliation"}  # generated from the package above
    render("data/index.md", "data.md.j2",
        downloads=downloads, resources=resources, documents=list(documents.values()),
        perpetrators=tables["perpetrators"].sort_values("sort_order").to_dict("records"),
        governorates=tables["governorates"].to_dict("records"))
    writer.copy_tree(paths.PAGES_SRC)
    writer.copy_tree(paths.ASSETS, "assets/")

    page_memo.save()
    say(f"rendered the pages ({page_memo.reused} unchanged since the last build)")
    nav = _nav(t, list(documents.values()))
    pages_written = len(months) + len(years) + 5 + len(documents) + 1  # + home, indexes, data, coverage; methodology
    return Written(pages_written, placed, nav, latest_published, finish_drawing)


def _write_downloads(package: Path, descriptor: dict, writer: DocsWriter, latest_published: str | None,
                     t) -> list[dict]:
    files = publish.package_files(package, descriptor)
    day = _build_day(latest_published)
    archive = publish.reproducible_zip(files, (day.year, day.month, day.day, 0, 0, 0))
    writer.write(f"data/{publish.ZIP_NAME}", archive)
    downloads = [{"name": publish.ZIP_NAME, "href": publish.ZIP_NAME, "title": t("data.whole_package"),
                  "size": publish.human_size(len(archive)), "sha256": publish.sha256(archive)}]
    for path, data, title in files:
        target = f"{publish.PACKAGE_DIR}/{path}"
        writer.write(target, data)
        downloads.append({"name": path, "href": target.removeprefix("data/"), "title": title,
                          "size": publish.human_size(len(data)), "sha256": publish.sha256(data)})
    return downloads


def _nav(t, documents: list[str]) -> list:
    data = ["data/index.md"] + [{t(f"data.{slug}"): f"data/{slug}/index.md"} for slug in documents]
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
    ]


def _place_charts(staging: Path, cache: ChartCache, charts: list[Placed], published: dict[str, str]) -> dict[str, str]:
    """Put the drawn charts into the site; return where each sits (path -> cache key).
    `published` is the same for the published site a staging copy started from: those charts are
    there already, and those no longer drawn (a breakdown was removed) are taken out."""
    positions = {chart.path: chart.key for chart in charts}
    for chart in charts:
        if published.get(chart.path) != chart.key:
            cache.place(chart.key, chart.spec, staging / chart.path)
    for path in published.keys() - positions.keys():
        for suffix in cache.SUFFIXES:
            (staging / f"{path}{suffix}").unlink(missing_ok=True)
    return positions


def _finish_pages(site_dir: Path, fragments, cache: ChartCache) -> None:
    """One pass over the pages MkDocs wrote: put the figures and tables in, then the CSP (which
    hashes scripts). Pages copied from the published site already have both."""
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if site.CSP_MARKER in text:
            continue
        source = page.relative_to(site_dir).with_suffix(".md").as_posix()
        finished = site.with_content_security_policy(cache.with_sizes(fragments.fill(source, text)))
        if finished != text:
            page.write_text(finished, encoding="utf-8")


def _page_context(t) -> tuple:
    """Everything besides a page's own values that decides its text."""
    import babel
    import jinja2

    templates = [(p.name, p.read_bytes()) for p in sorted(paths.TEMPLATES.iterdir()) if p.is_file()]
    # babel: its CLDR data decide which plural form a count takes
    return (_code("pages.py", "build.py", "i18n.py"), templates, t.strings, jinja2.__version__, babel.__version__)


def _code(*modules: str) -> list[bytes]:
    return [(paths.ROOT / "civtoll" / name).read_bytes() for name in modules]


def _build_day(latest_published: str | None) -> dt.date:
    """The date stamped on built files (zip entries, sitemap): the latest report's, never the clock's."""
    return dt.date.fromisoformat(latest_published) if latest_published else dt.date(2011, 4, 1)


def _source_date_epoch(latest_published: str | None) -> int:
    day = _build_day(latest_published)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())


def _swap(staging: Path, out: Path) -> None:
    old = out.parent / f".{out.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
