"""Drawing charts: cached by spec, drawn the same whatever fonts the machine has."""

from __future__ import annotations

from pathlib import Path

import altair as alt

from civtoll.render import ChartCache, cache_key

SPEC = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q").to_dict()


def _text_chart(font: str, text: str = "Syrian Regime forces 123") -> dict:
    return (alt.Chart(alt.Data(values=[{"t": text}])).mark_text(fontSize=20)
            .encode(text="t:N").properties(title="Civilian deaths").configure(font=font).to_dict())


def test_a_drawn_chart_is_not_drawn_again(tmp_path):
    cache = ChartCache(tmp_path)
    key = cache_key(SPEC)
    assert cache.render_missing({key: SPEC}) == 1
    svg, png = cache.paths(key)
    assert svg.read_text().startswith("<svg") and png.read_bytes()[:4] == b"\x89PNG"
    assert cache.render_missing({key: SPEC}) == 0
    assert cache_key({**SPEC, "title": "other"}) != key


def test_system_fonts_do_not_change_the_drawing(tmp_path):
    # DejaVu Sans is installed on the build machines; if the renderer could see it, text set in
    # it would be drawn differently from text set in the renderer's own Liberation Sans
    cache = ChartCache(tmp_path)
    specs = {"system": _text_chart("'DejaVu Sans', sans-serif"), "bundled": _text_chart("'Liberation Sans', sans-serif"),
             "other text": _text_chart("'Liberation Sans', sans-serif", "Russian forces 45")}
    assert cache.render_missing(specs) == 3
    png = {name: cache.paths(name)[1].read_bytes() for name in specs}
    assert png["system"] == png["bundled"]
    assert png["other text"] != png["bundled"]  # the text is drawn at all


def test_many_charts_are_drawn_in_parallel_and_all_stored(tmp_path):
    cache = ChartCache(tmp_path)
    specs = {f"k{i}": {**SPEC, "title": str(i)} for i in range(60)}
    assert cache.render_missing(specs) == 60
    assert all(cache.has(k) for k in specs)
    assert cache.paths("k7")[0].read_text() != cache.paths("k8")[0].read_text()


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status  # a zombie has ended; only its exit status waits to be read


def test_closing_the_workers_ends_their_processes(tmp_path):
    # a worker left running keeps the build's process from exiting until its engine shuts down
    from civtoll.render import ChartWorkers

    cache = ChartCache(tmp_path)
    with ChartWorkers(cache) as workers:
        cache.start_drawing({f"k{i}": {**SPEC, "title": str(i)} for i in range(30)}, workers)()
        pids = list(workers.pool._processes)
        assert pids and all(_running(pid) for pid in pids)
    assert not any(_running(pid) for pid in pids)
