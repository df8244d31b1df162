"""The site stage: run the site generator on each edition's written pages, beside the published
site, and finish what it built. English is the site's root, every other edition a folder of it
(/ar/), each built by its own generator run with its own search index. The published site is not
touched (publish.py swaps the new one in)."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import finish, generators, incremental, shortcuts
from .context import Context
from .derive import build_day
from .generators import MkDocsFailed
from .pages import Written


@dataclass
class Edition:
    ctx: Context  # in the edition's language
    written: Written
    docs_files: list[str]


def make_site(editions: list[Edition], latest_published: str | None, charts_drawn: Callable[[], int]) -> tuple[Path, dict]:
    """Build every edition into a staging directory; return it and the record of what it was made from."""
    ctx = editions[0].ctx
    staging = ctx.out.parent / f".{ctx.out.name}.new"
    if staging.exists():
        shutil.rmtree(staging)
    last = (ctx.store.ref("published") or {}).get("editions", {})
    records = {}
    try:
        others = {e.ctx.prefix.rstrip("/") for e in editions if e.ctx.prefix}
        languages = [(e.ctx.language, e.ctx.prefix) for e in editions]
        epoch = _source_date_epoch(latest_published)
        generated = []
        for edition in editions:  # English first: it is built into the root the others sit in
            skip = others if not edition.ctx.prefix else set()
            generated.append((edition, skip, _generate(edition, staging, last.get(edition.ctx.language), epoch, skip)))
        # every generator has run before the drawings are waited for: this process works meanwhile
        drawn = charts_drawn()
        for edition, skip, (reuse, record) in generated:
            ctx.say(f"{edition.ctx.language}: adding charts ({drawn} newly drawn), figures, tables and the "
                    "Content-Security-Policy")
            drawn = 0
            _finish(edition, staging, last.get(edition.ctx.language) if reuse else None, epoch, skip, languages)
            records[edition.ctx.language] = record
        finish.write_redirects(ctx, staging, editions[0].written)
        outside = finish.outside_assets(staging, written_only=True)  # what the privacy plugin refuses under MkDocs
        if outside:
            raise MkDocsFailed(f"the built pages load from other hosts: {generators._summary(outside)}")
    except Exception:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, {"editions": records}


def _generate(edition: Edition, staging: Path, last: dict | None, epoch: int, skip: set[str]) -> tuple[bool, dict]:
    """Run the site generator on the edition's pages; (whether it started from the published
    site, the record of what it was made from)."""
    ctx, written = edition.ctx, edition.written
    t, store = ctx.t, ctx.store
    site_dir, published_dir = staging / ctx.prefix, ctx.out / ctx.prefix
    strings = {"footer": t("site.footer"), "methodology": t("nav.methodology"), "data": t("nav.data")}
    config = generators.write_config(ctx, site_dir, written.nav, strings)
    shape = store.key("site-shape", config.read_text(encoding="utf-8"), ctx.engine)
    # only MkDocs builds can start from the published site (its dirty mode); Zensical builds it all
    reuse = ctx.engine == "mkdocs" and shortcuts.reuse_published() and \
        incremental.can_start_from(last, shape, edition.docs_files, published_dir)
    if reuse:
        rebuilt = incremental.copy_site(published_dir, site_dir, ctx.docs, last["pages"], written.fingerprints, skip)
        ctx.say(f"{ctx.language}: started from the published site; only changed pages are rebuilt ({len(rebuilt)})")
    ctx.say(f"{ctx.language}: running {ctx.engine} build")
    if ctx.engine == "zensical":
        generators.zensical_build(generators.write_flat_config(ctx, written.nav, strings), site_dir, epoch)
    else:
        generators.mkdocs_build(config, epoch, dirty=reuse, bytecode_cache=store.bytecode_cache())
        if reuse:
            incremental.merge_search_index(published_dir, site_dir, rebuilt)
        else:
            incremental.canonical_search_index(site_dir)
    return reuse, {"shape": shape, "files": edition.docs_files, "charts": written.charts, "pages": written.fingerprints}


def _finish(edition: Edition, staging: Path, last: dict | None, epoch: int, skip: set[str],
            editions: list[tuple[str, str]]) -> None:
    """Put the drawings in and fill in the generated pages; `last` is the published record the
    edition started from, if it did."""
    ctx, written = edition.ctx, edition.written
    site_dir = staging / ctx.prefix
    finish.place_files(ctx, site_dir, written, last["charts"] if last else {})
    finish.finish_pages(site_dir, written, written.sizes, skip)
    finish.with_alternates(ctx, site_dir, editions, epoch)


def _source_date_epoch(latest_published: str | None) -> int:
    """Sitemap dates and gzip stamps: the latest report's day, never the clock's."""
    day = build_day(latest_published)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
