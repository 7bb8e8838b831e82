"""Assemble the whole demo site: every outlet's pages, keyed by URL path, ready for the demo server."""
from __future__ import annotations

from pathlib import Path

from newsclaims.demo.corpus import DEFAULT_SOURCE, load
from newsclaims.demo.feeds import render_atom, render_robots, render_rss, render_sitemap
from newsclaims.demo.model import CorpusError, Page
from newsclaims.demo.pages import render_article, render_home, render_tag_page

#: The phases the demo site can be served in: 1 as first published, 2 after some articles were edited
#: (each article's `second_version`: corrections visible and stealth), with their index dates moved on.
PHASES = (1, 2)


def build_site(source: Path = DEFAULT_SOURCE, phase: int = 1) -> dict[str, dict[str, Page]]:
    """outlet slug (plus "offsite") -> {URL path without query: Page}, as served in `phase`."""
    if phase not in PHASES:
        raise CorpusError(f"phase must be one of {PHASES}, got {phase!r}")
    corpus = load(source)
    site: dict[str, dict[str, Page]] = {}
    for outlet in corpus.outlets + [corpus.offsite]:
        slug = outlet.slug
        arts = [a for a in corpus.articles if a.outlet == slug]
        extra = [a for a in corpus.extra_pages if a.outlet == slug]
        pages: dict[str, Page] = {}

        def put(path: str, page: Page) -> None:
            if path in pages:
                raise CorpusError(f"{slug}: two pages at {path}")
            pages[path] = page

        put("/", Page(render_home(corpus, outlet, arts + [a for a in extra if a.homepage])))
        put("/robots.txt", Page(render_robots(outlet), "text/plain; charset=utf-8"))
        for a in arts + extra:
            put(a.path, Page(render_article(corpus, a, phase)))
        if outlet.feed:
            if outlet.feed["kind"] == "atom":
                put(outlet.feed["path"], Page(render_atom(corpus, outlet, arts, phase),
                                              "application/atom+xml; charset=utf-8"))
            else:
                put(outlet.feed["path"], Page(render_rss(corpus, outlet, arts, phase),
                                              "application/rss+xml; charset=utf-8"))
        if outlet.sitemap:
            put("/sitemap.xml", Page(render_sitemap(outlet, arts, phase), "application/xml; charset=utf-8"))
        for ex in corpus.excluded:
            if ex["outlet"] == slug and ex["reason"] == "not-article":
                put(ex["path"], Page(render_tag_page(corpus, outlet, ex, arts)))
        site[slug] = pages
    return site
