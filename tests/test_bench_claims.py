"""bench/claims.py --smoke runs, and two checks from real truth hold: a labelled real discrepancy (the
Öztürk story's detention date: March 25 against March 26, March 28, March 8 and a Saturday) is found as
a conflict, the demo's planted claims are all found with the right articles deviating, and a claim
written with a misspelled name lands in the correctly spelled person's group.
Speed is only printed, never asserted."""
from __future__ import annotations

import re
import subprocess
import sys

from newsclaims import ROOT


def test_bench_claims_smoke_finds_a_labelled_real_conflict():
    result = subprocess.run([sys.executable, "bench/claims.py", "--smoke"], cwd=ROOT, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert re.search(r"^  labelled FOUND: when she was detained$", out, re.MULTILINE), out
    assert re.search(r"^goal misspelled_lands \(smoke sizes\): MET ", out, re.MULTILINE), out
    # The demo's planted claims (data/demo/truth.json), crawled and analysed by newsclaims: every one found.
    assert re.search(r"^goal demo_recall \(smoke sizes\): MET ", out, re.MULTILINE), out
    assert "deviating articles right: no" not in out, out
    assert float(re.search(r"^cost_ratio_claims_ner: ([\d.]+)", out, re.MULTILINE).group(1)) > 0, out
