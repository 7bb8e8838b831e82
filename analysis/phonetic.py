"""Phonetic keys of a word, memoised: the one place names are turned into sound codes.

Why Metaphone and NYSIIS: unlike Soundex they keep a first-letter swap together (Coppinger/Koppinger,
Cathcart/Kathcart), which is the misspelling this tool exists to find. Both are cached because a story
asks for the same surnames' keys millions of times.

>>> metaphone("Koppinger") == metaphone("Coppinger")
True
>>> metaphone("")
''
"""
from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA


@lru_cache(maxsize=500_000)
def metaphone(word: str) -> str:
    """jellyfish's Metaphone, but an opening "Chr" sounds "Kr" ("Christa" as "Krista", "Christensen" as
    "Kristensen"), as Double Metaphone has it: original Metaphone reads every "ch" as in "church".

    >>> metaphone("Christa") == metaphone("Krista"), metaphone("Church") == metaphone("Kurch")
    (True, False)
    """
    if word[:3].lower() == "chr":
        word = "K" + word[2:]
    return jellyfish.metaphone(word) if word else ""


@lru_cache(maxsize=500_000)
def nysiis(word: str) -> str:
    return jellyfish.nysiis(word) if word else ""


#: How far apart (optimal string alignment) two given names written as heard may be: the spellings of
#: one sound differ by whole letter groups ("-ie" for "-eigh", "C" for "K", "-yn" for "-ine").
HEARD_EDITS = 4
#: The shortest given name compared by sound: shorter ones share a key with too many others.
HEARD_MIN_LETTERS = 5
#: And most letters in common, in order (rapidfuzz ratio): Metaphone keeps only some consonants, so
#: unlike names can share a key ("Ginta" and "Janett", JNT, have 36).
HEARD_RATIO = 55


def written_or_heard(a: str, b: str) -> bool:
    """Whether a folded given name is another as written or as heard (`heard_alike`, which needs 5+
    letters: a short name counts only as written).

    >>> written_or_heard("ann", "ann"), written_or_heard("katelyn", "caitlin"), written_or_heard("ann", "anne")
    (True, True, False)
    """
    return a == b or heard_alike(a, b)


def heard_alike(a: str, b: str) -> bool:
    """Whether two folded given names are one name written as heard: the same Metaphone key, 5+
    letters each, at most `HEARD_EDITS` edits apart and most letters shared (`HEARD_RATIO`).
    Transcripts and translations spell a name the way it sounds ("Katelyn" for "Caitlin", "Ashley" for
    "Ashleigh").

    >>> heard_alike("katelyn", "caitlin"), heard_alike("ashley", "ashleigh"), heard_alike("karen", "corinne")
    (True, True, False)
    """
    if min(len(a), len(b)) < HEARD_MIN_LETTERS or metaphone(a) != metaphone(b):
        return False
    return OSA.distance(a, b, score_cutoff=HEARD_EDITS) <= HEARD_EDITS and fuzz.ratio(a, b) >= HEARD_RATIO


def surname_heard_alike(a: str, b: str) -> bool:
    """Whether two different folded surnames are one written as heard: the same Metaphone key, 5+
    letters each and most letters shared (`HEARD_RATIO`), as written or once the spellings of one
    sound are written one way (`_spelling_key`: "x" as "ks", a hard "c" as "k"). A name spelt
    otherwise than it sounds is written the way it sounds by transcripts, translations and careless
    rewrites ("Gates" for a "Gaetz" pronounced so, "Lakson" for a "Luxon"); no edit bound, since the
    spellings of one sound differ by letter groups, and a letter group counts as one sound's.

    >>> surname_heard_alike("gates", "gaetz"), surname_heard_alike("green", "greene"), surname_heard_alike("gates", "gat")
    (True, True, False)
    >>> surname_heard_alike("lakson", "luxon"), surname_heard_alike("lacson", "luxon"), surname_heard_alike("lawson", "luxon")
    (True, True, False)
    >>> surname_heard_alike("gough", "gauff"), surname_heard_alike("gough", "gaudy")
    (True, False)
    """
    if a == b or min(len(a), len(b)) < HEARD_MIN_LETTERS:
        return False
    return any(metaphone(x) == metaphone(y)
               and max(fuzz.ratio(x, y), fuzz.ratio(_spelling_key(x), _spelling_key(y))) >= HEARD_RATIO
               for x in _readings(a) for y in _readings(b))


