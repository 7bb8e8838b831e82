"""The schema: one `Migrations("newsclaims")` set, applied in order by `open_store`.

An applied migration is never edited; a change of schema is a new function here. Each migration runs
in one transaction together with its row in `_sqlite_migrations`, so a failed one leaves nothing
behind and stays pending (sqlite-utils' own rule).
"""
from __future__ import annotations

import hashlib

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsclaims")


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
            "usage": str,  # uses | quoted (talk about the spelling) | slug (only the URL): counted apart
            "count": int,  # articles (or mentions, at mention level) using the error
            "quoted": int,  # the mentions (articles, at outlet level) kept apart: quoted, or a slug alone
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


#: A mention's key as SQL over a `mentions` row, as `mentions.mention_key` spells it. Frozen with m005:
#: a later change of key format needs a migration of its own.
_M005_KEY = ("(case when story = '' then '' else story || '/' end) || version_id || ':' || field || ':' "
             "|| start || '-' || \"end\"")


def _m005_flag_id(story: str, flag: dict, place: tuple) -> str:
    """A mention flag's id as computed when m005 was written (frozen copy of `variants.flag_key`)."""
    parts = [story, flag["level"], flag["surface"] or "", str(flag["article_id"] or ""), flag["origin"] or "",
             *map(str, place)]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@migrations()
def m005_stable_mention_keys(db: sqlite_utils.Database) -> None:
    """A mention is what it is: its id becomes its key, "{story}/{version}:{field}:{start}-{end}" (no
    story part for NER mentions), instead of a row number that the second pass renewed on every
    analysis. `story_mentions` and `flags` point at keys; review decisions stay on their flags, whose
    ids never depended on mention row numbers. Analysis runs also record the ruleset and settings used,
    and a flag can say whose review decision it carries (`reviewed_from`, see `variants.save_variants`).
    """
    # Inside the migration's transaction `PRAGMA foreign_keys` cannot change; deferring the checks to
    # commit lets the tables be rebuilt in any order, and the commit still refuses a dangling key.
    db.execute("PRAGMA defer_foreign_keys = ON")
    db.execute(f"create temp table m005_keys as select id as old, {_M005_KEY} as new from mentions")
    db["mentions_v5"].create(
        {"id": str, "version_id": int, "story": str, "field": str, "start": int, "end": int, "surface": str,
         "label": str, "method": str},
        pk="id",
        not_null={"version_id", "story", "field", "start", "end", "surface"},
        foreign_keys=[("version_id", "article_versions", "id")],
        defaults={"story": ""},
    )
    # Two rows at one place (same span, two NER labels) become one: the older row is kept, and every
    # reference to either lands on the shared key.
    db.execute('insert or ignore into mentions_v5 (id, version_id, story, field, start, "end", surface, label, '
               'method) select k.new, m.version_id, m.story, m.field, m.start, m."end", m.surface, m.label, '
               "m.method from mentions m join temp.m005_keys k on k.old = m.id order by m.id")
    db["story_mentions_v5"].create(
        {"story": str, "mention_id": str, "cluster_id": str, "kind": str, "usage": str},
        pk=("story", "mention_id"),
        foreign_keys=[("story", "stories", "slug"), ("mention_id", "mentions_v5", "id")],
    )
    db.execute("insert or ignore into story_mentions_v5 (story, mention_id, cluster_id, kind, usage) "
               "select sm.story, k.new, sm.cluster_id, sm.kind, sm.usage from story_mentions sm "
               "join temp.m005_keys k on k.old = sm.mention_id")
    # A flag kept the row number of its mention as of its last analysis; an inactive flag's row may
    # since have been deleted, and its number reused by another mention. The key is taken only where
    # the flag's own id proves the row is the flagged place; otherwise the flag points nowhere.
    rows = db.execute('select f.id, f.story, f.level, f.surface, f.article_id, f.origin, m.version_id, m.field, '
                      'm.start, m."end", k.new from flags f left join mentions m on m.id = f.mention_id '
                      "left join temp.m005_keys k on k.old = f.mention_id where f.mention_id is not null").fetchall()
    for (flag_id, story, level, surface, article_id, origin, version_id, field, start, end, key) in rows:
        flag = {"level": level, "surface": surface, "article_id": article_id, "origin": origin}
        proven = key is not None and _m005_flag_id(story, flag, (version_id, field, start, end)) == flag_id
        db.execute("update flags set mention_id = ? where id = ?", [key if proven else None, flag_id])
    db.execute("drop table story_mentions")
    db.execute("drop table mentions")
    db.execute("drop table temp.m005_keys")
    # Renaming rewrites story_mentions_v5's reference to mentions_v5 into one to mentions.
    db.rename_table("mentions_v5", "mentions")
    db.rename_table("story_mentions_v5", "story_mentions")
    db["mentions"].create_index(["version_id", "story"])
    db["flags"].transform(types={"mention_id": str})
    db["flags"].add_column("reviewed_from", str)
    db["analysis_runs"].add_column("ruleset", str)
    db["analysis_runs"].add_column("settings", str)  # JSON: the settings that change results


