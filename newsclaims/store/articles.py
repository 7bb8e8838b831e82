"""Articles and their versions: an article is its canonical URL, a version one distinct extracted content.

Only distinct extracted content makes a new version (boilerplate that changes per request does not),
so a re-crawl of an unchanged page adds nothing. Which version is an article's latest is defined once,
in `latest_version`, and every query that needs it (documents for analysis, re-extraction, the
Datasette canned queries) joins on that.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import urlsplit

import sqlite_utils

from newsclaims.store.connection import chunked, marks, utc_now, writing
from newsclaims.store.schema import _m006_published_utc

#: Every column of `article_versions` but the raw body: reading a story's documents must not load
#: megabytes of gzip per article (at 10,000 real-size pages that alone passed 400 MB).
VERSION_COLUMNS = ("id", "article_id", "content_hash", "fetched_at", "fetched_url", "http_status", "headers",
                   "title", "author", "published", "published_rule", "outlet_name", "language", "description",
                   "keywords", "text", "published_precision", "published_has_offset", "source", "extracted_from",
                   "captions", "published_utc", "modified", "modified_precision", "modified_rule", "removed")


def published_utc(published: str | None) -> str | None:
    """The UTC sort key of a published date (the `published_utc` column): an instant in UTC, a day at
    the start of its day in UTC, a wall-clock time without offset as if UTC; None when undated.

    >>> published_utc("2026-03-04T09:00:00-05:00"), published_utc("2026-03-04")
    ('2026-03-04T14:00:00+00:00', '2026-03-04T00:00:00+00:00')
    """
    return _m006_published_utc(published)


def latest_version(article: str = "a.id", *, crawled_only: bool = False) -> str:
    """SQL for the id of an article's latest version (the highest id: versions are only ever added)
    that has content: a version recording the page's removal is history (`story_versions` has it),
    not what the article says, so analysis, search and export go on reading what it said last.

    article: the SQL expression naming the article's id in the enclosing query.
    crawled_only: only versions that came from a crawl, not from re-extracting a stored body.
    """
    source = " and coalesce(source, 'crawl') = 'crawl'" if crawled_only else ""
    return f"(select max(id) from article_versions where article_id = {article} and removed is null{source})"


def save_article(db: sqlite_utils.Database, story: str, page: dict) -> str:
    """Store one extracted page; returns 'new', 'changed' or 'unchanged'.

    `page` holds `url` (canonical), `origin`, `content_hash`, the extracted fields and the raw
    response (`body`, `headers`, `http_status`, `fetched_url`, `fetched_at`).
    """
    now = page.get("fetched_at") or utc_now()
    with writing(db):
        row = db.execute("select id from articles where url = ?", [page["url"]]).fetchone()
        if row is None:
            article_id = db["articles"].insert(
                {"url": page["url"], "origin": page["origin"], "first_seen": now, "last_seen": now}
            ).last_pk
        else:
            article_id = row[0]
            db.execute("update articles set last_seen = ? where id = ?", [now, article_id])
        db.execute(
            "insert or ignore into story_articles (story, article_id, added_at) values (?, ?, ?)",
            [story, article_id, now],
        )
        exists = db.execute(
            "select 1 from article_versions where article_id = ? and content_hash = ?",
            [article_id, page["content_hash"]],
        ).fetchone()
        if exists:
            return "unchanged"
        had_versions = db.execute("select 1 from article_versions where article_id = ?", [article_id]).fetchone()
        db["article_versions"].insert(
            {
                "article_id": article_id,
                "content_hash": page["content_hash"],
                "fetched_at": now,
                "fetched_url": page.get("fetched_url"),
                "http_status": page.get("http_status"),
                "headers": json.dumps(page.get("headers") or {}, sort_keys=True),
                "raw_body": gzip.compress(page.get("body") or b"", mtime=0),
                "title": page.get("title"),
                "author": page.get("author"),
                "published": page.get("published"),
                "published_utc": published_utc(page.get("published")),
                "published_rule": page.get("published_rule"),
                "outlet_name": page.get("outlet_name"),
                "language": page.get("language"),
                "description": page.get("description"),
                "keywords": page.get("keywords"),
                "captions": page.get("captions"),
                "text": page.get("text") or "",
                "published_precision": page.get("published_precision"),
                "published_has_offset": page.get("published_has_offset"),
                "source": page.get("source") or "crawl",
                "extracted_from": page.get("extracted_from"),
                "modified": page.get("modified"),
                "modified_precision": page.get("modified_precision"),
                "modified_rule": page.get("modified_rule"),
            }
        )
        if page.get("syndicated_from"):
            db.execute("insert or ignore into syndication (article_id, canonical_url, canonical_origin, first_seen) "
                       "values (?, ?, ?, ?)",
                       [article_id, page["syndicated_from"], _origin(page["syndicated_from"]), now])
        return "changed" if had_versions else "new"


def save_removal(db: sqlite_utils.Database, story: str, page: dict) -> str:
    """Record that a stored article's page is gone (404, 410) or emptied: a version of its own, with
    `removed` saying why, the answer as received (status, headers, body) and what text is left.
    Returns 'removed', 'unchanged' (the same removal was recorded already) or 'unknown' (no stored
    article has this URL: nothing to remove).

    The article is found by its URL, else by the URL a version was fetched from (a page whose
    canonical URL differs is fetched at one and stored under the other).
    """
    now = page.get("fetched_at") or utc_now()
    with writing(db):
        row = db.execute("select id from articles where url = ?", [page["url"]]).fetchone() or db.execute(
            "select article_id from article_versions where fetched_url in (?, ?) order by id desc limit 1",
            [page.get("fetched_url") or page["url"], page["url"]]).fetchone()
        if row is None:
            return "unknown"
        article_id = row[0]
        text = page.get("text") or ""
        content_hash = hashlib.sha256("".join(["removed", page["reason"], text]).encode("utf-8")).hexdigest()
        db.execute("update articles set last_seen = ? where id = ?", [now, article_id])
        db.execute("insert or ignore into story_articles (story, article_id, added_at) values (?, ?, ?)",
                   [story, article_id, now])
        if db.execute("select 1 from article_versions where article_id = ? and content_hash = ?",
                      [article_id, content_hash]).fetchone():
            return "unchanged"
        db["article_versions"].insert({
            "article_id": article_id, "content_hash": content_hash, "fetched_at": now,
            "fetched_url": page.get("fetched_url"), "http_status": page.get("http_status"),
            "headers": json.dumps(page.get("headers") or {}, sort_keys=True),
            "raw_body": gzip.compress(page.get("body") or b"", mtime=0), "title": page.get("title"),
            "text": text, "source": "crawl", "removed": page["reason"],
        })
        return "removed"


def _origin(url: str) -> str:
    """`scheme://host:port` with the default port spelled out: the rule of `newsclaims.config.origin_of`,
    repeated here because the store does not import the config (a test keeps the two equal)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{(parts.hostname or '').lower()}:{port}"


