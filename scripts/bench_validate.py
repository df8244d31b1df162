#!/usr/bin/env python3
"""Print how long `civtoll validate` takes on the shipped package and on a synthetic 190-month history.

Goal: under 2 s each on the 2-core reference machine. Times are the median of several runs of the
in-process validator (the command adds about 0.5 s of interpreter and import start-up, also printed).
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from civtoll.problems import errors  # noqa: E402
from civtoll.validate import validate_package  # noqa: E402

RUNS = 5
# The synthetic history runs to 2026-12; judge it from a day after its last report.
SYNTHETIC_AS_OF = dt.date(2027, 6, 1)


def timed(package: Path, today: dt.date | None) -> tuple[float, int, int]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        problems = validate_package(package, today=today)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(errors(problems)), len(problems)


def command_time(package: Path, as_of: dt.date | None) -> float:
    args = [sys.executable, "-m", "civtoll.cli", "validate", str(package)]
    if as_of:
        args += ["--as-of", as_of.isoformat()]
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp) / "synthetic-190"
        subprocess.run([sys.executable, str(ROOT / "scripts/synthesize.py"), "--months", "190", "--out", str(synthetic)],
                       check=True, capture_output=True)
        rows = sum(len(p.read_text().splitlines()) - 1 for p in (synthetic / "data").glob("*.csv"))
        cases = [("shipped datapackage/", ROOT / "datapackage", None), (f"synthetic 190 months ({rows} rows)", synthetic, SYNTHETIC_AS_OF)]
        print(f"{'package':40} {'validate (median of %d)' % RUNS:>24} {'whole command':>14} {'errors':>7}")
        for label, package, as_of in cases:
            seconds, n_errors, _ = timed(package, as_of)
            print(f"{label:40} {seconds:>22.2f} s {command_time(package, as_of):>12.2f} s {n_errors:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
