"""Render Vega-Lite specs to SVG and PNG with vl-convert, offline, caching each result by its spec.

A chart is redrawn only when its spec changes: the cache key is a hash of the spec and the
renderer's version. Charts are drawn in worker processes (vl-convert holds one JavaScript engine
per process, so threads would not help) whose font configuration lists no system fonts.

Why no system fonts: vl-convert measures every label by laying it out with its font database,
which reads a system font's file from disk again for every glyph (thousands of open/mmap calls
per chart; about 3 ms per label). With no system fonts visible it uses the Liberation Sans it
carries in memory: charts draw about three times faster, and the drawing no longer depends on
which fonts the building machine has installed ("same input, same output"). Browsers still show
the SVG's text in the reader's own system font; Liberation Sans has Arial's metrics.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from typing import Callable

from .processes import end_pool, start_pool

PNG_SCALE = 2
FONTS = "vl-convert-bundled"  # part of the cache key: charts drawn with other fonts are redrawn
BATCH = 20  # charts per task given to a worker
FONT_CONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{directory}</dir></fontconfig>
"""


def spec_json(spec: dict) -> str:
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, indent=1)


def cache_key(spec: dict) -> str:
    import vl_convert

    versions = f"{getattr(vl_convert, '__version__', '')}:{PNG_SCALE}:{FONTS}"
    return hashlib.sha256((versions + spec_json(spec)).encode()).hexdigest()[:32]


class ChartCache:
    SUFFIXES = (".svg", ".png", ".vl.json")  # the files of a chart in the site

    def __init__(self, directory: Path):
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def paths(self, key: str) -> tuple[Path, Path]:
        return self.directory / f"{key}.svg", self.directory / f"{key}.png"

    def has(self, key: str) -> bool:
        return all(p.is_file() for p in self.paths(key))

    def spec_path(self, key: str, spec: dict) -> Path:
        """The spec as published beside the chart, written once per key."""
        path = self.directory / f"{key}.vl.json"
        if not path.is_file():
            _atomic_write(path, (spec_json(spec) + "\n").encode("utf-8"))
        return path

    SIZE_TOKEN = re.compile(r"civtoll-chart-(width|height)-([0-9a-f]{32})")

    @staticmethod
    def size_token(key: str, side: str) -> str:
        """Stands for a chart's width or height in a page written before the chart is drawn."""
        return f"civtoll-chart-{side}-{key}"

    def with_sizes(self, text: str) -> str:
        return self.SIZE_TOKEN.sub(lambda m: str(self.size(m.group(2))[0 if m.group(1) == "width" else 1]), text)

    def size(self, key: str) -> tuple[int, int]:
        """The drawn size, so the browser reserves the space before the image arrives."""
        with open(self.paths(key)[0], encoding="utf-8") as f:
            head = f.read(400)
        match = re.search(r'<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"', head)
        return (round(float(match.group(1))), round(float(match.group(2)))) if match else (600, 400)

    def place(self, key: str, spec: dict, target: Path) -> None:
        """Put the chart's SVG, PNG and spec at target.{svg,png,vl.json} in a built site.

        Hard links when possible: the cache replaces files rather than rewriting them, so a linked
        file in a published site never changes afterwards.
        """
        target.parent.mkdir(parents=True, exist_ok=True)
        svg, png = self.paths(key)
        for source, suffix in zip((svg, png, self.spec_path(key, spec)), self.SUFFIXES):
            destination = target.with_name(target.name + suffix)
            if destination.exists():  # a site copied from the published one, for an incremental build
                if os.path.samefile(source, destination):
                    continue
                destination.unlink()  # never write into it: it may be linked to the published site
            try:
                os.link(source, destination)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(source, destination)

    def prune(self, keep: set[str]) -> int:
        """Remove charts no longer used, so the cache does not grow with every change."""
        removed = 0
        for path in self.directory.iterdir():
            if path.is_file() and path.name.endswith(self.SUFFIXES) and path.name.split(".")[0] not in keep:
                path.unlink()
                removed += 1
        return removed

    def render_missing(self, specs: dict[str, dict], progress=None) -> int:
        """Render every spec (by key) not yet in the cache, and wait; return how many were drawn."""
        if all(self.has(k) for k in specs):
            return 0  # no worker processes to start
        with ChartWorkers(self) as workers:
            return self.start_drawing(specs, workers, progress)()

    def start_drawing(self, specs: dict[str, dict], workers: ChartWorkers, progress=None) -> Callable[[], int]:
        """Start drawing every spec not yet in the cache, and return at once a function that waits
        for the drawings, stores them and returns how many there were: the caller works meanwhile."""
        missing = [(k, s) for k, s in specs.items() if not self.has(k)]
        if not missing:
            return lambda: 0
        if progress:
            progress(f"drawing {len(missing)} chart(s) in the background")
        # small batches keep every worker busy to the end
        batches = [missing[i:i + BATCH] for i in range(0, len(missing), BATCH)]
        results = workers.pool.map(_render_many, batches)  # submitted now

        def finish() -> int:
            for batch in results:
                self._store(batch)
            return len(missing)
        return finish

    def font_config(self) -> Path:
        """A fontconfig file whose only font directory is empty."""
        empty = self.directory / "no-fonts"
        empty.mkdir(exist_ok=True)
        path = self.directory / "fonts.conf"
        path.write_text(FONT_CONFIG.format(directory=empty.resolve()), encoding="utf-8")
        return path

    def _store(self, results: list[tuple[str, str, bytes]]) -> None:
        for key, svg, png in results:
            svg_path, png_path = self.paths(key)
            # write the PNG first: `has` checks both, and a half-written pair must not count
            _atomic_write(png_path, png)
            _atomic_write(svg_path, svg.encode("utf-8"))


class ChartWorkers:
    """Processes that draw charts. A process starts with each task given while the others are
    busy, up to one per core (at most four)."""

    def __init__(self, cache: ChartCache, most: int | None = None):
        self.most = most or max(1, min(os.cpu_count() or 1, 4))
        self.pool = start_pool(self.most, _isolate_fonts, (str(cache.font_config()),))

    def warm_up(self) -> None:
        """Start a process and load Altair in it now, so that it is ready when the caller has
        charts to define. (vl-convert's engine starts with the first drawing, which the caller
        does not wait for.)"""
        self.pool.submit(_get_ready)

    def define(self, charts, jobs: list[tuple[str, str, tuple]]) -> list[tuple[str, object]]:
        """Chart definitions (see Charts.define), made in parallel: [(memo key, definition)]."""
        from .charts import define_many

        if not jobs:
            return []
        # a few definitions take milliseconds: only many are worth starting another process for
        size = max(BATCH, -(-len(jobs) // self.most))
        batches = [jobs[i:i + size] for i in range(0, len(jobs), size)]
        return [item for batch in self.pool.map(define_many, [charts] * len(batches), batches) for item in batch]

    def close(self) -> None:
        end_pool(self.pool)

    def __enter__(self) -> ChartWorkers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _isolate_fonts(font_config: str) -> None:
    # read once, when vl-convert first loads its font database in this fresh process
    os.environ["FONTCONFIG_FILE"] = font_config


def _get_ready() -> None:
    from .charts import _load_altair

    _load_altair()


def _render_many(items: list[tuple[str, dict]]) -> list[tuple[str, str, bytes]]:
    import vl_convert

    results = []
    for key, spec in items:
        svg = vl_convert.vegalite_to_svg(spec)
        png = vl_convert.svg_to_png(svg, scale=PNG_SCALE)
        results.append((key, svg, png))
    return results


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
