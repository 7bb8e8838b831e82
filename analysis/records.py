"""The plain records the analysis stages pass to each other, and the words for what they hold.

Glossary (one word per thing; code, reports and docs use these and no synonyms):

- **story**: one news event being tracked, defined by a story config.
- **outlet**: a publisher (one origin, e.g. ``https://example.com``); *authoritative* outlets are the
  ones the story config trusts for spelling.
- **article**: one URL of an outlet. An article has **versions**: what its text was each time it was
  fetched and differed (or was re-extracted). Analyses read an article's latest version.
- **field**: a part of a version's text (``title``, ``description``, ``keywords``, ``slug``,
  ``byline``, ``figcaption``, ``text``). Offsets are code points into one field.
- **mention**: one place where a person's name is written: version, field, start, end and the
  **surface** (the exact characters). Its **key** is derived from that place, so re-analysing yields
  the same key. A mention *uses* the name, or *quotes* it (talk about the spelling itself).
- **form**: one way a name is written: every surface that differs only in case, accents, hyphens,
  spacing, a title or a possessive is the same form ("KATHCART", "Kathcart's" -> form "Kathcart").
- **person** (a *cluster*): the forms judged to name one human being, with one **canonical** form.
- **kind**: what a form is for its person: ``canonical``, ``title``, ``accepted``, ``surname``,
  ``error`` or ``unattached``; every kind comes with the **rule** that decided it.
- **flag**: a mention, article or outlet that uses an error form; a user's **review** (confirm,
  dismiss, reopen) is kept with the flag.

Mentions, clusters, assignments and flags travel as plain dicts (they go to and from SQLite and JSON
unchanged); their shapes are the TypedDicts below. The dataclasses are working records of the variants
stage. Why dicts at the edges: the store and the report formats read and write them with no mapping
layer, as sqlite-utils does.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypedDict

from analysis.names import ParsedName


class MentionInput(TypedDict, total=False):
    """A person mention as the variants stage reads it."""

    mention_id: object  # the mention's key
    surface: str
    article_id: int
    origin: str
    outlet: str
    authoritative: bool
    published: str | None
    usage: str  # "uses", "quoted" or "cut" (`analysis.entities.usage`); "slug" after judgement (`flags.slug_only`)
    field: str
    start: int
    end: int


class Assignment(TypedDict):
    """Which person a mention names, and the kind of its form."""

    mention_id: object
    cluster_id: str | None
    kind: str
    usage: str


class Flag(TypedDict, total=False):
    """A mention, article or outlet that uses an error form (see `analysis.flags`)."""

    level: str  # "mention", "article" or "outlet"
    cluster_id: str
    form: str
    canonical: str
    mention_id: object
    article_id: int
    outlet: str
    reason: str


@dataclass
class Form:
    """One name as a person-name (all surfaces that differ only in writing), with its evidence."""

    name: ParsedName
    surfaces: Counter = field(default_factory=Counter)  # surface -> uses
    displays: Counter = field(default_factory=Counter)  # the name as written without title -> uses
    display_authorities: dict = field(default_factory=dict)  # the name as written -> authoritative outlets using it
    count: int = 0  # uses: mentions that use the name, or a list's counts
    sources: set = field(default_factory=set)  # outlets or list sources that use it
    outlet_uses: Counter = field(default_factory=Counter)  # outlet -> uses
    authoritative: set = field(default_factory=set)
    abroad_languages: dict = field(default_factory=dict)  # language -> authoritative outlets using it on pages in it
    independent: set = field(default_factory=set)  # outlets using it in articles that copy no other
    first: str = "~"  # date_key of the earliest use
    titles: set = field(default_factory=set)
    articles: set = field(default_factory=set)
    couples: int = 0  # uses naming the second of a couple ("Pavel and Olga Sorokin": `mentions._couple`)
    kin_articles: set = field(default_factory=set)  # articles introducing it as a relative ("her husband, ...")
    virtual: bool = False  # a pinned canonical name no surface uses
    topic: bool = False  # one of the names the story config says the story is about

    @property
    def abroad(self) -> set:
        """The authoritative outlets using it on pages in another language, whichever language."""
        return set().union(*self.abroad_languages.values())


@dataclass(frozen=True)
class Topic:
    """Who and what the story is about, from its config: the people it names, the articles whose
    text matches the story's topic (its names or keywords), and for the articles off it, the
    coverage's own words they still write (`topic.related_words`: a translation's "Prime Minister" for
    the keyword "First Minister" beside the story's places)."""

    names: tuple[str, ...] = ()
    articles: frozenset = frozenset()
    related: Mapping = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Linkage:
    """Clusters of form indices, forms left unattached, and why forms were linked."""

    clusters: list[list[int]]
    unattached: list[int]
    links: dict[int, list[tuple[int, str]]]


@dataclass
class VariantResult:
    """What the variants stage returns for a story: clusters (people), assignments and flags."""

    clusters: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
