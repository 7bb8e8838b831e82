"""Every URL the crawler fetched: HTTP validators, dates and why it was or was not stored.

The next crawl reads these to ask conditional GETs and to decide which old articles to revisit.
"""
from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from newsclaims.store.connection import marks, utc_now, writing


def known_pages(db: sqlite_utils.Database, origins: Iterable[str]) -> dict[str, dict]:
    """Every page already seen on these origins, by URL: validators and dates for the next crawl."""
    origins = list(origins)
    if not origins or "pages" not in db.table_names():
        return {}
    rows = db.query(f"select * from pages where origin in ({marks(origins)})", origins)
    return {row["url"]: dict(row) for row in rows}


_PAGE_FIELDS = ("origin", "status", "http_status", "etag", "last_modified", "content_hash", "sitemap_lastmod",
                "feed_published", "published", "reason")


def record_page(db: sqlite_utils.Database, page: dict) -> None:
    """Remember a fetched URL: what came back and what became of it. A 304 keeps the earlier values."""
    now = page.get("fetched_at") or utc_now()
    with writing(db):
        existing = db.execute("select fetches, not_modified from pages where url = ?", [page["url"]]).fetchone()
        values = {key: page[key] for key in _PAGE_FIELDS if page.get(key) is not None}
        if existing is None:
            db["pages"].insert({"url": page["url"], **values, "first_fetched": now, "last_fetched": now, "fetches": 1,
                                "not_modified": int(page.get("http_status") == 304)})
        else:
            db["pages"].update(page["url"], {**values, "last_fetched": now, "fetches": existing[0] + 1,
                                             "not_modified": existing[1] + int(page.get("http_status") == 304)})
