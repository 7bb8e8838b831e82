"""The topic filter: is a page coverage of the story? Decided on the extracted title and text.

Names are matched the way the mentions' second pass finds people (any case, small typos, titles),
so a page that writes only the error form ("koppinger") is still coverage: catching those pages is
the point of the tool. Keywords are phrases matched case-insensitively, as whole words with a plural or
possessive ending allowed ("fire" matches "Fires" and "fire's", not "firearm" or "wildfire").
"""
from __future__ import annotations

import re

from analysis.entities import find_more_mentions
from analysis.names import parse_name
from analysis.records import Topic
from analysis.settings import DEFAULTS

#: What may follow a keyword in the text: a plural or a possessive ("fires", "ruling's"). Why: a story's
#: keywords name what the coverage is about, and headlines write it in the plural ("California Fires").
KEYWORD_ENDING = r"(?:e?s|['’]s)?"


def topic_match(texts: list[str], *, names: list[str], keywords: list[str], score_cutoff: float = DEFAULTS.score_cutoff) -> str | None:
    """The first name or keyword of the topic found in `texts`, or None when the page is off-topic.
    With no names and no keywords every page is on topic.

    >>> topic_match(["searches for harrow county bridge collapse kathcart spiked"], names=["Dale Cathcart"], keywords=[])
    'kathcart'
    >>> topic_match(["Greta von der Malen was re-elected"], names=["Greta von der Malen"], keywords=[])
    'Greta von der Malen'
    >>> [topic_match([text], names=[], keywords=["fire"]) for text in ("California Fires", "a firearm", "wildfire")]
    ['fire', None, None]
    """
    if not names and not keywords:
        return "(no topic filter)"
    for keyword in keywords:
        pattern = re.compile(r"(?<!\w)" + re.escape(keyword) + KEYWORD_ENDING + r"(?!\w)", re.IGNORECASE)
        for text in texts:
            if text and pattern.search(text):
                return keyword
    people = topic_people(Topic(names=tuple(names)))
    for _, found in find_more_mentions(((n, t) for n, t in enumerate(texts) if t), people, {}, score_cutoff=score_cutoff):
        if found:
            return found[0]["surface"]
    return None


def topic_people(topic: Topic | None) -> list[dict]:
    """The story's topic names (`records.Topic.names`) as people for the second pass to search.

    >>> topic_people(Topic(names=("Greta von der Malen",)))
    [{'surnames': ['malen', 'vondermalen'], 'given': ['greta']}]
    """
    people = []
    for name in (parse_name(n) for n in (topic.names if topic is not None else ())):
        if name is not None:
            # A surname with particles by its own word too ("Malen"): a text never writes "vondermalen".
            # Not one half of a double surname: "Vell" alone names the mother of a Tarrant-Vell.
            people.append({"surnames": sorted({name.surname_key, name.surname_core}), "given": sorted(set(name.given))})
    return people
