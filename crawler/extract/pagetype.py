"""Is this page an article, or an index that lists articles (a section front, a tag page, a search)?

An outlet's `article_paths` say where its articles live, but index pages often live there too
(`/news/` itself, `/news/page/2/`, `/news/tag/bridge/`), and their teaser text passes every length and
topic check. The page's own declaration decides first: JSON-LD `@type` (an `Article` type, or a
listing type such as `CollectionPage`), then `og:type`. Without one, link density decides: on a
listing most of the text in the main part of the page is link text (headlines linking elsewhere); on
an article, almost none is.
"""
from __future__ import annotations

from crawler.extract.metadata import ARTICLE_TYPES, LISTING_TYPES
from crawler.extract.scope import EXCLUDED_TAGS, article_scope

#: Share of the main text inside links above which an undeclared page is a listing, and the fewest
#: links that may make one (a short article with three related links is still an article).
LINK_DENSITY = 0.5
MIN_LINKS = 8
#: With `og:type` saying it is not an article ("website"), a lower share suffices.
DECLARED_LINK_DENSITY = 0.3


def link_density(tree) -> tuple[float, int]:
    """(share of the main text's characters inside `<a>`, number of links) in the article scope,
    navigation, asides, footers and scripts left out."""
    scope = article_scope(tree)
    total = linked = 0
    for text in scope.xpath(".//text()"):
        size = len(text.strip())
        if not size:
            continue
        owner = text.getparent()
        # A tail follows its element: only the element's ancestors contain it.
        tags = {element.tag for element in ([] if text.is_tail else [owner]) + list(owner.iterancestors())}
        if tags & EXCLUDED_TAGS:
            continue
        total += size
        linked += size if "a" in tags else 0
    links = sum(1 for a in scope.iter("a") if a.get("href") and not any(
        e.tag in EXCLUDED_TAGS for e in a.iterancestors()))
    return (linked / total if total else 0.0), links


def listing_reason(tree, types: set[str], meta: dict) -> str | None:
    """Why the page is an index rather than an article, or None when it is (or may be) an article.

    >>> import lxml.html
    >>> page = lxml.html.fromstring("<html><body><main>" + "".join(
    ...     f"<h2><a href='/news/{n}.html'>Bridge story number {n}</a></h2>" for n in range(10)) + "</main></body></html>")
    >>> listing_reason(page, set(), {})
    'link density 1.00 (10 links)'
    >>> listing_reason(page, {"NewsArticle"}, {}) is None
    True
    """
    og_type = (meta.get("og:type") or "").strip().lower()
    if types & ARTICLE_TYPES or og_type == "article":
        return None
    listed = sorted(types & LISTING_TYPES)
    if listed:
        return f"json-ld @type {listed[0]}"
    density, links = link_density(tree)
    threshold = DECLARED_LINK_DENSITY if og_type and og_type != "article" else LINK_DENSITY
    if links >= MIN_LINKS and density >= threshold:
        why = f"link density {density:.2f} ({links} links)"
        return f"og:type {og_type}, {why}" if og_type else why
    return None
