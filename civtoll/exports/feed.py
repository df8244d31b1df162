"""An Atom feed of releases and newly published months, made with feedgen.

No clock: the feed's <updated> is its newest entry's date, so the same entries give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator


def atom_feed(entries: list[dict], *, feed_id: str, title: str, site_url: str, feed_url: str, author: str,
              subtitle: str | None = None, language: str = "en") -> bytes:
    """The feed as UTF-8 XML. Each entry is {id, title, date, url, summary}: `date` a date or a
    timezone-aware datetime (a date is taken as midnight UTC), `id` a stable URI (a tag: URI or the
    entry's URL) that never changes once published. Newest entries first."""
    if not entries:
        raise ValueError("an Atom feed needs a date: give at least one entry")
    ordered = sorted(entries, key=lambda e: (_moment(e["date"]), e["id"]), reverse=True)
    fg = FeedGenerator()
    fg.id(feed_id)
    fg.title(title)
    if subtitle:
        fg.subtitle(subtitle)
    fg.author({"name": author})
    fg.link(href=site_url, rel="alternate")
    fg.link(href=feed_url, rel="self")
    fg.language(language)
    fg.generator("civtoll")  # not feedgen's name and version: upgrading it must not change the feed
    fg.updated(_moment(ordered[0]["date"]))
    for entry in ordered:
        fe = fg.add_entry(order="append")
        fe.id(entry["id"])
        fe.title(entry["title"])
        fe.link(href=entry["url"], rel="alternate")
        fe.updated(_moment(entry["date"]))
        fe.published(_moment(entry["date"]))
        if entry.get("summary"):
            fe.summary(entry["summary"])
    return fg.atom_str(pretty=True, encoding="UTF-8")


def _moment(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"{value} has no timezone: an Atom date needs one")
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
