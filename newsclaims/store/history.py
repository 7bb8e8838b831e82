"""Every version of a story's articles, in the order they were fetched: what propagation and
corrections read (who copied whom, which version dropped an error)."""
from __future__ import annotations

import sqlite_utils


def story_versions(db: sqlite_utils.Database, story: str) -> list[dict]:
    """All versions of every article of a story (no raw body), oldest first per article, each with its
    ordinal (1 = first fetched), URL, outlet and the cross-outlet canonical URL it declared, if any;
    when the page says it was last changed (`modified`, `modified_precision`, `modified_rule`); and
    `removed`: why the version records the page's removal (e.g. "HTTP 410", "no article text"), else
    None. A removal's `text` is what was left of the page (often ""), its `http_status` the answer."""
    sql = """
        select v.id, v.article_id, v.fetched_at, v.title, v.text, v.published, v.published_precision,
               v.modified, v.modified_precision, v.modified_rule, v.removed, v.http_status, v.outlet_name, a.url, a.origin, so.slug as outlet, o.name as outlet_config_name,
               so.authoritative, (select min(s.canonical_url) from syndication s where s.article_id = a.id)
               as canonical_url,
               row_number() over (partition by v.article_id order by v.fetched_at, v.id) as ordinal
        from story_articles sa
        join articles a on a.id = sa.article_id
        join article_versions v on v.article_id = a.id
        join outlets o on o.origin = a.origin
        left join story_outlets so on so.story = sa.story and so.origin = a.origin
        where sa.story = ?
        order by a.url, ordinal
    """
    rows = [dict(row) for row in db.query(sql, [story])]
    for row in rows:
        row["authoritative"] = bool(row["authoritative"])
    return rows


def stored_articles(db: sqlite_utils.Database, story: str, urls: list[str] | None = None) -> list[dict]:
    """The story's articles (or those among `urls`, matched on the article's URL or a URL a version
    was fetched from), each with `url`, `fetch_url` (where its latest version was fetched, which a
    re-check asks again), `versions` (how many) and `removed` (why its latest version records a
    removal, else None). Ordered by URL."""
    sql = """
        select a.url, a.id as article_id,
               coalesce((select v.fetched_url from article_versions v where v.article_id = a.id
                         order by v.id desc limit 1), a.url) as fetch_url,
               (select count(*) from article_versions v where v.article_id = a.id) as versions,
               (select v.removed from article_versions v where v.article_id = a.id order by v.id desc limit 1)
               as removed
        from story_articles sa join articles a on a.id = sa.article_id
        where sa.story = ?
        order by a.url
    """
    rows = [dict(row) for row in db.query(sql, [story])]
    if urls is None:
        return rows
    wanted = set(urls)
    by_fetch: dict[int, set] = {}
    for article_id, fetched_url in db.execute(
            "select distinct v.article_id, v.fetched_url from article_versions v join story_articles sa "
            "on sa.article_id = v.article_id where sa.story = ?", [story]):
        by_fetch.setdefault(article_id, set()).add(fetched_url)
    return [row for row in rows if row["url"] in wanted or wanted & by_fetch.get(row["article_id"], set())]


def story_raw_versions(db: sqlite_utils.Database, story: str, urls: list[str] | None = None):
    """Every crawled version of the story's articles (or of those among `urls`) with its raw answer:
    `url`, `fetched_url`, `fetched_at`, `http_status`, `headers` (JSON), `raw_body` (gzip), `removed`,
    `ordinal`. Oldest first per article. Re-extractions are left out: they reuse a crawled body. A
    generator reading one version at a time (raw bodies of a whole story do not fit in memory)."""
    wanted = {row["article_id"] for row in stored_articles(db, story, urls)}
    ids = [(row[0], row[1]) for row in db.execute(
        "select v.id, v.article_id from story_articles sa join articles a on a.id = sa.article_id "
        "join article_versions v on v.article_id = a.id where sa.story = ? and coalesce(v.source, 'crawl') = 'crawl' "
        "order by a.url, v.fetched_at, v.id", [story])]
    ordinal: dict[int, int] = {}
    for version_id, article_id in ids:
        if article_id not in wanted:
            continue
        ordinal[article_id] = ordinal.get(article_id, 0) + 1
        row = db.execute(
            "select v.id, v.fetched_url, v.fetched_at, v.http_status, v.headers, v.raw_body, v.removed, a.url "
            "from article_versions v join articles a on a.id = v.article_id where v.id = ?", [version_id]).fetchone()
        yield {**dict(zip(("id", "fetched_url", "fetched_at", "http_status", "headers", "raw_body", "removed", "url"),
                          row)), "ordinal": ordinal[article_id]}
