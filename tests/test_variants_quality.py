"""Measured truth for the variant core: the benches run, print metrics that parse, and the quality goals
hold on the real labelled files in ../shared/data/name-variants/ (all rows, not a sample: the whole
evaluation takes a few seconds). Speed is only checked to run, never timed: a timed assertion would fail
on a busy machine and say nothing about the code."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

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
    assert {name for name, _ in GOAL.findall(out)} == {"nomenklatura.hand.precision", "nomenklatura.hand.recall",
                                                      "ofac.same_surname.false_merge_rate"}


def test_speed_bench_smoke_prints_metrics():
    out = _run("bench/variants.py")
    metrics = {name: float(value) for name, value in LINE.findall(out)}
    assert metrics["time_4k_s"] > 0 and metrics["ratio_4k_1k"] > 0 and metrics["peak_rss_mb"] > 0
    assert abs(metrics["b3_f1_loss"]) <= 1
    assert re.search(r"^b3_4k: precision [\d.]+ recall [\d.]+ f1 [\d.]+$", out, re.MULTILINE), out
    assert {name for name, _ in GOAL.findall(out)} == {"time_100k_s", "ratio_100k_20k", "b3_f1_loss"}


def test_quality_goals_hold_on_the_real_files():
    spec = importlib.util.spec_from_file_location("variants_quality", ROOT / "bench" / "variants_quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    metrics = bench.evaluate()
    assert metrics["nomenklatura.hand.pairs"] >= 170  # the hand-written Latin-script rows, all of them
    assert metrics["ofac.names"] == 10711 and metrics["ofac.same_surname.pairs"] >= 3400
    failed = {name: goal for name, goal in metrics["goals"].items() if not goal["met"]}
    assert failed == {}
