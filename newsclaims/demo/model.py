"""The records of the demo corpus: outlets, articles, the loaded corpus and a served page.

Kept apart from loading (`corpus.py`) and rendering (`pages.py`, `feeds.py`) because every stage reads
them: plain dataclasses with no behaviour beyond lookups, so each stage can be read on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

#: The slug of the off-site origin (the fictional "Riverbend Courier"): served, but no story outlet.
OFFSITE = "offsite"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Page:
    body: str  # may contain the {{...}} placeholders
    content_type: str = HTML
    status: int = 200


class CorpusError(ValueError):
    """The corpus source is inconsistent."""


@dataclass
class Outlet:
    slug: str
    name: str
    authoritative: bool
    style: dict
    feed: dict | None
    sitemap: bool
    robots_disallow: list[str]


@dataclass
class Article:
    outlet: str
    path: str
    title: str  # raw (markup)
    published: str
    author: str
    paragraphs: list[str]  # raw, copies resolved
    description: str | None
    keywords: list[str]
    related: list[dict]  # {"label", "title" (raw), "href"}
    comments: list[dict]  # {"author", "text" (raw)}
    off_topic: bool
    homepage: bool
    copies: dict | None
    section: str | None
    excluded_reason: str | None = None  # set for excluded article-like pages
    canonical: dict | None = None  # {outlet, path}: a cross-outlet canonical (a syndicated copy)
    second: dict | None = None  # {modified, kind, paragraphs}: the page as served in phase 2

    @property
    def dt(self) -> datetime:
        return datetime.fromisoformat(self.published)

    @property
    def key(self) -> tuple[str, str]:
        return (self.outlet, self.path)


@dataclass
class Corpus:
    story: dict
    people: list[dict]
    claims: list[dict]
    outlets: list[Outlet]
    offsite: Outlet
    articles: list[Article]  # truth articles (not excluded pages)
    extra_pages: list[Article]  # article-like excluded pages (robots, offsite)
    excluded: list[dict]
    by_key: dict[tuple[str, str], Article] = field(default_factory=dict)

    def outlet(self, slug: str) -> Outlet:
        if slug == OFFSITE:
            return self.offsite
        for o in self.outlets:
            if o.slug == slug:
                return o
        raise CorpusError(f"unknown outlet {slug!r}")
