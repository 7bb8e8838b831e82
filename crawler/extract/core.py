"""Page to record: decode, extract the text, read the metadata and choose the date, in one call.

Knows nothing about spiders or storage; `extract_response` is picklable so the crawl can run it in a
worker process.
"""
from __future__ import annotations

import lxml.html
import trafilatura

from crawler.extract.authors import find_author
from crawler.extract.dates import (
    choose_modified,
    choose_published,
    date_candidates,
    modified_candidates,
    parse_machine_date,
)
from crawler.extract.decode import decode_html
from crawler.extract.metadata import (
    declared_types,
    find_canonical,
    find_captions,
    find_language,
    find_title,
    first_text,
    read_json_ld,
    read_meta,
)
from crawler.extract.pagetype import listing_reason
from crawler.extract.records import ExtractedPage
from crawler.extract.text import TRAFILATURA_OPTIONS, join_transcript_cues, rejoin_split_body


def extract_response(body: bytes, content_type: str | None, url: str, *, hints: dict | None = None) -> ExtractedPage | None:
    """Decode a response body and extract it: the whole bytes-to-record step, in one picklable call
    (the crawl runs it in a worker process; `--reextract` and `newsclaims extract` call it directly).
    Raises `UndecodablePage` when the bytes cannot be read as text."""
    return extract_page(decode_html(body, content_type), url, hints=hints)


def extract_page(html: str, url: str, *, hints: dict | None = None) -> ExtractedPage | None:
    """Extract an article's main text and metadata from one HTML page; None when there is no text.

    `url` only tells the extractor where the page came from (to resolve relative links and read a date
    in its path); nothing is fetched. `hints` holds what the crawl knows from outside the page, all
    optional ISO 8601 strings: `feed_published` (the feed entry's date), `feed_updated` (its
    `<updated>`), `sitemap_lastmod`,
    `fetched_at` (when the page was fetched; also bounds every date from above), and
    `content_language` (the HTTP Content-Language header).
    """
    if not html or not html.strip():
        return None
    hints = hints or {}
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        # Only dates the page states; no guessing from stray years in the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
        **TRAFILATURA_OPTIONS,
    )
    if document is None or not (document.text or "").strip():
        return None
    text = join_transcript_cues(rejoin_split_body(tree, document.text.strip(), url))
    declared = read_json_ld(tree)
    meta = read_meta(tree)
    language, language_rule = find_language(tree, meta, declared, hints, text)
    fetched_at = parse_machine_date(hints.get("fetched_at"))
    published = choose_published(date_candidates(tree, url, declared, meta, document.date, hints, language),
                                 fetched_at)
    modified = choose_modified(modified_candidates(tree, declared, meta, hints, language), fetched_at)
    return ExtractedPage(
        url=url,
        title=find_title(tree, declared, meta, document.title),
        text=text,
        canonical_url=find_canonical(tree, url),
        author=find_author(declared, meta, document.author,
                           tuple(n for n in (first_text(declared.get("publisher")), first_text(meta.get("og:site_name")),
                                             document.sitename) if n)),
        published=published.value if published else None,
        published_rule=published.rule if published else None,
        published_precision=published.precision if published else None,
        published_has_offset=published.has_offset if published else None,
        modified=modified.value if modified else None,
        modified_precision=modified.precision if modified else None,
        modified_rule=modified.rule if modified else None,
        outlet_name=first_text(declared.get("publisher"), meta.get("og:site_name"), None),
        language=language,
        language_rule=language_rule,
        description=first_text(meta.get("description"), meta.get("og:description"), document.description),
        keywords=meta.get("keywords"),
        captions=find_captions(tree),
        declared_article=bool(declared.get("is_article")) or meta.get("og:type") == "article",
        listing=listing_reason(tree, declared_types(tree), meta),
    )
