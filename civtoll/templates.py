"""The Jinja2 environment of the page templates in docs/templates, with the filters they use.

Every value from the data passes through `finalize`, which escapes HTML and the Markdown characters
that could change a page's structure, so a name containing `<script>` shows as text.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from . import paths
from .i18n import Catalogue
from .provenance import anchor

# HTML's special characters, and Markdown's characters that could start emphasis, code, links,
# headings or table cells, each replaced by its character reference in one pass.
_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "<>&\"'\\`*_[]|#"})


def escape_text(value) -> str:
    if isinstance(value, Markup):
        return str(value)
    return str(value).translate(_ESCAPES)


def _finalize(value) -> Markup | str:
    """Every printed value: a page prints thousands, so the common cases come first."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return Markup(escape_text(value))


def environment(t: Catalogue, fragments=None, bytecode_cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """`fragments`: shortcuts.Fragments, which keeps HTML blocks out of the Markdown;
    `bytecode_cache`: compiled templates kept between builds (compiling costs more than rendering)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.TEMPLATES),
        bytecode_cache=bytecode_cache,
        autoescape=True,  # so macro output is Markup and passes through; finalize escapes everything else
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def number(value) -> Markup:
        """A count as the page shows it: 1,337; an unknown figure says so and is never 0."""
        if value is None:
            return Markup(f'<span class="na">{escape_text(t("site.not_available"))}</span>')
        return Markup(t.number(value))

    def count(noun: str, value) -> Markup:
        """A count with its noun ("1 child", "15 children"); an unknown figure says so."""
        return number(value) if value is None else Markup(t.count(noun, value, number(value)))

    def percent(value) -> Markup:
        return Markup("") if value is None else Markup(f"{value:.1f}%")

    def text(key: str, **values) -> Markup:
        """A catalogue sentence (our own, trusted text) with its values escaped and numbers formatted."""
        formatted = {k: v if isinstance(v, Markup) else number(v) if v is None or isinstance(v, int) else escape_text(v)
                     for k, v in values.items()}
        return Markup(t(key).format_map(formatted))

    def url(value) -> Markup:
        """A link target: percent-encoded for Markdown, HTML-escaped for attributes, never Markdown-escaped."""
        return Markup(html.escape(quote(str(value), safe=":/?#[]@!$&'()*+,;=%~-._"), quote=True))

    def slug(value) -> Markup:
        """An HTML id: lowercase letters, digits and hyphens only, so links to it always match."""
        return Markup(re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-"))

    env.filters["url"] = url
    env.filters["slug"] = slug
    env.filters["fragment"] = fragments.add if fragments else Markup
    env.filters["num"] = number
    env.filters["pct"] = percent
    env.filters["month"] = lambda m: t.month(m)
    env.globals["t"] = text
    env.globals["lang"] = t.language
    env.globals["sep"] = t("punctuation.list")  # ", " in English, "، " in Arabic
    env.globals["semi"] = t("punctuation.clause")
    env.globals["count"] = count
    env.globals["month_name"] = t.month
    env.globals["Markup"] = Markup
    env.globals["anchor"] = anchor
    env.tests["startingwith"] = lambda value, prefix: str(value).startswith(prefix)
    return env
