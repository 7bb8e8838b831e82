"""Candidate pairs of texts that may share passages: MinHash signatures indexed by LSH, never all pairs.

Why: a story's coverage runs to thousands of versions, and aligning every pair word by word grows with
the square of that. MinHash estimates the Jaccard similarity of two texts' shingle sets from fixed-size
signatures, and LSH (locality-sensitive hashing over bands of the signature) returns only the pairs
likely to be above a threshold, in time that grows with the number of texts. Every candidate is then
checked by exact alignment (`analysis.reuse.align`), so a false candidate costs a little time and never
makes an edge; a missed one is lost. That is why the LSH bands are tuned to weigh a missed pair four
times a false one (`RECALL_WEIGHTS`).

Known limit: Jaccard compares whole texts, so a short passage copied into a long article (two quoted
paragraphs in a 1,500-word feature) can fall below any useful threshold. Lower `threshold` to reach
such pairs, at the price of more candidates to align.

Known limit: a long passage that very many articles really do share verbatim (a wire story run by
hundreds of outlets) makes them one clique of copies, and the direct-edge reduction
(`analysis.reuse.edges`) then grows faster than the square of its size. Text in more than
`common_limit` articles is left out of the candidate search, which keeps house boilerplate from
making such cliques, but a true clique of whole copied articles is still found pair by pair.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from analysis.reuse.shingles import shingle_hashes, word_keys

#: LSH weights (false positive, false negative) for datasketch's band optimiser: a false candidate is
#: only aligned and dropped, a missed pair is a copy never reported.
RECALL_WEIGHTS = (0.2, 0.8)


def _identity(value: int) -> int:
    """MinHash's hash function for values that are already 32-bit hashes (`shingle_hashes`)."""
    return value


@lru_cache(maxsize=32)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) datasketch chooses for `threshold`, computed once per setting.

    >>> lsh_bands(0.2, 128)
    (56, 2)
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=RECALL_WEIGHTS)
    return lsh.b, lsh.r


#: A shingle in more than this many texts, and more than COMMON_SHARE of them, is common text.
COMMON_MIN = 100
COMMON_SHARE = 0.1


def common_limit(texts: int) -> int:
    """How many texts a shingle may be in before it is common text: a house disclaimer, a newsletter
    box the extractor kept, a wire paragraph every outlet runs. Such text says nothing about who copied
    whom, and used to find pairs it makes every pair of the texts carrying it a candidate: the
    alignment and the direct-edge reduction then grow with the cube of their number (a 187-character
    paragraph in 1,000 synthetic articles made 500,000 candidates). Pairs that share other text are
    still found, and their alignment still shows the common passage.

    >>> common_limit(40), common_limit(10_000)
    (100, 1000)
    """
    return max(COMMON_MIN, int(COMMON_SHARE * texts))


def candidate_pairs(texts: Sequence[str], *, threshold: float = 0.2, num_perm: int = 128, shingle_words: int = 5,
                    seed: int = 1) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of indices into `texts` whose shingle sets are likely at least `threshold`
    Jaccard-similar; sorted. Empty texts take part in no pair; common text (`common_limit`) is left
    out of the comparison.

    Each text is queried against the texts before it, then inserted, so a pair is found once and
    the work grows with the number of texts and of true neighbours, not with its square.

    >>> a = "the river rose over the levee at dawn and the mayor ordered the school closed for the week"
    >>> candidate_pairs([a, "an unrelated note about a bake sale in the church hall on sunday", a + " again"])
    [(0, 2)]
    """
    bands = lsh_bands(threshold, num_perm)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, params=bands)
    # One MinHash's permutations serve all: building them is the costly part of a new MinHash.
    template = MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity)
    pairs = []
    shingles = [shingle_hashes(word_keys(text or ""), size=shingle_words) for text in texts]
    limit = common_limit(len(texts))
    if len(texts) > limit:
        values, counts = np.unique(np.concatenate(shingles), return_counts=True)
        common = values[counts > limit]
        if len(common):
            shingles = [hashes[~np.isin(hashes, common)] for hashes in shingles]
    with _without_cyclic_gc():
        for index, hashes in enumerate(shingles):
            if not len(hashes):
                continue
            minhash = template.copy()
            minhash.update_batch(hashes.tolist())
            pairs.extend((other, index) for other in lsh.query(minhash))
            lsh.insert(index, minhash, check_duplication=False)
    return sorted(pairs)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while the index is built.

    Why: the index holds one bucket entry per text and band (56 bands by default), none of them
    cyclic garbage, and the collector re-scans all of them every few thousand allocations, so the
    build grew faster than the number of texts (measured: 10x the texts took 14x the time, 10.6x with
    the collector paused). Reference counting still frees everything; the collector's previous state
    is restored on the way out.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def jaccard(a: set | np.ndarray, b: set | np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle sets (the reference LSH estimates).

    >>> jaccard({1, 2, 3}, {2, 3, 4})
    0.5
    """
    a, b = set(a.tolist() if isinstance(a, np.ndarray) else a), set(b.tolist() if isinstance(b, np.ndarray) else b)
    union = len(a | b)
    return len(a & b) / union if union else 0.0
