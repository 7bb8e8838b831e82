"""The page-memory seam: what the spider may ask about pages earlier crawls fetched.

The spider asks one question per URL: "have I seen this, with which ETag / Last-Modified, which
status, and which dates for the revisit policy?" (`PageMemory.recall`), and at the start of a crawl
it walks every page it knows on the story's outlets (`PageMemory.pages`). Where the answers come from
is not its business: the implementation is named by the `NEWSCLAIMS_PAGE_MEMORY` setting, a class
path loaded with `load_object` and built with `build_from_crawler`, as Scrapy does for `SCHEDULER`.
So no module the spider imports opens SQLite; the default, `newsclaims.page_memory.StorePageMemory`,
reads the store, and a shared one (Redis) can be swapped in by that setting alone.

Remembering is not done here: pages are recorded by the item pipeline from the `PageSeen` and
`ArticleItem` items the spider yields. The memory is read once, when the crawl opens, so what one
crawl records only changes what the next crawl decides.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class KnownPage:
    """What is remembered of one URL from earlier crawls: validators, status and dates.

    `status` is the last outcome (article | removed | unchanged | not-article | too-short | off-topic | error);
    `published`, `first_fetched`, `last_fetched`, `changed_at` (when a new version was last stored),
    `sitemap_lastmod`, `feed_published` and `feed_updated` are ISO 8601 strings as recorded.
    """

    url: str
    status: str | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    published: str | None = None
    first_fetched: str | None = None
    sitemap_lastmod: str | None = None
    feed_published: str | None = None
    last_fetched: str | None = None
    changed_at: str | None = None
    feed_updated: str | None = None

    @classmethod
    def from_mapping(cls, record: Mapping) -> KnownPage:
        """A `KnownPage` from a row or hash with at least `url`; other keys are ignored."""
        return cls(**{f.name: record.get(f.name) for f in fields(cls)})


class PageMemory:
    """The interface: subclass it and name the subclass in `NEWSCLAIMS_PAGE_MEMORY`.

    Lifecycle: built with `from_crawler(crawler)` (read settings there), then `open(origins)` once
    when the spider is created, `recall`/`pages` during the crawl, `close()` when the spider closes.
    """

    @classmethod
    def from_crawler(cls, crawler):
        return cls()

    def open(self, origins: Collection[str]) -> None:
        """Get ready to answer for pages on these origins (scheme://host:port of the story's outlets)."""

    def recall(self, url: str) -> KnownPage | None:
        """What is known of `url` (already cleaned by `crawler.urls.clean_url`), or None if never seen."""
        raise NotImplementedError

    def pages(self) -> Iterable[KnownPage]:
        """Every known page on the opened origins, in any order."""
        raise NotImplementedError

    def close(self) -> None:
        """Release whatever `open` took; the default holds nothing."""


class InMemoryPageMemory(PageMemory):
    """A page memory held in a dict: empty unless given pages. For tests, and as the base of memories
    that load a snapshot once in `open` (see `newsclaims.page_memory.StorePageMemory`)."""

    def __init__(self, pages: Iterable[KnownPage] = ()):
        self._pages: dict[str, KnownPage] = {page.url: page for page in pages}

    def recall(self, url: str) -> KnownPage | None:
        return self._pages.get(url)

    def pages(self) -> Iterator[KnownPage]:
        return iter(self._pages.values())
