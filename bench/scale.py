"""Scale-out: 1 vs 2 vs 4 crawl workers sharing one story through Redis, the embedded single-process
crawl beside them, and the writer's own rate, all in one run on the same loopback site.

The site is N small article pages spread over 8 outlets (origins), each listed in its outlet's
sitemap, served by a non-blocking asyncio server that answers every request after 50 ms, as a
distant server would. Per-worker concurrency is kept low (CONCURRENT_REQUESTS, one request at a time
per outlet) so a worker waits on the network, not on the CPU: that is the case scale-out is for, and
the CPU use printed with each run shows whether it held on this machine. A crawl's time runs from
starting its processes to the writer's end (startup and the crawl-wide idle end included).

    python bench/scale.py            # 2,000 pages on 8 outlets
    python bench/scale.py --smoke    # 160 pages, for the test suite (no goal is asserted there)
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsclaims import store  # noqa: E402
from newsclaims.config import origin_of  # noqa: E402
from tests.redis_server import RedisServer, story_config  # noqa: E402

LATENCY = 0.05
OUTLETS = 8
#: Settings of every crawl (printed with the result). Politeness stays on (robots.txt, one request at
#: a time per outlet per worker); AutoThrottle is off so that the 50 ms latency, not its delay, sets the pace.
SETTINGS = {"CONCURRENT_REQUESTS": 2, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0, "ROBOTSTXT_OBEY": True, "LOG_LEVEL": "ERROR", "NEWSCLAIMS_EXTRACT_PROCESSES": 0,
            "NEWSCLAIMS_REDIS_OUTLET_INTERVAL": 0.01, "NEWSCLAIMS_REDIS_HEARTBEAT": 0.3,
            "NEWSCLAIMS_REDIS_IDLE_SECONDS": 1.0, "NEWSCLAIMS_REDIS_WORKER_TIMEOUT": 5.0}
TOPIC = "Alder Creek"
TEXT = (f"The {TOPIC} footbridge inspection continued on Tuesday as engineers walked the span with the county. "
        "Residents asked when the road would reopen and what the repairs would cost the town this year. ") * 2


def make_site(pages: int) -> dict[str, dict[str, tuple[bytes, str]]]:
    """{outlet: {path: (body, content type)}}; sitemap entries hold an `{origin}` placeholder."""
    site = {}
    for o in range(OUTLETS):
        paths = [f"/news/{n:05d}.html" for n in range(o, pages, OUTLETS)]
        outlet = {"/robots.txt": (b"User-agent: *\nDisallow:\n", "text/plain"),
                  "/": (b"<html><body>bench</body></html>", "text/html; charset=utf-8")}
        for path in paths:
            html = (f"<!DOCTYPE html><html lang='en'><head><title>{TOPIC} {path}</title></head><body><article>"
                    f"<h1>{TOPIC} report {path}</h1><p>Report {path}.</p><p>{TEXT}</p></article></body></html>")
            outlet[path] = (html.encode(), "text/html; charset=utf-8")
        urls = "".join(f"<url><loc>{{origin}}{p}</loc></url>" for p in paths)
        sitemap = f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
        outlet["/sitemap.xml"] = (sitemap.encode(), "application/xml")
        site[f"o{o}"] = outlet
    return site


class LatencyServer:
    """Every outlet of `site` on its own 127.0.0.1 port; each response is sent after `latency` seconds,
    without blocking the others (asyncio, keep-alive), so many requests can wait at once."""

    def __init__(self, site: dict, latency: float):
        self.site = site
        self.latency = latency
        self.origins: dict[str, str] = {}
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> LatencyServer:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)
        return self

    async def _start(self) -> None:
        self.servers = []
        for slug in sorted(self.site):
            server = await asyncio.start_server(lambda r, w, slug=slug: self._serve(slug, r, w), "127.0.0.1", 0)
            self.servers.append(server)
            self.origins[slug] = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"

    async def _serve(self, slug: str, reader, writer) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                target = head.split(b" ", 2)[1].decode("latin-1")
                await asyncio.sleep(self.latency)
                body, content_type = self.site[slug].get(urlsplit(target).path, (b"not found", "text/plain"))
                status = b"200 OK" if urlsplit(target).path in self.site[slug] else b"404 Not Found"
                body = body.replace(b"{origin}", self.origins[slug].encode())
                writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Type: " + content_type.encode() +
                             b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    def __exit__(self, *exc) -> None:
        async def stop():
            for server in self.servers:
                server.close()
        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@dataclass
class Run:
    label: str
    seconds: float  # from starting the crawl's processes to the last one's end
    cpu: float  # user + system seconds of every process of the crawl (workers, writer)
    stored: int
    span: float  # seconds from the first stored page's fetch to the last's: the crawl proper
    backlog: int = 0

    @property
    def wall_rate(self) -> float:
        return self.stored / self.seconds

    @property
    def rate(self) -> float:
        """Pages/s while crawling: without process startup (~2 s of imports per process, more when
        processes start together on 2 cores) and the idle end, which do not grow with the story."""
        return (self.stored - 1) / self.span


def _options(extra: dict | None = None) -> list[str]:
    return [a for k, v in {**SETTINGS, **(extra or {})}.items() for a in ("-s", f"{k}={v}")]


def _spawn(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "newsclaims", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _reap(processes: list[subprocess.Popen], on_tick=None) -> float:
    """Wait for every process (wait4, so each one's own CPU is known); returns their CPU seconds."""
    cpu, waiting = 0.0, {p.pid: p for p in processes}
    while waiting:
        for pid, process in list(waiting.items()):
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                cpu += usage.ru_utime + usage.ru_stime
                process.returncode = os.waitstatus_to_exitcode(status)
                _, err = process.communicate()
                if process.returncode != 0:
                    raise SystemExit(f"{process.args[3:5]} failed ({process.returncode}): {err[-2000:]}")
                del waiting[pid]
        if on_tick:
            on_tick()
        time.sleep(0.05)
    return cpu


def _stored(db_path: Path) -> tuple[int, float]:
    """Pages stored, and the seconds between the first and the last one's fetch."""
    db = store.open_store(db_path)
    try:
        fetched = sorted(datetime.fromisoformat(doc["fetched_at"]) for doc in store.story_documents(db, "scalebench"))
    finally:
        db.close()
    return len(fetched), (fetched[-1] - fetched[0]).total_seconds()


def crawl_embedded(config: Path, tmp: Path) -> Run:
    db_path = tmp / "embedded.db"
    started = time.perf_counter()
    cpu = _reap([_spawn("crawl", str(config), "--db", str(db_path), *_options())])
    return Run("embedded, 1 process", time.perf_counter() - started, cpu, *_stored(db_path))


def crawl_distributed(config: Path, tmp: Path, redis: RedisServer, workers: int) -> Run:
    db_path = tmp / f"redis-{workers}.db"
    common = ["--redis", redis.url, *_options()]
    writer = _spawn("ingest", str(config), "--db", str(db_path), *common)
    client = redis.client()
    while not client.keys("newsclaims:*:run"):  # the writer has opened the run
        time.sleep(0.02)
    started = time.perf_counter()
    crawlers = [_spawn("crawl", str(config), *common) for _ in range(workers)]
    backlog = [0]

    def sample():
        for key in client.keys("newsclaims:*:items"):
            backlog[0] = max(backlog[0], client.xlen(key))

    cpu = _reap([*crawlers, writer], on_tick=sample)
    label = f"redis, {workers} worker{'s' if workers > 1 else ''}"
    return Run(label, time.perf_counter() - started, cpu, *_stored(db_path), backlog[0])


def writer_rate(config: Path, tmp: Path, redis: RedisServer, items: int, origin: str) -> tuple[int, float]:
    """The writer alone: `items` article items already in a run's stream, stored as fast as it can."""
    from crawler.items import ArticleItem
    from crawler.redis.pipelines import encode_item
    from crawler.redis.run import RunKeys, run_pointer
    from newsclaims.config import load_story

    slug = load_story(config).slug
    db_path = tmp / "writer.db"
    writer = _spawn("ingest", str(config), "--db", str(db_path), "--redis", redis.url, *_options())
    client = redis.client()
    while not client.get(run_pointer(slug)):
        time.sleep(0.02)
    keys = RunKeys(slug, client.get(run_pointer(slug)).decode())
    pipe = client.pipeline(transaction=False)
    body = ("<html><body>" + TEXT + "</body></html>").encode()
    for n in range(items):
        url = f"{origin}/w/{n}.html"
        pipe.xadd(keys.items, encode_item(ArticleItem(
            url=url, origin=origin, fetched_url=url, fetched_at="2026-03-04T00:00:00.000+00:00",
            http_status=200, title=f"Item {n}", text=f"{TEXT} {n}", content_hash=f"{n:064x}", body=body,
            page={"url": url, "origin": origin, "fetched_at": "2026-03-04T00:00:00.000+00:00",
                  "http_status": 200})))
    started = time.perf_counter()
    # A worker that joined and left: the run is over once the writer has stored the stream.
    pipe.hincrby(keys.meta, "workers_joined", 1)
    pipe.execute()
    _reap([writer])
    return items, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="160 pages: checks that everything runs")
    parser.add_argument("--pages", type=int, default=None)
    args = parser.parse_args()
    pages = args.pages or (160 if args.smoke else 2000)
    with tempfile.TemporaryDirectory() as directory, LatencyServer(make_site(pages), LATENCY) as server, \
            RedisServer() as redis:
        tmp = Path(directory)
        config = tmp / "bench.toml"
        config.write_text(story_config("scalebench", server.origins), encoding="utf-8")
        print(f"site: {pages} pages on {OUTLETS} outlets (127.0.0.1), {LATENCY * 1000:.0f} ms latency per response, "
              f"asyncio server; {os.cpu_count()} cores")
        print(f"settings (every crawl): {SETTINGS}")
        runs = [crawl_embedded(config, tmp)]
        for workers in (1, 2, 4):
            redis.client().flushall()
            runs.append(crawl_distributed(config, tmp, redis, workers))
        for run in runs:
            extra = f"; max stream backlog {run.backlog} items" if "redis" in run.label else ""
            print(f"{run.label:<22} {run.stored:>5} pages in {run.seconds:6.1f} s = {run.wall_rate:6.1f} pages/s; "
                  f"crawling {run.span:6.1f} s = {run.rate:6.1f} pages/s "
                  f"(CPU {run.cpu:5.1f} s = {run.cpu / run.seconds:.2f} cores){extra}")
        missing = [run.label for run in runs if run.stored != pages]
        if missing:
            raise SystemExit(f"not every page was stored by: {', '.join(missing)}")
        embedded, one, two, four = runs
        print("ratios of pages/s while crawling (with startup and the idle end, in brackets):")
        print(f"ratio 2 workers / 1: {two.rate / one.rate:.2f}x ({two.wall_rate / one.wall_rate:.2f}x) (goal >= 1.7)")
        print(f"ratio 4 workers / 1: {four.rate / one.rate:.2f}x ({four.wall_rate / one.wall_rate:.2f}x) (goal >= 3)")
        print(f"ratio 1 worker on scrapy-redis / embedded: {one.rate / embedded.rate:.2f}x "
              f"({one.wall_rate / embedded.wall_rate:.2f}x) (goal >= 0.9)")
        redis.client().flushall()
        origin = origin_of(server.origins["o0"])
        items, seconds = writer_rate(config, tmp, redis, 500 if args.smoke else 4000, origin)
        print(f"writer: {items} items in {seconds:.1f} s = {items / seconds:.0f} items/s "
              f"({items / seconds / four.rate:.1f}x what 4 workers produce)")


if __name__ == "__main__":
    main()
