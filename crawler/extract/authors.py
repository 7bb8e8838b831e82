"""Bylines: who wrote the article, as the page declares it.

JSON-LD's `author` comes first (the publisher's structured statement), then the `<meta>` names CMSs
use for it, then trafilatura's guess from the visible byline.
"""
from __future__ import annotations

from crawler.extract.metadata import first_text

#: `<meta>` names and properties that name the author, most specific first.
_AUTHOR_META = ("author", "article:author", "parsely-author", "dc.creator", "byl")


def find_author(declared: dict, meta: dict, fallback: str | None) -> str | None:
    """The first byline stated: JSON-LD `author`, then `<meta>` (`_AUTHOR_META` order), then `fallback`."""
    return first_text(declared.get("author"), *(meta.get(k) for k in _AUTHOR_META), fallback)
