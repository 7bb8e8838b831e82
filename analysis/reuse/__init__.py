"""Text reuse: which article versions copied which, through which exact passages, carrying which errors.

Three steps, each its own module, composed by `find_copy_edges`:

1. `candidates`: an inverted index of word shingles gives the pairs where one text has a run of the
   other's shingles long enough to be a passage, never all pairs (`candidate_pairs`).
2. `align`: each candidate pair's exact shared passages, with offsets into both original texts
   (`align`); a pair with none is no edge.
3. `edges`: each pair oriented (syndication evidence, then published dates, else "uncertain"), then
   reduced to direct copies by passage evidence (`direct_edges`); `mark_carried` says which edges
   carried an error form from source to target.

Input articles are plain dicts: `url`, `version`, `outlet`, `text`, `published`,
`published_precision` ("instant", "day", "month" or None), and optionally `outlet_name`,
`canonical_url` and `credit` (a string or a list of outlet names or URLs, e.g. "(AP)").
Output edges are plain dicts (see `analysis.reuse.edges`), ready for JSON.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from analysis.reuse.align import Passage, Run, align, align_runs
from analysis.reuse.candidates import MIN_RUN, candidate_pairs
from analysis.reuse.edges import (
    article_key,
    compare_published,
    copy_edges,
    direct_edges,
    mark_carried,
    orient,
    syndication_evidence,
)
from analysis.reuse.shingles import shingles, tokenize

__all__ = ["Passage", "Run", "align", "align_runs", "article_key", "candidate_pairs", "compare_published", "copy_edges",
           "direct_edges", "find_copy_edges", "mark_carried", "orient", "shingles", "syndication_evidence",
           "tokenize"]


def find_copy_edges(articles: Sequence[Mapping], *, min_run: int = MIN_RUN, shingle_words: int = 5,
                    min_chars: int = 200, min_words: int = 8, max_unexplained_chars: int = 0,
                    direct: bool = True) -> list[dict]:
    """The copy edges among `articles`: direct ones only unless `direct=False`; sorted by source, target.

    min_run, shingle_words: candidate search (`candidate_pairs`); min_chars, min_words: the
    shortest passage that counts (`align`); max_unexplained_chars: the direct-edge rule's slack
    (`direct_edges`). Articles without text take no part.
    """
    usable = [article for article in articles if article.get("text")]
    pairs = candidate_pairs([article["text"] for article in usable], min_run=min_run,
                            shingle_words=shingle_words)
    edges = copy_edges(usable, pairs, min_chars=min_chars, min_words=min_words)
    if not direct:
        return edges
    texts = {article_key(article): article["text"] for article in usable}
    return direct_edges(edges, texts, max_unexplained_chars=max_unexplained_chars)
