#!/usr/bin/env python3
"""Print the bytes a first visit to each page type transfers, gzip-compressed as a server would send them.

Loads each page in headless Debian chromium with an empty cache, records every response (HTML, CSS,
JavaScript, images, the search index), compresses each body with gzip level 6 (common server default;
PNG and ZIP are sent as they are) and sums them. Goals: a month page under 150 KB; an Arabic month page (its font included) under 120 KB.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from siteserver import serve  # noqa: E402

PAGES = {"home": "/", "month": "/months/2020-09/", "year": "/years/2020/", "data": "/data/", "methodology": "/methodology/",
         "ar home": "/ar/", "ar month": "/ar/months/2020-09/", "ar year": "/ar/years/2020/"}
ALREADY_COMPRESSED = (".png", ".zip", ".gz", ".jpg", ".woff2")
CHROMIUM = "/usr/bin/chromium"


def kind(url: str, content_type: str) -> str:
    path = url.split("?")[0]
    if path.endswith(".js"):
        return "js"
    if path.endswith(".css"):
        return "css"
    if path.endswith((".woff2", ".woff", ".ttf")):
        return "fonts"
    if path.endswith((".png", ".svg", ".jpg", ".ico")) or content_type.startswith("image/"):
        return "images"
    if path.endswith(".json"):
        return "data"
    return "html"


def first_visit(browser, origin: str, path: str, javascript: bool = True) -> dict[str, int]:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(origin + path)
    page.wait_for_load_state("networkidle")
    totals: dict[str, int] = defaultdict(int)
    for response in responses:
        if response.status != 200:
            continue
        body = response.body()
        sent = body if response.url.endswith(ALREADY_COMPRESSED) else gzip.compress(body, 6, mtime=0)
        totals[kind(response.url, response.headers.get("content-type", ""))] += len(sent)
    context.close()
    totals["total"] = sum(totals.values())
    return dict(totals)


def measure_with(browser, origin: str, javascript: bool = True) -> dict[str, dict[str, int]]:
    return {name: first_visit(browser, origin, path, javascript) for name, path in PAGES.items()}


def measure(site: Path, javascript: bool = True) -> dict[str, dict[str, int]]:
    from playwright.sync_api import sync_playwright

    with serve(site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu",
                                                                     "--no-first-run", "--disable-background-networking"])
        results = measure_with(browser, origin, javascript)
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "build" / "site")
    args = parser.parse_args()
    for javascript in (True, False):
        results = measure(args.site, javascript)
        print(f"first visit, gzip, JavaScript {'on' if javascript else 'off'} (KB):")
        columns = ["html", "css", "js", "images", "fonts", "data", "total"]
        print(f"{'page':12}" + "".join(f"{c:>9}" for c in columns))
        for name, totals in results.items():
            print(f"{name:12}" + "".join(f"{totals.get(c, 0) / 1024:9.1f}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
