"""The records extraction returns: `ExtractedPage`, and `PublishedDate` with the rules dates come from.

They live apart from the code that fills them so that every stage (date rules, metadata, the crawl,
the store) can share one vocabulary without importing each other.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import date, datetime

#: Where a published date can come from, in the order they are tried. The page's own machine-readable
#: declarations come first (JSON-LD, `<meta>`, `<time datetime>`), then the dateline a reader sees
#: (these two looked for in the article first, then in the rest of the page, never in navigation,
#: sidebars, related links or comments), then what the site says elsewhere (feed entry, then sitemap
#: `lastmod`, which is a modification time), then a date in the URL, then htmldate's heuristics, and
#: the crawl time only when nothing else states anything. A later rule may still refine an earlier one
#: that is less precise and agrees with it (see `choose_published`); the sitemap and the crawl time
#: never refine.
RULES = ("json-ld", "meta", "time-element", "visible-dateline", "feed", "sitemap", "url", "htmldate",
         "crawl-time")
#: Where a modification time can come from, in the order they are tried: the page's own machine-readable
#: statements (JSON-LD `dateModified`, then `article:modified_time` and its kin), the "Updated ..." line
#: a reader sees, then what the site says elsewhere (the feed entry's `<updated>`, the sitemap's
#: `<lastmod>`). No URL date and no crawl time: a URL says when a page was made, and a crawl time says
#: when we looked; neither says the page was changed.
MODIFIED_RULES = ("jsonld-dateModified", "meta-modified_time", "visible-updated", "feed-updated", "sitemap-lastmod")
#: Rules whose dates are statements of the page itself; only these enter `content_hash`, so that a
#: new crawl time or sitemap entry does not make an unchanged article look changed.
PAGE_RULES = frozenset({"json-ld", "meta", "time-element", "visible-dateline", "url", "htmldate"})
#: Earliest year a published date may have; anything before is a parsing accident (epoch zero, "0001").
MIN_YEAR = 1990


@dataclass(frozen=True)
class PublishedDate:
    """A publication date and where it came from.

    `value` is ISO 8601: `YYYY-MM` for a month, `YYYY-MM-DD` for a day, `YYYY-MM-DDTHH:MM:SS[.ffffff][±HH:MM]`
    for an instant (with the offset the source stated; without one when it stated none). A month or a
    day stays what it is: it is never widened into midnight of some zone.
    """

    value: str
    precision: str  # "instant" | "day" | "month"
    has_offset: bool
    rule: str | None  # one of RULES; None from parse_dateline, which knows no context

    @property
    def rank(self) -> int:
        """How much the date says: -1 a month, 0 a day, 1 a wall-clock time with no offset, 2 an instant."""
        if self.precision == "month":
            return -1
        return 0 if self.precision == "day" else 2 if self.has_offset else 1

    @property
    def parsed(self) -> date | datetime:
        """The value as a date (a month: its first day, for comparisons only) or a datetime."""
        if self.precision == "month":
            return date.fromisoformat(self.value + "-01")
        return date.fromisoformat(self.value) if self.precision == "day" else datetime.fromisoformat(self.value)

    def local_day(self) -> date:
        """The calendar day in the source's own offset (or wall clock); a month's first day."""
        value = self.parsed
        return value if isinstance(value, date) and not isinstance(value, datetime) else value.date()


def instant(value: datetime, rule: str | None) -> PublishedDate:
    """`value` as an instant-precision `PublishedDate`, with an offset exactly when `value` has one."""
    return PublishedDate(value.isoformat(), "instant", value.tzinfo is not None, rule)


@dataclass
class ExtractedPage:
    """One page as extraction sees it: main text and metadata, each date with its provenance."""

    url: str
    title: str | None
    text: str
    canonical_url: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601; see PublishedDate.value
    published_rule: str | None = None  # one of RULES
    outlet_name: str | None = None
    language: str | None = None  # ISO 639-1 code, lower case
    description: str | None = None
    keywords: str | None = None
    captions: str | None = None  # the article's <figcaption> texts, one per line: SEO errors hide there too
    declared_article: bool = False  # JSON-LD or og:type says "article"
    published_precision: str | None = None  # "instant" | "day" | "month"
    published_has_offset: bool | None = None
    modified: str | None = None  # ISO 8601, as `published`: when the page says it was last changed
    modified_precision: str | None = None  # "instant" | "day" | "month"
    modified_rule: str | None = None  # one of MODIFIED_RULES
    language_rule: str | None = None  # "html-lang" | "meta" | "json-ld" | "http-header" | "detected"
    listing: str | None = None  # why the page is an index of articles rather than one (see `pagetype`)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def content_hash(self) -> str:
        """A hash of what the outlet published (title, author, date, text), not of the raw page.

        The date counts only when the page itself states it (`PAGE_RULES`): a crawl time or a
        sitemap entry changes without the article changing.
        """
        published = self.published if self.published_rule in PAGE_RULES else ""
        parts = [self.title or "", self.author or "", published or "", self.description or "", self.keywords or "",
                 self.text]
        if self.captions:  # a corrected caption is a changed article; pages without captions hash as before
            parts.append(self.captions)
        content = "\x1f".join(parts)
        return hashlib.sha256(content.encode("utf-8")).hexdigest()

    def as_dict(self) -> dict:
        return asdict(self)
