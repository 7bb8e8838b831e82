"""Benchmark: the newsclaims mention stage against raw spaCy `nlp.pipe`, in words per second.

What it measures, on at least 2 MB of real news text (the ground-truth bodies of
../shared/data/articles/, repeated as distinct articles until the size is reached):

* raw: `nlp.pipe` with the same model and the same components as newsclaims (only `ner`, see
  `analysis.entities.ner_only`), over exactly the texts the mention stage sends to NER, in the same
  order, with the same batch size;
* newsclaims: `jobs.analyse` on a fresh SQLite store holding those articles: NER, storing the
  mentions, the second pass, variant clustering and storing the clusters and flags.

Both run for each `n_process` (1 and 2 by default) in the same run, so the ratio newsclaims/raw
says what the pipeline around NER costs; the goal is a ratio of at least 0.90 at every process count.
It also reports the speed-up of 2 processes over 1 and the peak RSS of this process and of its
children (the `n_process=2` workers).

A MISS still exits 0: this is a measurement, not a test. If the mention stage raises, the error is
reported in its row, the other measurements still run, and the exit code is 1. Timings depend on
what else runs on the machine, so read them next to the load average printed in the header.

    .venv/bin/python bench/ner.py                  # the full benchmark (a few minutes)
    .venv/bin/python bench/ner.py --processes 1    # one process count only
    .venv/bin/python bench/ner.py --smoke          # ~60 KB, n_process=1: checks the script runs
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from analysis.entities import NER_FIELDS, ner_only
from newsclaims import jobs, store
from newsclaims.config import StoryConfig
from newsclaims.nlp import describe_model, load_model

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared/data/articles/ground-truth.jsonl"
GOAL = 0.90
SMOKE_BYTES = 60_000
STORY = {
    "slug": "bench",
    "title": "NER benchmark",
    "outlets": [{"slug": "a", "name": "A", "origin": "http://127.0.0.1:1", "seeds": ["/"]}],
}


@dataclass(frozen=True)
class Article:
    url: str
    title: str | None
    text: str
    content_hash: str


@dataclass(frozen=True)
class Result:
    n_process: int
    raw_seconds: float
    newsclaims_seconds: float | None  # None when the mention stage raised
    words: int
    summary: dict
    error: str | None = None

    @property
    def raw_wps(self) -> float:
        return self.words / self.raw_seconds

    @property
    def newsclaims_wps(self) -> float:
        return self.words / self.newsclaims_seconds

    @property
    def ratio(self) -> float:
        return self.newsclaims_wps / self.raw_wps

    @property
    def verdict(self) -> str:
        return "PASS" if self.ratio >= GOAL else "MISS"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true",
                        help=f"tiny input (~{SMOKE_BYTES // 1000} KB) and n_process=1 only: checks the script runs")
    parser.add_argument("--min-bytes", type=int, default=2_000_000,
                        help="repeat the articles until their text is at least this many UTF-8 bytes")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2], metavar="N",
                        help="n_process values to measure (default: 1 2)")
    args = parser.parse_args(argv)
    if args.smoke:
        args.min_bytes, args.processes = SMOKE_BYTES, [1]
    return args


def load_sources(path: Path = ARTICLES) -> list[tuple[str | None, str]]:
    """(title, body) of every ground-truth article with a body, in file order."""
    sources = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row.get("body"):
                sources.append((row.get("title") or None, row["body"]))
    if not sources:
        raise SystemExit(f"no article bodies in {path}")
    return sources


def build_corpus(sources: list[tuple[str | None, str]], min_bytes: int) -> list[Article]:
    """Cycle through the sources, each copy a distinct article (its own URL and content hash), until
    the texts NER will read add up to `min_bytes`. Texts are kept as they are, one per article.

    URLs are zero-padded so that the store's `order by url` is the order built here, and the raw run
    can read the texts in the same order as the mention stage.
    """
    articles: list[Article] = []
    size = 0
    while size < min_bytes:
        i = len(articles)
        title, body = sources[i % len(sources)]
        digest = hashlib.sha256(f"{i}\x00{title}\x00{body}".encode("utf-8")).hexdigest()
        articles.append(Article(f"{STORY['outlets'][0]['origin']}/bench/{i:06d}", title, body, digest))
        size += sum(len(text.encode("utf-8")) for text in ner_texts(articles[-1:]))
    return articles


def ner_texts(articles: list[Article]) -> list[str]:
    """The texts the mention stage sends to NER, in its order: per article its non-empty NER fields
    (title, then text; these articles have no description)."""
    fields = [{"title": a.title, "description": None, "text": a.text} for a in articles]
    return [doc[field] for doc in fields for field in NER_FIELDS if doc.get(field)]


def fill_store(db, story: StoryConfig, articles: list[Article]) -> None:
    store.save_story(db, **story.as_record())
    origin = story.outlets[0].origin
    for article in articles:
        store.save_article(db, story.slug, {"url": article.url, "origin": origin, "content_hash": article.content_hash,
                                            "title": article.title, "text": article.text, "language": "en"})


def warm_up(nlp, texts: list[str]) -> None:
    """One small pipe so that lazy initialisation is counted in neither measurement."""
    with nlp.select_pipes(disable=ner_only(nlp)):
        for _ in nlp.pipe(texts[:8], batch_size=8):
            pass


def time_raw(nlp, texts: list[str], batch_size: int, n_process: int) -> float:
    start = time.perf_counter()
    with nlp.select_pipes(disable=ner_only(nlp)):
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            len(doc.ents)  # consume the result, as the mention stage does
    return time.perf_counter() - start


def time_newsclaims(nlp, story: StoryConfig, articles: list[Article], batch_size: int,
                    n_process: int) -> tuple[float, dict]:
    """Time `jobs.analyse` alone, on a fresh store filled before the clock starts."""
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        db = store.open_store(Path(tmp) / "bench.db")
        try:
            fill_store(db, story, articles)
            start = time.perf_counter()
            summary = jobs.analyse(db, story, nlp, batch_size=batch_size, n_process=n_process,
                                   claims=False)  # the mention stage alone; bench/claims.py times claims
            seconds = time.perf_counter() - start
        finally:
            db.close()
    return seconds, summary


def measure(nlp, story: StoryConfig, articles: list[Article], texts: list[str], words: int,
            batch_size: int, n_process: int) -> Result:
    # Raw always runs first, then newsclaims, for every process count. Both follow the warm-up, so
    # neither pays for loading; if the machine slows down as the run goes on (other work, memory
    # growth), that is charged to newsclaims, which keeps the ratio on the conservative side.
    raw = time_raw(nlp, texts, batch_size, n_process)
    try:
        seconds, summary = time_newsclaims(nlp, story, articles, batch_size, n_process)
    except Exception as exc:  # report it with the other numbers rather than lose the whole run
        traceback.print_exc()
        return Result(n_process, raw, None, words, {}, error=f"{type(exc).__name__}: {exc}")
    return Result(n_process, raw, seconds, words, summary)


def peak_rss_mb(who: int) -> float:
    """ru_maxrss in MB (Linux reports KB). For RUSAGE_CHILDREN it is the largest single child."""
    return resource.getrusage(who).ru_maxrss / 1024


def revision() -> str:
    """The commit measured, with `-dirty` when the working tree has changes (benchmarks get compared).
    Call it after reading RUSAGE_CHILDREN: Linux charges a forked child with the parent's RSS."""
    try:
        return subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def print_header(nlp, articles: list[Article], texts: list[str], words: int, args: argparse.Namespace) -> None:
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(describe_model(nlp))
    print(f"components: {', '.join(n for n in nlp.pipe_names if n not in ner_only(nlp))} "
          f"(disabled: {', '.join(ner_only(nlp)) or 'none'})")
    print(f"input: {size:,} bytes, {words:,} words, {len(articles):,} articles, {len(texts):,} texts "
          f"(from {ARTICLES.name}, repeated)")
    print(f"batch_size={args.batch_size}; processes: {' '.join(map(str, args.processes))}; "
          f"cpus: {os.cpu_count()}; load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()


def print_results(results: list[Result]) -> None:
    print(f"{'n_process':>9}  {'raw s':>8}  {'raw words/s':>12}  {'newsclaims s':>12}  "
          f"{'newsclaims words/s':>18}  {'ratio':>6}  goal")
    for r in results:
        if r.error:
            print(f"{r.n_process:>9}  {r.raw_seconds:>8.2f}  {r.raw_wps:>12,.0f}  {'-':>12}  {'-':>18}  {'-':>6}  "
                  f"ERROR")
            continue
        print(f"{r.n_process:>9}  {r.raw_seconds:>8.2f}  {r.raw_wps:>12,.0f}  {r.newsclaims_seconds:>12.2f}  "
              f"{r.newsclaims_wps:>18,.0f}  {r.ratio:>6.3f}  >= {GOAL:.2f} {r.verdict}")
    print()
    for r in results:
        if r.error:
            print(f"ratio n_process={r.n_process}: none: the mention stage failed: {r.error}")
            continue
        print(f"ratio n_process={r.n_process}: {r.ratio:.3f} (newsclaims/raw; goal >= {GOAL:.2f}: {r.verdict})")
    for r in results:
        s = r.summary
        if r.error:
            continue
        print(f"newsclaims n_process={r.n_process}: {s['versions_analysed']} versions, {s['mentions']} person "
              f"mentions ({s['second_pass_mentions']} from the second pass), {s['clusters']} clusters, "
              f"{s['flags']} flags; time beyond raw NER: {r.newsclaims_seconds - r.raw_seconds:+.2f} s")
    by_n = {r.n_process: r for r in results}
    if 1 in by_n and 2 in by_n:
        one, two = by_n[1], by_n[2]
        mentions = "n/a" if one.error or two.error else f"{two.newsclaims_wps / one.newsclaims_wps:.2f}x"
        print(f"speed-up n_process=2 over 1: raw {two.raw_wps / one.raw_wps:.2f}x, newsclaims {mentions}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    nlp = load_model()
    story = StoryConfig.model_validate(STORY)
    articles = build_corpus(load_sources(), args.min_bytes)
    texts = ner_texts(articles)
    words = sum(len(text.split()) for text in texts)
    print_header(nlp, articles, texts, words, args)
    warm_up(nlp, texts)
    results = [measure(nlp, story, articles, texts, words, args.batch_size, n) for n in args.processes]
    print_results(results)
    print(f"peak RSS: this process {peak_rss_mb(resource.RUSAGE_SELF):,.0f} MB, "
          f"largest child {peak_rss_mb(resource.RUSAGE_CHILDREN):,.0f} MB (forked workers: pages shared "
          f"with this process count in both)")
    print(f"newsclaims revision: {revision()}")
    sys.stdout.flush()
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
