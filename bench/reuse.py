"""Benchmark: who copied whom among 10,000 synthetic articles (`analysis.reuse`).

The articles are made of generated words (a seeded RNG, a Zipf-like vocabulary, so that frequent words
repeat as in prose and nothing is real text). Each is published one minute after the previous one.
About 40% are planted copies of an earlier article (a recent one, as coverage of a story clusters in
time; a third of the time the source is itself a copy, making chains and siblings):

* verbatim: the source under a lead paragraph of the copy's own;
* edited: words substituted (3%) and inserted (2%), paragraphs reordered half of the time, one
  paragraph sometimes dropped;
* partial: half or more of the source's paragraphs among two to four paragraphs of the copy's own.

The planted (source, copy) pairs are the truth. Reported, in one run:

* on the first 1,000 articles, the shingle index + alignment (`find_copy_edges`, defaults) against the
  naive baseline: every pair checked for a run of `MIN_RUN` consecutive shingles of one text in the
  other (Python sets, the same shingles), followed by the same alignment. Their times (each the fastest of three runs, the index
  one including the direct-edge reduction), the ratio naive/index, and the recall of planted pairs
  among the verified pairs of each (goal: index recall at least 0.95 of naive);
* the index pipeline on all 10,000 articles: time, time(10k)/time(1k) (goal: at most 15, i.e. within
  1.5x of linear), recall of planted pairs, and after the direct-edge reduction the precision and
  recall of direct edges against the planted pairs and the share with the planted direction.

    .venv/bin/python bench/reuse.py           # the full benchmark (about a minute)
    .venv/bin/python bench/reuse.py --smoke   # 1,200 / 300 articles: checks the script runs

Output lines are `name: value`; goals print as `goal <name>: MET|MISSED (value vs target)`. A missed
goal still exits 0: this is a measurement, not a test. Timings depend on the machine's load; only the
ratios, measured in the same run, are comparable across machines.
"""
from __future__ import annotations

import argparse
import itertools
import random
import resource
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.reuse import article_key, copy_edges, direct_edges, find_copy_edges  # noqa: E402
from analysis.reuse.candidates import MIN_RUN  # noqa: E402
from analysis.reuse.shingles import shingle_sequence, word_keys  # noqa: E402

SEED = 20260311
REPEAT = 3  # each timing is the fastest of this many runs
SYLLABLES = ("ka", "lo", "mi", "ren", "ta", "vo", "sul", "de", "an", "bri", "es", "ol", "tu", "na", "pe", "gor",
             "il", "sa", "un", "fe", "ro", "zi", "ha", "mun", "ce", "dra", "ul", "ne", "vis", "to")
START = datetime(2024, 3, 1, tzinfo=timezone.utc)


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
    return sorted(words)


class Writer:
    """Sentences of generated words, frequent words first (weights 1/rank)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words = vocabulary(rng)
        rng.shuffle(self.words)
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words))))

    def paragraph(self) -> list[str]:
        """A paragraph as the words a reader sees, punctuation attached: copies keep it as written."""
        return render(self.rng.choices(self.words, cum_weights=self.cumulative, k=self.rng.randint(30, 70)), self.rng)

    def word(self) -> str:
        return self.rng.choices(self.words, cum_weights=self.cumulative)[0]


def render(paragraph: list[str], rng: random.Random) -> list[str]:
    """Words as prose: capitalised sentences of about 8-20 words with the odd comma."""
    out, sentence = [], 0
    for word in paragraph:
        if sentence == 0:
            word = word.capitalize()
        sentence += 1
        if sentence >= 8 and rng.random() < 0.12:
            word += "."
            sentence = 0
        elif sentence > 3 and rng.random() < 0.05:
            word += ","
        out.append(word)
    out[-1] = out[-1].rstrip(",") + ("" if out[-1].endswith(".") else ".")
    return out


def edit(paragraph: list[str], writer: Writer, rng: random.Random) -> list[str]:
    out = []
    for word in paragraph:
        if rng.random() < 0.02:
            out.append(writer.word())
        out.append(writer.word() if rng.random() < 0.03 else word)
    return out


def generate(n: int, seed: int = SEED) -> tuple[list[dict], set[tuple[int, int]]]:
    """`n` articles and the planted (source index, copy index) pairs."""
    rng = random.Random(seed)
    writer = Writer(rng)
    bodies: list[list[list[str]]] = []  # each article as paragraphs of words, before rendering
    planted: set[tuple[int, int]] = set()
    originals: list[int] = []
    for index in range(n):
        if index < 20 or rng.random() < 0.6:
            body = [writer.paragraph() for _ in range(rng.randint(4, 8))]
            originals.append(index)
        else:
            pool = originals[-300:] if rng.random() < 2 / 3 else list(range(max(0, index - 300), index))
            source = rng.choice(pool)
            paragraphs = [list(p) for p in bodies[source]]
            kind = rng.random()
            if kind < 0.25:
                body = [writer.paragraph()] + paragraphs
            elif kind < 0.70:
                body = [edit(p, writer, rng) for p in paragraphs]
                if rng.random() < 0.5:
                    rng.shuffle(body)
                if len(body) > 3 and rng.random() < 0.3:
                    body.pop(rng.randrange(len(body)))
            else:
                kept = rng.sample(paragraphs, max(2, round(len(paragraphs) * rng.uniform(0.5, 0.8))))
                body = kept + [writer.paragraph() for _ in range(rng.randint(2, 4))]
                rng.shuffle(body)
            planted.add((source, index))
        bodies.append(body)
    articles = []
    for index, body in enumerate(bodies):
        articles.append({"url": f"https://outlet{index % 97}.example/story/{index}", "version": 1,
                         "outlet": f"https://outlet{index % 97}.example",
                         "text": "\n\n".join(" ".join(p) for p in body),
                         "published": (START + timedelta(minutes=index)).isoformat(),
                         "published_precision": "instant"})
    return articles, planted


def naive_pairs(articles: list[dict], min_run: int = MIN_RUN) -> list[tuple[int, int]]:
    """Every pair where the later text has `min_run` consecutive shingles all in the earlier one, checked
    pair by pair: the all-pairs reference."""
    sequences = [shingle_sequence(word_keys(a["text"])).tolist() for a in articles]
    sets = [set(sequence) for sequence in sequences]
    return [(i, j) for j in range(len(sets)) for i in range(j) if longest_run(sequences[j], sets[i]) >= min_run]


def longest_run(sequence: list[int], other: set[int]) -> int:
    best = run = 0
    for value in sequence:
        run = run + 1 if value in other else 0
        best = max(best, run)
    return best


def index_of(articles: list[dict]) -> dict[str, int]:
    return {a["url"]: i for i, a in enumerate(articles)}


def found_pairs(edges: list[dict], where: dict[str, int]) -> set[frozenset]:
    return {frozenset((where[e["source_url"]], where[e["target_url"]])) for e in edges}


def recall(found: set[frozenset], planted: set[tuple[int, int]]) -> float:
    return sum(frozenset(pair) in found for pair in planted) / len(planted) if planted else 1.0


def timed(function, *args, repeat: int = 1):
    """(fastest of `repeat` runs in seconds, the last result): the minimum is the run least disturbed
    by whatever else the machine was doing."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def index_pipeline(articles: list[dict]) -> tuple[list[dict], list[dict]]:
    """(every verified pair's edge, the direct edges): `find_copy_edges` with and without reduction."""
    edges = find_copy_edges(articles, direct=False)
    return edges, direct_edges(edges, {article_key(a): a["text"] for a in articles})


