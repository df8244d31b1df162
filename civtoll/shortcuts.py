"""Every shortcut the build takes for speed, in one place, each with its measured reason.

None of them changes a byte of the site: `CIVTOLL_PLAIN=1 civtoll build` builds without any of
them, and a test compares the two sites byte for byte. The shortcuts:

1. Blocks after MkDocs (`Fragments`). Figures, data tables and the quoted sources of a month are
   HTML that Python-Markdown and the search plugin parse slowly and need not see: the Markdown
   holds a placeholder comment, and the block is put into the built page afterwards. Measured at
   190 synthetic months: a bare MkDocs build took 11.0 s with the blocks in the Markdown, 3.8 s
   without. Plain: the blocks are in the Markdown.
2. Chart sizes after MkDocs (`SizeTokens`). A page is written while its charts are still drawn in
   other processes; its <img> gets a token for the width and height (an inline chart, one for its
   SVG), filled in when the drawing is done, so writing pages and drawing overlap (about 5 s of a full build). Plain: pages are
   written after every chart is drawn.
3. Work in worker processes (`in_workers`): chart definitions (Altair costs 0.5 s to import and
   a few ms a chart; the workers have it loaded already) and the exports (the workbook and the
   JSON API take about 3 s of Python at 190 synthetic months, made while this process validates the
   package and writes the pages), and the package's copy and zip. The workers run at a lower
   priority than this process, whose work they wait for (workers.start_worker). While this
   process waits for the exports, it imports MkDocs (generators.preload). Plain: in this process.
4. Reusing the published site (incremental.py): MkDocs redoes only the changed pages. A new month
   takes 3.5 s instead of a full MkDocs run. Plain: every page is built.
5. Compiled theme templates (`keep_compiled_templates`) patch MkDocs' Theme.get_env, which has no
   setting for a bytecode cache: compiling Material's templates costs 0.5 s every build. The same
   patch lists the theme's files without walking its hidden folders.
6. The fast exit (`exit_now`): tearing the interpreter down frees hundreds of thousands of
   objects one by one, 0.6 s spent on nothing as the process ends. Plain: the usual exit.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import re
import sys
from typing import Callable

from markupsafe import Markup


def plain() -> bool:
    return os.environ.get("CIVTOLL_PLAIN", "") not in ("", "0")


def mode() -> str:
    """Part of every cache key: the two modes write the same site through different steps."""
    return "plain" if plain() else "shortcuts"


# 1. ---------------------------------------------------------------------------------------------

BLOCK = '<div class="block" data-search-exclude>\n{}\n</div>'  # search never indexes a block


class Fragments:
    PLACEHOLDER = "<!--civtoll-fragment:{}-->"

    def __init__(self, inline: bool | None = None):
        self.inline = plain() if inline is None else inline
        self.by_page: dict[str, dict[str, str]] = {}
        self.page: str | None = None

    def begin(self, page: str) -> None:
        """Start collecting for the page built from this Markdown path (relative to docs/)."""
        self.page = page
        self.by_page[page] = {}

    def add(self, html_block: str) -> Markup:
        block = BLOCK.format(str(html_block).strip("\n"))
        blocks = self.by_page[self.page]
        key = str(len(blocks) + 1)
        blocks[key] = block  # in both modes: the page's digest line is made from them
        return Markup("\n\n" + (block if self.inline else self.PLACEHOLDER.format(key)) + "\n\n")

    def fill(self, page: str, text: str) -> str:
        """Put the blocks of `page` (a Markdown path relative to docs/) into its built HTML."""
        if self.inline:
            return text
        # a block may hold an earlier one (a figure holds its table): put in the outer blocks first
        for key, block in reversed(self.by_page.get(page, {}).items()):
            placeholder = self.PLACEHOLDER.format(key)
            if placeholder not in text:
                raise RuntimeError(f"{page}: placeholder {placeholder} missing after the MkDocs build")
            text = text.replace(placeholder, block, 1)
        return text

    def fingerprint(self, page: str, text: str) -> str:
        """Changes whenever the page's Markdown or one of its blocks does: what decides whether a
        build that starts from the published site must redo the page (incremental.py)."""
        return hashlib.sha256((text + repr(sorted(self.by_page.get(page, {}).items()))).encode()).hexdigest()[:32]


# 2. ---------------------------------------------------------------------------------------------

class SizeTokens:
    """A drawn chart's width, height or whole SVG (for pages that show charts inline)."""

    PATTERN = re.compile(r"civtoll-chart-(width|height|svg)-([0-9a-f]{40})")

    def __init__(self, size_of: Callable[[str], tuple[int, int]], svg_of: Callable[[str], str]):
        self.size_of = size_of  # chart key -> (width, height), once drawn
        self.svg_of = svg_of

    def size(self, key: str, side: str) -> Markup:
        return Markup(self._value(side, key) if plain() else f"civtoll-chart-{side}-{key}")

    def fill(self, text: str) -> str:
        return self.PATTERN.sub(lambda m: self._value(m.group(1), m.group(2)), text)

    def _value(self, side: str, key: str) -> str:
        if side == "svg":
            return self.svg_of(key)
        return str(self.size_of(key)[0 if side == "width" else 1])


# 3, 4. ------------------------------------------------------------------------------------------

def in_workers() -> bool:
    return not plain()


def reuse_published() -> bool:
    return not plain()


# 5. ---------------------------------------------------------------------------------------------

def keep_compiled_templates(config, bytecode_cache) -> None:
    """Give the theme's Jinja environment our bytecode cache (see cache.Store.bytecode_cache)."""
    if plain():
        return
    theme = config.theme
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = bytecode_cache
        env.loader.list_templates = functools.partial(_templates_outside_hidden_folders, env.loader)
        return env
    theme.get_env = get_env


def _templates_outside_hidden_folders(loader) -> list[str]:
    """FileSystemLoader.list_templates without walking hidden folders, whose files MkDocs drops
    anyway when it lists the theme's static files (its patterns '.*' and '*/.*'): Material's
    .icons alone holds 14,000 files, walked and matched on every run (0.05 s each)."""
    found = set()
    for root in loader.searchpath:
        for directory, folders, names in os.walk(root, followlinks=loader.followlinks):
            folders[:] = [f for f in folders if not f.startswith(".")]
            folder = os.path.relpath(directory, root).replace(os.sep, "/")
            found.update(name if folder == "." else f"{folder}/{name}" for name in names)
    return sorted(found)


# 6. ---------------------------------------------------------------------------------------------

def exit_now(code: int) -> None:
    """End the process with `code` now. Exit handlers run and output is flushed first; under a
    profiler, debugger or coverage tool the usual exit is kept, so that they write their results."""
    if plain() or sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
