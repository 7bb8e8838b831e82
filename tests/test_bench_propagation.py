"""bench/propagation.py --smoke runs the demo in both phases and one real story, and the issue's goals
hold against data/demo/truth.json: copy edges P and R >= 0.95, direction >= 0.95, origins exact, the
planted error's chains found exactly and never merged, every correction found with its kind; and every
labelled real copy pair is found. Speed is only printed, never asserted."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from newsclaims import ROOT


def test_bench_propagation_smoke_meets_the_goals_of_the_demo_truth():
    truth = json.loads((ROOT / "data" / "demo" / "truth.json").read_text(encoding="utf-8"))
    result = subprocess.run([sys.executable, "bench/propagation.py", "--smoke"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    for goal in ("edge_precision", "edge_recall", "direction", "origins_exact", "chains_never_merged",
                 "corrections_with_kind", "recheck_adds_only_edits"):
        assert re.search(rf"^goal {goal}: MET ", out, re.MULTILINE), out
    true_pairs = {frozenset(((c["source"]["outlet"], c["source"]["path"]), (c["copy"]["outlet"], c["copy"]["path"])))
                  for c in truth["copies"]}
    assert re.search(rf"^demo edges: \d+ found, {len(true_pairs)} true$", out, re.MULTILINE), out
    for error in truth["propagation"]:
        n = len(error["chains"])
        assert re.search(rf"^demo chains {error['form']}: {n}/{n} found exactly, {n} reported, 0 merged", out,
                         re.MULTILINE), out
    assert {(c["kind"]) for c in truth["corrections"]} == {"visible", "stealth"}
    for correction in truth["corrections"]:
        assert re.search(rf"^demo correction {correction['kind']}: found .*{re.escape(correction['path'])}$", out,
                         re.MULTILINE), out
    real = re.search(r"^real copies \S+: labelled pairs found (\d+)/(\d+)", out, re.MULTILINE)
    found, labelled = map(int, real.groups())
    assert labelled > 0 and found == labelled, out
