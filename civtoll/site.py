"""The site stage: run the site generator on the written pages, beside the published site, and
finish what it built. The published site is not touched (publish.py swaps the new one in)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Callable

from . import finish, generators, incremental, shortcuts
from .context import Context
from .downloads import build_day
from .generators import MkDocsFailed
from .pages import Written

ENGINES = ("mkdocs", "zensical")


def make_site(ctx: Context, written: Written, docs_files: list[str], latest_published: str | None,
              charts_drawn: Callable[[], int]) -> tuple[Path, dict]:
    """Build into a staging directory; return it and the record of what it was made from."""
    t, store, docs = ctx.t, ctx.store, ctx.work / "docs"
    staging = ctx.out.parent / f".{ctx.out.name}.new"
    if staging.exists():
        shutil.rmtree(staging)
    strings = {"footer": t("site.footer"), "methodology": t("nav.methodology"), "data": t("nav.data")}
    config = generators.write_config(ctx.work, docs, staging, written.nav, strings)
    shape = store.key("site-shape", config.read_text(encoding="utf-8"), ctx.engine)
    last = store.ref("published")
    # only MkDocs builds can start from the published site (its dirty mode); Zensical builds it all
    reuse = ctx.engine == "mkdocs" and shortcuts.reuse_published() and \
        incremental.can_start_from(last, shape, docs_files, ctx.out)
    published = last["charts"] if reuse else {}
    epoch = _source_date_epoch(latest_published)
    try:
        if reuse:
            rebuilt = incremental.copy_site(ctx.out, staging, last["pages"], written.fingerprints)
            ctx.say(f"started from the published site; only changed pages are rebuilt ({len(rebuilt)})")
        ctx.say(f"running {ctx.engine} build")
        if ctx.engine == "zensical":
            flat = generators.write_flat_config(ctx.work, written.nav, strings)
            generators.zensical_build(flat, staging, epoch)
        else:
            generators.mkdocs_build(config, epoch, dirty=reuse, bytecode_cache=store.bytecode_cache())
            if reuse:
                incremental.merge_search_index(ctx.out, staging, rebuilt)
            else:
                incremental.canonical_search_index(staging)
        drawn = charts_drawn()
        ctx.say(f"adding charts ({drawn} newly drawn), figures, tables and the Content-Security-Policy")
        finish.place_files(ctx, staging, written, published)
        finish.finish_pages(staging, written, written.sizes)
        finish.write_redirects(ctx, staging, written)
        outside = finish.outside_assets(staging)  # what the privacy plugin refuses under MkDocs
        if outside:
            raise MkDocsFailed(f"the built pages load from other hosts: {generators._summary(outside)}")
    except Exception:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    record = {"shape": shape, "files": docs_files, "charts": written.charts, "pages": written.fingerprints}
    return staging, record


def _source_date_epoch(latest_published: str | None) -> int:
    """Sitemap dates and gzip stamps: the latest report's day, never the clock's."""
    day = build_day(latest_published)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
