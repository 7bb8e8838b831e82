"""Benchmark: clustering a plain list of 100,000 distinct name surfaces (`cluster_name_list`).

The surfaces are synthetic but made of real names: given names from the nickname table
(analysis/data/nicknames-names.csv, the full names of its first column) and surnames from the OFAC
list (../shared/data/name-variants/ofac-sdn-individuals.csv, one-word surnames). Each person gets a
frequent base form and variants from a typo model: a transposed, dropped, doubled or substituted
letter in the surname or the given name, a title ("Dr.", "Sen.", "Mayor"), a case change. Typo forms
are rare (1-3 uses), base forms frequent (20-200), as in coverage; the person each surface came from is
the truth.

Reported, in one run:

* total time, peak RSS, and B-cubed precision/recall/F1 against the truth at 100,000 surfaces
  (goal: under 60 s on 2 cores);
* the same at 20,000 surfaces (the first 20,000 of the same list) and time(100k)/time(20k)
  (goal: at most 8, near-linear);
* at 20,000 surfaces, the all-pairs reference: the same normaliser (`parse_name`, forms), the same
  scorer (`fuzz.ratio` on the folded words in reading order, `analysis.variants.compare._score`) over all pairs with
  `process.cdist(workers=-1)`, pairs at or above REFERENCE_CUTOFF compared by the same rules and joined
  by the same linkage (`link_forms(candidates=...)`). Reported: its time, the ratio
  reference/blocked, and the B-cubed F1 loss of blocking (goal: at most 0.01).

    .venv/bin/python bench/variants.py           # the full benchmark (a few minutes)
    .venv/bin/python bench/variants.py --smoke   # 4,000 / 1,000 surfaces: checks the script runs

Output lines are `name: value`; goals print as `goal <name>: MET|MISSED (value vs target)`. A missed
goal still exits 0: this is a measurement, not a test. Timings depend on the machine's load.
"""
from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.name_rules import NICKNAMES_CSV  # noqa: E402
from analysis.names import parse_name  # noqa: E402
from analysis.variants import Form, cluster_name_list, form_key, link_forms  # noqa: E402

OFAC = ROOT.parent / "shared" / "data" / "name-variants" / "ofac-sdn-individuals.csv"
SEED = 20260304
TITLES = ("Dr.", "Sen.", "Mayor", "Sheriff", "Prof.", "Gov.", "Rep.", "Judge")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
REFERENCE_CUTOFF = 70
GOALS = {"time_100k_s": ("<=", 60.0), "ratio_100k_20k": ("<=", 8.0), "b3_f1_loss": ("<=", 0.01)}


def real_names() -> tuple[list[str], list[str]]:
    with open(NICKNAMES_CSV, encoding="utf-8", newline="") as f:
        given = sorted({row["name1"].strip().lower() for row in csv.DictReader(f) if row["name1"].strip().isalpha()})
    surnames = set()
    with open(OFAC, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["name"].count(", ") == 1:
                surname = row["name"].split(", ")[0]
                if surname.isalpha() and len(surname) >= 4:
                    surnames.add(surname.lower())
    return [g.capitalize() for g in given if len(g) >= 3], sorted(s.capitalize() for s in surnames)


def typo(word: str, rng: random.Random) -> str:
    """One keyboard-and-memory error: transposition, drop, double or substitution."""
    if len(word) < 4:
        return word
    kind = rng.choice(("transpose", "drop", "double", "substitute"))
    i = rng.randrange(1, len(word) - 1)
    if kind == "transpose":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(LETTERS.replace(word[i].lower(), "")) + word[i + 1:]


def synthetic(n: int, seed: int = SEED) -> tuple[list[dict], dict[str, int]]:
    """`n` distinct surfaces with counts, and the person each came from (first come, first kept)."""
    rng = random.Random(seed)
    given, surnames = real_names()
    rows: list[dict] = []
    truth: dict[str, int] = {}
    people: set[tuple[str, str]] = set()
    person = 0
    while len(rows) < n:
        first, last = rng.choice(given), rng.choice(surnames)
        if (first, last) in people:
            continue
        people.add((first, last))
        forms = [(f"{first} {last}", rng.randint(20, 200))]
        forms.append((f"{rng.choice(TITLES)} {first} {last}", rng.randint(1, 10)))
        if rng.random() < 0.5:
            forms.append((f"{first} {last}".upper() if rng.random() < 0.5 else f"{first} {last}".lower(), rng.randint(1, 5)))
        for _ in range(rng.randint(1, 3)):
            forms.append((f"{first} {typo(last, rng)}", rng.randint(1, 3)))
        if rng.random() < 0.4:
            forms.append((f"{typo(first, rng)} {last}", rng.randint(1, 3)))
        for surface, count in forms:
            if surface not in truth and len(rows) < n:
                truth[surface] = person
                rows.append({"surface": surface, "count": count})
        person += 1
    return rows, truth


def b_cubed(clusters: dict[str, object], truth: dict[str, int]) -> tuple[float, float, float]:
    gold_of: dict = defaultdict(set)
    pred_of: dict = defaultdict(set)
    for surface, gold in truth.items():
        gold_of[gold].add(surface)
        pred_of[clusters.get(surface, ("alone", surface))].add(surface)
    precision = recall = 0.0
    for surface, gold in truth.items():
        predicted = pred_of[clusters.get(surface, ("alone", surface))]
        same = len(gold_of[gold] & predicted)
        precision += same / len(predicted)
        recall += same / len(gold_of[gold])
    precision /= len(truth)
    recall /= len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall)


