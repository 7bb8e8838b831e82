"""Benchmark: newsclaims page extraction against plain `trafilatura.extract`, on real pages with ground truth.

The pages are ../shared/data/articles/ (90 real article pages; see PROVENANCE.md there): 68 from the
scrapinghub article-extraction-benchmark (human-annotated body) and 22 from fundus' parser test data
(body, title, authors and date as fundus expects them). In the same run, on the same decoded HTML and
with the page's `url` passed to both:

* newsclaims: `crawler.extract.extract_page(html, url)`;
* baseline: `trafilatura.extract(html, url=url)` with trafilatura's default settings.

Body score: bag-of-tokens overlap, as the scrapinghub benchmark scores article bodies. A token is a
run of word characters (`\\w+`, Unicode) after lower-casing, so whitespace, punctuation and paragraph
breaks never count; texts are compared as multisets, so precision = |pred ∩ truth| / |pred| and recall
= |pred ∩ truth| / |truth| with ∩ the multiset intersection (a word repeated in boilerplate counts once
per occurrence). An empty extraction scores P = R = F1 = 0. Macro averages are the mean of the per-page
values (each page weighs the same); micro sums the counts over all pages (long pages weigh more).

Metadata (fundus pages only, where the truth has the field):

* title: equal after Unicode NFKC, case folding, unified quotes and dashes and collapsed whitespace;
* author: the same set of names (ours split on `,` `;` `&` and ` and `, each normalised like a title);
* date, day: the extracted date falls on the same calendar day as the truth, in the truth's own
  offset (an extracted instant is converted to it first; a day-precision date is compared as is);
* date, instant: the extracted date is an instant equal to the truth's (aware datetimes compared;
  the one truth without an offset is compared as local wall time). Reported apart, because a day is
  all some pages state.

The goal is a body F1 (macro) at least the baseline's, never worse; `tests/test_bench_extraction.py`
keeps that as a quality gate. A MISS still exits 0 here: this is a measurement.

    .venv/bin/python bench/extraction.py            # all 90 pages (about 15 s)
    .venv/bin/python bench/extraction.py --smoke    # 10 fixed pages: checks the script runs
    .venv/bin/python bench/extraction.py --pages    # also one line per page
    .venv/bin/python bench/extraction.py --json     # one JSON object instead of the report
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

import trafilatura

from crawler.extract import decode_html, extract_page

ARTICLES = Path(__file__).resolve().parents[2] / "shared/data/articles"
SMOKE_PAGES = 10
_TOKEN = re.compile(r"\w+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Truth:
    id: str
    source: str
    url: str
    file: str
    body: str
    title: str | None
    authors: tuple[str, ...]
    date: str | None


@dataclass
class Overlap:
    """Token counts of one extraction against its truth."""

    common: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.common / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.common / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PageResult:
    id: str
    source: str
    newsclaims: Overlap
    baseline: Overlap
    title_ok: bool | None = None
    author_ok: bool | None = None
    date_day_ok: bool | None = None
    date_instant_ok: bool | None = None
    extracted: dict = field(default_factory=dict)


def tokens(text: str | None) -> Counter:
    """Lower-cased `\\w+` tokens of `text` as a multiset: `tokens("A cat, a CAT.") == {"a": 2, "cat": 2}`."""
    return Counter(_TOKEN.findall((text or "").lower()))


def overlap(predicted: str | None, expected: str) -> Overlap:
    pred, truth = tokens(predicted), tokens(expected)
    return Overlap(sum((pred & truth).values()), sum(pred.values()), sum(truth.values()))


def load_truths(root: Path = ARTICLES, *, smoke: bool = False) -> list[Truth]:
    """Every page of `ground-truth.jsonl` in file order; with `smoke`, 10 pages spread evenly over it."""
    truths = []
    with (root / "ground-truth.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            raw = json.loads(line)
            authors = raw.get("authors") or ([raw["author"]] if raw.get("author") else [])
            truths.append(Truth(raw["id"], raw["source"], raw["url"], raw["file"], raw["body"], raw.get("title"),
                                tuple(authors), raw.get("date")))
    if smoke:
        step = max(1, len(truths) // SMOKE_PAGES)
        truths = truths[::step][:SMOKE_PAGES]
    return truths


def normalise_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())


def author_names(value: str | None) -> set[str]:
    if not value:
        return set()
    parts = re.split(r"\s*(?:[,;&]|\band\b)\s*", value)
    return {normalise_text(p) for p in parts if p.strip()}


def date_matches(extracted: str | None, expected: str) -> tuple[bool, bool]:
    """(same calendar day in the truth's offset, same instant) for an extracted ISO date."""
    if not extracted:
        return False, False
    want = datetime.fromisoformat(expected)
    if len(extracted) == 10:  # a day: YYYY-MM-DD
        return date.fromisoformat(extracted) == want.date(), False
    got = datetime.fromisoformat(extracted)
    if got.tzinfo is not None and want.tzinfo is not None:
        return got.astimezone(want.tzinfo).date() == want.date(), got == want
    # One side has no offset: compare wall-clock values, the only thing both state.
    naive_got, naive_want = got.replace(tzinfo=None), want.replace(tzinfo=None)
    return naive_got.date() == naive_want.date(), naive_got == naive_want and got.tzinfo is want.tzinfo


def evaluate_page(truth: Truth, root: Path = ARTICLES) -> PageResult:
    html = decode_html(gzip.decompress((root / truth.file).read_bytes()), None)
    page = extract_page(html, truth.url)
    baseline = trafilatura.extract(html, url=truth.url)
    result = PageResult(truth.id, truth.source, overlap(page.text if page else None, truth.body),
                        overlap(baseline, truth.body))
    if page is not None:
        result.extracted = {"title": page.title, "author": page.author, "published": page.published,
                            "published_rule": page.published_rule}
    if truth.title:
        result.title_ok = bool(page and page.title) and normalise_text(page.title) == normalise_text(truth.title)
    if truth.authors:
        result.author_ok = author_names(page.author if page else None) == {normalise_text(a) for a in truth.authors}
    if truth.date:
        result.date_day_ok, result.date_instant_ok = date_matches(page.published if page else None, truth.date)
    return result


def summarise(results: list[PageResult], seconds: float) -> dict:
    def body(which: str) -> dict:
        overlaps = [getattr(r, which) for r in results]
        total = Overlap(sum(o.common for o in overlaps), sum(o.predicted for o in overlaps),
                        sum(o.expected for o in overlaps))
        n = len(overlaps) or 1
        return {
            "macro": {"precision": sum(o.precision for o in overlaps) / n,
                      "recall": sum(o.recall for o in overlaps) / n,
                      "f1": sum(o.f1 for o in overlaps) / n},
            "micro": {"precision": total.precision, "recall": total.recall, "f1": total.f1},
        }

    def accuracy(attr: str) -> dict:
        values = [getattr(r, attr) for r in results if getattr(r, attr) is not None]
        return {"right": sum(values), "of": len(values), "accuracy": sum(values) / len(values) if values else None}

    sources = Counter(r.source for r in results)
    return {
        "pages": len(results),
        "sources": dict(sorted(sources.items())),
        "seconds": seconds,
        "body": {"newsclaims": body("newsclaims"), "trafilatura": body("baseline")},
        "title": accuracy("title_ok"),
        "author": accuracy("author_ok"),
        "date_day": accuracy("date_day_ok"),
        "date_instant": accuracy("date_instant_ok"),
    }


def run(*, smoke: bool = False, root: Path = ARTICLES) -> tuple[dict, list[PageResult]]:
    truths = load_truths(root, smoke=smoke)
    started = time.perf_counter()
    results = [evaluate_page(t, root) for t in truths]
    return summarise(results, time.perf_counter() - started), results


def report(summary: dict) -> str:
    lines = [f"pages: {summary['pages']} ({', '.join(f'{n} {s}' for s, n in summary['sources'].items())}) "
             f"in {summary['seconds']:.1f} s"]
    for name in ("newsclaims", "trafilatura"):
        for avg in ("macro", "micro"):
            m = summary["body"][name][avg]
            lines.append(f"body {name} {avg}: P={m['precision']:.4f} R={m['recall']:.4f} F1={m['f1']:.4f}")
    for key, label in (("title", "title"), ("author", "author"), ("date_day", "date (same day)"),
                       ("date_instant", "date (exact instant)")):
        a = summary[key]
        value = "n/a" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        lines.append(f"{label} accuracy: {value} ({a['right']}/{a['of']})")
    ours, base = summary["body"]["newsclaims"]["macro"]["f1"], summary["body"]["trafilatura"]["macro"]["f1"]
    verdict = "OK" if ours >= base else "MISS"
    lines.append(f"goal F1 >= baseline: {verdict} (newsclaims {ours:.4f} vs trafilatura {base:.4f}, "
                 f"{ours - base:+.4f})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help=f"only {SMOKE_PAGES} fixed pages")
    parser.add_argument("--pages", action="store_true", help="also print one line per page")
    parser.add_argument("--json", action="store_true", help="print one JSON object (summary and pages)")
    parser.add_argument("--root", type=Path, default=ARTICLES, help="folder holding ground-truth.jsonl")
    args = parser.parse_args(argv)
    if not (args.root / "ground-truth.jsonl").is_file():
        print(f"{args.root / 'ground-truth.jsonl'} not found; pass --root", file=sys.stderr)
        return 1
    summary, results = run(smoke=args.smoke, root=args.root)
    if args.json:
        print(json.dumps({"summary": summary, "pages": [asdict(r) for r in results]}, ensure_ascii=False))
        return 0
    if args.pages:
        for r in results:
            flags = " ".join(f"{k}={'ok' if v else 'NO'}" for k, v in
                             (("title", r.title_ok), ("author", r.author_ok), ("day", r.date_day_ok),
                              ("instant", r.date_instant_ok)) if v is not None)
            print(f"{r.id[:24]:24} F1 {r.newsclaims.f1:.3f} vs {r.baseline.f1:.3f} "
                  f"{r.newsclaims.f1 - r.baseline.f1:+.3f} {flags} {r.extracted}")
    print(report(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
