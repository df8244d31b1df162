"""The pipeline's shape: no import cycles, small modules, shortcuts that change no byte, and a
store whose keys follow every change of the code and templates."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, keep_months

CIVTOLL = ROOT / "civtoll"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the civtoll modules it imports anywhere in its text, function-level imports too."""
    modules = {_module_name(p): p for p in CIVTOLL.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level:
                    base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module
                for alias in node.names:
                    if f"{target}.{alias.name}" in modules:
                        edges.add(f"{target}.{alias.name}")
                    elif target in modules:
                        edges.add(target)
            elif isinstance(node, ast.Import):
                edges |= {a.name for a in node.names if a.name in modules}
        graph[name] = edges - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for other in sorted(graph.get(node, ())):
            if state.get(other) == "open":
                found.append(trail[trail.index(other):] + [other])
            elif other not in state:
                visit(other, trail + [other])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_of_civtoll_imports_itself_round_about():
    graph = import_graph()
    assert graph["civtoll.workers"] >= {"civtoll.charts"}  # the import inside define_many is seen
    assert cycles(graph) == []


def test_no_module_is_over_about_250_lines():
    lengths = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
               for p in CIVTOLL.rglob("*.py")}
    assert {name: n for name, n in lengths.items() if n > 250} == {}
    assert len((CIVTOLL / "build.py").read_text(encoding="utf-8").splitlines()) <= 120


def _copy_of_the_project(target: Path) -> Path:
    for name in ("civtoll", "docs"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "requirements.lock"):
        shutil.copy2(ROOT / name, target / name)
    return target


def _build(project: Path, package: Path, out: Path, **env: str) -> None:
    # run from the copy: `-m` puts its directory first on the import path, before the installed civtoll
    result = subprocess.run([sys.executable, "-m", "civtoll.cli", "build", "--package", str(package), "--out",
                             str(out), "--quiet", "--as-of", "2026-12-01"], cwd=project, capture_output=True,
                            text=True, env={**os.environ, **env})
    assert result.returncode == 0, result.stderr


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "datapackage"
    shutil.copytree(ROOT / "datapackage", package)
    keep_months(package, {"2020-08", "2020-09"})
    return package


def test_a_plain_build_writes_the_same_bytes_as_one_with_every_shortcut(tmp_path):
    package = _package(tmp_path)
    _build(ROOT, package, tmp_path / "fast" / "site")
    _build(ROOT, package, tmp_path / "plain" / "site", CIVTOLL_PLAIN="1")
    fast, plain = _files(tmp_path / "fast" / "site"), _files(tmp_path / "plain" / "site")
    assert fast.keys() == plain.keys()
    assert [name for name in fast if fast[name] != plain[name]] == []
    assert b"civtoll-chart-width" not in fast["months/2020-09/index.html"]  # every size was filled in


def test_a_change_to_the_code_or_a_template_reaches_the_pages_it_shapes(tmp_path):
    project, package = _copy_of_the_project(tmp_path / "project"), _package(tmp_path)
    site = tmp_path / "published" / "site"
    _build(project, package, site)
    page = site / "months/2020-09/index.html"
    assert "Men:" in page.read_text(encoding="utf-8")

    figures = project / "civtoll" / "figures.py"  # a property the month template calls
    text = figures.read_text(encoding="utf-8")
    assert "return self.deaths - self.children - self.women" in text
    figures.write_text(text.replace("return self.deaths - self.children - self.women", "return None"), encoding="utf-8")
    template = project / "docs" / "templates" / "month.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nA sentence added to the template.\n", encoding="utf-8")
    _build(project, package, site)
    changed = page.read_text(encoding="utf-8")
    assert "Men:" not in changed and "A sentence added to the template." in changed

    fresh = tmp_path / "fresh" / "site"
    _build(project, package, fresh)
    assert _files(site) == _files(fresh)