def story_documents(db: sqlite_utils.Database, story: str) -> list[dict]:
    """The latest version of every article in a story, with its outlet, without the raw body."""
    columns = ", ".join(f"v.{column}" for column in VERSION_COLUMNS)
    sql = f"""
        select {columns}, a.url, a.origin, so.slug as outlet, o.name as outlet_config_name, so.authoritative
        from story_articles sa
        join articles a on a.id = sa.article_id
        join article_versions v on v.id = {latest_version()}
        join outlets o on o.origin = a.origin
        left join story_outlets so on so.story = sa.story and so.origin = a.origin
        where sa.story = ?
        order by a.url
    """
    rows = [dict(row) for row in db.query(sql, [story])]
    for row in rows:
        row["authoritative"] = bool(row["authoritative"])
    return rows


def latest_crawled_versions(db: sqlite_utils.Database, story: str, *, chunk: int = 100) -> Iterator[dict]:
    """For each article of a story, its latest version that came from a crawl (with the raw body).

    A generator that reads `chunk` rows at a time: the raw bodies of a whole story do not fit in
    memory at once, and the caller writes new versions between reads.
    """
    ids = [row[0] for row in db.execute(f"""
        select v.id from story_articles sa
        join articles a on a.id = sa.article_id
        join article_versions v on v.id = {latest_version(crawled_only=True)}
        where sa.story = ? order by a.url""", [story])]
    for part in chunked(ids, chunk):
        rows = {row["id"]: dict(row) for row in db.query(
            f"select v.*, a.url, a.origin from article_versions v join articles a on a.id = v.article_id "
            f"where v.id in ({marks(part)})", part)}
        for version_id in part:
            yield rows[version_id]


class VersionTexts(Mapping):
    """version id -> its stored fields (`version_texts`), read from the store when asked for, a few
    versions kept: a report quotes the sentence around each flagged mention, and a story of 10,000
    articles would otherwise hold every flagged article's text at once."""

    KEPT = 64

    def __init__(self, db: sqlite_utils.Database, version_ids: Iterable[int]):
        self.db = db
        self.ids = frozenset(version_ids)
        self.kept: OrderedDict[int, dict] = OrderedDict()

    def __getitem__(self, version_id: int) -> dict:
        if version_id not in self.ids:
            raise KeyError(version_id)
        if version_id not in self.kept:
            self.kept[version_id] = version_texts(self.db, [version_id])[version_id]
            if len(self.kept) > self.KEPT:
                self.kept.popitem(last=False)
        return self.kept[version_id]

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def version_texts(db: sqlite_utils.Database, version_ids: Iterable[int]) -> dict[int, dict]:
    """The stored fields of these versions (the URL is the `url` field), for quoting around a mention."""
    found = {}
    for ids in chunked(sorted(set(version_ids))):
        found.update((row["id"], dict(row)) for row in db.query(
            f"select v.id, v.article_id, v.title, v.description, v.keywords, v.author, v.captions, v.text, "
            f"v.fetched_at, a.url from article_versions v join articles a on a.id = v.article_id "
            f"where v.id in ({marks(ids)})", ids))
    return found
