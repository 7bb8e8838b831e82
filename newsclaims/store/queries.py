"""Read-only questions asked of a story: the Datasette canned queries, and the report's outlet list.

The canned queries are SQL by nature (Datasette runs them with the user's parameters), so they live
here with the rest of the SQL; `newsclaims.browse` puts them into Datasette's metadata.
"""
from __future__ import annotations

import sqlite_utils

from newsclaims.store.articles import latest_version

CANNED_QUERIES = {
    "variants_of_name": {
        "title": "Every variant of a person",
        "description": "Type any spelling (an error form works too): every way that person is written, "
                       "its kind, how often, and by how many outlets.",
        "sql": """select c.story, c.canonical, s.surface, s.kind, s.mentions, s.articles, s.outlets,
                  s.first_published, s.rule
                  from cluster_surfaces s join clusters c on c.id = s.cluster_id
                  where s.cluster_id in (select cluster_id from cluster_surfaces where surface like '%' || :name || '%')
                  order by c.story, c.canonical, s.kind, s.mentions desc""",
    },
    "who_used_an_error_first": {
        "title": "Who used an error form, in date order",
        "description": "Articles using a wrong spelling, earliest first (ordered in UTC, whatever offset each "
                       "page gave), with the rule behind each date.",
        "sql": f"""select distinct f.story, f.surface as error_form, f.canonical, a.url, o.name as outlet,
                  v.published, v.published_utc, v.published_rule, v.published_precision, f.usage,
                  f.status as review
                  from flags f join articles a on a.id = f.article_id join outlets o on o.origin = a.origin
                  join article_versions v on v.id = {latest_version()}
                  where f.level = 'article' and f.active = 1 and f.story = :story
                  order by v.published_utc is null, v.published_utc""",
    },
    "outlet_error_counts": {
        "title": "Outlets by name errors",
        "description": "Per outlet: articles using an error, articles quoting one, and articles mentioning the person.",
        "sql": """select o.name as outlet, f.canonical, f.count as articles_using_error, f.quoted as articles_quoting,
                  f.total as articles_mentioning, round(1.0 * f.count / f.total, 3) as error_rate
                  from flags f join outlets o on o.origin = f.origin
                  where f.level = 'outlet' and f.active = 1 and f.story = :story
                  order by error_rate desc""",
    },
    "flags_to_review": {
        "title": "Flags waiting for review",
        "sql": """select f.id, f.level, f.surface, f.canonical, a.url, f.usage, f.first_flagged
                  from flags f left join articles a on a.id = f.article_id
                  where f.story = :story and f.active = 1 and f.status = 'open' and f.level != 'outlet'
                  order by f.first_flagged""",
    },
    "search_articles": {
        "title": "Search article text",
        "description": "Full-text search (SQLite FTS, porter stemming) over every stored version's title and text.",
        "sql": """select a.url, v.title, v.published, snippet(article_versions_fts, 1, '[', ']', '…', 12) as snippet
                  from article_versions_fts join article_versions v on v.rowid = article_versions_fts.rowid
                  join articles a on a.id = v.article_id
                  where article_versions_fts match :q order by rank limit 50""",
    },
}


def story_outlets(db: sqlite_utils.Database, story: str) -> list[dict]:
    """The story's outlets as configured: slug, origin, whether authoritative, and name."""
    return [dict(r) for r in db.query(
        "select so.slug, so.origin, so.authoritative, o.name from story_outlets so join outlets o "
        "on o.origin = so.origin where so.story = ? order by so.slug", [story])]
