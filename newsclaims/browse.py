"""Browsing the database with Datasette: table and column descriptions, and canned queries that answer
the questions newsclaims exists for, with parameters.

The metadata is generated here and handed to `datasette serve` as a file; the canned queries' SQL
comes from the store. Full-text search over article text comes from the `article_versions_fts` table that the store
keeps current with triggers, so articles added by later crawls are searchable at once.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from newsclaims.store import CANNED_QUERIES

TABLES = {
    "articles": ("One row per article, identified by its canonical URL.", {
        "url": "Canonical URL (tracking parameters stripped; the outlet's own rel=canonical honoured)",
        "origin": "The outlet: scheme, host and port"}),
    "article_versions": ("One row per distinct extracted content of an article, with the raw response.", {
        "content_hash": "Hash of the extracted title, author, date and text (not of the raw page)",
        "raw_body": "The response body as received, gzip-compressed: proof of what the page said",
        "published": "Publication date as the page (or its feed/sitemap) states it",
        "published_rule": "Where the date came from: json-ld, meta, time-element, visible-dateline, feed, sitemap, url, htmldate, crawl-time",
        "published_precision": "instant (with a time) or day",
        "source": "crawl, or reextract (the same raw body extracted again)",
        "published_utc": "The published date in UTC, for sorting across time-zone offsets (a day-only date at "
                         "the start of its day)"}),
    "mentions": ("A surface (a name as written) at a place in a version's field.", {
        "id": "The mention's key, from its place: version:field:start-end, after story/ for second-pass mentions",
        "start": "Offset in code points into the stored field: text[start:end] == surface",
        "method": "ner (spaCy) or matcher (the misspelling-aware second pass)",
        "story": "Empty for NER mentions; the story for second-pass mentions (they depend on its people)"}),
    "clusters": ("One person of a story, with the canonical form and the rule that chose it.", {
        "rule": "What decided the canonical form: authoritative outlets, earliest use, frequency ..."}),
    "cluster_surfaces": ("Every way a person's name is written in a story, with its kind.", {
        "kind": "canonical, title, accepted, surname or error", "rule": "Why the surface has that kind",
        "form": "For errors: the wrong part of the name"}),
    "flags": ("Mentions, articles and outlets that use an error form, with the reviewer's decision.", {
        "level": "mention, article or outlet", "usage": "uses; or quoted (talk about the spelling) or slug (only the URL misspells it), counted apart",
        "status": "open, confirmed or dismissed (set with `newsclaims review`)",
        "active": "0 when the latest analysis no longer raises the flag",
        "reviewed_from": "The flag (of an earlier version) on which the review decision this flag carries was made; "
                         "'mentions' for an article flag dismissed because every mention flag in it was"}),
    "pages": ("Every URL the crawler fetched, with HTTP validators and why it was or was not stored.", {
        "status": "article, not-article, too-short, off-topic, error ...",
        "not_modified": "How often a conditional GET was answered 304"}),
    "crawl_runs": ("One row per crawl: when, how it ended, and page counts with reasons.", {
        "status": "finished, shutdown (interrupted), database_locked, killed ...",
        "outlets": "Per outlet: answers, usable answers (ok) and failures (JSON)"}),
    "digests": ("One row per `newsclaims digest`: what it reported as new, so the next says what is new since.", {}),
    "claims": ("What an article version states: a date, a count, a quote, an attribution, a role or a detail.", {
        "id": "The claim's key, from its place: version:field:start-end:kind:n",
        "slot": "What is claimed about the subject (the event, the post, the detail)",
        "subject": "Whom or what the claim is about (JSON: a person's cluster, or an event)",
        "value": "The normalised value (JSON): an ISO date, a number, a quote's words and speaker, a role ...",
        "as_written": "The exact words: field[start:end]"}),
    "claim_groups": ("A story's claims grouped across articles, with their values and who deviates.", {
        "conflict": "1 when articles state incompatible values", "deviating": "How many articles deviate",
        "entry": "The report's claims entry (JSON): values with their articles, held_by, deviating_urls"}),
    "analysis_runs": ("One row per analysis.", {
        "ruleset": "Version of the rules that turned mentions into clusters and flags",
        "settings": "The settings that change results (JSON)"}),
}

#: The canned queries: SQL, so they live in the store with the rest of it.
QUERIES = CANNED_QUERIES


def database_name(db_path: str | Path) -> str:
    """Datasette names a database after its file: data/newsclaims.db is served at /newsclaims."""
    return Path(db_path).stem


def metadata(db_name: str) -> dict:
    """Datasette metadata: descriptions of tables and columns, full-text search, canned queries."""
    tables = {name: {"description": description, "columns": columns} for name, (description, columns) in TABLES.items()}
    tables["article_versions"]["fts_table"] = "article_versions_fts"
    tables["article_versions"]["fts_pk"] = "id"
    return {
        "title": "newsclaims",
        "description": "Who got a story wrong, and who copied whom. Scraped text is untrusted.",
        "databases": {db_name: {"tables": tables, "queries": QUERIES}},
    }


def serve_command(db_path: str | Path, metadata_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """The `datasette serve` command line for the database, on loopback by default."""
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", str(metadata_path),
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "3000"]


def write_metadata(path: str | Path, db_path: str | Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(metadata(database_name(db_path)), indent=2), encoding="utf-8")
    return path

