"""Items the story spider yields: one extracted article page with the raw response it came from."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleItem:
    """An article page as fetched and extracted; the store turns it into an article and a version."""

    url: str  # canonical URL: the article's identity
    origin: str
    fetched_url: str
    fetched_at: str
    http_status: int
    title: str | None
    text: str
    content_hash: str
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    author: str | None = None
    published: str | None = None
    published_rule: str | None = None
    outlet_name: str | None = None
    published_precision: str | None = None
    published_has_offset: bool | None = None
    language: str | None = None
    description: str | None = None
    keywords: str | None = None
    captions: str | None = None
    syndicated_from: str | None = None  # a canonical URL on another outlet: evidence of copying
    modified: str | None = None  # when the page says it was last changed (see crawler.extract.MODIFIED_RULES)
    modified_precision: str | None = None
    modified_rule: str | None = None
    page: dict = field(default_factory=dict)  # what to remember about the fetch (see PageSeen)


@dataclass
class PageSeen:
    """A fetched URL that is not stored as an article (or a 304): remembered so the next crawl can
    ask conditionally or skip it, and so a run's counts say why pages were left out."""

    url: str
    origin: str
    status: str  # not-article | too-short | off-topic | unchanged | error
    fetched_at: str
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    sitemap_lastmod: str | None = None
    feed_published: str | None = None
    feed_updated: str | None = None
    published: str | None = None
    reason: str | None = None


@dataclass
class RemovedPage:
    """A stored article whose page is gone: it now answers 404 or 410, or has no article text left.

    Kept as a version of its own (what the page said is kept in the earlier ones): a removal is a
    change an outlet made, and the record of corrections must show it, not skip it.
    """

    url: str  # the URL fetched (cleaned); the store finds the article it belongs to
    origin: str
    fetched_url: str
    fetched_at: str
    http_status: int | None
    reason: str  # "HTTP 404", "HTTP 410", "no article text", "under N words"
    text: str = ""  # what little text is left, if any
    title: str | None = None
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    page: dict = field(default_factory=dict)  # what to remember about the fetch (see PageSeen)
