"""bench/crawl.py --smoke runs end to end and prints its measurements (no speed is asserted here)."""
import re
import subprocess
import sys

from newsclaims import ROOT


def test_crawl_bench_smoke():
    result = subprocess.run([sys.executable, "bench/crawl.py", "--smoke"], cwd=ROOT, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:] + result.stdout[-2000:]
    out = result.stdout
    assert float(re.search(r"throughput ratio newsclaims/raw: ([\d.]+)", out).group(1)) > 0
    assert float(re.search(r"time ratio to the first crawl ([\d.]+)", out).group(1)) > 0
    assert re.search(r"rows added: 0\b", out)
    assert "settings (both crawls):" in out