def naive_pipeline(articles: list[dict]) -> list[dict]:
    """The baseline: shared shingles counted for all pairs, then the same alignment."""
    return copy_edges(articles, naive_pairs(articles))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="1,200 articles, 300 in the naive comparison")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args(argv)
    big, small = (1_200, 300) if args.smoke else (args.size, args.small)

    seconds, (articles, planted) = timed(generate, big)
    subset = articles[:small]
    planted_small = {(s, c) for s, c in planted if c < small}
    words = sum(len(a["text"].split()) for a in articles)
    print(f"articles: {big} ({len(planted)} planted copies, {words / big:.0f} words each on average), "
          f"generated in {seconds:.1f} s")
    print(f"subset: first {small} ({len(planted_small)} planted copies)")

    where_small = index_of(subset)
    time_index_small, (index_small, _) = timed(index_pipeline, subset, repeat=REPEAT)
    recall_index = recall(found_pairs(index_small, where_small), planted_small)
    print(f"time_index_{small}_s: {time_index_small:.2f} (fastest of {REPEAT}, direct-edge reduction included)")
    print(f"recall_index_{small}: {recall_index:.4f} ({len(index_small)} verified pairs)")

    time_naive, naive_small = timed(naive_pipeline, subset, repeat=REPEAT)
    recall_naive = recall(found_pairs(naive_small, where_small), planted_small)
    print(f"time_naive_{small}_s: {time_naive:.2f} (fastest of {REPEAT})")
    print(f"recall_naive_{small}: {recall_naive:.4f} ({len(naive_small)} verified pairs)")
    print(f"ratio_naive_index_{small}: {time_naive / time_index_small:.2f}")
    recall_ratio = recall_index / recall_naive if recall_naive else 0.0
    print(f"recall_ratio_index_naive_{small}: {recall_ratio:.4f}")

    where = index_of(articles)
    time_big, (all_edges, direct) = timed(index_pipeline, articles, repeat=REPEAT)
    print(f"time_index_{big}_s: {time_big:.2f} (fastest of {REPEAT})")
    growth = time_big / time_index_small
    print(f"growth_{big}_{small}: {growth:.2f} (size ratio {big / small:.1f})")
    print(f"recall_index_{big}: {recall(found_pairs(all_edges, where), planted):.4f} ({len(all_edges)} verified pairs)")
    direct_found = found_pairs(direct, where)
    planted_sets = {frozenset(pair) for pair in planted}
    precision = len(direct_found & planted_sets) / len(direct_found) if direct_found else 0.0
    print(f"direct_edges_{big}: {len(direct)} (from {len(all_edges)}); precision {precision:.4f} "
          f"recall {recall(direct_found, planted):.4f}")
    oriented = sum((where[e["source_url"]], where[e["target_url"]]) in planted for e in direct)
    print(f"direct_edges_planted_direction: {oriented / max(1, len(direct_found & planted_sets)):.4f}")
    print(f"peak_rss_mb: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")

    suffix = " (smoke sizes)" if args.smoke else ""
    goals = [("recall_ratio", recall_ratio, ">=", 0.95),
             (f"growth_{big}_{small}", growth, "<=", 1.5 * big / small)]
    for name, value, op, target in goals:
        met = value >= target if op == ">=" else value <= target
        print(f"goal {name}{suffix}: {'MET' if met else 'MISSED'} ({value:.4g} vs {op} {target:.4g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
