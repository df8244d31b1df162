#!/usr/bin/env python3
"""Print how long `civtoll build` takes on a synthetic 190-month package (the full history since 2011).

Cases: a full build from nothing (every chart drawn), a rebuild with nothing changed, a rebuild after
adding one month (the median of three runs from the same state), and, for comparison, a bare
`mkdocs build` of the same generated pages.
Goals on the 2-core reference machine, both editions (English and Arabic; issue 12): full <= 60 s,
unchanged <= 0.5 s, one new month <= 5 s; issue 11 set full <= 30 s, one month <= 3 s and unchanged
<= 0.3 s when the site had only its English edition. The bare MkDocs and Zensical runs build the
English pages only.
Also timed: the same full build without shortcuts (CIVTOLL_PLAIN=1, shortcuts.py) and with Zensical.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2027-06-01"  # the synthetic history runs past today; judge it from after its last month


def run(args: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{result.stdout}\n{result.stderr}")
    return seconds


def synthesize(months: int, out: Path) -> None:
    run([sys.executable, str(ROOT / "scripts/synthesize.py"), "--months", str(months), "--out", str(out)])


def build(package: Path, site: Path, env: dict | None = None) -> float:
    return run([sys.executable, "-m", "civtoll.cli", "build", "--package", str(package), "--out", str(site),
                "--quiet", "--as-of", AS_OF], env)


def bare_mkdocs(work: Path) -> float:
    target = work.parent / "bare-mkdocs"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    seconds = run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(work / "mkdocs.generated.yml"),
                   "-d", str(target)], env)
    shutil.rmtree(target, ignore_errors=True)
    return seconds


def bare_zensical(package: Path, site: Path) -> float:
    """The same English pages built by Zensical alone, from the flat config `--engine zensical` uses."""
    import yaml

    sys.path.insert(0, str(ROOT))
    from civtoll import context
    from civtoll.generators import ZENSICAL_SITE, write_flat_config

    ctx = context.make(package, site, "zensical", None, lambda message: None)
    nav = yaml.safe_load((ctx.work / "mkdocs.generated.yml").read_text(encoding="utf-8"))["nav"]
    config = write_flat_config(ctx, nav, {})
    seconds = run([sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)])
    shutil.rmtree(ctx.work / ZENSICAL_SITE, ignore_errors=True)
    return seconds


def one_month(package: Path, site: Path, runs: int = 3) -> tuple[float, str]:
    """The rebuild after adding one month, from the same published site each time: the median of
    `runs` (a run of a few seconds varies by a few tenths), and the spread, for the printout."""
    before = site.parent.with_name("before-one-month")
    shutil.copytree(site.parent, before, symlinks=True)
    times = []
    for _ in range(runs):
        shutil.rmtree(site.parent)
        shutil.copytree(before, site.parent, symlinks=True)
        times.append(build(package, site))
    shutil.rmtree(before)
    times.sort()
    return times[len(times) // 2], f"{runs} runs: {', '.join(f'{t:.1f}' for t in times)} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=190)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package, site = Path(tmp) / "package", Path(tmp) / "out" / "site"
        synthesize(args.months, package)
        full = build(package, site)
        pages = sum(1 for _ in site.rglob("index.html"))  # both editions
        charts = sum(1 for _ in site.rglob("*.vl.json"))
        unchanged = build(package, site)
        synthesize(args.months + 1, package)
        one_more, spread = one_month(package, site)
        work = site.parent / (site.name + ".work")
        bare = bare_mkdocs(work)
        zensical = bare_zensical(package, site)
        zensical_site = Path(tmp) / "zensical" / "site"
        with_zensical = [sys.executable, "-m", "civtoll.cli", "build", "--package", str(package), "--out",
                         str(zensical_site), "--quiet", "--as-of", AS_OF, "--engine", "zensical"]
        zensical_full = run(with_zensical)
        zensical_unchanged = run(with_zensical)
        synthesize(args.months + 2, package)
        zensical_one_more = run(with_zensical)
        plain = build(package, Path(tmp) / "plain" / "site", dict(os.environ, CIVTOLL_PLAIN="1"))
        size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
        shares = sum(f.stat().st_size for f in site.rglob("share.png"))
        print(f"synthetic package: {args.months} months, {pages} pages, {charts} charts, site {size / 1e6:.1f} MB "
              f"(share images {shares / 1e6:.1f} MB)")
        print(f"{'case':34} {'seconds':>8} {'x bare mkdocs':>14} {'goal':>8}")
        for label, seconds, goal in (("full build (all charts drawn)", full, 60),
                                     ("rebuild, nothing changed", unchanged, 0.5),
                                     ("rebuild after adding one month", one_more, 5),
                                     ("plain full build (no shortcuts)", plain, None),
                                     ("bare mkdocs build, same pages", bare, None),
                                     ("zensical: full build (--engine)", zensical_full, None),
                                     ("zensical: nothing changed", zensical_unchanged, None),
                                     ("zensical: after adding one month", zensical_one_more, None),
                                     ("bare zensical build, same pages", zensical, None)):
            goal_text = f"<= {goal} s" if goal else ""
            print(f"{label:34} {seconds:8.1f} {seconds / bare:14.2f} {goal_text:>8}")
        print(f"rebuild after adding one month: the median of {spread}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
