"""Finish the built site: put the drawn charts and share images in, fill in what was left out of
the Markdown (shortcuts.py), add each page's Content-Security-Policy, keep old chart URLs
working, and check that no page loads anything from another host."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from .context import Context
from .incremental import SHARE_IMAGE
from .pages import Written
from .shortcuts import SizeTokens

CHART_FILES = (".svg", ".vl.json")  # the files of a chart in the site


def place_files(ctx: Context, staging: Path, written: Written, published: dict[str, str]) -> None:
    """Link each chart's drawing and spec, and each page's share image, from the store into the
    site. `published` is where charts sat in the published site the staging copy started from:
    those are there already, and those no longer drawn are taken out."""
    store = ctx.store
    for path, key in written.charts.items():
        if published.get(path) != key:
            _link(store.path(key), staging / f"{path}.svg")
            _link(store.path(store.key("spec", key)), staging / f"{path}.vl.json")
    for path in published.keys() - written.charts.keys():
        for suffix in CHART_FILES:
            (staging / f"{path}{suffix}").unlink(missing_ok=True)
    for directory, key in written.shares.items():
        _link(store.path(key), staging / directory / SHARE_IMAGE)


def _link(source: Path, target: Path) -> None:
    """Hard links when possible: the store replaces files rather than rewriting them, so a linked
    file in a published site never changes afterwards."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():  # a site copied from the published one, for an incremental build
        if os.path.samefile(source, target):
            return
        target.unlink()  # never write into it: it may be linked to the published site
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)


def finish_pages(site_dir: Path, written: Written, sizes: SizeTokens, skip: set[str] = frozenset()) -> None:
    """One pass over the pages the generator wrote: the blocks and chart sizes, then the CSP (which
    hashes scripts). Pages copied from the published site already have all three. `skip`: the
    folders of the other editions inside this one."""
    for page in _pages(site_dir, (".html",), skip, written_only=True):
        text = page.read_text(encoding="utf-8")
        if CSP_MARKER in text:
            continue
        source = page.relative_to(site_dir).with_suffix(".md").as_posix()
        finished = with_content_security_policy(with_direction(sizes.fill(written.fragments.fill(source, text))))
        if finished != text:
            page.write_text(finished, encoding="utf-8")


def with_direction(text: str) -> str:
    """Material writes an edition's direction on <body> only; the <html> element says it too, so
    that everything outside the body (and tools that read only <html>) reads right to left."""
    if '<body dir="rtl"' in text:
        return re.sub(r"<html ([^>]*)>", lambda m: f'<html {m.group(1)} dir="rtl">' if "dir=" not in m.group(1) else m.group(0),
                      text, count=1)
    return text


def with_alternates(ctx: Context, site_dir: Path, editions: list[tuple[str, str]], epoch: int) -> None:
    """Name every edition of each page in the edition's sitemap (hreflang alternates, both ways),
    as search engines read them; `editions`: (language, prefix) of each."""
    path = site_dir / "sitemap.xml"
    if not path.is_file() or "<urlset" not in (text := path.read_text(encoding="utf-8")):
        return

    def alternates(match: re.Match) -> str:
        relative = match.group(1)[len(ctx.edition_url):]
        links = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{code}" href="{ctx.site_url}{prefix}{relative}"/>'
                        for code, prefix in editions)
        return f"{match.group(0)}{links}"
    text = re.sub(r"<loc>([^<]*)</loc>", alternates, text)
    text = text.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
                        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"', 1)
    path.write_text(text, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=epoch))


def write_redirects(ctx: Context, site_dir: Path, written: Written) -> None:
    """Every chart was published as a PNG too until 2026-12; those URLs now lead to the SVG.
    `_redirects` is read by Netlify and Cloudflare Pages, `.htaccess` by Apache (README: hosting)."""
    prefix = urlsplit(ctx.site_url).path.rstrip("/")
    lines = [f"{prefix}/{path}.png {prefix}/{path}.svg 301" for path in sorted(written.charts)]
    (site_dir / "_redirects").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (site_dir / ".htaccess").write_text("RedirectMatch 301 ^(.*/charts/[^/]+)\\.png$ $1.svg\n", encoding="utf-8")


EXTERNAL = re.compile(r"^(https?:)?//", re.I)
# elements that make a browser fetch: scripts, styles, fonts (via CSS), images, frames, media
FETCHING = re.compile(
    r"<(script|img|iframe|frame|embed|object|source|audio|video|track|input)\b[^>]*\b(src|data|srcset|poster)\s*=\s*[\"']([^\"']+)"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*>",
    re.I,
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.I)


def outside_assets(site_dir: Path, written_only: bool = False) -> list[str]:
    """Every script, style, font, image or frame a built page or stylesheet would fetch from
    another host (plain links, canonical and alternate, are not fetched). `written_only`: only
    the files this build wrote (see _pages), for the build itself; a reader's check reads all."""
    found = []
    for path in _pages(site_dir, (".html", ".css"), written_only=written_only):
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = [url for url in CSS_URL.findall(text)]
        if path.suffix == ".html":
            for match in FETCHING.finditer(text):
                if match.group(4) and re.search(r"rel=[\"']?(canonical|alternate|prev|next)", match.group(0)):
                    continue
                urls.append(match.group(3) or match.group(4))
        found += [f"{path.relative_to(site_dir)}: {url}" for url in urls if EXTERNAL.match(url)]
    return found




def _pages(site_dir: Path, suffixes: tuple[str, ...], skip: set[str] = frozenset(), written_only: bool = False) -> list[Path]:
    """The files with these suffixes outside the folders in `skip`. `written_only` leaves out the
    pages an incremental build hard-linked from the published site (incremental.copy_site): they
    were finished and checked when that site was built, and reading every page again took most of
    a one-month rebuild's finishing time. os.walk, not Path.rglob: there are ten files of charts
    and data for every page."""
    found = []
    for folder, folders, names in os.walk(site_dir):
        if folder == str(site_dir):
            folders[:] = [f for f in folders if f not in skip]
        for name in names:
            if name.endswith(suffixes):
                path = Path(folder, name)
                if not written_only or os.stat(path).st_nlink == 1:
                    found.append(path)
    return sorted(found)


CSP_MARKER = 'http-equiv="Content-Security-Policy"'
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
CSP_TEMPLATE = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)


def with_content_security_policy(text: str) -> str:
    """A page with a CSP that allows only its own origin and its own inline scripts."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(text):
        attrs = match.group("attrs")
        if "src=" in attrs or "application/json" in attrs:
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    policy = CSP_TEMPLATE.format(hashes=" ".join(dict.fromkeys(hashes)))
    charset = '<meta charset="utf-8">'
    meta = f'<meta {CSP_MARKER} content="{policy}">'
    return text.replace(charset, f"{charset}\n    {meta}", 1)
