"""Measured truth for the name-variant core, from the labelled files in ../shared/data/name-variants/.

Every expectation comes from the files, never from newsclaims' own output:

* nomenklatura-person-name-pairs.csv: precision and recall of the same-person decision
  (`analysis.variants.same_person`) on the hand-written rows (every case_group but synth_people), with
  Latin script on both sides. Goal: precision >= 0.95 at recall >= 0.85. The generated synth_people
  rows and the cross-script rows are reported apart, with no goal. The pair file asks a screening
  question (can these two names be one person?), so a given name a typo away counts as a match
  (`given_typos="link"`); the "apart" reading, used for lists of distinct people, is reported beside it.
* ofac-sdn-individuals.csv: the whole list (10,711 names) is clustered as a plain name list (one count
  per listing), then scored on the groups of one person's names. An alias is a *spelling variant* of
  the primary name when, normalised (NFKD, no accents, case-folded, punctuation as spaces), its
  `fuzz.token_sort_ratio` with the primary is at least 80, or it has the primary's surname and its
  given names are a subset or superset of the primary's (a dropped or added middle name). Every other
  alias (ORTEGA, Miguel for GUZMAN LOERA, Joaquin) is a pseudonym: reported apart, not chased. Reported:
  pairwise recall of primary/variant pairs (identical strings apart), and B-cubed precision, recall and
  F1 over the primary names and their spelling variants.
* ofac-similar-different-people.csv: pairs of different people. Over the same clustering, the
  false-merge rate (both names in one cluster) on the same-surname pairs (goal <= 1%); pairs whose
  normalised names are identical cannot be separated by name and are counted apart; near-identical
  pairs (fuzz.ratio >= 90) are reported separately. The pairwise decision under the list reading
  (`given_typos="apart"`) is reported beside it.

    .venv/bin/python bench/variants_quality.py           # all files (a few seconds)
    .venv/bin/python bench/variants_quality.py --smoke   # a deterministic sample: checks the script runs
    .venv/bin/python bench/variants_quality.py --json    # one JSON object instead of lines

Output lines are `name: value`; the goals are printed as `goal <name>: MET|MISSED (value vs target)`.
Exit code 0 unless the script fails: a missed goal is a measurement, not a crash.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import unicodedata
import zlib
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.names import script_of  # noqa: E402
from analysis.variants import cluster_name_list, same_person  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "name-variants"
GOALS = {
    "nomenklatura.hand.precision": (">=", 0.95),
    "nomenklatura.hand.recall": (">=", 0.85),
    "ofac.same_surname.false_merge_rate": ("<=", 0.01),
}


def normalise(name: str) -> str:
    """The files' own normalisation (PROVENANCE.md): NFKD, no accents, casefold, punctuation as spaces,
    tokens sorted."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    return " ".join(sorted(re.sub(r"[^\w]+", " ", text).split()))


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _sample(key: str, keep: int) -> bool:
    """A deterministic 1-in-`keep` sample by a stable hash."""
    return zlib.crc32(key.encode("utf-8")) % keep == 0


# --- nomenklatura pairs --------------------------------------------------------------------------------

def nomenklatura(data: Path, smoke: bool) -> dict:
    rows = _read(data / "nomenklatura-person-name-pairs.csv")
    if smoke:
        rows = [r for i, r in enumerate(rows) if i % 5 == 0]
    out: dict = {}
    groups = {"hand": [], "synth": [], "cross_script": []}
    for r in rows:
        latin = script_of(r["name1"]) == "latin" and script_of(r["name2"]) == "latin"
        if not latin:
            groups["cross_script"].append(r)
        elif r["case_group"] == "synth_people":
            groups["synth"].append(r)
        else:
            groups["hand"].append(r)
    for group, items in groups.items():
        for policy in ("link", "apart"):
            tp = fp = fn = tn = 0
            misses = []
            for r in items:
                truth = r["is_match"] == "true"
                said = same_person(r["name1"], r["name2"], given_typos=policy)
                tp += truth and said
                fp += (not truth) and said
                fn += truth and not said
                tn += (not truth) and not said
                if truth != said:
                    misses.append(f"{'FN' if truth else 'FP'} {r['name1']} | {r['name2']}")
            prefix = f"nomenklatura.{group}" + ("" if policy == "link" else ".apart")
            out[prefix + ".pairs"] = len(items)
            out[prefix + ".precision"] = round(tp / (tp + fp), 4) if tp + fp else 1.0
            out[prefix + ".recall"] = round(tp / (tp + fn), 4) if tp + fn else 1.0
            if policy == "link":
                out[prefix + ".errors"] = misses
    return out