def _readings(word: str) -> tuple[str, ...]:
    """A folded word as written, and for a final "-ough" or "-augh" also with the "gh" written as the
    "f" it sounds in "tough", "laugh" and the surname "Gough" (Metaphone keeps it silent, as in
    "though"): a transcript writing "Gough" for a "Gauff" it heard writes one sound two ways.

    >>> _readings("gough"), _readings("gauff")
    (('gough', 'gouf'), ('gauff',))
    """
    return (word, word[:-2] + "f") if word.endswith(("ough", "augh")) else (word,)


def spelt_alike(a: str, b: str) -> bool:
    """Whether two different folded given names are one name spelt two ways: equal once doubled letters
    are written once, a final -ie/-ey/-ee/-y is written -i ("Kelsie"/"Kelsi", "Terri"/"Teri"), and the
    consonant spellings English uses for one sound are written one way: a hard c, ck or ch as k, a
    soft c as s, ph as f, th as t, x as ks, a y between consonants as i ("Victor"/"Viktor",
    "Nicole"/"Nichole", "Sylvia"/"Silvia"). Stricter than `heard_alike`: no vowel changes, so "Tim"
    and "Tom" are two names.

    >>> spelt_alike("kelsie", "kelsi"), spelt_alike("terri", "teri"), spelt_alike("tim", "tom")
    (True, True, False)
    >>> spelt_alike("victor", "viktor"), spelt_alike("nicole", "nichole"), spelt_alike("sylvia", "silvia")
    (True, True, True)
    >>> spelt_alike("carin", "karin"), spelt_alike("marc", "mark"), spelt_alike("grace", "grake")
    (True, True, False)
    """
    return a != b and _spelling_key(a) == _spelling_key(b)


#: One sound's spellings, written one way by `_spelling_key` (after doubled letters are written once).
_ONE_SOUND = ((re.compile(r"ck|ch|c(?![eiy])"), "k"), (re.compile(r"c"), "s"), (re.compile(r"ph"), "f"),
              (re.compile(r"th"), "t"), (re.compile(r"x"), "ks"),
              (re.compile(r"(?<=[^aeiouy])y(?=[^aeiouy])"), "i"))


@lru_cache(maxsize=100_000)
def _spelling_key(word: str) -> str:
    once = _once(word)
    for pattern, written in _ONE_SOUND:
        once = pattern.sub(written, once)
    once = _once(once)
    for ending in ("ie", "ey", "ee", "y"):
        if once.endswith(ending) and len(once) > len(ending) + 1:
            return once[:-len(ending)] + "i"
    return once


def _once(word: str) -> str:
    """The word with each doubled letter written once."""
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


#: Voiced consonants and the voiceless ones a script without the distinction writes for both (`consonant_frame`).
_UNVOICED = str.maketrans("bdgvzqcx", "ptkfskkk")
#: Fewest consonants a frame must keep to tell surnames apart: shorter frames have too many neighbours.
FRAME_MIN_CONSONANTS = 4


@lru_cache(maxsize=100_000)
def consonant_frame(word: str) -> str:
    """A folded surname's consonants in order, voiced ones written voiceless, "ch" and "ck" as "k", "sh"
    as "s", vowels, "h", "w" and "y" dropped, doubles once: "tremblick" and "dremplik" are both "trmplk".

    Why: a name carried through a script that does not tell b from p or d from t (machine translation
    from Chinese or Korean and back) comes back with its vowels and voicing changed but its consonants
    in place; Metaphone keeps the voicing and so misses it.

    >>> consonant_frame("tremblick"), consonant_frame("dremplik"), consonant_frame("tirimplik"), consonant_frame("dramsik")
    ('trmplk', 'trmplk', 'trmplk', 'trmsk')
    """
    word = re.sub(r"sh", "s", re.sub(r"ch|ck", "k", word))
    frame = "".join(c for c in word.translate(_UNVOICED) if c.isalpha() and c not in "aeiouyhw")
    return _once(frame)
