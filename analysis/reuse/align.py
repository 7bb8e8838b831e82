"""Shared passages of two texts, with character offsets into both original texts.

How a passage is found, and why:

1. **Runs.** A run is a stretch of words whose keys (`analysis.reuse.shingles.fold`) are the same in
   both texts, in the same order. Runs are found from short seeds (`SHORT_RUN_WORDS` words), so a run
   anywhere in either text is found whatever came before it: a copy whose paragraphs were reordered
   still aligns paragraph by paragraph, which a single longest-common-subsequence pass
   (`difflib.SequenceMatcher`) would not do.
2. **Greedy choice.** Longest runs first; a word of either text belongs to at most one run, so text
   repeated inside one article is not counted twice. A run *counts* when what is left of it is still
   `min_words` words and spans at least `min_chars` characters of the target: below that, two texts
   sharing a stock phrase ("police said the investigation was continuing") is not evidence of copying.
   Only counted runs make passages; the short ones still tell which words two texts share.
3. **Exact pieces.** A run tolerates differences in case, accents, punctuation and spacing; what is
   reported is its exact pieces, cut wherever a word or the characters between two words differ. So
   for every passage, ``source_text[source_start:source_end] == target_text[target_start:target_end]``,
   and an offset inside a passage maps to the other text by a shift: which spelling was copied can be
   read off the passage. A piece may be shorter than `min_chars`: its run counted.

`align` gives the pieces; `align_runs` gives each run's extent with its pieces, for callers that need
to know which words two texts share up to case and punctuation (`analysis.reuse.edges`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from analysis.reuse.shingles import Tokens, tokenize

#: Runs down to this many words are kept, uncounted, to say which words two texts share (`align_runs`).
SHORT_RUN_WORDS = 4

#: Seeds that occur more often than this in one source text are boilerplate, not evidence; skipping
#: them keeps alignment linear on texts with a repeated refrain.
MAX_SEED_REPEATS = 50


@dataclass(frozen=True, order=True)
class Passage:
    """One exact shared passage: [start, end) code-point offsets in the source and in the target text."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Run:
    """One run: its extent in both texts (from its first word to its last), its exact pieces, and
    whether it is long enough (`min_chars`) for its pieces to count as passages.

    The extents of a run need not have the same length (spacing or punctuation may differ), so an
    offset maps between the texts only inside a piece; an extent says which words of a text the
    other text also has, up to case, accents and punctuation.
    """

    extent: Passage
    pieces: tuple[Passage, ...]
    counted: bool = True


def align(source_text: str, target_text: str, *, min_chars: int = 200, min_words: int = 8,
          source_tokens: Tokens | None = None, target_tokens: Tokens | None = None) -> list[Passage]:
    """The exact passages `target_text` shares with `source_text`, in target order.

    Pass `source_tokens`/`target_tokens` (from `tokenize`) when aligning one text against many.

    >>> a = "Intro words here. The flood barrier at Marrow Creek failed shortly after midnight, officials said."
    >>> b = "Other lead. The flood barrier at Marrow Creek failed shortly after midnight, officials said."
    >>> [(a[p.source_start:p.source_end], p.target_start) for p in align(a, b, min_chars=40, min_words=6)]
    [('The flood barrier at Marrow Creek failed shortly after midnight, officials said', 12)]
    """
    runs = align_runs(source_text, target_text, min_chars=min_chars, min_words=min_words,
                      source_tokens=source_tokens, target_tokens=target_tokens)
    return sorted((piece for run in runs if run.counted for piece in run.pieces),
                  key=lambda p: (p.target_start, p.source_start))


