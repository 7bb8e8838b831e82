"""The SQLite store: the one module that knows the schema and speaks SQL.

Everything else hands it plain dicts and gets plain dicts back. The schema grows by migrations in one
`Migrations("newsclaims")` set; an applied migration is never edited. Keys are natural or derived from
content (an article is its canonical URL, a version is its article plus the hash of the extracted
content, a flag id hashes what it flags), so running any stage twice adds nothing.

Tables read well in Datasette: `articles` -> `article_versions` -> `mentions`, per story
`story_mentions` (which cluster a mention belongs to), `clusters` and `cluster_surfaces`, `flags`,
and one `crawl_runs` row per crawl.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

DEFAULT_DB_PATH = "data/newsclaims.db"

migrations = Migrations("newsclaims")


class StoreError(Exception):
    """Raised when the database cannot be opened or written (locked, not a database, read-only)."""


def _marks(values) -> str:
    """Placeholders for an SQL `in (...)` list of these values: parameters, never interpolation."""
    return ",".join("?" for _ in values)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db["outlets"].create({"origin": str, "name": str}, pk="origin")
    db["stories"].create({"slug": str, "title": str, "config": str, "updated_at": str}, pk="slug")
    db["story_outlets"].create(
        {"story": str, "origin": str, "slug": str, "authoritative": int},
        pk=("story", "origin"),
        foreign_keys=[("story", "stories", "slug"), ("origin", "outlets", "origin")],
    )
    db["articles"].create(
        {"id": int, "url": str, "origin": str, "first_seen": str, "last_seen": str},
        pk="id",
        not_null={"url", "origin"},
        foreign_keys=[("origin", "outlets", "origin")],
    )
    db["articles"].create_index(["url"], unique=True)
    db["story_articles"].create(
        {"story": str, "article_id": int, "added_at": str},
        pk=("story", "article_id"),
        foreign_keys=[("story", "stories", "slug"), ("article_id", "articles", "id")],
    )
    db["article_versions"].create(
        {
            "id": int,
            "article_id": int,
            "content_hash": str,
            "fetched_at": str,
            "fetched_url": str,
            "http_status": int,
            "headers": str,
            "raw_body": bytes,  # gzip of the response body as received: proof of what the page said
            "title": str,
            "author": str,
            "published": str,
            "published_rule": str,
            "outlet_name": str,
            "language": str,
            "description": str,
            "keywords": str,
            "text": str,
        },
        pk="id",
        not_null={"article_id", "content_hash"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_versions"].create_index(["article_id", "content_hash"], unique=True)
    db["version_analyses"].create(
        {"version_id": int, "stage": str, "model": str, "analysed_at": str},
        pk=("version_id", "stage"),
        foreign_keys=[("version_id", "article_versions", "id")],
    )
    # story is '' for story-independent mentions (NER); the second pass depends on the story's people.
    db["mentions"].create(
        {
            "id": int,
            "version_id": int,
            "story": str,
            "field": str,
            "start": int,
            "end": int,
            "surface": str,
            "label": str,
            "method": str,
        },
        pk="id",
        not_null={"version_id", "story", "field", "start", "end", "surface"},
        foreign_keys=[("version_id", "article_versions", "id")],
        defaults={"story": ""},
    )
    db["mentions"].create_index(["version_id", "story", "field", "start", "end", "label"], unique=True)
    db["clusters"].create(
        {"id": str, "story": str, "canonical": str, "rule": str, "evidence": str},
        pk="id",
        foreign_keys=[("story", "stories", "slug")],
    )
    db["clusters"].create_index(["story"])
    db["cluster_surfaces"].create(
        {
            "cluster_id": str,
            "surface": str,
            "kind": str,
            "rule": str,
            "mentions": int,
            "articles": int,
            "outlets": int,
            "first_published": str,
            "form": str,  # for errors: the wrong part (surname or given name), folded
        },
        pk=("cluster_id", "surface"),
        foreign_keys=[("cluster_id", "clusters", "id")],
    )
    db["story_mentions"].create(
        {"story": str, "mention_id": int, "cluster_id": str, "kind": str, "usage": str},
        pk=("story", "mention_id"),
        foreign_keys=[("story", "stories", "slug"), ("mention_id", "mentions", "id")],
    )
    db["flags"].create(
        {
            "id": str,
            "story": str,
            "level": str,  # mention | article | outlet
            "cluster_id": str,
            "canonical": str,
            "surface": str,
            "mention_id": int,
            "article_id": int,
            "origin": str,
            "usage": str,  # uses | quoted (talk about the spelling, counted apart)
            "count": int,  # articles (or mentions, at mention level) using the error
            "quoted": int,
            "total": int,  # outlet level: the outlet's articles that mention the person
            "active": int,
            "status": str,  # open | confirmed | dismissed: the reviewer's word survives re-analysis
            "note": str,
            "first_flagged": str,
            "last_flagged": str,
        },
        pk="id",
        foreign_keys=[("story", "stories", "slug")],
    )
    db["flags"].create_index(["story", "level"])
    db["crawl_runs"].create(
        {
            "id": int,
            "story": str,
            "started": str,
            "ended": str,
            "status": str,
            "pages_seen": int,
            "pages_stored": int,
            "pages_unchanged": int,
            "pages_skipped": int,
            "pages_refused": int,
            "reasons": str,
        },
        pk="id",
    )


@migrations()
def m002_pages_and_provenance(db: sqlite_utils.Database) -> None:
    """Incremental crawling and provenance: every URL seen, with its HTTP validators and why it was or
    was not stored; how sure each date is; which versions came from re-extraction; syndication."""
    db["pages"].create(
        {
            "url": str,  # canonical URL as requested
            "origin": str,
            "status": str,  # article | unchanged | not-article | too-short | off-topic | not-english | error
            "http_status": int,
            "etag": str,
            "last_modified": str,
            "content_hash": str,  # of the extracted content, when there was any
            "sitemap_lastmod": str,
            "feed_published": str,
            "published": str,
            "first_fetched": str,
            "last_fetched": str,
            "fetches": int,
            "not_modified": int,  # 304 answers to conditional GETs
            "reason": str,
        },
        pk="url",
    )
    db["pages"].create_index(["origin", "status"])
    versions = db["article_versions"]
    versions.add_column("published_precision", str)  # instant | day
    versions.add_column("published_has_offset", int)
    versions.add_column("source", str)  # crawl | reextract
    versions.add_column("extracted_from", int)  # the version whose raw body a re-extraction used
    db["syndication"].create(
        {"article_id": int, "canonical_url": str, "canonical_origin": str, "first_seen": str},
        pk=("article_id", "canonical_url"),
        foreign_keys=[("article_id", "articles", "id")],
    )


@migrations()
def m003_analysis_runs_and_search(db: sqlite_utils.Database) -> None:
    """One row per analysis (so reports can say which flags are new since the last run), and
    full-text search on article versions, kept current by triggers as later crawls add versions."""
    db["analysis_runs"].create(
        {"id": int, "story": str, "started": str, "ended": str, "counts": str},
        pk="id",
        foreign_keys=[("story", "stories", "slug")],
    )
    db["article_versions"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db["flags"].add_column("reviewed_at", str)


@migrations()
def m004_captions(db: sqlite_utils.Database) -> None:
    """Figure captions as their own field: misspelled names hide in them as in titles and slugs."""
    db["article_versions"].add_column("captions", str)


def open_store(path: str | Path = DEFAULT_DB_PATH) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path` and apply pending migrations."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=10)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # With WAL, NORMAL keeps every committed page through a killed process (SIGKILL); only an OS
        # crash or power loss can drop the last commits, and the file stays consistent either way.
        conn.execute("PRAGMA synchronous = NORMAL")
        db = sqlite_utils.Database(conn)
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise StoreError(f"{path} is locked by another process; retry, or pass --db") from None
        raise StoreError(f"{path}: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a newsclaims database ({exc}); pass another --db") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot open: {exc.strerror}") from None
    return db


@contextmanager
def writing(db: sqlite_utils.Database) -> Iterator[None]:
    """A write transaction whose 'database is locked' turns into a one-line StoreError."""
    try:
        with db.atomic():
            yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise StoreError("the database is locked by another process; retry, or pass --db") from None
        raise


# --- stories and outlets -------------------------------------------------------------------------

def save_story(db: sqlite_utils.Database, story) -> None:
    """Record a story config and its outlets (called at the start of every crawl and analysis)."""
    with writing(db):
        db["stories"].upsert(
            {"slug": story.slug, "title": story.title, "config": story.model_dump_json(), "updated_at": utc_now()},
            pk="slug",
        )
        for outlet in story.outlets:
            db["outlets"].upsert({"origin": outlet.origin, "name": outlet.name}, pk="origin")
            db["story_outlets"].upsert(
                {"story": story.slug, "origin": outlet.origin, "slug": outlet.slug,
                 "authoritative": int(outlet.authoritative)},
                pk=("story", "origin"),
            )


# --- articles --------------------------------------------------------------------------------------

def save_article(db: sqlite_utils.Database, story: str, page: dict) -> str:
    """Store one extracted page; returns 'new', 'changed' or 'unchanged'.

    `page` holds `url` (canonical), `origin`, `content_hash`, the extracted fields and the raw
    response (`body`, `headers`, `http_status`, `fetched_url`, `fetched_at`). Only distinct extracted
    content makes a new version: boilerplate that changes per request does not.
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
            }
        )
        if page.get("syndicated_from"):
            from newsclaims.config import origin_of

            db.execute("insert or ignore into syndication (article_id, canonical_url, canonical_origin, first_seen) "
                       "values (?, ?, ?, ?)", [article_id, page["syndicated_from"], origin_of(page["syndicated_from"]), now])
        return "changed" if had_versions else "new"