def run_blocked(rows: list[dict]) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    out, _skipped = cluster_name_list(rows)
    seconds = time.perf_counter() - started
    return seconds, {r["surface"]: r["cluster_id"] or ("unattached", r["surface"]) for r in out}


def run_reference(rows: list[dict], chunk: int = 2000) -> tuple[float, dict[str, object], int]:
    """Forms as `cluster_name_list` builds them, every pair scored with cdist, the same linkage."""
    started = time.perf_counter()
    forms: list[Form] = []
    index_of: dict[str, int] = {}
    form_of: dict[str, int] = {}
    for row in rows:
        name = parse_name(row["surface"])
        if name is None:
            continue
        key = form_key(name)
        if key not in index_of:
            index_of[key] = len(forms)
            forms.append(Form(name=name))
        form = forms[index_of[key]]
        form.surfaces[row["surface"]] += row["count"]
        form.count += row["count"]
        form_of[row["surface"]] = index_of[key]
    strings = [" ".join(f.name.tokens) for f in forms]  # what analysis.variants.compare._score compares
    pairs: list[tuple[int, int]] = []
    for start in range(0, len(strings), chunk):
        scores = process.cdist(strings[start:start + chunk], strings, scorer=fuzz.ratio, score_cutoff=REFERENCE_CUTOFF,
                               dtype=np.uint8, workers=-1)
        rows_idx, cols_idx = np.nonzero(scores)
        for i, j in zip((rows_idx + start).tolist(), cols_idx.tolist()):
            if i < j:
                pairs.append((i, j))
    linkage = link_forms(forms, candidates=pairs)
    cluster_of: dict[int, object] = {}
    for number, group in enumerate(linkage.clusters):
        for i in group:
            cluster_of[i] = number
    seconds = time.perf_counter() - started
    return seconds, {s: cluster_of.get(i, ("unattached", s)) for s, i in form_of.items()}, len(pairs)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="4,000 and 1,000 surfaces")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=20_000)
    args = parser.parse_args(argv)
    big, small = (4_000, 1_000) if args.smoke else (args.size, args.small)

    rows, truth = synthetic(big)
    small_rows = rows[:small]
    small_truth = {r["surface"]: truth[r["surface"]] for r in small_rows}
    print(f"surfaces: {big} (people {len(set(truth.values()))}), small: {small}")

    time_small, clusters_small = run_blocked(small_rows)
    p, r, f1_small = b_cubed(clusters_small, small_truth)
    print(f"time_{small // 1000}k_s: {time_small:.2f}")
    print(f"b3_{small // 1000}k: precision {p:.4f} recall {r:.4f} f1 {f1_small:.4f}")

    time_ref, clusters_ref, ref_pairs = run_reference(small_rows)
    p, r, f1_ref = b_cubed(clusters_ref, small_truth)
    print(f"reference_{small // 1000}k_s: {time_ref:.2f} (cdist workers=-1, {ref_pairs} pairs >= {REFERENCE_CUTOFF})")
    print(f"b3_reference_{small // 1000}k: precision {p:.4f} recall {r:.4f} f1 {f1_ref:.4f}")
    print(f"ratio_reference_blocked: {time_ref / time_small:.2f}")
    loss = f1_ref - f1_small
    print(f"b3_f1_loss: {loss:.4f}")

    time_big, clusters_big = run_blocked(rows)
    p, r, f1_big = b_cubed(clusters_big, truth)
    print(f"time_{big // 1000}k_s: {time_big:.2f}")
    print(f"b3_{big // 1000}k: precision {p:.4f} recall {r:.4f} f1 {f1_big:.4f}")
    ratio = time_big / time_small
    print(f"ratio_{big // 1000}k_{small // 1000}k: {ratio:.2f} (size ratio {big / small:.1f})")
    print(f"peak_rss_mb: {peak_rss_mb():.0f}")

    values = {"time_100k_s": time_big, "ratio_100k_20k": ratio, "b3_f1_loss": loss}
    for name, (op, target) in GOALS.items():
        value = values[name]
        met = value <= target if op == "<=" else value >= target
        label = name if not args.smoke else f"{name} (smoke sizes)"
        print(f"goal {label}: {'MET' if met else 'MISSED'} ({value:.4g} vs {op} {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