def align_runs(source_text: str, target_text: str, *, min_chars: int = 200, min_words: int = 8,
               source_tokens: Tokens | None = None, target_tokens: Tokens | None = None) -> list[Run]:
    """Every run `target_text` shares with `source_text`, each with its exact pieces, in target order;
    `counted` says which have `min_words` words and span `min_chars` characters.

    Runs down to `SHORT_RUN_WORDS` words are kept, uncounted, because they still say which words two
    related texts share: a copy edited every few words shares its source's words in runs too short to
    be passages, and the direct-edge rule must know those words came from the source
    (`analysis.reuse.edges`).

    >>> a = "The flood barrier at Marrow Creek failed shortly after midnight, officials said."
    >>> b = "The flood barrier at MARROW CREEK failed shortly after midnight; officials said."
    >>> [run] = align_runs(a, b, min_chars=40, min_words=6)
    >>> run.extent.target_end - run.extent.target_start, [b[p.target_start:p.target_end] for p in run.pieces]
    (79, ['The flood barrier at', 'failed shortly after midnight', 'officials said'])
    """
    src = source_tokens if source_tokens is not None else tokenize(source_text)
    tgt = target_tokens if target_tokens is not None else tokenize(target_text)
    runs = []
    shortest = max(1, min(min_words, SHORT_RUN_WORDS))
    for i, j, length in _choose(_runs(src.keys, tgt.keys, shortest), shortest):
        pieces = _exact_pieces(source_text, target_text, src, tgt, i, j, length)
        if pieces:
            extent = Passage(src.starts[i], src.ends[i + length - 1], tgt.starts[j], tgt.ends[j + length - 1])
            counted = length >= min_words and extent.target_end - extent.target_start >= min_chars
            runs.append(Run(extent, tuple(pieces), counted))
    return sorted(runs, key=lambda run: (run.extent.target_start, run.extent.source_start))


def shared_chars(passages: list[Passage]) -> int:
    """Characters of the target inside passages (passages never overlap in either text)."""
    return sum(p.target_end - p.target_start for p in passages)


def _runs(source: tuple[str, ...], target: tuple[str, ...], seed: int) -> list[tuple[int, int, int]]:
    """Every maximal run (source index, target index, length) of equal keys at least `seed` long.

    A run is reported once, from its first word: a seed hit whose previous words also match lies
    inside a run already found.
    """
    seed = max(1, seed)
    if len(source) < seed or len(target) < seed:
        return []
    index: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(source) - seed + 1):
        index.setdefault(source[i:i + seed], []).append(i)
    runs = []
    for j in range(len(target) - seed + 1):
        hits = index.get(target[j:j + seed])
        if not hits or len(hits) > MAX_SEED_REPEATS:
            continue
        for i in hits:
            if i and j and source[i - 1] == target[j - 1]:
                continue
            length = seed
            while i + length < len(source) and j + length < len(target) and source[i + length] == target[j + length]:
                length += 1
            runs.append((i, j, length))
    return runs


def _choose(runs: list[tuple[int, int, int]], shortest: int) -> list[tuple[int, int, int]]:
    """Longest runs first, each cut to the stretches whose words no chosen run holds in either text."""
    used_source: set[int] = set()
    used_target: set[int] = set()
    chosen = []
    for i, j, length in sorted(runs, key=lambda run: (-run[2], run[1], run[0])):
        start = None
        for d in range(length + 1):
            free = d < length and i + d not in used_source and j + d not in used_target
            if free and start is None:
                start = d
            elif not free and start is not None:
                if d - start >= shortest:
                    chosen.append((i + start, j + start, d - start))
                    used_source.update(range(i + start, i + d))
                    used_target.update(range(j + start, j + d))
                start = None
    return chosen


def _exact_pieces(source_text: str, target_text: str, src: Tokens, tgt: Tokens, i: int, j: int,
                  length: int) -> list[Passage]:
    """The run's maximal stretches where words and the characters between them are identical."""
    pieces = []
    first = None  # offset in the run of the open piece's first word
    for d in range(length + 1):
        if d < length:
            si, tj = i + d, j + d
            word_same = source_text[src.starts[si]:src.ends[si]] == target_text[tgt.starts[tj]:tgt.ends[tj]]
            gap_same = d == 0 or (source_text[src.ends[si - 1]:src.starts[si]]
                                  == target_text[tgt.ends[tj - 1]:tgt.starts[tj]])
        else:
            word_same = gap_same = False
        if first is not None and not (word_same and gap_same):
            last = d - 1
            pieces.append(Passage(src.starts[i + first], src.ends[i + last], tgt.starts[j + first], tgt.ends[j + last]))
            first = None
        if word_same and first is None:
            first = d
    return pieces
