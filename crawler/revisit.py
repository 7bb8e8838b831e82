"""The revisit policy: whether a page seen in an earlier crawl is requested again in this one.

Pure functions over what the page memory recalls (`KnownPage`), the hints an index gave for the URL
now (`sitemap_lastmod`, `feed_published`), the time and the story's `revisit.young_days`; they read
no clock and no settings, so a test can pin `now`.

- A young article (published, or first fetched, within `young_days`) is re-checked every run: news
  is corrected in its first days, and a conditional GET of an unchanged page costs only a 304.
- An older article, and a page settled as off-topic or too short, is requested again only when its
  sitemap `lastmod` or feed date changed: outlets re-date an entry when they edit it.
- Indexes, non-articles and errors are always due (cheap with a conditional GET), except that a
  known page is re-checked without an index linking to it (`recheck_unprompted`) only when it is a
  young article or failed for a passing reason (5xx, timeout): a 404 waits until linked again.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crawler.page_memory import KnownPage

#: Page states after which an article-path URL is fetched again only when a feed or sitemap says it
#: changed: off-topic and empty pages are remembered, not re-downloaded every run.
SETTLED = frozenset({"off-topic", "too-short"})
#: Hints from an index that say a page changed when they differ from what was recorded.
_CHANGE_HINTS = ("sitemap_lastmod", "feed_published")


def is_due(known: KnownPage, hints: dict, *, now: datetime, young_days: float) -> bool:
    """Whether a page seen before should be requested again now that an index (or a link) names it.

    >>> old = KnownPage("http://x/a", status="article", published="2020-01-01", sitemap_lastmod="2020-01-01")
    >>> now = datetime(2026, 3, 4, tzinfo=timezone.utc)
    >>> is_due(old, {"sitemap_lastmod": "2020-01-01"}, now=now, young_days=3), is_due(old, {"sitemap_lastmod": "2026-03-01"}, now=now, young_days=3)
    (False, True)
    """
    changed = any(hints.get(key) and hints[key] != getattr(known, key) for key in _CHANGE_HINTS)
    if known.status in SETTLED:
        return changed
    if known.status != "article":
        return True  # indexes, errors, 304s of non-articles: cheap with a conditional GET
    return is_young(known, now=now, young_days=young_days) or changed


def recheck_unprompted(known: KnownPage, *, now: datetime, young_days: float) -> bool:
    """Whether to request a known page at the start of a crawl even if no index links to it any more
    (an index that answers 304 lists nothing): a young article, or a young page that failed for a
    passing reason (a 5xx, a timeout, no status at all). A 404 waits until something links to it again."""
    transient = known.status == "error" and (known.http_status or 500) >= 500
    return (known.status == "article" or transient) and is_young(known, now=now, young_days=young_days)


def is_young(known: KnownPage, *, now: datetime, young_days: float) -> bool:
    """Published (else first fetched) within `young_days` of `now`; a page with neither date counts as young."""
    published = _parse_utc(known.published) or _parse_utc(known.first_fetched)
    return published is None or now - published <= timedelta(days=young_days)


def _parse_utc(value: str | None) -> datetime | None:
    """An ISO 8601 date or instant as an aware datetime; a day is its midnight, no offset means UTC."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
