"""Render Vega-Lite specs to SVG and PNG with vl-convert, offline, caching each result by its spec.

A chart is redrawn only when its spec changes: the cache key is a hash of the spec and the
renderer's version. Many missing charts are drawn in parallel processes (vl-convert holds one
JavaScript engine per process, so threads would not help).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PNG_SCALE = 2
PARALLEL_FROM = 40  # below this many missing charts, starting worker processes costs more than it saves


def spec_json(spec: dict) -> str:
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, indent=1)


def cache_key(spec: dict) -> str:
    import vl_convert

    versions = f"{vl_convert.__version__ if hasattr(vl_convert, '__version__') else ''}:{PNG_SCALE}"
    return hashlib.sha256((versions + spec_json(spec)).encode()).hexdigest()[:32]


class ChartCache:
    def __init__(self, directory: Path):
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def paths(self, key: str) -> tuple[Path, Path]:
        return self.directory / f"{key}.svg", self.directory / f"{key}.png"

    def has(self, key: str) -> bool:
        return all(p.is_file() for p in self.paths(key))

    def render_missing(self, specs: dict[str, dict], progress=None) -> int:
        """Render every spec (by key) not yet in the cache; return how many were drawn."""
        missing = [(k, s) for k, s in specs.items() if not self.has(k)]
        if not missing:
            return 0
        if progress:
            progress(f"drawing {len(missing)} chart(s)")
        workers = min(os.cpu_count() or 1, 4)
        if len(missing) >= PARALLEL_FROM and workers > 1:
            chunks = [missing[i::workers] for i in range(workers)]
            # spawn, not fork: a forked copy of a process whose vl-convert engine already runs deadlocks
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                for results in pool.map(_render_many, chunks):
                    self._store(results)
        else:
            self._store(_render_many(missing))
        return len(missing)

    def _store(self, results: list[tuple[str, str, bytes]]) -> None:
        for key, svg, png in results:
            svg_path, png_path = self.paths(key)
            # write the PNG first: `has` checks both, and a half-written pair must not count
            _atomic_write(png_path, png)
            _atomic_write(svg_path, svg.encode("utf-8"))


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
