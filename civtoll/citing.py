"""How the site is cited and found: a citation per page (a line and BibTeX, RIS and CSL-JSON files),
schema.org Dataset metadata for the data pages, and the Atom feed of releases and new months."""

from __future__ import annotations

import datetime as dt
import json

from .context import Context
from .derive import Derived
from .exports import citation, feed


def cite(ctx: Context, directory: str, title: str, issued: dt.date, release: str | None, kind: str = "webpage") -> dict:
    """{"line": the line to paste, "url": the page's address in it, "files": {"cite.bib": text, ...}}
    for the page in `directory`."""
    t = ctx.t
    url = f"{ctx.edition_url}{directory}/" if directory else ctx.edition_url
    work = citation.Work(organisation=t("site.source_org"), title=title, url=url, issued=issued, language=ctx.language,
                         release=release, publisher=t("cite.publisher"), kind=kind)
    formats = citation.citations(work)
    return {"line": citation.plain(work, t("cite.plain"), t("cite.release")), "url": url, "files": {"cite.bib": formats["bib"], "cite.ris": formats["ris"], "cite.json": formats["json"]}}


def dataset(ctx: Context, derived: Derived, listed: dict[str, list[dict]], release: str | None) -> str:
    """schema.org Dataset JSON-LD of the data package, for the data page."""
    t = ctx.t
    files = listed["package"][:1] + [e for e in listed["exports"] if e["kind"] in ("xlsx", "api", "latest")]
    formats = {".zip": "application/zip", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               ".json": "application/json", ".csv": "text/csv"}
    document = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": t("site.name"),
        "description": t("site.description"),
        "url": f"{ctx.edition_url}data/",
        "inLanguage": ctx.language,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": t("site.source_org")},
        "publisher": {"@type": "Organization", "name": t("cite.publisher")},
        "temporalCoverage": f"{derived.history[0]['month']}/{derived.month_list[-1]}" if derived.month_list else None,
        "spatialCoverage": {"@type": "Place", "name": "Syria", "geo": {"@type": "GeoShape", "box": "32.3 35.7 37.3 42.4"}},
        "version": release,
        "distribution": [{"@type": "DataDownload", "name": f["name"], "contentUrl": f"{ctx.site_url}{f['path']}",
                          "encodingFormat": next((v for k, v in formats.items() if f["name"].endswith(k)), "text/csv")}
                         for f in files],
    }
    document = {k: v for k, v in document.items() if v is not None}
    # "</" may not appear inside a <script> element
    return json.dumps(document, ensure_ascii=False, indent=1).replace("</", "<\\/")


def atom(ctx: Context, derived: Derived, release_dates: list[str]) -> bytes:
    """The feed: every release and every month page with its report's publication date."""
    t, site = ctx.t, ctx.edition_url
    entries = [{"id": f"{site}data/releases/{date}/", "title": t("releases.release", release=date),
                "date": dt.date.fromisoformat(date), "url": f"{site}data/releases/{date}/",
                "summary": t("releases.intro")} for date in release_dates]
    for m in derived.months:
        published = m.figures.get("published")
        if published:
            entries.append({"id": f"{site}months/{m.month}/", "title": t("month.title", month=t.month(m.month)),
                            "date": dt.date.fromisoformat(published), "url": f"{site}months/{m.month}/",
                            "summary": t("month.title", month=t.month(m.month))})
    return feed.atom_feed(entries, feed_id=f"{site}feed.xml", title=t("site.name"), site_url=site,
                          feed_url=f"{site}feed.xml", author=t("site.source_org"), subtitle=t("site.description"),
                          language=ctx.language)
