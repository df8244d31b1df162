"""Run MkDocs on the generated pages and harden the result: config, build, Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
from pathlib import Path

import yaml

from . import paths


def write_config(work: Path, docs_dir: Path, site_dir: Path, nav: list, strings: dict | None = None) -> Path:
    """A config that INHERITs the hand-written mkdocs.yml and adds what the build decides."""
    config = {
        "INHERIT": str(paths.MKDOCS_YML),
        "docs_dir": str(docs_dir.resolve()),
        "site_dir": str(site_dir.resolve()),
        "theme": {"name": "material", "custom_dir": str(paths.OVERRIDES)},
        "nav": nav,
        # catalogue strings the theme overrides show (footer), so they are translated with the rest
        "extra": {"civtoll": strings or {}},
    }
    path = work / "mkdocs.generated.yml"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


ZENSICAL_CONFIG = "zensical.yml"
ZENSICAL_SITE = "zensical-site"


def write_flat_config(work: Path, nav: list, strings: dict | None = None) -> Path:
    """The same configuration for Zensical, flattened: Zensical 0.0.73 stops on `INHERIT`, wants
    the docs inside the directory of its config, and has no privacy plugin (outside_assets below
    guards what that plugin guarded)."""
    config = yaml.safe_load(paths.MKDOCS_YML.read_text(encoding="utf-8"))
    config.update({"docs_dir": "docs", "site_dir": ZENSICAL_SITE, "nav": nav})
    config["theme"] = {**config["theme"], "custom_dir": str(paths.OVERRIDES)}
    config["extra"] = {**config.get("extra", {}), "civtoll": strings or {}}
    config["plugins"] = [p for p in config.get("plugins", []) if not (isinstance(p, dict) and "privacy" in p)]
    # figures link to their sources' words, in blocks put in after the build that Zensical cannot see
    # (MkDocs does not check raw HTML links); it would warn once per link, 15,000 times at 190 months
    config["validation"]["links"]["anchors"] = "ignore"
    path = work / ZENSICAL_CONFIG
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def zensical_build(config_file: Path, site_dir: Path, source_date_epoch: int) -> None:
    """Build with Zensical (an optional dependency: `pip install -e '.[zensical]'`) into site_dir."""
    import shutil
    import subprocess
    import sys

    built = config_file.parent / ZENSICAL_SITE
    shutil.rmtree(built, ignore_errors=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch), NO_COLOR="1")
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config_file)],
                            cwd=config_file.parent, capture_output=True, text=True, env=env)
    if result.returncode != 0 or not (built / "index.html").is_file():
        raise MkDocsFailed(f"zensical build failed: {(result.stderr or result.stdout).strip()[-2000:]}")
    shutil.move(str(built), str(site_dir))


EXTERNAL = re.compile(r"^(https?:)?//", re.I)
# elements that make a browser fetch: scripts, styles, fonts (via CSS), images, frames, media
FETCHING = re.compile(
    r"<(script|img|iframe|frame|embed|object|source|audio|video|track|input)\b[^>]*\b(src|data|srcset|poster)\s*=\s*[\"']([^\"']+)"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*>",
    re.I,
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.I)


def outside_assets(site_dir: Path) -> list[str]:
    """Every script, style, font, image or frame a built page or stylesheet would fetch from
    another host (plain links, canonical and alternate, are not fetched)."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = [url for url in CSS_URL.findall(text)]
        if path.suffix == ".html":
            for match in FETCHING.finditer(text):
                if match.group(4) and re.search(r"rel=[\"']?(canonical|alternate|prev|next)", match.group(0)):
                    continue
                urls.append(match.group(3) or match.group(4))
        found += [f"{path.relative_to(site_dir)}: {url}" for url in urls if EXTERNAL.match(url)]
    return found


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class MkDocsFailed(Exception):
    pass


DIRTY_WARNING = "A 'dirty' build is being performed"


def mkdocs_build(config_file: Path, source_date_epoch: int, dirty: bool = False, compiled: Path | None = None) -> None:
    """Build strictly: any warning (a broken link, an outside asset) fails the build.

    `dirty` rebuilds only pages whose Markdown is newer than their HTML (see incremental.py).
    MkDocs always warns about that mode, so strictness is then enforced here instead of by MkDocs.
    """
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)  # sitemap dates and gzip stamps
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        config = load_config(config_file=str(config_file), strict=not dirty)
        if compiled:
            _keep_compiled_templates(config, compiled)
        build(config, dirty=dirty)
    except (Abort, ConfigurationError) as e:
        raise MkDocsFailed(_summary(handler.messages) or str(e)) from None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    problems = [m for m in handler.messages if not m.startswith(DIRTY_WARNING)]
    if problems:
        raise MkDocsFailed(_summary(problems))


def _keep_compiled_templates(config, directory: Path) -> None:
    """Give the theme's Jinja environment a bytecode cache: compiling Material's templates costs
    about half a second on every build, and MkDocs has no setting for it."""
    from .pages import bytecode_cache

    theme = config.theme
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = bytecode_cache(directory)
        return env
    theme.get_env = get_env


def _summary(messages: list[str], most: int = 10) -> str:
    """The first problems in full; a systematic fault repeats on every page."""
    more = f"; and {len(messages) - most} more" if len(messages) > most else ""
    return "; ".join(messages[:most]) + more


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
