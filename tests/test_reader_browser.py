"""The site as a reader's browser sees it (headless Debian chromium): errors, images, downloads,
requests to other hosts, cookies, accessibility (axe-core) and reading without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from siteserver import serve

CHROMIUM = Path("/usr/bin/chromium")
PAGES = ["/", "/months/2020-09/", "/years/2020/", "/data/", "/ar/", "/ar/months/2020-09/"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium (make test installs it)")


@pytest.fixture(scope="module")
def browser(built_site):
    from playwright.sync_api import sync_playwright

    with serve(built_site) as origin, sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        yield chromium, origin
        chromium.close()


def visit(browser, path: str, javascript: bool = True):
    chromium, origin = browser
    context = chromium.new_context(java_script_enabled=javascript)
    page = context.new_page()
    log = {"console": [], "requests": [], "failed": []}
    page.on("console", lambda m: log["console"].append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: log["console"].append(f"pageerror: {e}"))
    page.on("request", lambda r: log["requests"].append(r.url))
    page.on("requestfailed", lambda r: log["failed"].append(r.url))
    response = page.goto(origin + path)
    page.wait_for_load_state("networkidle")
    return context, page, response, log


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_stays_on_its_own_origin(browser, path):
    context, page, response, log = visit(browser, path)
    origin = browser[1]
    assert response.status == 200
    assert log["console"] == []
    assert log["failed"] == []
    assert [u for u in log["requests"] if not u.startswith(origin + "/")] == []
    assert context.cookies() == [] and page.evaluate("document.cookie") == ""
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_image_is_visible_with_its_text_alternative(browser, path):
    context, page, _, _ = visit(browser, path)
    images = page.eval_on_selector_all(
        "article img",
        "els => els.map(e => ({src: e.src, alt: e.alt, w: e.naturalWidth, h: e.getBoundingClientRect().height, ok: e.complete}))")
    for image in images:
        assert image["ok"] and image["w"] > 0 and image["h"] > 0, image
        assert len(image["alt"]) > 20, image
    # the Arabic edition's charts are in the page (their text drawn with the page's font)
    inline = page.eval_on_selector_all(
        "article .chart-inline[role=img]",
        "els => els.map(e => ({label: e.getAttribute('aria-label'), w: e.getBoundingClientRect().width, "
        "h: e.getBoundingClientRect().height, texts: e.querySelectorAll('svg text').length}))")
    for chart in inline:
        assert chart["w"] > 0 and chart["h"] > 0 and chart["texts"] > 5 and len(chart["label"]) > 20, chart
    images += inline
    if path in ("/", "/months/2020-09/", "/years/2020/", "/ar/", "/ar/months/2020-09/"):
        assert images, "a page with charts shows them"
        assert page.locator("figure.chart + details table").count() >= 1  # each chart's data table
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_download_link_returns_the_file(browser, path):
    context, page, _, _ = visit(browser, path)
    origin = browser[1]
    links = page.eval_on_selector_all(
        "article a[href]", "els => els.map(e => e.href)")
    downloads = sorted({u.split("#")[0] for u in links
                        if u.startswith(origin) and re.search(r"\.(csv|json|zip|png|svg)$", u.split("#")[0])})
    if path in ("/months/2020-09/", "/data/", "/ar/months/2020-09/"):
        assert downloads
    for url in downloads:
        response = context.request.get(url)
        assert response.status == 200 and len(response.body()) > 0, url
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, path):
    from axe_playwright_python.sync_playwright import Axe

    context, page, _, _ = visit(browser, path)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]}})
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
    headings = page.eval_on_selector_all("article h1, article h2, article h3, article h4",
                                         "els => els.map(e => Number(e.tagName[1]))")
    assert headings[0] == 1 and all(b - a <= 1 for a, b in zip(headings, headings[1:])), headings
    context.close()


def test_month_page_is_readable_without_javascript(browser):
    context, page, _, _ = visit(browser, "/months/2020-09/", javascript=False)
    text = page.inner_text("article")
    assert "documented the deaths of 102 civilians, including 15 children and 10 women" in text
    sizes = page.eval_on_selector_all("article img", "els => els.map(e => e.naturalWidth)")
    assert sizes and all(w > 0 for w in sizes)
    context.close()


def test_month_page_first_visit_weighs_under_150_kb(browser):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from page_weight import measure_with

    weights = measure_with(*browser)
    assert weights["month"]["total"] < 150 * 1024, weights["month"]
    assert weights["month"]["images"] > 0 and weights["month"]["html"] > 0
    # the Arabic month page, its chart font included (the machine has no Arabic font of its own)
    assert weights["ar month"]["total"] <= 120 * 1024, weights["ar month"]
    assert weights["ar month"]["fonts"] > 0


def test_search_is_loaded_only_when_the_reader_searches(browser):
    # the index grows with every month: a reader who does not search must not download it
    context, page, _, log = visit(browser, "/months/2020-09/")
    assert not [u for u in log["requests"] if "search_index" in u or "/workers/search." in u]
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.type("Afrin")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert "September 2020" in page.inner_text(".md-search-result")
    assert [u for u in log["requests"] if u.endswith("/search/search_index.json")]
    assert not log["console"], log["console"]
    context.close()


@pytest.mark.parametrize("words", ["حلب", "قوات النظام السوري", "أيلول"])
def test_the_arabic_pages_have_their_own_search_in_arabic(browser, words):
    # a governorate, a party and a month name, found in the Arabic edition's own index
    context, page, _, log = visit(browser, "/ar/months/2020-09/")
    page.keyboard.press("/")
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert [r for r in results if "/ar/months/" in r], results[:5]
    assert all("/ar/" in r for r in results), results[:5]  # only Arabic pages
    assert [u for u in log["requests"] if u.endswith("/ar/search/search_index.json")]
    assert not [u for u in log["requests"] if u.endswith("/search/search_index.json") and "/ar/" not in u]
    context.close()
