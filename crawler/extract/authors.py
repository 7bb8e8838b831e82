"""Bylines: who wrote the article, as the page declares it.

JSON-LD's `author` comes first (the publisher's structured statement), then the `<meta>` names CMSs
use for it, then trafilatura's guess from the visible byline. Whichever wins is cleaned
(`clean_byline`): a visible byline often runs on into its dateline ("By Pat Lindell; Riverbend Wire
Oct. 4, 2026"), and trafilatura keeps the start of it ("Pat Lindell; Riverbend Wire Oct 4").
"""
from __future__ import annotations

import re

from crawler.extract.metadata import first_text

#: `<meta>` names and properties that name the author, most specific first.
_AUTHOR_META = ("author", "article:author", "parsely-author", "dc.creator", "byl")

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# Where a dateline starts: a month followed by a day or year ("Oct. 4", "October 2026"), a month
# abbreviation at the very end (what is left when the day was cut off; full month names there are
# often given names or surnames: "Theresa May"), a numeric date, or a label that introduces a date.
_DATELINE = re.compile(
    rf"(?:\b(?:{_MONTHS})\.?\s*\d"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}"
    r"|\b(?:Published|Updated|Posted|Last updated|Modified)\b)", re.I)
_BY = re.compile(r"^\s*by\s+", re.I)
_SEPARATORS = " \t;,|·•–—-:"


def clean_byline(text: str | None, outlet_names: tuple[str, ...] = ()) -> str | None:
    """A byline without its dateline, its leading "By", and parts that only name the outlet.

    >>> clean_byline("Pat Lindell; Riverbend Wire Oct 4")
    'Pat Lindell; Riverbend Wire'
    >>> clean_byline("By Pat Lindell, Riverbend Wire | Oct 4, 2026 3:05 PM ET", ("Riverbend Wire",))
    'Pat Lindell'
    >>> clean_byline("Theresa May"), clean_byline("By April Ryan Published 2026-03-04")
    ('Theresa May', 'April Ryan')
    """
    if not text:
        return text
    text = _BY.sub("", " ".join(text.split()))
    match = _DATELINE.search(text)
    if match and match.start() > 0:
        text = text[:match.start()]
    outlets = {name.casefold() for name in outlet_names if name}
    parts = [part.strip() for part in re.split(r"\s*[;|·•]\s*|,\s+(?=[^,]*$)", text)]
    kept = [part for part in parts if part and part.casefold() not in outlets]
    if len(kept) < len(parts) and kept:
        text = "; ".join(kept)
    return text.strip(_SEPARATORS) or None


def find_author(declared: dict, meta: dict, fallback: str | None, outlet_names: tuple[str, ...] = ()) -> str | None:
    """The first byline stated: JSON-LD `author`, then `<meta>` (`_AUTHOR_META` order), then `fallback`;
    cleaned of a trailing dateline and of parts that only name the outlet (`outlet_names`)."""
    return clean_byline(first_text(declared.get("author"), *(meta.get(k) for k in _AUTHOR_META), fallback),
                        outlet_names)
