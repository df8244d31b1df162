"""Every path the pipeline uses, resolved in one place so nothing depends on the working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PACKAGE = Path("datapackage")
DEFAULT_SITE = Path("build") / "site"
DOCS = ROOT / "docs"
PAGES_SRC = DOCS / "pages"
TEMPLATES = DOCS / "templates"
OVERRIDES = DOCS / "overrides"
ASSETS = DOCS / "assets"
CATALOGUE = DOCS / "i18n"
MKDOCS_YML = ROOT / "mkdocs.yml"
DESCRIPTOR = "datapackage.json"


def work_dir_for(site_dir: Path) -> Path:
    """The persistent working area beside a site: generated docs, chart cache, build stamp."""
    return site_dir.parent / (site_dir.name + ".work")


def files_under(*directories: Path) -> list[Path]:
    """Every file under the directories, in a fixed order, leaving out Python's bytecode caches:
    what a build is made from, for the hashes that decide what it may reuse."""
    return [f for d in directories for f in sorted(d.rglob("*")) if f.is_file() and "__pycache__" not in f.parts]
FONTS = DOCS / "fonts"  # what charts are drawn with (not published; docs/fonts/README.md)
