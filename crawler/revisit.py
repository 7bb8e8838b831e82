"""The revisit policy: whether a page seen in an earlier crawl is requested again in this one.

Pure functions over what the page memory recalls (`KnownPage`), the hints an index gave for the URL
now (`sitemap_lastmod`, `feed_published`, `feed_updated`), the time and the story's `revisit`
settings (`young_days`, `backoff_days`); they read no clock and no settings, so a test can pin `now`.

- A young article (published, or first fetched, within `young_days`) is re-checked every run: news
  is corrected in its first days, and a conditional GET of an unchanged page costs only a 304.
- An older article is requested again when its sitemap `lastmod` or feed date changed (outlets
  re-date an entry when they edit it), and otherwise on a backoff schedule (`backoff_due`): 1, 3, 7
  and 30 days after its first fetch or last change, then every 30 days. Old stories are corrected
  too, often without re-dating anything; the schedule finds those edits at the cost of a few 304s.
  A page recorded as removed (404, 410, emptied) stays on the same schedule: it may come back.
- A page settled as off-topic or too short is requested again only when its index entry changed.
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
_CHANGE_HINTS = ("sitemap_lastmod", "feed_published", "feed_updated")
#: Page states of a stored article: re-checked while young, then on the backoff schedule.
REVISITED = frozenset({"article", "removed"})
#: Days after the first fetch (or the last change) at which an old article is checked again; after
#: the last step, every that many days. The story config's `revisit.backoff_days` replaces it.
DEFAULT_BACKOFF_DAYS = (1, 3, 7, 30)


def is_due(known: KnownPage, hints: dict, *, now: datetime, young_days: float,
           backoff_days=DEFAULT_BACKOFF_DAYS) -> bool:
    """Whether a page seen before should be requested again now that an index (or a link) names it.

    >>> old = KnownPage("http://x/a", status="article", published="2020-01-01", sitemap_lastmod="2020-01-01")
    >>> now = datetime(2026, 3, 4, tzinfo=timezone.utc)
    >>> is_due(old, {"sitemap_lastmod": "2020-01-01"}, now=now, young_days=3), is_due(old, {"sitemap_lastmod": "2026-03-01"}, now=now, young_days=3)
    (False, True)
    """
    changed = any(hints.get(key) and hints[key] != getattr(known, key) for key in _CHANGE_HINTS)
    if known.status in SETTLED:
        return changed
    if known.status not in REVISITED:
        return True  # indexes, errors, 304s of non-articles: cheap with a conditional GET
    return (is_young(known, now=now, young_days=young_days) or changed
            or backoff_due(known, now=now, backoff_days=backoff_days))


def recheck_unprompted(known: KnownPage, *, now: datetime, young_days: float,
                       backoff_days=DEFAULT_BACKOFF_DAYS) -> bool:
    """Whether to request a known page at the start of a crawl even if no index links to it any more
    (an index that answers 304 lists nothing): a young article, an article (or removed one) whose
    backoff check is due, or a young page that failed for a passing reason (a 5xx, a timeout, no
    status at all). A 404 of a page never stored waits until something links to it again."""
    if known.status in REVISITED and backoff_due(known, now=now, backoff_days=backoff_days):
        return True
    transient = known.status == "error" and (known.http_status or 500) >= 500
    return (known.status == "article" or transient) and is_young(known, now=now, young_days=young_days)


def backoff_due(known: KnownPage, *, now: datetime, backoff_days=DEFAULT_BACKOFF_DAYS) -> bool:
    """Whether a scheduled check of an old article fell between its last fetch and `now`.

    The schedule counts from the last change (`changed_at`), else the first fetch: a page that changed
    is watched closely again. A page never fetched, or with no dates, is not on the schedule (the
    other rules decide).

    >>> known = KnownPage("http://x/a", status="article", first_fetched="2026-01-01T00:00:00+00:00",
    ...                   last_fetched="2026-01-02T06:00:00+00:00")
    >>> [backoff_due(known, now=datetime(2026, 1, day, 1, tzinfo=timezone.utc)) for day in (3, 4)]
    [False, True]
    """
    anchor = _parse_utc(known.changed_at) or _parse_utc(known.first_fetched)
    last = _parse_utc(known.last_fetched)
    if anchor is None or last is None:
        return False
    return next_check(anchor, last, backoff_days) <= now


def next_check(anchor: datetime, after: datetime, backoff_days=DEFAULT_BACKOFF_DAYS) -> datetime:
    """The first scheduled check later than `after`: `anchor` plus each step of `backoff_days`, then
    every last step (1, 3, 7, 30, 60, 90 ... days by default)."""
    steps = sorted(float(step) for step in backoff_days)
    for step in steps:
        point = anchor + timedelta(days=step)
        if point > after:
            return point
    period = timedelta(days=steps[-1])
    periods = (after - anchor) // period + 1
    return anchor + period * max(periods, 2)


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
