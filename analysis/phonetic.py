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

from functools import lru_cache

import jellyfish


@lru_cache(maxsize=500_000)
def metaphone(word: str) -> str:
    return jellyfish.metaphone(word) if word else ""


@lru_cache(maxsize=500_000)
def nysiis(word: str) -> str:
    return jellyfish.nysiis(word) if word else ""
