"""Distributed crawls with real parts: a real redis-server, a real loopback story of 500 pages, real
worker and writer processes (each its own reactor), some of them SIGKILLed mid-crawl.

What must hold in every case: each page is stored exactly once (one article, one version, one
`pages` row fetched once), the run is finished in `crawl_runs`, and no key of the run is left in Redis.
"""
from __future__ import annotations

import contextlib
import re
import signal
import sqlite3
import time

from newsclaims import store
from tests.redis_server import FAST, finish, options, start
from tests.waiting import wait_for

pytest_plugins = ["tests.plugins_redis"]


def _check_stored_exactly_once(db_path, origins, paths, *, fetched_once=True):
    db = store.open_store(db_path)
    try:
        expected = {origins[outlet] + path for outlet, mine in paths.items() for path in mine}
        stored = [row["url"] for row in db.query("select url from articles")]
        assert len(stored) == len(set(stored))
        assert set(stored) == expected, f"missing {len(expected - set(stored))}, extra {len(set(stored) - expected)}"
        assert db.execute("select count(*) from article_versions").fetchone()[0] == len(expected)
        pages = {row["url"]: row for row in db.query("select * from pages where status = 'article'")}
        assert set(pages) == expected
        if fetched_once:
            assert [url for url, row in pages.items() if row["fetches"] != 1] == []
        runs = store.crawl_runs(db, next(iter(db.query("select slug from stories")))["slug"])
        assert [run["status"] for run in runs] == ["finished"] and runs[0]["pages_stored"] == len(expected)
    finally:
        db.close()


def _run_keys(redis_server, config_path):
    slug = config_path.stem
    return [key for key in redis_server.client().keys(f"newsclaims:{slug}:*")]


def _items_stored(db_path) -> int:
    """Versions stored so far, read-only: opening the store would migrate it under the writer's feet."""
    if not db_path.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)) as db:
            return db.execute("select count(*) from article_versions").fetchone()[0]
    except sqlite3.OperationalError:  # the writer is creating it
        return 0


def test_two_workers_share_the_story_and_store_every_page_once(redis_server, scale_story, tmp_path):
    config, db_path, paths, origins = scale_story
    common = ["--redis", redis_server.url, *options(FAST)]
    with open(tmp_path / "writer.log", "w") as log:
        writer = start("ingest", str(config), "--db", str(db_path), *common, log=log)
        workers = [start("crawl", str(config), *common, log=open(tmp_path / f"w{n}.log", "w")) for n in range(2)]
        assert [finish(w) for w in workers] == [0, 0], [(tmp_path / f"w{n}.log").read_text()[-2000:] for n in range(2)]
        assert finish(writer) == 0, (tmp_path / "writer.log").read_text()[-2000:]
    outputs = [(tmp_path / f"w{n}.log").read_text() for n in range(2)]
    sent = [int(re.search(r"(\d+) items sent", out).group(1)) for out in outputs]
    assert all(n > 0 for n in sent) and sum(sent) >= 500, sent  # both workers worked
    _check_stored_exactly_once(db_path, origins, paths)
    assert _run_keys(redis_server, config) == []


def test_a_sigkilled_worker_s_requests_are_rescued_by_the_other(redis_server, scale_story, tmp_path):
    config, db_path, paths, origins = scale_story
    common = ["--redis", redis_server.url, *options(FAST)]
    client = redis_server.client()
    with open(tmp_path / "writer.log", "w") as log:
        writer = start("ingest", str(config), "--db", str(db_path), *common, log=log)
        doomed = start("crawl", str(config), *common, log=open(tmp_path / "doomed.log", "w"))
        survivor = start("crawl", str(config), *common, log=open(tmp_path / "survivor.log", "w"))

        def doomed_has_requests_in_flight():
            return any(client.hlen(key) for key in client.keys(f"newsclaims:{config.stem}:*:inflight:*:{doomed.pid}"))

        wait_for(lambda: _items_stored(db_path) > 50 and doomed_has_requests_in_flight(), what="a busy doomed worker")
        doomed.send_signal(signal.SIGKILL)
        doomed.wait()
        assert finish(survivor) == 0, (tmp_path / "survivor.log").read_text()[-2000:]
        assert finish(writer) == 0, (tmp_path / "writer.log").read_text()[-2000:]
    survivor_output = (tmp_path / "survivor.log").read_text()
    rescued = int(re.search(r"(\d+) requests rescued from dead workers", survivor_output).group(1))
    assert rescued > 0, survivor_output[-2000:]
    # A rescued request may have been fetched by the dead worker too: stored once all the same.
    _check_stored_exactly_once(db_path, origins, paths, fetched_once=False)
    assert _run_keys(redis_server, config) == []


def test_a_killed_writer_is_restarted_and_nothing_is_lost_or_doubled(redis_server, scale_story, tmp_path):
    config, db_path, paths, origins = scale_story
    common = ["--redis", redis_server.url, *options(FAST)]
    with open(tmp_path / "writer1.log", "w") as log1, open(tmp_path / "writer2.log", "w") as log2:
        writer = start("ingest", str(config), "--db", str(db_path), *common, log=log1)
        workers = [start("crawl", str(config), *common, log=open(tmp_path / f"w{n}.log", "w")) for n in range(2)]
        wait_for(lambda: _items_stored(db_path) > 100, what="the writer mid-stream")
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        # The lock of the dead writer expires; a new one resumes the same run.
        time.sleep(0.5)
        second = start("ingest", str(config), "--db", str(db_path), *common, log=log2)
        assert [finish(w) for w in workers] == [0, 0]
        assert finish(second, timeout=60) == 0, (tmp_path / "writer2.log").read_text()[-2000:]
    text = (tmp_path / "writer2.log").read_text()
    assert "resuming run" in text or "already running" in text, text[-2000:]
    _check_stored_exactly_once(db_path, origins, paths)
    assert _run_keys(redis_server, config) == []
