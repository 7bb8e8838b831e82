"""bench/scale.py --smoke runs end to end and prints its measurements (no speed is asserted here)."""
import re
import subprocess
import sys

from newsclaims import ROOT


def test_scale_bench_smoke():
    result = subprocess.run([sys.executable, "bench/scale.py", "--smoke"], cwd=ROOT, capture_output=True,
                            text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:] + result.stdout[-2000:]
    out = result.stdout
    for label in ("embedded, 1 process", "redis, 1 worker", "redis, 2 workers", "redis, 4 workers"):
        assert re.search(rf"{label} +160 pages in +[\d.]+ s = +[\d.]+ pages/s; crawling +[\d.]+ s = +[\d.]+ pages/s \(CPU",
                         out), out
    for ratio in ("2 workers / 1", "4 workers / 1", "1 worker on scrapy-redis / embedded"):
        assert float(re.search(rf"ratio {ratio}: ([\d.]+)x", out).group(1)) > 0
    assert float(re.search(r"writer: 500 items in [\d.]+ s = (\d+) items/s", out).group(1)) > 0
    assert "settings (every crawl):" in out