def _m006_published_utc(published: str | None) -> str | None:
    """The sort key of a published date as m006 computes it (frozen copy of `articles.published_utc`):
    an instant in UTC, a day at the start of its day in UTC, a wall-clock time as if UTC; None when
    undated or unreadable."""
    from datetime import date, datetime, timezone

    if not published:
        return None
    text = published.strip().replace("Z", "+00:00")
    try:
        if "T" not in text and " " not in text and len(text) <= 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).isoformat()
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


@migrations()
def m006_daily_use(db: sqlite_utils.Database) -> None:
    """What daily use needs: `published_utc`, a sort column in UTC (ordering `published` as text
    mixes time-zone offsets: 09:00-05:00 sorted before 13:00+00:00, an hour later in truth); an index on
    `story_mentions(mention_id)` (deleting a story's mentions scanned the whole table per version);
    per-outlet outcomes and a message on each crawl run; the story config each analysis used (so an
    analysis can tell that nothing changed); and `digests`, what each digest reported, so the next one
    can say what is new since."""
    db["article_versions"].add_column("published_utc", str)
    rows = db.execute("select id, published from article_versions where published is not null").fetchall()
    for version_id, published in rows:
        db.execute("update article_versions set published_utc = ? where id = ?",
                   [_m006_published_utc(published), version_id])
    db["article_versions"].create_index(["published_utc"])
    db["story_mentions"].create_index(["mention_id"])
    db["analysis_runs"].add_column("config_hash", str)  # the story config it analysed with (names, topic ...)
    db["crawl_runs"].add_column("outlets", str)  # JSON: outlet slug -> {responses, failures, first_failure}
    db["crawl_runs"].add_column("message", str)  # why a crawl ended other than "finished"
    db["digests"].create(
        {"id": int, "story": str, "created": str, "since": str, "snapshot": str, "new": str},
        pk="id",
        foreign_keys=[("story", "stories", "slug")],
    )
    db["digests"].create_index(["story"])


@migrations()
def m007_claims(db: sqlite_utils.Database) -> None:
    """Claims (issue 14): what each article version states (a date, a count, a quote with its speaker,
    an attribution, a role, a detail), extracted once per version like its mentions; and per story the
    claim groups, recomputed from the claims and the current person clusters at every analysis, with
    each group's values, who holds which and the articles that deviate."""
    db["claims"].create(
        {
            "id": str,  # "{version}:{field}:{start}-{end}:{kind}:{n}": its place, so re-extraction keeps it
            "version_id": int,
            "field": str,
            "start": int,
            "end": int,
            "kind": str,  # date | count | quote | attribution | role | detail
            "slot": str,
            "subject": str,  # JSON: {kind: person, cluster_id, canonical} | {kind: event, text}
            "value": str,  # JSON: the normalised value
            "as_written": str,
            "sentence": str,
            "via": str,  # how the subject was found: name, pronoun, relative, description
            "extra": str,  # JSON: the rule's other keys (counted thing, qualifier, people referred to ...)
        },
        pk="id",
        not_null={"version_id", "field", "start", "end", "kind"},
        foreign_keys=[("version_id", "article_versions", "id")],
    )
    db["claims"].create_index(["version_id"])
    db["claim_groups"].create(
        {
            "story": str,
            "id": str,
            "kind": str,
            "slot": str,
            "subject": str,  # JSON, as in claims
            "conflict": int,
            "deviating": int,  # how many articles deviate
            "entry": str,  # JSON: the report's `claims` entry (values, held_by, deviating_urls ...)
        },
        pk=("story", "id"),
        foreign_keys=[("story", "stories", "slug")],
    )


