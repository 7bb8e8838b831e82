"""Stories and their outlets, as recorded at the start of every crawl and analysis.

The store takes plain values: it does not know the config classes (`newsclaims.config`), only what a
story is in the database: its slug, title, config as JSON and outlets.
"""
from __future__ import annotations

import sqlite_utils

from newsclaims.errors import StoreError
from newsclaims.store.connection import utc_now, writing


def save_story(db: sqlite_utils.Database, slug: str, title: str | None = None, config: str | None = None,
               outlets: list[dict] = ()) -> None:
    """Record a story and its outlets (`origin`, `name`, `slug`, `authoritative` each).

    Callers unpack their config: `save_story(db, **config.as_record())`.
    """
    with writing(db):
        db["stories"].upsert({"slug": slug, "title": title, "config": config, "updated_at": utc_now()}, pk="slug")
        for outlet in outlets:
            db["outlets"].upsert({"origin": outlet["origin"], "name": outlet["name"]}, pk="origin")
            db["story_outlets"].upsert(
                {"story": slug, "origin": outlet["origin"], "slug": outlet["slug"],
                 "authoritative": int(outlet["authoritative"])},
                pk=("story", "origin"),
            )


def story_slugs(db: sqlite_utils.Database) -> list[str]:
    return [row["slug"] for row in db.query("select slug from stories order by slug")]


def has_story(db: sqlite_utils.Database, slug: str) -> bool:
    return db.execute("select 1 from stories where slug = ?", [slug]).fetchone() is not None


def story_record(db: sqlite_utils.Database, slug: str) -> dict:
    """The stored story: slug, title, config (JSON text) and when it was last recorded."""
    row = next(db.query("select * from stories where slug = ?", [slug]), None)
    if row is None:
        raise StoreError(f"story {slug!r} is not in the database; run `newsclaims crawl {slug}` first")
    return dict(row)
