"""What a person asks of the database day to day: which stories there are, how each stands, what
each outlet's last crawl did, full-text search, deleting a story, records for export, and digests.

Read-only questions except `delete_story` and `save_digest`.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import sqlite_utils

from newsclaims.store.articles import VERSION_COLUMNS, latest_version
from newsclaims.store.connection import chunked, marks, utc_now, writing


def stories_overview(db: sqlite_utils.Database) -> list[dict]:
    """Every story: outlets, articles, versions, open flags, last crawl (start, status) and last analysis."""
    sql = """
        select s.slug, s.title,
          (select count(*) from story_outlets where story = s.slug) as outlets,
          (select count(*) from story_articles where story = s.slug) as articles,
          (select count(*) from article_versions v join story_articles sa on sa.article_id = v.article_id
             where sa.story = s.slug) as versions,
          (select count(*) from flags where story = s.slug and active = 1 and status = 'open'
             and level != 'outlet') as open_flags,
          (select started from crawl_runs where story = s.slug order by id desc limit 1) as last_crawl,
          (select status from crawl_runs where story = s.slug order by id desc limit 1) as last_crawl_status,
          (select started from analysis_runs where story = s.slug and ended is not null order by id desc limit 1)
             as last_analysis
        from stories s order by s.slug
    """
    return [dict(row) for row in db.query(sql)]


def story_status(db: sqlite_utils.Database, story: str, *, stage: str = "ner") -> dict:
    """One story in numbers: pages by status, articles, versions (and those not through `stage`),
    flags by level and review status, and the last crawl and analysis runs with their outcome."""
    origins = [row[0] for row in db.execute("select origin from story_outlets where story = ?", [story])]
    pages: dict[str, int] = {}
    for part in chunked(origins):
        for status, count in db.execute(f"select status, count(*) from pages where origin in ({marks(part)}) "
                                        "group by status", part):
            pages[status or "unknown"] = pages.get(status or "unknown", 0) + count
    flags: dict[str, dict[str, int]] = {}
    for level, status, count in db.execute("select level, status, count(*) from flags where story = ? and active = 1 "
                                           "group by level, status", [story]):
        flags.setdefault(level, {})[status] = count
    crawl = db.execute("select * from crawl_runs where story = ? order by id desc limit 1", [story])
    columns = [c[0] for c in crawl.description]
    crawl_row = crawl.fetchone()
    analysis = next(db.query("select * from analysis_runs where story = ? order by id desc limit 1", [story]), None)
    return {
        "story": story,
        "pages": dict(sorted(pages.items())),
        "articles": db.execute("select count(*) from story_articles where story = ?", [story]).fetchone()[0],
        "versions": db.execute("select count(*) from article_versions v join story_articles sa "
                               "on sa.article_id = v.article_id where sa.story = ?", [story]).fetchone()[0],
        "not_analysed": versions_not_analysed(db, story, stage=stage),
        "flags": flags,
        "last_crawl": _decoded(dict(zip(columns, crawl_row))) if crawl_row else None,
        "last_analysis": _decoded(dict(analysis)) if analysis else None,
        "crawls": db.execute("select count(*) from crawl_runs where story = ?", [story]).fetchone()[0],
        "analyses": db.execute("select count(*) from analysis_runs where story = ?", [story]).fetchone()[0],
    }


def _decoded(row: dict) -> dict:
    for key in ("reasons", "outlets", "counts", "settings"):
        if isinstance(row.get(key), str):
            try:
                row[key] = json.loads(row[key])
            except ValueError:
                pass
    return row


def versions_not_analysed(db: sqlite_utils.Database, story: str, *, stage: str = "ner") -> int:
    """How many of a story's latest article versions have not been through the analysis `stage`."""
    return db.execute(f"""
        select count(*) from story_articles sa join articles a on a.id = sa.article_id
        where sa.story = ? and not exists (select 1 from version_analyses va
          where va.version_id = {latest_version()} and va.stage = ?)""", [story, stage]).fetchone()[0]


def outlet_last_crawls(db: sqlite_utils.Database, story: str) -> dict[str, dict]:
    """Per outlet slug: the last crawl run that counted it (start, status, its answers and failures)
    and when a page of it was last fetched."""
    found: dict[str, dict] = {}
    for started, status, outlets in db.execute(
            "select started, status, outlets from crawl_runs where story = ? and outlets is not null "
            "order by id desc", [story]):
        for slug, seen in (json.loads(outlets or "{}") or {}).items():
            found.setdefault(slug, {"crawl_started": started, "crawl_status": status, **seen})
    for slug, last in db.execute("select so.slug, max(p.last_fetched) from story_outlets so left join pages p "
                                 "on p.origin = so.origin where so.story = ? group by so.slug", [story]):
        found.setdefault(slug, {})["last_fetched"] = last
    return found


def search_versions(db: sqlite_utils.Database, story: str, query: str, *, limit: int = 50) -> list[dict]:
    """Latest versions of a story's articles matching an FTS `query` (SQLite FTS syntax, porter
    stemming), best first, with their title and text for keyword-in-context lines. A query FTS cannot
    parse is a ValueError naming the problem."""
    sql = f"""
        select a.url, so.slug as outlet, v.id as version_id, v.title, v.published, v.text,
               rank as score
        from article_versions_fts f
        join article_versions v on v.rowid = f.rowid
        join articles a on a.id = v.article_id
        join story_articles sa on sa.article_id = a.id and sa.story = ?
        left join story_outlets so on so.story = sa.story and so.origin = a.origin
        where article_versions_fts match ? and v.id = {latest_version()}
        order by rank limit ?
    """
    try:
        return [dict(row) for row in db.query(sql, [story, query, limit])]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise
        raise ValueError(f"not a valid full-text query ({exc})") from None


