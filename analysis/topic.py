"""The topic filter: is a page coverage of the story? Decided on the extracted title and text.

Names are matched the way the mentions' second pass finds people (any case, small typos, titles),
so a page that writes only the error form ("koppinger") is still coverage: catching those pages is
the point of the tool. Keywords are phrases matched case-insensitively, as whole words with a plural or
possessive ending allowed ("fire" matches "Fires" and "fire's", not "firearm" or "wildfire").
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from analysis.entities import find_more_mentions
from analysis.names import fold, parse_name
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


#: A capitalised word of a page: a name, a place, an institution, an office ("Holyrood", "SNP").
_CAPITALISED = re.compile(r"\b[A-Z][\w’']*")
#: A possessive ending, dropped from a capitalised word ("Holyrood’s").
_POSSESSIVE = re.compile(r"[’']s?$")
#: How many of the coverage's pages must write a capitalised word before it is one of the story's own
#: words (`story_words`): at least STORY_WORD_PAGES, and STORY_WORD_SHARE of them.
STORY_WORD_PAGES = 3
STORY_WORD_SHARE = 0.1
#: Story words an off-topic page must write to be about the story's matter (`related_words`).
RELATED_WORDS = 3


def story_words(texts: list[str], names: list[str] = ()) -> frozenset[str]:
    """The story's own words: the capitalised words (folded) that STORY_WORD_PAGES of its coverage's
    `texts`, and STORY_WORD_SHARE of them, write; not an English function word (a sentence's first
    word), nor a word of the topic's `names` (a namesake writes those too).

    >>> sorted(story_words(["Holyrood: the SNP leader Ana Ruiz quit.", "In Holyrood, the SNP and Ana Ruiz.",
    ...                     "The SNP at Holyrood."], names=["Ana Ruiz"]))
    ['holyrood', 'snp']
    """
    left_out = {fold(word) for name in names for word in name.split()}
    pages: Counter = Counter()
    for text in texts:
        pages.update(_capitalised_words(text))
    needed = max(STORY_WORD_PAGES, STORY_WORD_SHARE * len(texts))
    return frozenset(word for word, n in pages.items()
                     if n >= needed and word not in STOP_WORDS and word not in left_out and len(word) > 1)


def related_words(texts: dict, on_topic: frozenset, names: list[str] = ()) -> dict:
    """Article id -> the story's own words (`story_words` of the on-topic articles) it writes, for each
    article off the topic (`texts`: article id -> title and text) writing any.

    Why: keywords say what the coverage is about in the config's words, and a translation or a rewrite
    says it in others ("Prime Minister" for "First Minister"): a page writing the story's places,
    institutions and other people (RELATED_WORDS of them) is about its matter though no keyword
    matches. A namesake's page (a footballer, a scholar) shares the name and little else; which words
    are a name the page gives somebody, the variants stage knows (`variants.namesakes`).

    >>> texts = {1: "Holyrood: the SNP leader Ana Ruiz quit.", 2: "In Holyrood, the SNP and Ana Ruiz.",
    ...          3: "The SNP at Holyrood, Ana Ruiz.", 4: "SNP premier Ana Ruiz left Holyrood.",
    ...          5: "Ana Ruiz scored twice for Lyon."}
    >>> {article: sorted(words) for article, words in related_words(texts, frozenset({1, 2, 3}), ["Ana Ruiz"]).items()}
    {4: ['holyrood', 'snp']}
    """
    words = story_words([texts[a] for a in on_topic if a in texts], names)
    written = {article: words & _capitalised_words(text) for article, text in texts.items() if article not in on_topic}
    return {article: frozenset(found) for article, found in written.items() if found}


def _capitalised_words(text: str | None) -> set[str]:
    """The capitalised words of a text, folded, a possessive ending dropped ("Holyrood’s": "holyrood")."""
    return {fold(_POSSESSIVE.sub("", word)) for word in _CAPITALISED.findall(text or "")} - {""}

