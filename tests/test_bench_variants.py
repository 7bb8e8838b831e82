"""Measured truth for the variant core: the benches run, print metrics that parse, and the quality goals
hold on the real labelled files in ../shared/data/name-variants/ (all rows, not a sample: the whole
evaluation takes a few seconds). Speed is only checked to run, never timed: a timed assertion would fail
on a busy machine and say nothing about the code."""
from __future__ import annotations

import csv
import importlib.util
import re
import subprocess
import sys

from analysis.names import script_of
from newsclaims import ROOT

LINE = re.compile(r"^([\w.]+): (-?[\d.]+)", re.MULTILINE)
GOAL = re.compile(r"^goal (\S+)(?: \(smoke sizes\))?: (MET|MISSED) \(", re.MULTILINE)


def _run(script: str) -> str:
    result = subprocess.run([sys.executable, script, "--smoke"], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_quality_bench_smoke_prints_metrics():
    out = _run("bench/variants_quality.py")
    metrics = {name: float(value) for name, value in LINE.findall(out)}
    for name in ("nomenklatura.hand.precision", "nomenklatura.hand.recall", "ofac.b3_f1",
                 "ofac.variant_pair_recall", "ofac.same_surname.false_merge_rate", "ofac.near_identical.false_merge_rate"):
        assert 0 <= metrics[name] <= 1, (name, out)
    goals = dict(GOAL.findall(out))
    assert set(goals) == {"nomenklatura.hand.precision", "nomenklatura.hand.recall", "ofac.same_surname.false_merge_rate"}
    # On the sample too, no different people are linked: precision and false merges hold their goals.
    assert goals["nomenklatura.hand.precision"] == "MET" and goals["ofac.same_surname.false_merge_rate"] == "MET", out


def test_speed_bench_smoke_prints_metrics():
    out = _run("bench/variants.py")
    metrics = {name: float(value) for name, value in LINE.findall(out)}
    assert metrics["time_4k_s"] > 0 and metrics["ratio_4k_1k"] > 0 and metrics["peak_rss_mb"] > 0
    assert re.search(r"^b3_4k: precision [\d.]+ recall [\d.]+ f1 [\d.]+$", out, re.MULTILINE), out
    goals = dict(GOAL.findall(out))
    assert set(goals) == {"time_100k_s", "ratio_100k_20k", "b3_f1_loss"}
    # Quality, not speed: blocking may lose at most 0.01 of B-cubed F1 against comparing all pairs.
    assert goals["b3_f1_loss"] == "MET" and metrics["b3_f1_loss"] <= 0.01, out


def test_quality_goals_hold_on_the_real_files():
    spec = importlib.util.spec_from_file_location("variants_quality", ROOT / "bench" / "variants_quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    metrics = bench.evaluate()
    # Every row is evaluated: the counts come from the files themselves, not from an earlier run.
    data = ROOT.parent / "shared" / "data" / "name-variants"
    with open(data / "ofac-sdn-individuals.csv", encoding="utf-8", newline="") as f:
        ofac_rows = sum(1 for _ in csv.DictReader(f))
    with open(data / "nomenklatura-person-name-pairs.csv", encoding="utf-8", newline="") as f:
        hand = [r for r in csv.DictReader(f) if r["case_group"] != "synth_people"
                and script_of(r["name1"]) == script_of(r["name2"]) == "latin"]
    assert metrics["ofac.names"] == ofac_rows - metrics["ofac.skipped"]
    assert metrics["nomenklatura.hand.pairs"] == len(hand)
    failed = {name: goal for name, goal in metrics["goals"].items() if not goal["met"]}
    assert failed == {}
