"""bench/reuse.py --smoke runs and its recall goal is met. Recall is a quality figure the code can lose;
speed is only reported, never asserted: a timed assertion would fail on a busy machine and say nothing
about the code."""
from __future__ import annotations

import re
import subprocess
import sys

from newsclaims import ROOT


def test_bench_reuse_smoke_meets_the_recall_goal():
    result = subprocess.run([sys.executable, "bench/reuse.py", "--smoke"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert re.search(r"^goal recall_ratio \(smoke sizes\): MET ", out, re.MULTILINE), out
    assert float(re.search(r"^ratio_naive_index_\d+: ([\d.]+)", out, re.MULTILINE).group(1)) > 0, out
    assert re.search(r"^goal growth_\d+_\d+ \(smoke sizes\): (MET|MISSED) ", out, re.MULTILINE), out
