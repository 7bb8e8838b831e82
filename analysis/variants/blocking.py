"""Candidate pairs of forms by blocking on phonetic surname keys and given-name keys.

Why: comparing all pairs is quadratic; a misspelling keeps its Metaphone/NYSIIS key or its
skeleton, so blocking on those keys finds the same pairs at near-linear cost."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from analysis.name_rules import (
    PARTICLES,
    diminutive_bases,
    explain_spelling,
    given_names,
    masculine_forms,
    nickname_groups,
    skeleton,
)
from analysis.names import ParsedName, fold, given_compatible, has_lost_letters, lost_letters_fit, parse_name, script_of  # noqa: F401 (re-exported)
from analysis.phonetic import HEARD_MIN_LETTERS, metaphone, nysiis
from analysis.settings import DEFAULTS
from analysis.variants.compare import FAMILY_NAMES_GIVEN


def _given_keys(name: ParsedName) -> set[str]:
    """Keys of the first given name that any compatible given name shares: the name, every one-letter
    deletion of it and of its blocking skeleton (typos and romanisations: Antonia/Antonnia,
    Yulia/Iulia), its sound (Metaphone, 5+ letters: a name written as heard, Katelyn/Caitlin,
    `heard_alike`), and the full names it is a nickname of (Bob -> robert) or a diminutive of
    (`diminutive_bases`: Pablito -> pablo). An initial ("J. Smith") has
    only the key "i:j", which every name with that initial also has (`_initial_key`)."""
    if not name.given_tokens:
        return set()
    first = name.given_tokens[0]
    if len(first) == 1:
        return {"i:" + first}
    keys = {"=" + g for g in nickname_groups(first)} | {"=" + g for g in diminutive_bases(first)}
    if len(first) >= HEARD_MIN_LETTERS:
        keys.add("m:" + metaphone(first))
    for spelling in {first, block_skeleton(first)}:
        keys.add(spelling)
        if len(spelling) >= 4:
            keys |= _one_letter_off(spelling)
    return keys


def _one_letter_off(word: str) -> set[str]:
    """The word with each one of its letters deleted: two words a dropped, added, changed or swapped
    letter apart share one of these (a key of a block, never a comparison).

    >>> sorted(_one_letter_off("kast"))
    ['ast', 'kas', 'kat', 'kst']
    """
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def _initial_key(name: ParsedName) -> str | None:
    return "i:" + name.given_tokens[0][0] if name.given_tokens else None


def _surname_keys(core: str, tokens: tuple[str, ...]) -> set[str]:
    """Keys two surnames share when they may be one spelling: Metaphone and NYSIIS (sound), and every
    one-letter deletion of the surname and of a lossy romanisation skeleton of it, so that any single dropped, doubled, swapped
    or changed letter (Tuito/Tvito, Assad/Asasd) and any documented alternation (Qadhafi/Gaddafi)
    lands two surnames in one block. Each word of a surname of several words is a key too
    (Guzman Loera/Guzman Loesa), and so are its letters in order (5+ letters: the same letters
    scrambled, Sanchez/Snachez across a vowel, which `surnames_fit` takes for a typo), and its
    masculine form when it may be a feminine one (`name_rules.masculine_forms`)."""
    keys = {code for code in ("m" + metaphone(core), "n" + nysiis(core)) if len(code) > 3}
    keys |= {"g" + form for form in masculine_forms(core)}  # Zaretnaya/Zaretny, Ivanova/Ivanov
    if len(core) >= 5:
        keys.add("a" + "".join(sorted(core)))
    for spelling in {core, block_skeleton(core)}:
        keys.add("d" + spelling)
        if len(spelling) >= 4:  # one letter off a 4-letter surname ("Kay" for Kaye) is 86 similar; shorter ones less
            keys |= {"d" + key for key in _one_letter_off(spelling)}
    words = [t for t in tokens if t not in PARTICLES and len(t) >= 4]
    if len(words) > 1:
        keys |= {"w" + metaphone(w) for w in words}
    return keys


@lru_cache(maxsize=200_000)
def block_skeleton(word: str) -> str:
    """A deliberately lossy spelling key for blocking only: romanisation skeleton, C/G/Q as K, Z as S,
    O as U, E as I, and no doubled letters. Two names with one key are compared, never equated."""
    word = skeleton(word).translate(_BLOCK_FOLD)
    return re.sub(r"(.)\1+", r"\1", word)


_BLOCK_FOLD = str.maketrans({"c": "k", "g": "k", "q": "k", "z": "s", "o": "u", "e": "i"})


def _surnames_near(a: str, b: str, tokens_of: dict[str, tuple[str, ...]], score_cutoff: float) -> bool:
    """Whether two surname cores that share a blocking key can pass any surname rule: similar enough
    for the loosest one (score_cutoff - 10), the same letters, a documented alternation, or one
    surname of a two-word surname. Keeps short, common keys ("hami", Metaphone "RS") from making
    every surname a neighbour of every other, which would make blocking quadratic."""
    similarity = fuzz.ratio(a, b)
    if similarity >= score_cutoff - 10 or sorted(a) == sorted(b):
        return True
    if (similarity >= 60 or block_skeleton(a) == block_skeleton(b)) and explain_spelling(a, b) is not None:
        return True  # several alternations in one short name ("Nowicki", "Novitsky") leave little alike
    ta = {t for t in tokens_of[a] if len(t) > 2}
    tb = {t for t in tokens_of[b] if len(t) > 2}
    return bool(ta & tb)


def candidate_pairs(names: list[ParsedName], score_cutoff: float = DEFAULTS.score_cutoff,
                    family_names: bool = False) -> list[tuple[int, int]]:
    """Pairs of names worth comparing, by blocking (see `_surname_keys`, `_given_keys`): names whose
    surnames share a key and whose first given names share a key; a surname alone meets every name
    with a neighbouring surname; names of three or more words also meet by their set of words
    ("bin Salman Mohammed"); with `family_names` (a story), a two-word name meets the longer names
    ending in its words (`compare._family_names`), and a full name the same name with one more word
    after it (`compare._second_family_name`) and the same two words in the other order
    (`compare._order_swapped`); a surname of two words or more meets the full names
    ending in its words written apart (`compare.aligned_surnames`). Never all pairs: the work grows
    with the size of the blocks."""
    by_core: dict[str, list[int]] = defaultdict(list)
    tokens_of: dict[str, tuple[str, ...]] = {}
    for index, name in enumerate(names):
        core = name.surname_core or name.compact
        by_core[core].append(index)
        tokens_of.setdefault(core, name.surname_tokens)
    cores_of_key: dict[str, list[str]] = defaultdict(list)
    for core in by_core:
        for key in _surname_keys(core, tokens_of[core]):
            cores_of_key[key].append(core)
    neighbours: dict[str, set[str]] = defaultdict(set)
    checked: set[tuple[str, str]] = set()
    for cores in cores_of_key.values():
        for x, a in enumerate(cores):
            for b in cores[x + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair in checked:
                    continue
                checked.add(pair)
                if _surnames_near(a, b, tokens_of, score_cutoff):
                    neighbours[a].update((a, b))
                    neighbours[b].update((a, b))
    given_keys = [frozenset(_given_keys(name)) for name in names]
    initials = [_initial_key(name) for name in names]
    pairs: set[tuple[int, int]] = set()
    for core, members in by_core.items():
        for other_core in neighbours.get(core) or (core,):
            if other_core < core:
                continue  # each pair of surnames once
            others = by_core[other_core]
            for x, i in enumerate(members):
                keys_i = given_keys[i]
                for j in (members[x + 1:] if other_core == core else others):
                    keys_j = given_keys[j]
                    if (not keys_i or not keys_j  # a surname alone meets every neighbouring name
                            or not keys_i.isdisjoint(keys_j)
                            or initials[i] in keys_j or initials[j] in keys_i):  # an initial meets its names
                        pairs.add((i, j) if i < j else (j, i))
    by_compact: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_compact[name.compact].append(index)
    for members in by_compact.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if names[i].full or names[j].full:
                    pairs.add((i, j))
    by_words: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        words = set(name.tokens)
        if len(name.tokens) >= 3 and len(words) >= 2:
            by_words[" ".join(sorted(words))].append(index)
    for members in by_words.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                pairs.add((i, j))
    # A two-word name meets the longer names ending in its words: the family names written alone
    # ("Ibáñez Soler" of "José Tomás Ibáñez Soler"), whose first word the parse takes for a given name.
    tails: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for index, name in enumerate(names if family_names else ()):
        if len(name.tokens) == 2 and name.tokens[0] not in given_names() or len(name.tokens) >= 2 + FAMILY_NAMES_GIVEN:
            tails[" ".join(name.tokens[-2:])][len(name.tokens) > 2].append(index)
    for short, long_ in tails.values():
        pairs.update((min(i, j), max(i, j)) for i in short for j in long_)
    # A two-word full name meets the same two words in the other order ("Hoshida Ren"): a name written
    # family name first beside its Western order (`compare._order_swapped`).
    swapped: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, name in enumerate(names if family_names else ()):
        if name.full and len(name.tokens) == 2:
            swapped[tuple(sorted(name.tokens))].append(index)
    for members in swapped.values():
        pairs.update((i, j) for x, i in enumerate(members) for j in members[x + 1:]
                     if names[i].tokens == names[j].tokens[::-1])
    # A surname of two words or more meets the names ending in its words written apart ("Ana Lindahl
    # Berg" for Lindahl-Berg), whose surname the parse takes to be the last word (`compare.aligned_surnames`).
    compounds: dict[tuple[str, ...], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for index, name in enumerate(names):
        if len(name.surname_tokens) >= 2:
            compounds[name.surname_tokens][0].append(index)
    if compounds:
        sizes = {len(words) for words in compounds}
        for index, name in enumerate(names):
            if len(name.surname_tokens) == 1 and name.full:
                for size in sizes:
                    if len(name.tokens) > size and tuple(name.tokens[-size:]) in compounds:
                        compounds[tuple(name.tokens[-size:])][1].append(index)
        for whole, apart in compounds.values():
            pairs.update((min(i, j), max(i, j)) for i in whole for j in apart)
    # A full name meets the same name with one more family name after it ("Lucía Lindner Arce"),
    # whose surname the parse takes to be the last word (`compare._second_family_name`).
    heads: dict[tuple[str, ...], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for index, name in enumerate(names if family_names else ()):
        if len(name.tokens) >= 2 and name.full:
            heads[name.tokens][0].append(index)
            if len(name.tokens) >= 3:
                heads[name.tokens[:-1]][1].append(index)
    for short, long_ in heads.values():
        pairs.update((min(i, j), max(i, j)) for i in short for j in long_)  # keys differ in length: never i == j
    # A surname with a particle meets the names writing the two joined, a letter slipped ("Deweyver"
    # for De Wever, `compare._surname_relation`): the joined word's one-letter deletions are its keys.
    joined: dict[str, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for index, name in enumerate(names):
        word = name.surname_key
        if len(word) >= 6:
            for key in {word} | _one_letter_off(word):
                joined[key][word != name.surname_core].add(index)
    for plain, particled in joined.values():
        pairs.update((min(i, j), max(i, j)) for i in particled for j in plain
                     if not given_keys[i] or not given_keys[j] or not given_keys[i].isdisjoint(given_keys[j]))
    # A surname with letters an encoding lost ("?wi?tek") has keys as garbled as it: it meets every name
    # whose surname its kept letters fit (`lost_letters_fit`). Few pages print such names: one scan each.
    for i, name in enumerate(names):
        if has_lost_letters(name.surname_core):
            pairs.update((min(i, j), max(i, j)) for j, other in enumerate(names)
                         if j != i and lost_letters_fit(name.surname_core, other.surname_core))
    return sorted(pairs)
