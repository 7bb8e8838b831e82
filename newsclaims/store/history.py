"""Every version of a story's articles, in the order they were fetched: what propagation and
corrections read (who copied whom, which version dropped an error)."""
from __future__ import annotations

import sqlite_utils


def story_versions(db: sqlite_utils.Database, story: str) -> list[dict]:
    """All versions of every article of a story (no raw body), oldest first per article, each with its
    ordinal (1 = first fetched), URL, outlet and the cross-outlet canonical URL it declared, if any."""
    sql = """
        select v.id, v.article_id, v.fetched_at, v.title, v.text, v.published, v.published_precision,
               v.outlet_name, a.url, a.origin, so.slug as outlet, o.name as outlet_config_name,
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
