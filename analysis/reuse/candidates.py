"""Candidate pairs of texts that may share a passage: an inverted index of word shingles, never all pairs.

Why: a story's coverage runs to thousands of versions, and aligning every pair word by word grows with
the square of that. A passage two texts share is a run of the same words, so they share every shingle
of it (`size` consecutive word keys): a passage of n words gives n - size + 1 shared shingles. The
index maps each shingle to the texts that have it; a text's candidates are the texts it shares at
least `min_shared` shingles with, counted exactly. Every candidate is then checked by exact alignment
(`analysis.reuse.align`), so a false candidate costs a little time and never makes an edge.

Why shared shingles and not a Jaccard estimate of whole texts (MinHash, which this replaced): copying
is a *containment* question. One paragraph copied into a long feature shares a tiny part of the union
of both texts, so a Jaccard threshold low enough to reach it also returns most pairs that merely share a
few stock phrases (measured on a synthetic 1,000-article story: a third of all pairs were candidates,
and aligning them was most of the analysis). A count of shared shingles measures the shared passage
itself, whatever the texts' lengths.

Why the work grows with the texts and not their square: each text is looked up shingle by shingle, so
the cost is the sum, over shingles, of how many texts share them. Text in very many texts is left out
(`common_limit`), which bounds that sum; `new` limits the lookups to the texts not searched before,
which is what a re-analysis after a day's crawl needs.

Known limit: a long passage that very many articles really do share verbatim (a wire story run by
hundreds of outlets) makes them one clique of copies, and the direct-edge reduction
(`analysis.reuse.edges`) then grows faster than the square of its size. Text in more than
`common_limit` articles is left out of the candidate search, which keeps house boilerplate from
making such cliques, but a true clique of whole copied articles is still found pair by pair.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from analysis.reuse.shingles import shingle_hashes, word_keys

#: Shared shingles that make a candidate. A passage counts as copying from `MIN_PASSAGE_CHARS`-style
#: thresholds of 150 characters up (`analysis.propagation.story`), which is 20-30 words of news prose
#: (16-26 shared 5-word shingles); 8 shared shingles is a 12-word run, so only a passage of words
#: averaging over 12 characters could count and be missed. On the real stories of
#: ../shared/data/real-stories/ the aligned pairs shared 21 to 258 shingles.
MIN_SHARED = 8

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


def candidate_pairs(texts: Sequence[str], *, min_shared: int = MIN_SHARED, shingle_words: int = 5,
                    new: Collection[int] | None = None) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of indices into `texts` that share at least `min_shared` shingles of
    `shingle_words` words, common text (`common_limit`) left out; sorted. Empty texts take part in no
    pair. With `new` (indices), only pairs with at least one new text: the others were searched before.

    >>> a = "the river rose over the levee at dawn and the mayor ordered the school closed for the week"
    >>> candidate_pairs([a, "an unrelated note about a bake sale in the church hall on sunday", a + " again"])
    [(0, 2)]
    >>> candidate_pairs([a, "an unrelated note", a, a], new=[3])
    [(0, 3), (2, 3)]
    """
    hashes = [shingle_hashes(word_keys(text or ""), size=shingle_words) for text in texts]
    sizes = np.fromiter((len(h) for h in hashes), dtype=np.int64, count=len(hashes))
    if sizes.sum() == 0:
        return []
    values = np.concatenate(hashes)
    owners = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
    order = np.argsort(values, kind="stable")
    values, owners = values[order], owners[order]
    limit = common_limit(len(texts))
    fresh = np.ones(len(texts), dtype=bool) if new is None else np.isin(np.arange(len(texts)), list(new))
    pairs = []
    for index in np.flatnonzero(fresh & (sizes > 0)):
        first = np.searchsorted(values, hashes[index], side="left")
        count = np.searchsorted(values, hashes[index], side="right") - first
        keep = (count > 1) & (count <= limit)
        first, count = first[keep], count[keep]
        if not len(count):
            continue
        # Every posting of this text's shingles, as one index array: each run [first, first + count).
        starts = np.repeat(first - np.concatenate(([0], np.cumsum(count)[:-1])), count)
        others = owners[starts + np.arange(count.sum())]
        # A pair is found once: from its later text, or from its only new one.
        others = others[(others != index) & ((others < index) | ~fresh[others])]
        found, shared = np.unique(others, return_counts=True)
        pairs.extend((min(int(o), int(index)), max(int(o), int(index))) for o in found[shared >= min_shared])
    return sorted(pairs)
