"""Crawl throughput: `newsclaims crawl` (fetch + extract + store) against raw Scrapy doing the same
fetch + extract and storing nothing, on the same loopback site, in one run; then an unchanged re-crawl.

The site is the demo corpus's article pages multiplied into N distinct articles (each with its own
URL and title), listed in a sitemap, served on 127.0.0.1 by the demo server. Both crawls run as
their own processes (Twisted's reactor runs once per process) with identical settings, printed with
the result. Peak RSS is each crawl process's own (from wait4).

    python bench/crawl.py            # 2,000 pages
    python bench/crawl.py --smoke    # 60 pages, for the test suite
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.settings import LOOPBACK_PROFILE  # noqa: E402
from newsclaims import store  # noqa: E402
from newsclaims.demo import DemoServer, build_site  # noqa: E402

#: Settings both crawls use (printed with the result): AutoThrottle and robots.txt on, as always.
SETTINGS = {**LOOPBACK_PROFILE, "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "AUTOTHROTTLE_TARGET_CONCURRENCY": 8.0,
            "ROBOTSTXT_OBEY": True, "AUTOTHROTTLE_ENABLED": True, "LOG_LEVEL": "ERROR"}



@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    output: str


def make_site(pages: int) -> tuple[dict, list[str]]:
    """N distinct article pages from the demo templates (one outlet's pages, retitled and renumbered)."""
    demo = build_site()
    templates = [(path, page) for outlet in ("gazette", "kfhr", "newsbuzz", "headlinehub")
                 for path, page in sorted(demo[outlet].items()) if re.search(r"/(news|story|a|posts)/", path)
                 and "drafts" not in path and page.content_type.startswith("text/html")]
    site, paths = {}, []
    for n in range(pages):
        _, template = templates[n % len(templates)]
        path = f"/news/2026/03/{n:05d}.html"
        body = re.sub(r"<h1>(.*?)</h1>", lambda m: f"<h1>{m.group(1)} (part {n})</h1>", template.body, count=1)
        body = re.sub(r"<title>(.*?)</title>", lambda m: f"<title>{m.group(1)} (part {n})</title>", body, count=1)
        site[path] = type(template)(body=body, content_type=template.content_type)
        paths.append(path)
    urlset = "".join(f"<url><loc>{{{{origin:bench}}}}{p}</loc></url>" for p in paths)
    site["/sitemap.xml"] = type(templates[0][1])(
        body=f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urlset}</urlset>",
        content_type="application/xml")
    site["/robots.txt"] = type(templates[0][1])(body="User-agent: *\nDisallow:\n", content_type="text/plain")
    site["/"] = type(templates[0][1])(body="<html><body>bench</body></html>")
    return {"bench": site}, paths


def timed(command: list[str]) -> Run:
    """Run a command to completion; wall time and the process's own peak RSS (wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out_file, err_file = process.stdout, process.stderr
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    output, errors = out_file.read(), err_file.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[:4]} failed ({process.returncode}): {errors[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="60 pages: checks the bench runs, measures nothing")
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args(argv)
    pages = 60 if args.smoke else args.pages
    site, paths = make_site(pages)
    settings_args = [a for name, value in SETTINGS.items() for a in ("-s", f"{name}={value}")]
    with tempfile.TemporaryDirectory() as tmp, DemoServer(site) as server:
        origin = server.origins["bench"]
        config = Path(tmp) / "bench.toml"
        config.write_text(f'slug = "bench"\ntitle = "Bench"\n\n[[outlets]]\nslug = "bench"\nname = "Bench"\n'
                          f'origin = "{origin}"\nseeds = ["/"]\nsitemaps = ["/sitemap.xml"]\narticle_paths = ["^/news/"]\n')
        db_path = Path(tmp) / "bench.db"
        raw = timed([sys.executable, str(ROOT / "bench" / "raw_spider.py"), origin + "/sitemap.xml", json.dumps(SETTINGS)])
        ours = timed([sys.executable, "-m", "newsclaims", "crawl", str(config), "--db", str(db_path), *settings_args])
        db = store.open_store(db_path)
        stored, before = db["articles"].count, store.count_rows(db)
        db.close()
        again = timed([sys.executable, "-m", "newsclaims", "crawl", str(config), "--db", str(db_path), *settings_args])
        db = store.open_store(db_path)
        after = store.count_rows(db)
        runs = store.crawl_runs(db, "bench")
        db.close()
    extracted = json.loads(raw.output.strip().splitlines()[-1])["extracted"]
    added = {t: after[t] - before[t] for t in after if after[t] != before[t] and t != "crawl_runs"}
    print(f"site: {pages} article pages on {origin} (demo templates), listed in one sitemap")
    print("settings (both crawls): " + ", ".join(f"{k}={v}" for k, v in sorted(SETTINGS.items())))
    print(f"{'crawl':<34} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak RSS MB':>12}")
    print(f"{'raw Scrapy + extractor (no store)':<34} {extracted:>6} {raw.seconds:>8.2f} {extracted / raw.seconds:>8.1f} {raw.peak_rss_mb:>12.0f}")
    print(f"{'newsclaims crawl (fetch+extract+store)':<34} {stored:>6} {ours.seconds:>8.2f} {stored / ours.seconds:>8.1f} {ours.peak_rss_mb:>12.0f}")
    ratio = (stored / ours.seconds) / (extracted / raw.seconds)
    print(f"throughput ratio newsclaims/raw: {ratio:.2f} (goal >= 0.85: {'PASS' if ratio >= 0.85 else 'MISS'})")
    recrawl_ratio = again.seconds / ours.seconds
    print(f"unchanged re-crawl: {again.seconds:.2f}s, time ratio to the first crawl {recrawl_ratio:.2f} "
          f"(goal <= 0.2: {'PASS' if recrawl_ratio <= 0.2 else 'MISS'}); rows added: {sum(added.values())} {added or ''}")
    print(f"re-crawl run: {json.dumps({k: runs[-1][k] for k in ('pages_seen', 'pages_stored', 'pages_unchanged', 'pages_skipped')})}, "
          f"reasons {runs[-1]['reasons']}")
    if stored != pages or extracted != pages:
        print(f"WARNING: expected {pages} pages, raw extracted {extracted}, newsclaims stored {stored}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