def export_articles(db: sqlite_utils.Database, story: str, *, chunk: int = 200) -> Iterator[dict]:
    """Each article of a story (its latest version, no raw body) with its mentions and their cluster,
    canonical person and kind: one dict per article, read `chunk` articles at a time."""
    columns = ", ".join(f"v.{column}" for column in VERSION_COLUMNS)
    ids = [row[0] for row in db.execute(f"select {latest_version()} from story_articles sa "
                                        "join articles a on a.id = sa.article_id where sa.story = ? "
                                        "order by a.url", [story])]
    for part in chunked([i for i in ids if i is not None], chunk):
        rows = {row["id"]: dict(row) for row in db.query(
            f"select {columns}, a.url, a.origin, a.first_seen, so.slug as outlet, o.name as outlet_name "
            f"from article_versions v join articles a on a.id = v.article_id join outlets o on o.origin = a.origin "
            f"left join story_outlets so on so.story = ? and so.origin = a.origin where v.id in ({marks(part)})",
            [story, *part])}
        mentions: dict[int, list[dict]] = {}
        for row in db.query(
                f"select m.version_id, m.id as mention_id, m.field, m.start, m.\"end\", m.surface, m.method, "
                f"sm.cluster_id, c.canonical, sm.kind, sm.usage from mentions m "
                f"join story_mentions sm on sm.mention_id = m.id and sm.story = ? "
                f"left join clusters c on c.id = sm.cluster_id where m.version_id in ({marks(part)}) "
                f"order by m.version_id, m.field, m.start", [story, *part]):
            mentions.setdefault(row["version_id"], []).append(dict(row))
        for version_id in part:
            yield {**rows[version_id], "mentions": mentions.get(version_id, [])}


def delete_story(db: sqlite_utils.Database, story: str) -> dict[str, int]:
    """Remove a story: its flags, clusters, mentions, runs and digests, and the articles (with their
    versions and raw pages, mentions and page records) that no other story shares. One transaction."""
    counts = {}
    with writing(db):
        own = [row[0] for row in db.execute(
            "select article_id from story_articles where story = ? and article_id not in "
            "(select article_id from story_articles where story != ?)", [story, story])]
        origins = [row[0] for row in db.execute(
            "select origin from story_outlets where story = ? and origin not in "
            "(select origin from story_outlets where story != ?)", [story, story])]
        counts["flags"] = db.execute("delete from flags where story = ?", [story]).rowcount
        for table in ("copy_edges", "copy_pairs", "copy_checked"):
            db.execute(f"delete from {table} where story = ?", [story])
        db.execute("delete from story_mentions where story = ?", [story])
        db.execute("delete from cluster_surfaces where cluster_id in (select id from clusters where story = ?)", [story])
        counts["clusters"] = db.execute("delete from clusters where story = ?", [story]).rowcount
        db.execute("delete from mentions where story = ?", [story])
        db.execute("delete from claim_groups where story = ?", [story])
        counts["articles"] = len(own)
        counts["versions"] = 0
        for part in chunked(own):
            versions = f"select id from article_versions where article_id in ({marks(part)})"
            db.execute(f"delete from story_mentions where mention_id in (select id from mentions where version_id in "
                       f"({versions}))", part)
            db.execute(f"delete from mentions where version_id in ({versions})", part)
            db.execute(f"delete from claims where version_id in ({versions})", part)
            db.execute(f"delete from version_analyses where version_id in ({versions})", part)
            counts["versions"] += db.execute(f"delete from article_versions where article_id in ({marks(part)})",
                                             part).rowcount
            db.execute(f"delete from syndication where article_id in ({marks(part)})", part)
        db.execute("delete from story_articles where story = ?", [story])
        for part in chunked(own):
            db.execute(f"delete from articles where id in ({marks(part)})", part)
        counts["pages"] = 0
        for part in chunked(origins):
            counts["pages"] += db.execute(f"delete from pages where origin in ({marks(part)})", part).rowcount
        db.execute("delete from crawl_runs where story = ?", [story])
        db.execute("delete from analysis_runs where story = ?", [story])
        db.execute("delete from digests where story = ?", [story])
        db.execute("delete from story_outlets where story = ?", [story])
        db.execute("delete from stories where slug = ?", [story])
    return counts


def last_digest(db: sqlite_utils.Database, story: str) -> dict | None:
    row = next(db.query("select * from digests where story = ? order by id desc limit 1", [story]), None)
    return _decoded_digest(dict(row)) if row else None


def save_digest(db: sqlite_utils.Database, story: str, since: str | None, snapshot: dict, new: dict) -> int:
    """Record what a digest reported (`snapshot`: what existed; `new`: what was new), for the next one."""
    with writing(db):
        return db["digests"].insert({"story": story, "created": utc_now(), "since": since,
                                     "snapshot": json.dumps(snapshot, sort_keys=True),
                                     "new": json.dumps(new, sort_keys=True)}).last_pk


def _decoded_digest(row: dict) -> dict:
    for key in ("snapshot", "new"):
        row[key] = json.loads(row[key] or "{}")
    return row
