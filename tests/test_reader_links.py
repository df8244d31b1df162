"""Every internal link and anchor of the whole built site resolves (LinkChecker over a local server)."""

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
# only this site's own origin is followed: the sources' websites are never contacted by tests
ignore=
  ^(?!{origin})
checkextern=0
[AnchorCheck]
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
