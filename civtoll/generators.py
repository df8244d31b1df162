"""The site generators: MkDocs Material (the default) or Zensical, its authors' successor, each run
on the generated pages with a configuration made from mkdocs.yml."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import yaml

from . import i18n, paths, shortcuts


def edition_settings(ctx, strings: dict) -> dict:
    """What an edition changes in mkdocs.yml: its language (Material's interface, direction and
    search), its address, its names, and the strings the theme overrides show."""
    t, base = ctx.t, yaml.safe_load(paths.MKDOCS_YML.read_text(encoding="utf-8"))
    palette = [{**p, "toggle": {**p["toggle"], "name": t(f"site.switch_to_{'light' if p['scheme'] == 'slate' else 'dark'}")}}
               for p in base["theme"]["palette"]]
    plugins = [{"search": {"lang": [ctx.language]}} if p == "search" else p for p in base["plugins"]]
    editions = [{"code": code, "name": i18n.load(code)("language.name"), "prefix": "" if code == "en" else f"{code}/",
                 "switch": i18n.load(code)("site.other_edition")} for code in i18n.languages()]
    return {
        "site_name": t("site.name"), "site_description": t("site.description"), "copyright": t("site.copyright"),
        "site_url": ctx.edition_url,
        "theme": {**base["theme"], "custom_dir": str(paths.OVERRIDES), "language": ctx.language, "palette": palette},
        "extra_css": base["extra_css"] + [f"assets/css/{ctx.language}.css"] * (ctx.language != "en"),
        "plugins": plugins,
        # catalogue strings the theme overrides show (footer, language switch), translated with the rest
        "extra": {**base.get("extra", {}), "civtoll": {**strings, "language": ctx.language, "editions": editions,
                                                       "up": ctx.up, "root_url": ctx.site_url}},
    }


def write_config(ctx, site_dir: Path, nav: list, strings: dict) -> Path:
    """A config that INHERITs the hand-written mkdocs.yml and adds what the build decides."""
    config = {"INHERIT": str(paths.MKDOCS_YML), "docs_dir": str(ctx.docs.resolve()), "site_dir": str(site_dir.resolve()),
              "nav": nav, **edition_settings(ctx, strings)}
    path = ctx.work / f"mkdocs.generated{'' if ctx.language == 'en' else '.' + ctx.language}.yml"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


ZENSICAL_SITE = "zensical-site"


def write_flat_config(ctx, nav: list, strings: dict) -> Path:
    """The same configuration for Zensical, flattened: Zensical 0.0.73 stops on `INHERIT`, wants
    the docs inside the directory of its config, and has no privacy plugin (finish.outside_assets
    guards what that plugin guarded)."""
    config = yaml.safe_load(paths.MKDOCS_YML.read_text(encoding="utf-8"))
    config.update(edition_settings(ctx, strings))
    config.update({"docs_dir": ctx.docs.name, "site_dir": ZENSICAL_SITE, "nav": nav})
    config["plugins"] = [p for p in config.get("plugins", []) if not (isinstance(p, dict) and "privacy" in p)]
    # figures link to their sources' words, in blocks put in after the build that Zensical cannot see
    # (MkDocs does not check raw HTML links); it would warn once per link, 15,000 times at 190 months
    config["validation"]["links"]["anchors"] = "ignore"
    path = ctx.work / f"zensical{'' if ctx.language == 'en' else '.' + ctx.language}.yml"
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


def preload(engine: str) -> None:
    """Import MkDocs, its theme's plugins and the Markdown extensions now, as its first run would:
    the build calls this while it waits for the exports, which the data page lists, so that this
    third of a second is not spent after them."""
    if engine != "mkdocs":
        return
    try:
        import markdown
        from mkdocs.commands import build  # noqa: F401
        from mkdocs.plugins import get_plugins

        config = yaml.safe_load(paths.MKDOCS_YML.read_text(encoding="utf-8"))
        available, theme = get_plugins(), config["theme"]["name"]
        for plugin in config.get("plugins", []):
            name = plugin if isinstance(plugin, str) else next(iter(plugin))
            found = available.get(f"{theme}/{name}") or available.get(name)  # the theme's first, as MkDocs looks
            if found is not None:
                found.load()
        extensions = [e if isinstance(e, str) else next(iter(e)) for e in config.get("markdown_extensions", [])]
        markdown.Markdown(extensions=extensions)
    except Exception:  # noqa: BLE001  only a head start: the run itself reports what is broken, as a build error
        return


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class MkDocsFailed(Exception):
    pass


DIRTY_WARNING = "A 'dirty' build is being performed"


def mkdocs_build(config_file: Path, source_date_epoch: int, dirty: bool = False, bytecode_cache=None) -> None:
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
        if bytecode_cache is not None:
            shortcuts.keep_compiled_templates(config, bytecode_cache)
        build(config, dirty=dirty)
    except (Abort, ConfigurationError) as e:
        raise MkDocsFailed(_summary(handler.messages) or str(e)) from None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    problems = [m for m in handler.messages if not m.startswith(DIRTY_WARNING)]
    if problems:
        raise MkDocsFailed(_summary(problems))


def _summary(messages: list[str], most: int = 10) -> str:
    """The first problems in full; a systematic fault repeats on every page."""
    more = f"; and {len(messages) - most} more" if len(messages) > most else ""
    return "; ".join(messages[:most]) + more
