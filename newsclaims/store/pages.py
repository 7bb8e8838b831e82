"""Every URL the crawler fetched: HTTP validators, dates and why it was or was not stored.

The next crawl reads these to ask conditional GETs and to decide which old articles to revisit.
"""
from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from newsclaims.store.connection import chunked, marks, utc_now, writing


def known_pages(db: sqlite_utils.Database, origins: Iterable[str]) -> dict[str, dict]:
    """Every page already seen on these origins, by URL: validators and dates for the next crawl."""
    origins = list(origins)
    if not origins or "pages" not in db.table_names():
        return {}
    found = {}
    for part in chunked(origins):
        found.update((row["url"], dict(row)) for row in db.query(
            f"select * from pages where origin in ({marks(part)})", part))
    return found


_PAGE_FIELDS = ("origin", "status", "http_status", "etag", "last_modified", "content_hash", "sitemap_lastmod",
                "feed_published", "feed_updated", "published", "reason", "changed_at")
#: What one answer says about a page; a new answer (not a 304) replaces all of it, None included.
_OUTCOME_FIELDS = ("status", "http_status", "reason")


def record_page(db: sqlite_utils.Database, page: dict) -> None:
    """Remember a fetched URL: what came back and what became of it.

    A 304 keeps the earlier values (the page is what it was). Any other answer replaces the outcome
    whole: a page that failed once and later succeeds must not keep its old error's reason or HTTP
    status beside its new status.
    """
    now = page.get("fetched_at") or utc_now()
    not_modified = page.get("http_status") == 304
    with writing(db):
        existing = db.execute("select fetches, not_modified from pages where url = ?", [page["url"]]).fetchone()
        values = {key: page[key] for key in _PAGE_FIELDS if page.get(key) is not None}
        if not not_modified:
            values.update({key: page.get(key) for key in _OUTCOME_FIELDS})
        if existing is None:
            db["pages"].insert({"url": page["url"], **values, "first_fetched": now, "last_fetched": now, "fetches": 1,
                                "not_modified": int(not_modified)})
        else:
            db["pages"].update(page["url"], {**values, "last_fetched": now, "fetches": existing[0] + 1,
                                             "not_modified": existing[1] + int(not_modified)})


def page_outcomes(db: sqlite_utils.Database, origins: Iterable[str]) -> dict[str, dict[str, int]]:
    """Per origin: how many known pages have each status (article, error, not-article ...)."""
    found: dict[str, dict[str, int]] = {}
    for part in chunked(list(origins)):
        for origin, status, count in db.execute(
                f"select origin, status, count(*) from pages where origin in ({marks(part)}) group by origin, status",
                part):
            found.setdefault(origin, {})[status or "unknown"] = count
    return found


def unfinished_crawl_since(db: sqlite_utils.Database, origins: Iterable[str]) -> str | None:
    """When the earliest crawl run on these origins that did not finish (interrupted, killed, stopped
    by a locked database) began, counting only runs after their story's last finished one; None when
    every crawl finished. Index pages fetched since then may list links that were never followed."""
    origins = list(origins)
    if not origins or "crawl_runs" not in db.table_names():
        return None
    stories = {row[0] for part in chunked(origins) for row in db.execute(
        f"select distinct story from story_outlets where origin in ({marks(part)})", part)}
    found = []
    for story in stories:
        row = db.execute(
            "select min(started) from crawl_runs where story = ? and status not in ('finished', 'running') "
            "and id > coalesce((select max(id) from crawl_runs where story = ? and status = 'finished'), 0)",
            [story, story]).fetchone()
        if row and row[0]:
            found.append(row[0])
    return min(found) if found else None
