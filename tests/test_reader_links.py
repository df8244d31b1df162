"""Every internal link and anchor of the whole built site resolves: LinkChecker crawls both
editions over a local server; the anchors (#fragments) are checked against the built pages here."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from siteserver import serve

CONFIG = """\
[checking]
threads=8
maxrequestspersecond=200
[filtering]
# only this site's own origin is followed: the sources' websites are never contacted by tests.
# Links with a #fragment are left to test_every_anchor_resolves: LinkChecker fetches and parses the
# page again for each of the thousands of figure-to-quote links (13 minutes for the two editions;
# 4 seconds for the rest of the site at 2 months)
ignore=
  ^(?!{origin})
  #
checkextern=0
[output]
status=0
warnings=1
"""


# Started as root, LinkChecker switches to the user "nobody", who may not be able to read this
# checkout's virtualenv (a clone in a private temporary directory): chardet then failed to load its
# models mid-run ("internal error occurred"). It only reads our own pages from a local server, so it
# keeps the rights of whoever runs the tests.
RUN_LINKCHECKER = (
    "import sys, linkcheck.command.linkchecker as cli; "
    "cli.drop_privileges = lambda: None; sys.argv[0] = 'linkchecker'; sys.exit(cli.linkchecker())"
)


def run_linkchecker(origin: str, config: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", RUN_LINKCHECKER, "--config", str(config), "--no-status", "--no-robots", origin + "/"],
        capture_output=True, text=True, timeout=900,
    )


def test_every_internal_link_and_anchor_resolves(built_site, tmp_path):
    with serve(built_site) as origin:
        config = tmp_path / "linkcheckerrc"
        config.write_text(CONFIG.format(origin=re.escape(origin)))
        result = run_linkchecker(origin, config)
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found", result.stdout)
    assert summary, result.stdout[-3000:] + result.stderr[-3000:]
    links, urls, warnings, errors = map(int, summary.groups())
    print(f"LinkChecker: {links} links in {urls} URLs, {warnings} warnings, {errors} errors")
    assert urls > 500  # the whole site was crawled, not one page
    assert (warnings, errors) == (0, 0), result.stdout[-5000:]
    assert result.returncode == 0, result.stderr[-5000:]


HREF = re.compile(r"""<a\b[^>]*?\bhref=["']([^"']*#[^"']+)["']""", re.I)
ID = re.compile(r"""\bid=["']([^"']+)["']""")


def test_every_anchor_resolves(built_site):
    import html as html_lib
    from urllib.parse import unquote, urljoin, urlsplit

    pages = {p: p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")}
    ids = {p: set(ID.findall(text)) for p, text in pages.items()}
    broken, checked = [], 0
    for page, text in pages.items():
        base = "/" + page.relative_to(built_site).as_posix()
        for href in HREF.findall(text):
            target = urlsplit(urljoin(base, html_lib.unescape(href)))
            if href.startswith(("http://", "https://", "//")) or not target.fragment:
                continue
            path = built_site / unquote(target.path).lstrip("/")
            path = path / "index.html" if path.is_dir() or target.path.endswith("/") else path
            checked += 1
            if path not in ids or unquote(target.fragment) not in ids[path]:
                broken.append(f"{page.relative_to(built_site)}: {href}")
    print(f"{checked} links to anchors checked")
    assert checked > 5000  # the figure-to-quote links of both editions, not a few
    assert broken == []