@migrations()
def m008_modified_and_removals(db: sqlite_utils.Database) -> None:
    """Update times and removals. Each version records when the page says it was last changed
    (`modified`, at its stated precision: instant, day or month, and the rule that gave it), and
    whether it records the page's removal (`removed`: why, e.g. "HTTP 410"; null for a page with
    content), so the history of corrections can say "removed" rather than lose the page. Pages
    remember the feed entry's `<updated>` (a change there calls for a re-check) and when a new version
    was last stored (`changed_at`: the backoff schedule of re-checks counts from it)."""
    versions = db["article_versions"]
    versions.add_column("modified", str)
    versions.add_column("modified_precision", str)  # instant | day | month
    versions.add_column("modified_rule", str)  # one of crawler.extract.MODIFIED_RULES
    versions.add_column("removed", str)
    db["pages"].add_column("feed_updated", str)
    db["pages"].add_column("changed_at", str)


@migrations()
def m009_copy_edges(db: sqlite_utils.Database) -> None:
    """Who copied whom, stored: the direct copy edges `analyse` finds among a story's latest article
    versions, so a report reads them instead of aligning every candidate pair again. Versions are
    named by id (`article_versions.id`); passages and runs are JSON lists of offsets into those
    versions' texts.

    Analyses run before this migration stored no edges: their `config_hash` is forgotten, so the next
    `analyse` runs again (and stores the edges) instead of saying nothing changed.
    """
    db["copy_edges"].create(
        {
            "story": str,
            "source_version_id": int,
            "target_version_id": int,
            "source_url": str,
            "target_url": str,
            "shared_chars": int,  # characters of the target inside shared passages
            "target_share": float,  # shared_chars / length of the target's text
            "direction": str,  # dated | syndication | uncertain
            "basis": str,  # what decided the direction: published, canonical_url, credit, undated, same day ...
            "passages": str,  # JSON: [{source_start, source_end, target_start, target_end}] (exact)
            "runs": str,  # JSON: the same words in the same order (up to case and punctuation), as passages
        },
        pk=("story", "source_version_id", "target_version_id"),
        foreign_keys=[("story", "stories", "slug")],
    )
    db["copy_edges"].create_index(["story", "target_url"])
    db.execute("update analysis_runs set config_hash = null")


@migrations()
def m010_copy_search(db: sqlite_utils.Database) -> None:
    """What `analyse` searched for copies, kept so the next analysis searches only what is new: every
    aligned pair of a story's latest versions (`copy_pairs`, the edge as JSON, before the direct-edge
    reduction that `copy_edges` holds) and the versions already searched against the rest
    (`copy_checked`, with the search settings, `analysis.propagation.story.COPY_SEARCH`).

    Stories analysed before this migration have no stored search: their next analysis searches every
    pair once, as before.
    """
    db["copy_pairs"].create(
        {"story": str, "source_version_id": int, "target_version_id": int, "edge": str},
        pk=("story", "source_version_id", "target_version_id"),
        foreign_keys=[("story", "stories", "slug")],
    )
    db["copy_checked"].create(
        {"story": str, "version_id": int, "search": str},
        pk=("story", "version_id"),
        foreign_keys=[("story", "stories", "slug")],
    )
