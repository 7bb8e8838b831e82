"""Two names written side by side and tagged as one: "Barlow Bilenkyy meeting", "Harris Holz rally",
"Harold Barlow Olena Kovac" in a caption's list of names. NER reads such a run of capitalised words as one
PERSON, and the clustering then sees a new full name whose "given name" is another person's surname:
a phantom person, or worse, a misspelling of the second person ("Barlow Bilenkyy" is not how anyone
writes Bilenkyy's name).

A mention is *joined* when, after its titles, it opens with the full name of an established person of
the story, or with an established person's surname that is no given name (in the given-name list, or
of anyone in the story), and more name words follow; or when one word that is no given name leads an
established person's given name and a surname a letter or two from theirs (a dateline or a garbled
title NER took into the name: "Gavor Galen Halpom"). Established: named in full by two outlets or by
an authoritative one, so one outlet's mistake cannot split other mentions. The mention stage drops a
joined mention and lets the second pass find its parts, each a known name in its own right.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from analysis.name_rules import SUFFIXES, given_names, is_title
from analysis.names import fold, parse_name

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


def established_names(clusters: Iterable[dict]) -> tuple[set[tuple[str, ...]], set[str], set[str]]:
    """(full names as folded word tuples, surnames, given names) of the established people among the
    clusters of `analysis.variants.analyse_variants`. A cluster whose "given name" and surname are
    each the surname of another established person ("Barlow Hollis", used by several outlets' SEO
    titles) is two of them side by side, not a person.

    >>> def cluster(name, outlets):
    ...     return {"canonical": name, "evidence": {"forms": [{"outlets": outlets}]}}
    >>> full, surnames, givens = established_names([cluster("Ellen Cranston", ["a", "b"]), cluster("Tomas Vik", ["a", "c"]),
    ...     cluster("Cranston Vik", ["d", "e"]), cluster("Ana Ruiz", ["a"])])
    >>> sorted(full), sorted(surnames), sorted(givens)
    ([('ellen', 'cranston'), ('tomas', 'vik')], ['cranston', 'vik'], ['ellen', 'tomas'])

    One careful outlet's "Sinophile Ellen Cranston" (a descriptor NER took into the name) is no person
    beside the Ellen Cranston more outlets write; a longer name better known than its tail is one.

    >>> full, _, givens = established_names([cluster("Ellen Cranston", ["a", "b"]),
    ...     {"canonical": "Sinophile Ellen Cranston", "evidence": {"forms": [{"outlets": ["c"], "authoritative_outlets": ["c"]}]}}])
    >>> sorted(full), sorted(givens)
    ([('ellen', 'cranston')], ['ellen'])
    """
    people = []
    reach: dict[tuple[str, ...], int] = {}  # a full name's words -> how many outlets write it
    for cluster in clusters:
        forms = cluster.get("evidence", {}).get("forms") or []
        outlets = {o for f in forms for o in f.get("outlets", ())}
        authoritative = any(f.get("authoritative_outlets") for f in forms)
        name = parse_name(cluster["canonical"])
        if name is not None and name.full and name.given_tokens and (authoritative or len(outlets) >= 2):
            words = tuple(_words(cluster["canonical"]))
            people.append((cluster["canonical"], name, words))
            reach[words] = len(outlets)
    owners: dict[str, set[str]] = {}
    for canonical, name, _ in people:
        owners.setdefault(name.surname_core, set()).add(canonical)
    full, surnames, givens = set(), set(), set()
    for canonical, name, words in people:
        if owners.get(name.given_tokens[0], set()) - {canonical} and owners[name.surname_core] - {canonical}:
            continue  # two other people's surnames side by side
        if (len(words) == 3 and words[0] not in given_names()
                and reach.get(words[1:], 0) > reach[words]):
            continue  # a word that is no given name before a better-known full name: led, not a person
        full.add(words)
        surnames.add(name.surname_core)
        givens.add(name.given_tokens[0])
    return full, surnames, givens


def is_joined(surface: str, full: set[tuple[str, ...]], surnames: set[str], givens: set[str]) -> bool:
    """Whether a PERSON surface is an established name followed by more name words (module docstring).

    >>> full, surnames, givens = {("ellen", "cranston"), ("tomas", "vik")}, {"cranston", "vik"}, {"ellen", "tomas"}
    >>> [is_joined(s, full, surnames, givens) for s in ("Cranston Vik talks", "Mayor Ellen Cranston Ana Ruiz",
    ...     "Ellen Cranston", "Ellen Cranston Jr.", "Vik", "Tomas Vik", "Mayor Cranston Ellen")]
    [True, True, False, False, False, False, False]
    >>> [is_joined(s, full, surnames, givens) for s in ("Gavor Ellen Cranstan", "Robert Ellen Cranston")]
    [True, False]
    """
    words = _words(surface)
    while words and is_title(words[0], words[1] if len(words) > 1 else None):
        words = words[1:]
    while words and words[-1] in SUFFIXES:
        words = words[:-1]
    if len(words) < 2 or tuple(words) in full or tuple(reversed(words)) in full:
        return False  # a known name, or one written surname first ("Cranston Ellen"): one person, not two
    if any(len(words) > len(name) and tuple(words[:len(name)]) == name for name in full):
        return True
    first = words[0]
    if first in surnames and first not in givens and first not in given_names():
        return True
    # Led by a word that is no given name, before an established person's given name and a surname a
    # letter or two from theirs: a dateline or a garbled title NER took in ("Gavor Galen Halpom").
    return (len(words) == 3 and first not in givens and first not in given_names()
            and any(words[1] == name[0] and len(name) == 2 and OSA.distance(words[2], name[1]) <= LED_EDITS
                    for name in full))


#: How far the surname of a led mention may be from the established person's (`is_joined`): the
#: edits the second pass allows a surname under its person's given name.
LED_EDITS = 2


def _words(text: str) -> list[str]:
    return [fold(word) for word in _WORD.findall(text)]
