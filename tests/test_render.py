"""Drawing charts: cached by spec, and parallel drawing works after the engine ran in the same process."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import altair as alt

from civtoll.render import ChartCache, cache_key

SPEC = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q").to_dict()


def test_a_drawn_chart_is_not_drawn_again(tmp_path):
    cache = ChartCache(tmp_path)
    key = cache_key(SPEC)
    assert cache.render_missing({key: SPEC}) == 1
    svg, png = cache.paths(key)
    assert svg.read_text().startswith("<svg") and png.read_bytes()[:4] == b"\x89PNG"
    assert cache.render_missing({key: SPEC}) == 0
    assert cache_key({**SPEC, "title": "other"}) != key


def test_parallel_drawing_after_drawing_in_process_does_not_hang(tmp_path):
    # a forked worker of a process whose vl-convert engine already ran used to deadlock
    script = tmp_path / "scenario.py"
    script.write_text(textwrap.dedent(f"""
        from pathlib import Path
        from civtoll.render import ChartCache, _render_many, PARALLEL_FROM
        spec = {SPEC!r}
        if __name__ == "__main__":
            _render_many([("first", spec)])
            specs = {{f"k{{i}}": {{**spec, "title": str(i)}} for i in range(PARALLEL_FROM + 2)}}
            print(ChartCache(Path({str(tmp_path / "cache")!r})).render_missing(specs))
    """))
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "42"
