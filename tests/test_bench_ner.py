"""bench/ner.py runs and reports its ratio. Only that it works is checked, never how fast: a timed
assertion would fail on a busy machine and say nothing about the code."""
from __future__ import annotations

import re
import subprocess
import sys

from newsclaims import ROOT

RATIO = re.compile(r"^ratio n_process=(\d+): (\S+) ", re.MULTILINE)


def test_bench_ner_smoke_reports_ratio():
    result = subprocess.run([sys.executable, "bench/ner.py", "--smoke"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    ratios = {int(n): float(value) for n, value in RATIO.findall(result.stdout)}
    assert list(ratios) == [1], result.stdout
    assert all(value > 0 for value in ratios.values()), result.stdout
    assert "words/s" in result.stdout and "peak RSS" in result.stdout
