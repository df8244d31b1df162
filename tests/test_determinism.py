"""Same input, same output: two builds of the same package give byte-identical trees."""

from __future__ import annotations

import hashlib

from civtoll.build import build_site
from conftest import keep_months


def digest(root):
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(package, tmp_path):
    keep_months(package, {"2020-07", "2020-08", "2020-09", "2020-10"})
    first, second = tmp_path / "a" / "site", tmp_path / "b" / "site"
    build_site(package, first)
    build_site(package, second)  # separate work directory and chart cache: nothing shared
    a, b = digest(first), digest(second)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert any(name.endswith(".zip") for name in a) and any(name.endswith(".gz") for name in a)
