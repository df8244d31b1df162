"""Charts as published: SVG with its spec, a PNG made in the reader's browser, one share image per
page named by its link-preview tags, and the old PNG addresses redirected to the SVG."""

from __future__ import annotations

import re
import struct

from bs4 import BeautifulSoup


def test_charts_are_svg_with_their_spec_and_no_png_is_drawn_per_chart(built_site):
    svgs = sorted(built_site.rglob("charts/*.svg"))
    assert len(svgs) > 500
    assert not list(built_site.rglob("charts/*.png"))
    assert all(svg.with_suffix("").with_suffix(".vl.json").is_file() for svg in svgs)


def test_old_png_addresses_redirect_to_the_svg(built_site):
    redirects = dict(line.split(" ")[:2] for line in (built_site / "_redirects").read_text().splitlines())
    english = [s for s in built_site.rglob("charts/*.svg") if s.relative_to(built_site).parts[0] != "ar"]
    for svg in english:
        path = "/" + svg.relative_to(built_site).as_posix()
        assert redirects[path.removesuffix(".svg") + ".png"] == path
    rule = (built_site / ".htaccess").read_text()
    pattern, target = re.match(r"RedirectMatch 301 (\S+) (\S+)", rule).groups()
    assert re.sub(pattern, target.replace("$1", r"\1"), "/months/2020-09/charts/by-perpetrator.png") == \
        "/months/2020-09/charts/by-perpetrator.svg"


def test_each_chart_offers_a_png_made_in_the_browser(built_site):
    page = BeautifulSoup((built_site / "months/2020-09/index.html").read_text(encoding="utf-8"), "html.parser")
    buttons = page.select("button.chart-png")
    assert len(buttons) == len(page.select("figure.chart")) > 0
    for button in buttons:
        assert button.has_attr("hidden")  # shown by the script; without JavaScript the SVG link remains
        assert (built_site / "months/2020-09" / button["data-svg"]).is_file()
    assert page.select_one('script[src$="assets/js/chart-png.js"]')


def test_a_page_shared_in_an_app_shows_its_own_image_title_and_headline(built_site):
    for page, image in (("months/2020-09", "months/2020-09/share.png"), ("years/2020", "years/2020/share.png"),
                        ("", "share.png"), ("data", "share.png"), ("ar/months/2020-09", "ar/months/2020-09/share.png")):
        soup = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        meta = {m.get("property") or m.get("name"): m["content"] for m in soup.select("meta[content]")}
        assert meta["og:image"].endswith("/" + image) and meta["twitter:image"] == meta["og:image"], page
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:title"] and meta["og:description"]
        png = (built_site / image).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1200, 630)
    month = BeautifulSoup((built_site / "months/2020-09/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "102 civilians" in month.select_one('meta[property="og:description"]')["content"]
