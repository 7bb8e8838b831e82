"""Candidate pairs of texts that may share a passage: an inverted index of word shingles, never all pairs.

Why: a story's coverage runs to thousands of versions, and aligning every pair word by word grows with
the square of that. A passage two texts share is a run of the same words, so every shingle (`size`
consecutive word keys) along it is in both texts: a passage of n words is a run of n - size + 1
consecutive shared shingles. The index maps each shingle to the texts that have it; a text's
candidates are the texts that share a run of at least `min_run` consecutive shingles with it. Every
candidate is then checked by exact alignment (`analysis.reuse.align`), so a false candidate costs a
little time and never makes an edge.

Why runs and not a count of shared shingles, nor a Jaccard estimate of whole texts (MinHash, which
this replaced): copying is a *containment* question about one passage. One paragraph copied into a
long feature shares a tiny part of the union of both texts, so a Jaccard threshold low enough to reach
it also returns most pairs that merely share stock phrases; and a count adds up stock phrases
scattered through two texts ("Mayor Ellen Cranston said that", "the county had asked for help") as if
they were one passage. On a synthetic story whose sentences share such frames, either made a third or
more of all pairs candidates, and aligning them was most of the analysis; a run is only met where one
text has the other's words in order.

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

from analysis.reuse.shingles import shingle_sequence, word_keys

#: Consecutive shared shingles that make a candidate. A passage counts as copying from 150 characters
#: up (`analysis.propagation.story.MIN_PASSAGE_CHARS`), 20-30 words of news prose (16-26 consecutive
#: 5-word shingles); 8 is a 12-word run, so only a passage of words averaging over 12 characters could
#: count and be missed. On the real stories of ../shared/data/real-stories/ every aligned pair shared
#: 21 or more shingles.
MIN_RUN = 8

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


def candidate_pairs(texts: Sequence[str], *, min_run: int = MIN_RUN, shingle_words: int = 5,
                    new: Collection[int] | None = None) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of indices into `texts` where one text has a run of at least `min_run`
    consecutive shingles of `shingle_words` words that are all in the other, common text
    (`common_limit`) left out; sorted. Empty texts take part in no pair. With `new` (indices), only
    pairs with at least one new text: the others were searched before.

    >>> a = "the river rose over the levee at dawn and the mayor ordered the school closed for the week"
    >>> candidate_pairs([a, "an unrelated note about a bake sale in the church hall on sunday", a + " again"])
    [(0, 2)]
    >>> candidate_pairs([a, "an unrelated note", a, a], new=[3])
    [(0, 3), (2, 3)]
    """
    sequences = [shingle_sequence(word_keys(text or ""), size=shingle_words) for text in texts]
    sets = [np.unique(sequence) for sequence in sequences]
    sizes = np.fromiter((len(h) for h in sets), dtype=np.int64, count=len(sets))
    if sizes.sum() == 0:
        return []
    values = np.concatenate(sets)
    owners = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
    order = np.argsort(values, kind="stable")
    values, owners = values[order], owners[order]
    limit = common_limit(len(texts))
    fresh = np.ones(len(texts), dtype=bool) if new is None else np.isin(np.arange(len(texts)), list(new))
    pairs = []
    for index in np.flatnonzero(fresh & (sizes > 0)):
        sequence = sequences[index]
        first = np.searchsorted(values, sequence, side="left")
        count = np.searchsorted(values, sequence, side="right") - first
        keep = (count > 1) & (count <= limit)
        positions, first, count = np.flatnonzero(keep), first[keep], count[keep]
        if len(positions) < min_run:
            continue
        # Every posting of this text's shingles, as one index array: each run [first, first + count),
        # with the position in this text it was looked up from.
        starts = np.repeat(first - np.concatenate(([0], np.cumsum(count)[:-1])), count)
        others = owners[starts + np.arange(count.sum())]
        at = np.repeat(positions, count)
        # A pair is found once: from its later text, or from its only new one.
        mask = (others != index) & ((others < index) | ~fresh[others])
        others, at = others[mask], at[mask]
        if not len(others):
            continue
        pairs.extend((min(o, int(index)), max(o, int(index))) for o in _long_runs(others, at, min_run))
    return sorted(set(pairs))


def _long_runs(others: np.ndarray, at: np.ndarray, min_run: int) -> list[int]:
    """The texts among `others` that hold the shingles at `min_run` consecutive positions `at` of the
    text looked up (each element: one shingle at one position, found in one other text)."""
    order = np.lexsort((at, others))
    others, at = others[order], at[order]
    breaks = np.flatnonzero((others[1:] != others[:-1]) | (at[1:] != at[:-1] + 1)) + 1
    starts = np.concatenate(([0], breaks))
    lengths = np.diff(np.concatenate((starts, [len(others)])))
    return sorted({int(o) for o in others[starts[lengths >= min_run]]})
