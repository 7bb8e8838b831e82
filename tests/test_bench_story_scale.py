"""bench/story_scale.py --smoke runs end to end and reports every goal. Only the re-run that changes
nothing is asserted (a quality figure the code can lose); times are reported, never asserted."""
from __future__ import annotations

import re
import subprocess
import sys

from newsclaims import ROOT


def test_bench_story_scale_smoke_runs_and_a_rerun_changes_nothing():
    result = subprocess.run([sys.executable, "bench/story_scale.py", "--smoke"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    out = result.stdout
    for goal in ("nothing_new", "plus_one_percent", "report", "rss", "growth_40_80"):
        assert re.search(rf"^goal {goal} \(smoke sizes\): (MET|MISSED) ", out, re.MULTILINE), out
    assert re.search(r"^goal identical \(smoke sizes\): MET ", out, re.MULTILINE), out
