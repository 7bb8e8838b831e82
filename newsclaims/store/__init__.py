"""The SQLite store: the one package that knows the schema and speaks SQL.

Everything else hands it plain values and dicts and gets plain dicts back, through the names below
(`store.save_article`, `store.story_flags`, ...). Keys are natural or derived from content: an article
is its canonical URL, a version its article plus the hash of the extracted content, a mention its place
(`mention_key`), a flag id hashes what it flags; so running any stage twice adds nothing.

One module per job: `schema` (migrations), `connection` (opening, backups, transactions), `stories`,
`pages`, `articles` (and versions), `mentions`, `variants` (clusters, assignments, flags, reviews),
`claims` (claims per version, claim groups per story), `runs` (crawl and analysis runs), `history`
(every version, for propagation), `copies` (copy edges found by analysis), `queries` (canned
read-only questions) and `status` (the daily questions: stories, status, search, export, digests,
deleting a story).

Tables read well in Datasette: `articles` -> `article_versions` -> `mentions`, per story
`story_mentions` (which cluster a mention belongs to), `clusters` and `cluster_surfaces`, `flags`,
and one `crawl_runs` / `analysis_runs` row per run.
"""
from __future__ import annotations

import sqlite_utils  # noqa: F401 (store.sqlite_utils, for callers that build a Database by hand)

from newsclaims.errors import StoreError
from newsclaims.store.articles import (
    VersionTexts,
    latest_crawled_versions,
    latest_version,
    published_utc,
    save_article,
    save_removal,
    story_documents,
    version_texts,
)
from newsclaims.store.claims import (
    claim_key,
    claims_of_versions,
    replace_claim_groups,
    save_claims,
    story_claim_groups,
    version_ordinals,
)
from newsclaims.store.connection import (
    DEFAULT_DB_PATH,
    DatabaseLocked,
    SchemaTooNew,
    backup_before_migrating,
    chunked,
    count_rows,
    open_store,
    schema_version,
    utc_now,
    writing,
)
from newsclaims.store.copies import COUNTED_AS as COPIES_COUNTED_AS
from newsclaims.store.copies import copy_search, save_copies, story_copies
from newsclaims.store.history import stored_articles, story_raw_versions, story_versions
from newsclaims.store.mentions import (
    analysed_versions,
    mention_key,
    mention_place,
    ner_mentions,
    replace_story_mentions,
    save_entities,
)
from newsclaims.store.pages import known_pages, page_outcomes, record_page, unfinished_crawl_since
from newsclaims.store.queries import CANNED_QUERIES, story_outlets
from newsclaims.store.runs import (
    analysis_runs,
    crawl_runs,
    current_analysis,
    finish_analysis_run,
    finish_crawl_run,
    mark_killed_runs,
    start_analysis_run,
    start_crawl_run,
)
from newsclaims.store.schema import (  # noqa: F401 (the migrations were public names of the old module)
    m001_initial,
    m002_pages_and_provenance,
    m003_analysis_runs_and_search,
    m004_captions,
    m005_stable_mention_keys,
    m006_daily_use,
    m007_claims,
    m008_modified_and_removals,
    m009_copy_edges,
    m010_copy_search,
    migrations,
)
from newsclaims.store.status import (
    delete_story,
    export_articles,
    last_digest,
    outlet_last_crawls,
    save_digest,
    search_versions,
    stories_overview,
    story_status,
    versions_not_analysed,
)
from newsclaims.store.stories import has_story, save_story, story_record, story_slugs
from newsclaims.store.variants import (
    cluster_places,
    flag_key,
    save_variants,
    set_review,
    story_assignments,
    story_clusters,
    story_flags,
)

__all__ = [
    "claim_key", "claims_of_versions", "replace_claim_groups", "save_claims", "story_claim_groups",
    "version_ordinals",
    "delete_story", "export_articles", "last_digest", "outlet_last_crawls", "save_digest", "search_versions",
    "stories_overview", "story_status", "versions_not_analysed", "current_analysis",
    "CANNED_QUERIES", "DEFAULT_DB_PATH", "DatabaseLocked", "SchemaTooNew", "StoreError", "chunked", "page_outcomes",
    "published_utc", "schema_version", "unfinished_crawl_since", "analysed_versions", "analysis_runs", "backup_before_migrating",
    "count_rows", "crawl_runs", "finish_analysis_run", "finish_crawl_run", "flag_key", "has_story", "known_pages",
    "latest_crawled_versions", "latest_version", "mark_killed_runs", "mention_key", "mention_place",
    "ner_mentions", "migrations", "open_store", "record_page", "replace_story_mentions", "save_article",
    "save_entities", "save_removal", "save_story", "save_variants", "set_review", "start_analysis_run", "start_crawl_run",
    "cluster_places", "story_assignments", "story_clusters", "story_documents", "story_flags", "story_outlets", "story_record",
    "story_slugs", "stored_articles", "story_raw_versions", "story_versions", "utc_now", "version_texts", "VersionTexts", "writing",
    "COPIES_COUNTED_AS", "copy_search", "save_copies", "story_copies",
]
