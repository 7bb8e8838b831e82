"""Flags from decisions: a mention, article or outlet that uses an error form."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection

from analysis.name_rules import PARTICLES, SUFFIXES
from analysis.names import ParsedName, fold, given_compatible, parse_name, script_of  # noqa: F401 (re-exported)

_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _letters(name: str) -> str:
    return _NOT_LETTERS.sub("", fold(name))


def slug_kinds(group: list[dict], kinds: dict[str, str], canonical: str) -> dict:
    """Mention id -> kind, for each error found in a URL whose letters are those of the canonical name
    or of its last words: the kind of those words written the canonical's way, where that is no error
    ("ada-tarr-gould" judged as Ada Tarr-Gould, "tarr-gould" as Tarr-Gould alone).

    Why: a slug has no capitals, marks, spaces or hyphens of its own (`names.slug_words` reads its
    hyphens as spaces), so it garbles none of them; its letters are all it writes. A word the story
    gets wrong alone is as wrong in a slug ("garcia" where García alone is an error).

    >>> group = [{"mention_id": 1, "field": "url", "surface": "ana lindahl berg"},
    ...          {"mention_id": 2, "field": "text", "surface": "Ana Lindahl Berg"},
    ...          {"mention_id": 3, "field": "url", "surface": "ana lindal berg"}]
    >>> slug_kinds(group, {"ana lindahl berg": "error", "Ana Lindahl Berg": "error", "ana lindal berg": "error"},
    ...            "Ana Lindahl-Berg")
    {1: 'canonical'}
    """
    words = canonical.split()
    written = {_letters(" ".join(words[-k:])): " ".join(words[-k:]) for k in range(1, len(words) + 1)}
    out = {}
    for m in group:
        tail = written.get(_letters(m["surface"])) if m.get("field") == "url" else None
        if tail is None or kinds[m["surface"]] != "error":
            continue
        kind = "canonical" if tail == canonical else kinds.get(tail)
        if kind not in (None, "error"):
            out[m["mention_id"]] = kind
    return out


#: What breaks a name into words: spaces and hyphens (the particle of "al-Sharif" is a word, written
#: small like "van").
BREAKS = re.compile(r"[\s\-]+")


def lowered_kinds(group: list[dict], kinds: dict[str, str], canonical: str, users: Collection[str] = ()) -> dict:
    """Mention id -> "error", for each mention that writes in small letters, in prose that capitalises
    names (`lowered`: `entities.lowered_in_prose`), a word the canonical name capitalises, and whose
    surface is otherwise no error ("navalnaya" in "She navalnaya has been living in Berlin", "Kilmar
    abrego garcia" in a headline). A particle ("von der", "de") is no such word: outlets write
    them small or capitalised as their style has it.

    Why: the letters are right but the name is not written as a name; careful readers label it an
    error, as they do a name glued to the next word. The same surface in a keyword string, a tag list
    or a slug is that string's style, so the judgement is the mention's, not the surface's. A surface
    the user accepted (`users`: accepted in the story's config) is accepted however it is written.

    >>> group = [{"mention_id": 1, "surface": "cranston", "lowered": True},
    ...          {"mention_id": 2, "surface": "cranston"},
    ...          {"mention_id": 3, "surface": "Ellen van der Berg", "lowered": True},
    ...          {"mention_id": 4, "surface": "Ellen van der berg", "lowered": True},
    ...          {"mention_id": 5, "surface": "mayor Ellen van der Berg", "lowered": True}]
    >>> kinds = {"cranston": "surname", "Ellen van der Berg": "canonical", "Ellen van der berg": "accepted",
    ...          "mayor Ellen van der Berg": "title"}
    >>> lowered_kinds(group, kinds, "Ellen van der Berg Cranston")
    {1: 'error', 4: 'error'}
    >>> lowered_kinds([{"mention_id": 6, "surface": "Mr. al-Sharif", "lowered": True}], {"Mr. al-Sharif": "title"}, "Omar al-Sharif")
    {}
    >>> lowered_kinds([{"mention_id": 7, "surface": "president Moon Ha-rin", "lowered": True}],
    ...               {"president Moon Ha-rin": "title"}, "Moon Ha-rin")
    {}
    """
    # Word by word as the mention is read (split at hyphens too): the later part of a hyphenated given
    # name the canonical itself writes small ("Ha-rin") is its spelling, not a name written small.
    small = {fold(word) for word in BREAKS.split(canonical) if word and not word[:1].isupper()} | PARTICLES | SUFFIXES
    out = {}
    for m in group:
        if not m.get("lowered") or kinds[m["surface"]] == "error" or m["surface"] in users:
            continue
        name = parse_name(m["surface"])  # the name's words: a title before it ("secretary") is no part of it
        if name is not None and any(word[:1].islower() and fold(word) not in small for word in BREAKS.split(name.display)):
            out[m["mention_id"]] = "error"
    return out


def kind_of(m: dict, kinds: dict[str, str], slugs: dict) -> str:
    """A mention's kind: its surface's, or the one its own writing gives it (`slug_kinds`,
    `lowered_kinds`)."""
    return slugs.get(m["mention_id"]) or kinds[m["surface"]]


def slug_only(group: list[dict], kinds: dict[str, str], slugs: dict | None = None) -> list[dict]:
    """One person's mentions, those of an error written only in an article's URL marked usage "slug"
    when the article's headline or text writes the person's name right.

    Why: a URL keeps the words of the headline it was made from, so a slug that misspells a name the
    page itself spells right is an earlier headline's error (corrected since, or never in the text): a
    trace worth showing, not the article using the error today. A URL that is the only place the
    article names the person is its use, as before.

    >>> group = [{"mention_id": 1, "article_id": 1, "field": "url", "surface": "cranstan", "usage": "uses"},
    ...          {"mention_id": 2, "article_id": 1, "field": "text", "surface": "Ellen Cranston", "usage": "uses"},
    ...          {"mention_id": 3, "article_id": 2, "field": "url", "surface": "cranstan", "usage": "uses"}]
    >>> [m["usage"] for m in slug_only(group, {"cranstan": "error", "Ellen Cranston": "canonical"})]
    ['slug', 'uses', 'uses']
    """
    slugs = slugs or {}
    right = {m["article_id"] for m in group if m.get("field") != "url" and kinds[m["surface"]] != "error"
             and m["usage"] == "uses"}
    wrong = {m["article_id"] for m in group if m.get("field") != "url" and kinds[m["surface"]] == "error"}
    return [{**m, "usage": "slug"} if m.get("field") == "url" and kind_of(m, kinds, slugs) == "error"
            and m["usage"] == "uses" and m["article_id"] in right and m["article_id"] not in wrong else m for m in group]


def usage_of(found: list[dict]) -> str:
    """How an article or outlet uses an error, from its mentions': "uses" when any mention uses it, else
    "slug" when only its URLs carry it (`slug_only`), else "quoted" (talk about the spelling)."""
    if any(m["usage"] == "uses" for m in found):
        return "uses"
    return "slug" if all(m["usage"] == "slug" for m in found) else "quoted"


def _flags(cluster: dict, group: list[dict], kinds: dict[str, str], slugs: dict | None = None) -> list[dict]:
    """Mention, article and outlet flags for one cluster; quoted errors and those only in a URL slug
    are flagged but kept apart, and a name cut by the end of a text (`analysis.entities.usage`) is no
    error of the outlet's, nor a slug's spelling the name right (`slug_kinds`)."""
    flags, slugs = [], slugs or {}
    errors = [m for m in group if kind_of(m, kinds, slugs) == "error" and m["usage"] != "cut"]
    # An error's form, or the surface as written where only the mention's writing is wrong (`lowered_kinds`).
    forms = {s["surface"]: s["form"] for s in cluster["surfaces"]}
    for m in errors:
        flags.append({"level": "mention", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": m["surface"], "mention_id": m["mention_id"], "article_id": m["article_id"],
                      "origin": m["origin"], "usage": m["usage"], "count": 1})
    by_article: dict[int, list[dict]] = defaultdict(list)
    for m in errors:
        by_article[m["article_id"]].append(m)
    for article_id, found in sorted(by_article.items()):
        uses = [m for m in found if m["usage"] == "uses"]
        flags.append({"level": "article", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": ", ".join(sorted({forms[m["surface"]] or m["surface"] for m in found})), "article_id": article_id,
                      "origin": found[0]["origin"], "usage": usage_of(found),
                      "count": len(uses), "quoted": len(found) - len(uses)})
    articles_of: dict[str, set] = defaultdict(set)
    for m in group:
        articles_of[m["origin"]].add(m["article_id"])
    errors_of: dict[str, list[dict]] = defaultdict(list)
    for m in errors:
        errors_of[m["origin"]].append(m)
    for origin in sorted(errors_of):
        theirs = errors_of[origin]
        using = {m["article_id"] for m in theirs if m["usage"] == "uses"}
        quoted = {m["article_id"] for m in theirs} - using
        flags.append({"level": "outlet", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": ", ".join(sorted({forms[m["surface"]] or m["surface"] for m in theirs})),
                      "origin": origin, "usage": usage_of(theirs), "count": len(using),
                      "quoted": len(quoted), "total": len(articles_of[origin])})
    return flags
