"""No page loads anything from another host, every page carries a same-origin CSP, no cookies."""

from __future__ import annotations

import re

def test_no_built_file_references_an_outside_host_for_any_asset(built_site):
    # the same scan every build runs (finish.outside_assets, which stands in for Material's privacy
    # plugin under Zensical); its own test feeds it an outside stylesheet and CSS url
    from civtoll.finish import outside_assets

    assert outside_assets(built_site) == []


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
