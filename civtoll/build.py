"""`civtoll build`: the stages in order, each a module of its own (README: how a build runs).

    validate -> derive -> charts (draw.py) -> downloads -> pages -> site -> publish

The site is built beside the published one and swapped in only when everything succeeded, so an
invalid package or a failing build leaves the previous site exactly as it was. What a build may
reuse from the last one is in one store (cache.py); when no input changed at all, nothing is done.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from urllib.parse import urlsplit

from . import context, shortcuts

ENGINES = ("mkdocs", "zensical")  # the site generators (site.py runs them)


def build_site(package: Path, out: Path, progress=None, today: dt.date | None = None, engine: str = "mkdocs") -> str:
    """`engine`: MkDocs Material (the default), or Zensical, its authors' successor."""
    started = time.perf_counter()

    def say(message: str) -> None:
        if progress:
            progress(f"[{time.perf_counter() - started:5.1f}s] {message}")

    ctx = context.make(package, out, engine, today, say)
    stamp = ctx.store.key("stamp", ctx.package_digest(), str(ctx.out.resolve()), engine)
    last = ctx.store.ref("published")
    if last and last.get("stamp") == stamp and (ctx.out / "index.html").is_file():
        return f"{out}: up to date (no input changed)"
    if placeholder_address(ctx.site_url):
        say(f"warning: site_url in mkdocs.yml is {ctx.site_url!r}, not the site's real address: every page's "
            "citation and canonical link will point there; set it before publishing")

    return _run_stages(ctx, stamp, started, say)


def _run_stages(ctx: context.Context, stamp: str, started: float, say) -> str:
    from .workers import Workers

    today, out = ctx.today, ctx.out
    with Workers(ctx.work) as workers:
        exports = copy = None
        if shortcuts.in_workers():
            from .exports.site_files import made_apart

            # the exports are made in a worker from the start; used only once the package is valid
            exports = workers.pool.submit(made_apart, str(ctx.package), ctx.site_url)
        # imported here, not above: a build with nothing to do returns before loading pandas, Altair's
        # helpers, MkDocs and the exporters (0.6 s of imports); and only now, while the workers start
        from . import derive, downloads, draw, generators, i18n, localise, pages, publish, releases, revisions, site
        from .docs_writer import DocsWriter
        from .validate import validated

        tables = validated(ctx.package, today, say)
        if shortcuts.in_workers():
            # Altair loads in a second worker now, ready when charts are defined; not from the start,
            # where it would slow the exports, which the data page waits for (0.1 s at 190 months)
            workers.warm_up()
        derived = derive.derive(tables)
        history = {"releases": releases.list_releases(ctx.package), "revisions": revisions.revisions(ctx.package),
                   "changelog": revisions.changelog(ctx.package)}
        say(f"derived {len(derived.months)} months and {len(derived.years)} years; {len(history['releases'])} release(s)")
        editions = [(e, localise.in_language(derived, e.language)) for e in map(ctx.in_language, i18n.languages())]
        asked = [(e, draw.define_charts(e, named, workers)) for e, named in editions]
        charts = {e.language: defined() for e, defined in asked}
        if shortcuts.in_workers():  # queued behind the definitions the pages wait for, before the drawings
            from .archive import package_copy

            copy = workers.pool.submit(package_copy, str(ctx.package))
        missing = [item for e, named in editions for item in draw.draw_charts(e, named, charts[e.language])]
        drawn = _once(draw.start_drawing(ctx, missing, workers))
        if shortcuts.plain():  # pages need their charts' sizes (shortcuts.SizeTokens)
            drawn()
        writers = [DocsWriter(e.docs) for e, _ in editions]
        # every page but the data pages first: those list the exports, which may still be being made
        data_pages = [pages.write_pages(e, named, charts[e.language], writer, lambda key: draw.size_of(ctx, key),
                                        lambda key: draw.svg_of(ctx, key), history)
                      for (e, named), writer in zip(editions, writers)]
        if exports is not None and not exports.done():
            generators.preload(ctx.engine)
        # one copy of every download, in the root edition's (English) folders; every edition links to it
        listed = downloads.write_downloads(editions[0][0], tables, writers[0], derived.latest_published, exports, copy)
        built = []
        for (e, _), writer, data_page in zip(editions, writers, data_pages):
            written = data_page(listed)
            removed = writer.remove_stale()
            say(f"{e.language}: wrote {written.pages} pages for {len(written.charts)} charts "
                f"({len(writer.changed)} file(s) changed, {removed} removed)")
            built.append(site.Edition(e, written, writer.files()))
        staging, record = site.make_site(built, derived.latest_published, drawn)
    publish.publish(ctx, staging, {**record, "stamp": stamp})
    return (f"built {out}: {sum(b.written.pages for b in built)} pages, {sum(len(b.written.charts) for b in built)} "
            f"charts in {len(built)} languages in {time.perf_counter() - started:.1f} s")


def _once(function):
    """The drawings are waited for once, by whichever step needs them first."""
    result = []

    def call():
        if not result:
            result.append(function())
            return result[0]
        return 0
    return call


def placeholder_address(site_url: str) -> bool:
    """An address no reader can reach: empty, or a domain reserved for examples (RFC 2606)."""
    host = urlsplit(site_url).hostname or ""
    return not host or host.split(".")[-1] in ("example", "test", "invalid", "localhost") or \
        ".".join(host.split(".")[-2:]) in ("example.org", "example.com", "example.net")
