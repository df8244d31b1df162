"""The processes that define and draw charts, and what runs in them.

vl-convert holds one JavaScript engine per process, so drawing in parallel takes processes, not
threads. They start with `spawn`: a forked copy of a process whose engine already runs deadlocks.

Their font configuration lists no system fonts: vl-convert uses the Liberation Sans it carries,
plus the font we ship (docs/fonts), so the drawing does not depend on which fonts the building
machine has ("same input, same output"). It also saves time: vl-convert reads a font file from
disk again for every glyph it draws from it (1.9 did so for every glyph it measured, too; 2.0
still does when it turns text into a PNG's outlines).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import paths

BATCH = 20  # charts per task given to a worker
WORKER_NICENESS = 5  # added to the workers' scheduling niceness (start_worker)
FONT_CONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{directory}</dir></fontconfig>
"""


class Workers:
    """A process starts with each task given while the others are busy, up to one per core (at
    most four)."""

    def __init__(self, work: Path, most: int | None = None):
        self.most = most or max(1, min(os.cpu_count() or 1, 4))
        self.pool = ProcessPoolExecutor(self.most, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=start_worker, initargs=(str(font_config(work)), str(paths.FONTS)))

    def warm_up(self) -> None:
        """Start a process and load Altair in it now, ready when the build has charts to define."""
        self.pool.submit(get_ready)

    def define(self, params: tuple, jobs: list[tuple[str, str, tuple]]):
        """Start making chart definitions (see charts.Charts.define) in parallel; returns an
        iterator of (store key, definition), which waits for them."""
        if not jobs:
            return iter(())
        # a few definitions take milliseconds: only many are worth starting another process for
        size = max(BATCH, -(-len(jobs) // self.most))
        batches = [jobs[i:i + size] for i in range(0, len(jobs), size)]
        return (item for batch in self.pool.map(define_many, [params] * len(batches), batches) for item in batch)

    def draw(self, items: list[tuple[str, str, object, list]]):
        """Start drawing (see draw_many); returns an iterator of (key, bytes)."""
        batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)]  # keeps every worker busy
        return (item for batch in self.pool.map(draw_many, batches) for item in batch)

    def close(self) -> None:
        """Stop the processes now: nothing is left in them to save, and a worker shutting its
        JavaScript engine down takes about a second (Python 3.14 has terminate_workers())."""
        processes = list((getattr(self.pool, "_processes", None) or {}).values())  # shutdown() forgets them
        for process in processes:
            process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)
        for process in processes:
            process.join()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def font_config(work: Path) -> Path:
    """A fontconfig file whose only font directory is an empty one."""
    empty = work / "no-fonts"
    empty.mkdir(parents=True, exist_ok=True)
    path = work / "fonts.conf"
    text = FONT_CONFIG.format(directory=empty.resolve())
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


# --- in the worker processes (and in this one, for a plain build) ----------------------------

def start_worker(config: str, shipped: str) -> None:
    # The build's own process runs its longest chain (validation, pages, MkDocs), which no worker
    # can shorten, while the workers' tasks have time to spare until the pages need them; on two
    # cores three processes share them. Measured at 190 synthetic months, five runs of each taken in
    # turn: a rebuild after one new month took 5.75 s (median) with the workers at niceness 5, 6.3 s
    # at the same priority, and 6.1 s either way at 5 and 15 on a slower hour. A full build is not
    # slowed: its own process ends up waiting for the drawings, and a core left free is not lost.
    os.nice(WORKER_NICENESS)
    isolate_fonts(config, shipped)


def isolate_fonts(config: str, shipped: str) -> None:
    # read once, when vl-convert first loads its font database in this fresh process
    os.environ["FONTCONFIG_FILE"] = config
    import vl_convert

    # the Arabic charts' font (docs/fonts); without it vl-convert draws Arabic charts with no text at all
    vl_convert.register_font_directory(shipped)
    # the specs hold their data: nothing is ever fetched, from the network or from the disk
    vl_convert.configure(base_url=False, allowed_base_urls=[])


def get_ready() -> None:
    from . import charts  # noqa: F401  Altair is imported with it


def define_many(params: tuple, jobs: list[tuple[str, str, tuple]]) -> list[tuple[str, object]]:
    """(store key, kind, arguments) -> (store key, definition); `params` make the Charts."""
    from .charts import Charts

    charts = Charts(*params)
    return [(key, charts.define(kind, *args)) for key, kind, args in jobs]


def draw_many(items: list[tuple[str, str, object, list]]) -> list[tuple[str, bytes]]:
    """(key, "svg", spec, shares) -> the chart's SVG, and the share images composed from it;
    (key, "share", path of a stored drawing or None, shares) -> the share image alone."""
    from pathlib import Path

    import vl_convert

    from .share import compose

    drawn = []
    for key, kind, source, shares in items:
        if kind == "svg":
            svg = vl_convert.vegalite_to_svg(source)
            drawn.append((key, svg.encode("utf-8")))
        else:
            svg = Path(source).read_text(encoding="utf-8") if source else None
        for share_key, head in shares:
            drawn.append((share_key, vl_convert.svg_to_png(compose(svg, head), scale=1)))
    return drawn
