"""Words as text reuse sees them: folded keys with their places in the original text, and word shingles.

Why words and not characters: copy editors change spacing, quote marks and line breaks far more often
than words, and a word sequence keeps its meaning through those changes. A *key* is a word folded for
comparison (case, accents and the curly apostrophe removed), so "KOPPINGER", "Koppinger" and
"Köppinger" compare equal while matching; the exact characters are still checked when passages are
cut (`analysis.reuse.align`), because which spelling an outlet copied is the point of the exercise.

A *shingle* is `size` consecutive keys. Two texts that share a passage share all of its shingles, so
counting the shingles two texts share (an inverted index in `analysis.reuse.candidates`) finds copies
without comparing every pair of texts word by word.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np

#: A word: letters or digits, with inner apostrophes kept ("Coppinger's" is one word, as a reader sees it).
WORD = re.compile(r"\w+(?:['\u2019]\w+)*")

#: Odd 64-bit multiplier of the rolling shingle hash (any large odd constant mixes well enough for
#: equality lookups, which is all the shingle index does with the values).
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Tokens:
    """The words of one text: folded keys, and where each word starts and ends in the original text."""

    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.keys)


def fold(word: str) -> str:
    """The comparison key of a word: case-folded, accents removed, curly apostrophe made straight.

    >>> fold("Köppinger’s")
    "koppinger's"
    """
    key = word.casefold()
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
        key = key.replace("\u2019", "'")
    return key


def tokenize(text: str) -> Tokens:
    """The words of `text` with their character offsets into `text` itself (code points).

    >>> t = tokenize("Sheriff  KOPPINGER said.")
    >>> t.keys, t.starts, t.ends
    (('sheriff', 'koppinger', 'said'), (0, 9, 19), (7, 18, 23))
    """
    keys, starts, ends = [], [], []
    for match in WORD.finditer(text):
        keys.append(fold(match.group()))
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(tuple(keys), tuple(starts), tuple(ends))


def word_keys(text: str) -> list[str]:
    """Only the keys of `tokenize` (no offsets): what shingling needs, at a fraction of the cost."""
    return [fold(word) for word in WORD.findall(text)]


def shingles(keys: list[str] | tuple[str, ...], size: int = 5) -> set[str]:
    """The set of `size`-word shingles, each as its keys joined by a space.

    A text shorter than `size` words is one shingle, so that it still has a set to compare.

    >>> sorted(shingles(["a", "b", "c", "d"], size=3))
    ['a b c', 'b c d']
    """
    if not keys:
        return set()
    if len(keys) <= size:
        return {" ".join(keys)}
    return {" ".join(keys[i:i + size]) for i in range(len(keys) - size + 1)}


def shingle_sequence(keys: list[str] | tuple[str, ...], size: int = 5) -> np.ndarray:
    """One 32-bit hash per `size`-word shingle, in reading order (a repeated shingle repeats): the
    same value for the same shingle in any text and any run.

    Why our own hash: hashing each word once (CRC-32) and rolling the shingle hash in numpy is many
    times faster than hashing every shingle's bytes, and the values sort and search as one numpy
    array in the shingle index. Equal shingles always hash equal; a rare collision only makes one
    more shingle look shared.

    >>> seq = shingle_sequence(["x", "y", "x", "y"], size=2)
    >>> len(seq), bool(seq[0] == seq[2]), bool(seq[0] == seq[1])
    (3, True, False)
    """
    if not keys:
        return np.zeros(0, dtype=np.uint32)
    cache: dict[str, int] = {}
    words = np.fromiter((cache.get(k) or cache.setdefault(k, zlib.crc32(k.encode("utf-8")) | 1) for k in keys),
                        dtype=np.uint64, count=len(keys))
    span = min(size, len(words))
    count = len(words) - span + 1
    rolled = np.zeros(count, dtype=np.uint64)
    for offset in range(span):
        rolled = rolled * _MULTIPLIER + words[offset:offset + count]
    folded = (rolled >> np.uint64(32)) ^ (rolled & np.uint64(0xFFFFFFFF))
    return folded.astype(np.uint32)


def shingle_hashes(keys: list[str] | tuple[str, ...], size: int = 5) -> np.ndarray:
    """The distinct values of `shingle_sequence`, sorted: a text's shingle set.

    >>> a = shingle_hashes(["x", "y", "z", "w"], size=2)
    >>> b = shingle_hashes(["q", "y", "z"], size=2)
    >>> len(a), len(b), len(set(a.tolist()) & set(b.tolist()))
    (3, 2, 1)
    """
    return np.unique(shingle_sequence(keys, size=size))
