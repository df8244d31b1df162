"""The site outlives MkDocs: Zensical, its authors' successor, builds the same generated pages, and
the September 2020 page it makes states every figure the MkDocs page states."""

from __future__ import annotations

import re

import pytest

from conftest import keep_months, page_text

pytest.importorskip("zensical")


def _numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\d[\d,]*", text))


def test_zensical_builds_the_september_2020_page_with_every_figure(package, tmp_path):
    from civtoll.build import build_site
    from civtoll.finish import outside_assets

    keep_months(package, {"2020-08", "2020-09"})
    with_mkdocs, with_zensical = tmp_path / "mkdocs" / "site", tmp_path / "zensical" / "site"
    build_site(package, with_mkdocs)
    build_site(package, with_zensical, engine="zensical")
    page = "months/2020-09/index.html"
    mkdocs_text, zensical_text = page_text(with_mkdocs / page), page_text(with_zensical / page)
    assert "In September 2020, SNHR documented the deaths of 102 civilians, including 15 children and 10 women" \
        in zensical_text
    assert _numbers(zensical_text) == _numbers(mkdocs_text)
    # what Material's privacy plugin guards under MkDocs, our own checks guard under Zensical
    assert outside_assets(with_zensical) == []
    html = (with_zensical / page).read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    assert "civtoll-fragment" not in html  # every figure and table was put in


def test_a_page_loading_from_another_host_stops_the_build(tmp_path):
    from civtoll.finish import outside_assets

    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="https://fonts.example.com/a.css">'
                                         '<a href="https://example.org/">a link is fine</a>', encoding="utf-8")
    (tmp_path / "style.css").write_text("body{background:url(//cdn.example.com/x.png)}", encoding="utf-8")
    assert outside_assets(tmp_path) == ["index.html: https://fonts.example.com/a.css",
                                        "style.css: //cdn.example.com/x.png"]