def known_pages(db: sqlite_utils.Database, origins: Iterable[str]) -> dict[str, dict]:
    """Every page already seen on these origins, by URL: validators and dates for the next crawl."""
    origins = list(origins)
    if not origins or "pages" not in db.table_names():
        return {}
    return {row["url"]: dict(row) for row in db.query(f"select * from pages where origin in ({_marks(origins)})", origins)}


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


def count_rows(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of every newsclaims table (for 'a second run adds nothing' checks and summaries)."""
    return {name: db[name].count for name in sorted(db.table_names()) if not name.startswith("_")}


_LATEST_VERSIONS = """
    select v.*, a.url, a.origin, so.slug as outlet, o.name as outlet_config_name, so.authoritative
    from story_articles sa
    join articles a on a.id = sa.article_id
    join article_versions v on v.id = (select max(id) from article_versions where article_id = a.id)
    join outlets o on o.origin = a.origin
    left join story_outlets so on so.story = sa.story and so.origin = a.origin
    where sa.story = ?
    order by a.url
"""


def story_documents(db: sqlite_utils.Database, story: str) -> list[dict]:
    """The latest version of every article in a story, with its outlet, without the raw body."""
    rows = [dict(row) for row in db.query(_LATEST_VERSIONS, [story])]
    for row in rows:
        row.pop("raw_body", None)
        row["authoritative"] = bool(row["authoritative"])
    return rows


def latest_crawled_versions(db: sqlite_utils.Database, story: str) -> list[dict]:
    """For each article of a story, its latest version that came from a crawl (with the raw body)."""
    sql = """
        select v.*, a.url, a.origin from story_articles sa
        join articles a on a.id = sa.article_id
        join article_versions v on v.id = (select max(id) from article_versions
                                           where article_id = a.id and coalesce(source, 'crawl') = 'crawl')
        where sa.story = ? order by a.url
    """
    return [dict(row) for row in db.query(sql, [story])]


# --- entities --------------------------------------------------------------------------------------

def analysed_versions(db: sqlite_utils.Database, stage: str) -> set[int]:
    """Ids of the versions already through `stage` (each version meets the model once)."""
    return {row[0] for row in db.execute("select version_id from version_analyses where stage = ?", [stage])}


def save_entities(db: sqlite_utils.Database, version_id: int, mentions: Iterable[dict], stage: str, model: str) -> None:
    """Store a version's story-independent mentions and mark it analysed, in one transaction."""
    with writing(db):
        # Clusters of these mentions are rebuilt by the story-wide resolution that follows NER.
        db.execute("delete from story_mentions where mention_id in "
                   "(select id from mentions where version_id = ? and story = '')", [version_id])
        db.execute("delete from mentions where version_id = ? and story = ''", [version_id])
        db["mentions"].insert_all(
            ({**mention, "version_id": version_id, "story": ""} for mention in mentions), pk="id"
        )
        db["version_analyses"].upsert(
            {"version_id": version_id, "stage": stage, "model": model, "analysed_at": utc_now()},
            pk=("version_id", "stage"),
        )


def mentions_of_versions(db: sqlite_utils.Database, version_ids: list[int], story: str) -> list[dict]:
    """Mentions of these versions: story-independent ones plus this story's second-pass ones."""
    if not version_ids:
        return []
    return [
        dict(row) for row in db.query(
            f"select * from mentions where version_id in ({_marks(version_ids)}) and story in ('', ?) "
            "order by version_id, field, start, end",
            [*version_ids, story],
        )
    ]


def replace_story_mentions(db: sqlite_utils.Database, story: str, version_ids: list[int], mentions: list[dict]) -> list[int]:
    """Replace this story's second-pass mentions (they change whenever the story's people change);
    returns the new rows' ids in the order of `mentions` (whose own `id` keys are ignored)."""
    with writing(db):
        if version_ids:
            db.execute(f"delete from story_mentions where story = ? and mention_id in "
                       f"(select id from mentions where story = ? and version_id in ({_marks(version_ids)}))",
                       [story, story, *version_ids])
            db.execute(f"delete from mentions where story = ? and version_id in ({_marks(version_ids)})", [story, *version_ids])
        columns = ("version_id", "field", "start", "end", "surface", "label", "method")
        db["mentions"].insert_all(({**{c: m[c] for c in columns}, "story": story} for m in mentions), batch_size=1000)
        if not version_ids:
            return []
        # This story's rows for these versions were deleted above, so the rows now there are the new
        # ones, and ascending ids are their insertion order.
        return [row[0] for row in db.execute(
            f"select id from mentions where story = ? and version_id in ({_marks(version_ids)}) order by id", [story, *version_ids])]


# --- variants and flags ----------------------------------------------------------------------------

def save_variants(db: sqlite_utils.Database, story: str, clusters: list[dict], assignments: list[dict],
                  flags: list[dict]) -> dict[str, int]:
    """Replace a story's clusters and mention assignments; merge its flags, keeping review status.

    A flag's id is derived from what it flags, so a flag that is raised again keeps its id, status and
    note; a flag that is no longer raised stays in the table with `active = 0`.
    """
    now = utc_now()
    with writing(db):
        db.execute("delete from story_mentions where story = ?", [story])
        db.execute("delete from cluster_surfaces where cluster_id in (select id from clusters where story = ?)", [story])
        db.execute("delete from clusters where story = ?", [story])
        for cluster in clusters:
            db["clusters"].insert(
                {"id": cluster["id"], "story": story, "canonical": cluster["canonical"], "rule": cluster["rule"],
                 "evidence": json.dumps(cluster["evidence"], sort_keys=True)}
            )
            db["cluster_surfaces"].insert_all(
                ({"cluster_id": cluster["id"], **surface} for surface in cluster["surfaces"]),
                pk=("cluster_id", "surface"),
            )
        db["story_mentions"].insert_all(({"story": story, **a} for a in assignments), pk=("story", "mention_id"))
        db.execute("update flags set active = 0 where story = ?", [story])
        for flag in flags:
            place = ()
            if flag.get("mention_id") is not None:
                place = db.execute('select version_id, field, start, "end" from mentions where id = ?',
                                   [flag["mention_id"]]).fetchone()
            flag_id = flag_key(story, flag, place)
            existing = db.execute("select status, note, first_flagged from flags where id = ?", [flag_id]).fetchone()
            status, note, first = existing if existing else ("open", None, now)
            db["flags"].upsert(
                {**flag, "id": flag_id, "story": story, "active": 1, "status": status, "note": note,
                 "first_flagged": first, "last_flagged": now},
                pk="id",
            )
    return {"clusters": len(clusters), "flags": len(flags)}


def flag_key(story: str, flag: dict, place: tuple = ()) -> str:
    """A stable id for a flag: a hash of the story, level and what it points at (for a mention, its
    version, field and offsets, not its row id, which changes when the second pass runs again)."""
    parts = [story, flag["level"], flag.get("surface") or "", str(flag.get("article_id") or ""),
             flag.get("origin") or "", *map(str, place)]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def story_slugs(db: sqlite_utils.Database) -> list[str]:
    return [row["slug"] for row in db.query("select slug from stories order by slug")]


def story_clusters(db: sqlite_utils.Database, story: str) -> list[dict]:
    clusters = []
    for row in db.query("select * from clusters where story = ? order by id", [story]):
        cluster = dict(row)
        cluster["evidence"] = json.loads(cluster["evidence"] or "{}")
        cluster["surfaces"] = [
            dict(s) for s in db.query(
                "select * from cluster_surfaces where cluster_id = ? order by mentions desc, surface", [row["id"]]
            )
        ]
        clusters.append(cluster)
    return clusters


def set_review(db: sqlite_utils.Database, flag_id: str, status: str, note: str | None) -> dict:
    """Record a reviewer's decision on a flag; it survives re-analysis because flag ids are stable."""
    if status not in ("open", "confirmed", "dismissed"):
        raise ValueError(f"review status must be open, confirmed or dismissed, got {status!r}")
    with writing(db):
        row = db.execute("select id from flags where id = ?", [flag_id]).fetchone()
        if row is None:
            raise StoreError(f"no flag {flag_id!r}; `newsclaims report STORY --format json` lists flag ids")
        db["flags"].update(flag_id, {"status": status, "note": note, "reviewed_at": utc_now()})
    return dict(db["flags"].get(flag_id))


def start_analysis_run(db: sqlite_utils.Database, story: str) -> int:
    with writing(db):
        return db["analysis_runs"].insert({"story": story, "started": utc_now()}).last_pk


def finish_analysis_run(db: sqlite_utils.Database, run_id: int, counts: dict) -> None:
    with writing(db):
        db["analysis_runs"].update(run_id, {"ended": utc_now(), "counts": json.dumps(counts, sort_keys=True)})


def analysis_runs(db: sqlite_utils.Database, story: str) -> list[dict]:
    return [dict(r) for r in db.query("select * from analysis_runs where story = ? order by id", [story])]


def version_texts(db: sqlite_utils.Database, version_ids: Iterable[int]) -> dict[int, dict]:
    """The stored fields of these versions, for quoting the sentence around a mention."""
    ids = sorted(set(version_ids))
    if not ids:
        return {}
    return {row["id"]: dict(row) for row in db.query(
        f"select v.id, v.title, v.description, v.keywords, v.author, v.captions, v.text, v.fetched_at, a.url "
        f"from article_versions v join articles a on a.id = v.article_id where v.id in ({_marks(ids)})", ids)}


def story_flags(db: sqlite_utils.Database, story: str, level: str | None = None) -> list[dict]:
    sql = "select * from flags where story = ? and active = 1"
    params: list = [story]
    if level:
        sql += " and level = ?"
        params.append(level)
    return [dict(row) for row in db.query(sql + " order by level, id", params)]


def story_assignments(db: sqlite_utils.Database, story: str) -> list[dict]:
    """Every clustered mention of a story with its article, outlet and date (for reports and queries)."""
    sql = """
        select sm.cluster_id, sm.kind, sm.usage, m.id as mention_id, m.surface, m.field, m.start, m."end",
               m.method, v.id as version_id, v.published, v.published_rule, a.id as article_id, a.url,
               a.origin, so.slug as outlet, o.name as outlet_name
        from story_mentions sm
        join mentions m on m.id = sm.mention_id
        join article_versions v on v.id = m.version_id
        join articles a on a.id = v.article_id
        join outlets o on o.origin = a.origin
        left join story_outlets so on so.story = sm.story and so.origin = a.origin
        where sm.story = ?
        order by v.published, a.url, m.field, m.start
    """
    return [dict(row) for row in db.query(sql, [story])]


# --- crawl runs ------------------------------------------------------------------------------------

def start_crawl_run(db: sqlite_utils.Database, story: str) -> int:
    with writing(db):
        return db["crawl_runs"].insert({"story": story, "started": utc_now(), "status": "running"}).last_pk


def finish_crawl_run(db: sqlite_utils.Database, run_id: int, status: str, counts: dict) -> None:
    with writing(db):
        db["crawl_runs"].update(
            run_id,
            {"ended": utc_now(), "status": status, **{k: v for k, v in counts.items() if k != "reasons"},
             "reasons": json.dumps(counts.get("reasons") or {}, sort_keys=True)},
        )


def mark_killed_runs(db: sqlite_utils.Database, story: str) -> int:
    """Runs of `story` still marked running when no crawl holds its lock died mid-crawl."""
    with writing(db):
        return db.execute("update crawl_runs set status = 'killed' where story = ? and status = 'running'",
                          [story]).rowcount


def crawl_runs(db: sqlite_utils.Database, story: str) -> list[dict]:
    return [dict(r) for r in db.query("select * from crawl_runs where story = ? order by id", [story])]
