"""`newsclaims discover`: outlets outside a story that its stored articles point at.

Read at command time from what the store kept (each article's latest crawled raw body and its text),
so every page ever crawled is read with today's rules: `crawler.extract.pointers` finds the credits,
links and cross-site canonical URLs, `analysis.discover` groups them into candidate outlets.
"""
from __future__ import annotations

import gzip
import json

from analysis.discover import candidate_outlets
from crawler.extract import UndecodablePage, decode_html
from crawler.extract.pointers import find_pointers
from newsclaims import store


def discover(db, story: str) -> dict:
    """`analysis.discover.candidate_outlets` over the story's stored articles, plus `articles`: how many
    were read, and `unreadable`: how many raw bodies could not be decoded (their text is still read)."""
    articles, unreadable = [], 0
    for row in store.latest_crawled_versions(db, story):
        headers = json.loads(row.get("headers") or "{}")
        try:
            html = decode_html(gzip.decompress(row["raw_body"]), headers.get("Content-Type"))
        except (UndecodablePage, OSError):
            html, unreadable = "", unreadable + 1
        articles.append({"url": row["url"], "origin": row["origin"], "outlet_name": row.get("outlet_name"),
                         "pointers": find_pointers(html, row.get("fetched_url") or row["url"], row.get("text"))})
    found = candidate_outlets(articles, store.story_outlets(db, story))
    return {**found, "articles": len(articles), "unreadable": unreadable}
