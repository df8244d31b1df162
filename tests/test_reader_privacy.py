"""No page loads anything from another host, every page carries a same-origin CSP, no cookies."""

from __future__ import annotations

import re

EXTERNAL = re.compile(r"^(https?:)?//", re.I)
# elements that make a browser fetch: scripts, styles, fonts (via CSS), images, frames, media
FETCHING = re.compile(
    r"<(script|img|iframe|frame|embed|object|source|audio|video|track|input)\b[^>]*\b(src|data|srcset|poster)\s*=\s*[\"']([^\"']+)"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*>",
    re.I,
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.I)


def test_no_built_file_references_an_outside_host_for_any_asset(built_site):
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            for match in FETCHING.finditer(text):
                url = match.group(3) or match.group(4)
                tag = match.group(0)
                if match.group(4) and re.search(r"rel=[\"']?(canonical|alternate|prev|next)", tag):
                    continue  # plain links, not fetched by the browser
                if EXTERNAL.match(url):
                    offenders.append(f"{path}: {url}")
            for url in CSS_URL.findall(text):
                if EXTERNAL.match(url):
                    offenders.append(f"{path}: {url}")
        elif path.suffix == ".css":
            for url in CSS_URL.findall(path.read_text(encoding="utf-8")):
                if EXTERNAL.match(url):
                    offenders.append(f"{path}: {url}")
    assert offenders == []


def test_every_page_has_a_same_origin_content_security_policy(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert policy, page
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";") if d.strip())
        assert directives["default-src"] == "'self'"
        for name, value in directives.items():
            assert not re.search(r"https?:|\*|'unsafe-eval'", value), (page, name, value)
        assert directives["script-src"].startswith("'self'")
        head = text[: text.index("</head>")]
        assert head.index("Content-Security-Policy") < head.index("<script"), page  # before any script


def test_no_analytics_or_cookies_are_configured(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "googletagmanager" not in text and "analytics" not in text.lower(), page
        assert "document.cookie" not in text, page
