"""Redo only the pages whose Markdown changed, when that gives the same site as a full build.

MkDocs' dirty mode rebuilds the pages whose HTML is older than their Markdown, or missing. That is
right only when nothing every page shares has changed: the navigation and configuration, the
theme overrides, the assets, this code and the pinned dependencies. The site's shape is the store
key of all of them (cache.py). When it equals the last build's and no page was removed, the build
starts from a copy of the published site and MkDocs redoes only the changed pages; otherwise
everything is built from nothing. A shortcut (shortcuts.py): plain builds never take it.

Two things a dirty build gets wrong are put right here: the search index (MkDocs writes only the
rebuilt pages' entries) and chart files no longer drawn. Tests check that an incremental build is
byte-identical to a full one.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path


SEARCH_INDEX = Path("search") / "search_index.json"
SHARE_IMAGE = "share.png"  # each page's, placed from the store like its charts (finish.place_files)


def can_start_from(last: dict | None, shape: str, docs_files: list[str], out: Path) -> bool:
    """Whether the published site, recorded as `last` (site.make_site), can be this build's start."""
    return bool(last) and last.get("shape") == shape and set(last.get("files", [])) <= set(docs_files) \
        and (out / "index.html").is_file() and (out / SEARCH_INDEX).is_file()


def copy_site(out: Path, staging: Path, docs: Path, before: dict[str, str], now: dict[str, str],
              skip: set[str] = frozenset()) -> set[str]:
    """Start the build from the published site, and return the pages MkDocs must redo.

    `before` and `now` are the pages' fingerprints (Markdown path -> hash of its text and blocks)
    of the published site and of this build: a page whose fingerprint changed is redone. Nothing
    in the staging copy may be a file MkDocs or the finishing step rewrites in place, for it may
    be hard-linked to the published site. So files are hard-linked only where nothing writes:
    the drawings placed from the store (finish.place_files replaces them), the pages not redone,
    and the files copied from the docs directory that MkDocs' dirty mode leaves alone (their copy
    in the site is not older than their source: MkDocs' own test). The pages to redo, the docs files MkDocs will
    copy again, and the files MkDocs always writes are left out, so MkDocs writes them as new
    files. Everything else (the theme's assets, the redirect files) is copied. `skip`: the top
    folders of the other editions (/ar/), which their own builds make.
    """
    always_written = {"404.html", "sitemap.xml", "sitemap.xml.gz", SEARCH_INDEX.as_posix()}
    rebuilt: set[str] = set()
    root, target_root, docs_root = str(out), str(staging), str(docs)
    # plain strings and os calls: this walks thousands of files on every incremental build
    for directory, folders, names in os.walk(root):
        folder = directory[len(root):].lstrip(os.sep)
        if not folder:
            folders[:] = [f for f in folders if f not in skip]
        target_dir = os.path.join(target_root, folder)
        os.makedirs(target_dir, exist_ok=True)
        placed = os.path.basename(directory) == "charts"
        for name in names:
            relative = f"{folder.replace(os.sep, '/')}/{name}".lstrip("/")
            source, target = os.path.join(directory, name), os.path.join(target_dir, name)
            if relative in always_written:
                continue
            if name == "index.html":
                markdown = f"{folder.replace(os.sep, '/')}/index.md".lstrip("/")
                if markdown not in before or before.get(markdown) != now.get(markdown):
                    rebuilt.add(relative.removesuffix("index.html"))
                    continue
                os.link(source, target)
            elif placed or name == SHARE_IMAGE:
                os.link(source, target)
            else:
                try:
                    newer_source = os.stat(os.path.join(docs_root, folder, name)).st_mtime > os.stat(source).st_mtime
                except FileNotFoundError:  # not a docs file
                    shutil.copy2(source, target)  # keeps the time MkDocs compares with the source's
                    continue
                if not newer_source:
                    os.link(source, target)
    return rebuilt


def merge_search_index(previous_site: Path, staging: Path, rebuilt: set[str]) -> None:
    """The full index: the previous build's entries for pages not rebuilt, plus the new ones."""
    previous = json.loads((previous_site / SEARCH_INDEX).read_text(encoding="utf-8"))
    current = json.loads((staging / SEARCH_INDEX).read_text(encoding="utf-8"))
    kept = [e for e in previous["docs"] if _page(e) not in rebuilt]
    _write_search_index(staging, {"config": current["config"], "docs": kept + current["docs"]})


def canonical_search_index(staging: Path) -> None:
    """Pages in one fixed order, so full and incremental builds write the same index."""
    _write_search_index(staging, json.loads((staging / SEARCH_INDEX).read_text(encoding="utf-8")))


def _write_search_index(staging: Path, index: dict) -> None:
    index["docs"] = sorted(index["docs"], key=_page)  # stable: a page's sections keep their order
    # the same separators as the search plugin, so an unchanged index keeps its bytes
    # UTF-8, not \u escapes: an Arabic index is a third of the size
    (staging / SEARCH_INDEX).write_text(json.dumps(index, separators=(",", ":"), default=str, ensure_ascii=False),
                                        encoding="utf-8")


def _page(entry: dict) -> str:
    return entry["location"].split("#", 1)[0]