# --- OFAC groups and hard negatives ---------------------------------------------------------------------

def _surname_and_given(name: str) -> tuple[str, set[str]]:
    if name.count(", ") == 1:
        surname, given = name.split(", ")
        return normalise(surname), set(normalise(given).split())
    return "", set(normalise(name).split())


def is_spelling_variant(primary: str, alias: str) -> bool:
    """The split of an alias into spelling variant or pseudonym, by string evidence alone."""
    if fuzz.token_sort_ratio(normalise(primary), normalise(alias)) >= 80:
        return True
    ps, pg = _surname_and_given(primary)
    as_, ag = _surname_and_given(alias)
    return bool(ps) and ps == as_ and bool(pg) and bool(ag) and (pg <= ag or ag <= pg)


def _b_cubed(items: list[tuple[str, object]], predicted: dict) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of items (gold, predicted-key)."""
    gold_of: dict = defaultdict(set)
    pred_of: dict = defaultdict(set)
    for index, (gold, pred) in enumerate(items):
        gold_of[gold].add(index)
        pred_of[pred].add(index)
    precision = recall = 0.0
    for index, (gold, pred) in enumerate(items):
        same = len(gold_of[gold] & pred_of[pred])
        precision += same / len(pred_of[pred])
        recall += same / len(gold_of[gold])
    precision /= len(items)
    recall /= len(items)
    return precision, recall, 2 * precision * recall / (precision + recall)


def ofac(data: Path, smoke: bool) -> dict:
    rows = _read(data / "ofac-sdn-individuals.csv")
    negatives = _read(data / "ofac-similar-different-people.csv")
    if smoke:
        keep = {r["ent_num"] for r in rows if _sample(r["ent_num"], 10)}
        keep |= {n[k] for n in negatives[:150] for k in ("ent_num_a", "ent_num_b")}
        rows = [r for r in rows if r["ent_num"] in keep]
        negatives = [n for n in negatives if n["ent_num_a"] in keep and n["ent_num_b"] in keep]
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["name"]] += 1
    started = time.perf_counter()
    out_rows, skipped = cluster_name_list([{"surface": s, "count": c} for s, c in counts.items()])
    seconds = time.perf_counter() - started
    cluster_of = {r["surface"]: r["cluster_id"] or ("unattached", r["surface"]) for r in out_rows}
    for s in skipped:
        cluster_of[s["surface"]] = ("skipped", s["surface"])
    out: dict = {"ofac.names": len(rows), "ofac.distinct_surfaces": len(counts), "ofac.skipped": len(skipped),
                 "ofac.cluster_seconds": round(seconds, 2)}

    by_person: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_person[r["ent_num"]].append(r)
    variant_pairs = identical = pseudonym_pairs = 0
    variant_found = pseudonym_found = 0
    items: list[tuple[str, object]] = []
    missed: list[str] = []
    for ent, names in sorted(by_person.items()):
        primary = next((n["name"] for n in names if n["name_type"] == "primary"), names[0]["name"])
        items.append((ent, cluster_of[primary]))
        for n in names:
            if n["name"] == primary and n["name_type"] == "primary":
                continue
            together = cluster_of[n["name"]] == cluster_of[primary]
            if n["name"] == primary:
                identical += 1
                continue
            if is_spelling_variant(primary, n["name"]):
                variant_pairs += 1
                variant_found += together
                items.append((ent, cluster_of[n["name"]]))
                if not together and len(missed) < 40:
                    missed.append(f"{primary} | {n['name']}")
            else:
                pseudonym_pairs += 1
                pseudonym_found += together
    precision, recall, f1 = _b_cubed(items, {})
    out.update({
        "ofac.variant_pairs": variant_pairs,
        "ofac.variant_pair_recall": round(variant_found / variant_pairs, 4) if variant_pairs else 1.0,
        "ofac.identical_alias_pairs": identical,
        "ofac.pseudonym_pairs": pseudonym_pairs,
        "ofac.pseudonym_pair_recall": round(pseudonym_found / pseudonym_pairs, 4) if pseudonym_pairs else 1.0,
        "ofac.b3_precision": round(precision, 4),
        "ofac.b3_recall": round(recall, 4),
        "ofac.b3_f1": round(f1, 4),
        "ofac.variant_misses_sample": missed,
    })

    buckets = {"same_surname": [0, 0], "near_identical": [0, 0], "identical": [0, 0]}
    pairwise = {"same_surname": [0, 0], "near_identical": [0, 0]}
    merged_examples = []
    for n in negatives:
        a, b = n["name_a"], n["name_b"]
        if normalise(a) == normalise(b):
            bucket = "identical"
        elif n["near_identical_name"] == "true":
            bucket = "near_identical"
        else:
            bucket = "same_surname"
        merged = cluster_of.get(a) is not None and cluster_of.get(a) == cluster_of.get(b)
        buckets[bucket][0] += 1
        buckets[bucket][1] += merged
        if merged and bucket == "same_surname" and len(merged_examples) < 30:
            merged_examples.append(f"{a} | {b}")
        if bucket != "identical":
            pairwise[bucket][0] += 1
            pairwise[bucket][1] += same_person(a, b, given_typos="apart")
    for bucket, (total, merged) in buckets.items():
        out[f"ofac.{bucket}.pairs"] = total
        out[f"ofac.{bucket}.false_merges"] = merged
        out[f"ofac.{bucket}.false_merge_rate"] = round(merged / total, 4) if total else 0.0
    for bucket, (total, said) in pairwise.items():
        out[f"ofac.{bucket}.pairwise_same_rate"] = round(said / total, 4) if total else 0.0
    out["ofac.same_surname.merged_sample"] = merged_examples
    return out


def evaluate(data: Path = DATA, smoke: bool = False) -> dict:
    started = time.perf_counter()
    metrics = {**nomenklatura(data, smoke), **ofac(data, smoke)}
    metrics["seconds"] = round(time.perf_counter() - started, 2)
    goals = {}
    for name, (op, target) in GOALS.items():
        value = metrics[name]
        met = value >= target if op == ">=" else value <= target
        goals[name] = {"value": value, "target": f"{op} {target}", "met": met}
    metrics["goals"] = goals
    return metrics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the name-variants folder")
    parser.add_argument("--smoke", action="store_true", help="a deterministic sample of each file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--errors", action="store_true", help="also list the misclassified examples")
    args = parser.parse_args(argv)
    metrics = evaluate(args.data, args.smoke)
    if args.json:
        print(json.dumps(metrics, indent=1, sort_keys=True))
        return 0
    for name, value in metrics.items():
        if name == "goals":
            continue
        if isinstance(value, list):
            if args.errors:
                print(f"{name}:")
                for line in value:
                    print(f"  {line}")
            continue
        print(f"{name}: {value}")
    for name, goal in metrics["goals"].items():
        print(f"goal {name}: {'MET' if goal['met'] else 'MISSED'} ({goal['value']} vs {goal['target']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
