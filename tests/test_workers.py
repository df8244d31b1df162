"""Drawing charts in the worker processes: drawn the same whatever fonts the machine has."""

from __future__ import annotations

from pathlib import Path

import altair as alt

from civtoll.workers import Workers

SPEC = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q").to_dict()


def _text_chart(font: str, text: str = "Syrian Regime forces 123") -> dict:
    return (alt.Chart(alt.Data(values=[{"t": text}])).mark_text(fontSize=20)
            .encode(text="t:N").properties(title="Civilian deaths").configure(font=font).to_dict())


HEAD = {"title": "September 2020", "line": "102 civilians", "source": "Source: SNHR", "weight": "bold", "rtl": False,
        "font": "'Liberation Sans', sans-serif"}


def test_svg_and_share_png_are_drawn(tmp_path):
    import struct

    with Workers(tmp_path) as workers:
        drawn = dict(workers.draw([("a", "svg", SPEC, [("a-share", HEAD)])]))
        (tmp_path / "a.svg").write_bytes(drawn["a"])
        again = dict(workers.draw([("b-share", "share", str(tmp_path / "a.svg"), [("b-share", HEAD)])]))
    assert drawn["a"].startswith(b"<svg")
    assert drawn["a-share"][:4] == b"\x89PNG" and struct.unpack(">II", drawn["a-share"][16:24]) == (1200, 630)
    assert again["b-share"] == drawn["a-share"]  # from the stored drawing: the same image


def test_system_fonts_do_not_change_the_drawing(tmp_path):
    # DejaVu Sans is installed on the build machines (Debian's fonts-dejavu-core); if the renderer
    # could see it, text set in it would be laid out and drawn differently from text set in a font
    # that exists nowhere
    assert Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").is_file()
    specs = [("system", "svg", _text_chart("'DejaVu Sans', sans-serif"), [("system-png", HEAD)]),
             ("nowhere", "svg", _text_chart("'No Such Font', sans-serif"), [("nowhere-png", HEAD)]),
             ("other text", "svg", _text_chart("'No Such Font', sans-serif", "Russian forces 45"), [("other text-png", HEAD)])]
    with Workers(tmp_path) as workers:
        drawn = dict(workers.draw(specs))
    assert drawn["system"].replace(b"DejaVu Sans", b"No Such Font") == drawn["nowhere"]
    assert drawn["system-png"] == drawn["nowhere-png"]
    assert drawn["other text-png"] != drawn["nowhere-png"]  # the text is drawn at all


def test_many_charts_are_drawn_in_parallel_and_all_returned(tmp_path):
    with Workers(tmp_path) as workers:
        drawn = dict(workers.draw([(f"k{i}", "svg", {**SPEC, "title": str(i)}, []) for i in range(60)]))
    assert sorted(drawn) == sorted(f"k{i}" for i in range(60))
    assert drawn["k7"] != drawn["k8"]


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status  # a zombie has ended; only its exit status waits to be read


def test_closing_the_workers_ends_their_processes(tmp_path):
    # a worker left running keeps the build's process from exiting until its engine shuts down
    with Workers(tmp_path) as workers:
        list(workers.draw([(f"k{i}", "svg", {**SPEC, "title": str(i)}, []) for i in range(30)]))
        pids = list(workers.pool._processes)
        assert pids and all(_running(pid) for pid in pids)
    assert not any(_running(pid) for pid in pids)


def test_definitions_in_workers_equal_definitions_here(tmp_path):
    # a breakpoint in charts.py stops in a plain build, which defines in this process: its
    # charts must be the ones the worker processes define
    from civtoll.charts import Charts
    from civtoll.workers import define_many

    series = [{"month": "2020-01", "headline": 5, "scope": "civilians"},
              {"month": "2020-02", "headline": None, "scope": None}]
    params = ("en", {"syrian-regime": 1}, {"syrian-regime": "Syrian Regime forces"}, "code")
    jobs = [("k1", "history", (series,))]
    with Workers(tmp_path) as workers:
        there = list(workers.define(params, jobs))
    here = define_many(params, jobs)
    assert there == here
    assert here[0][1].spec == Charts(*params).define("history", series).spec
