"""When Redis is not there, or goes away mid-crawl: one line, a non-zero exit, and nothing lost for good
(every page is stored by the end of the run, or by the next one)."""
from __future__ import annotations

import subprocess
import sys
import time

from newsclaims import ROOT, store
from tests.redis_server import FAST, RedisServer, finish, free_port, options, start

pytest_plugins = ["tests.plugins_redis"]


def _error_lines(result_stderr: str) -> list[str]:
    return [line for line in result_stderr.strip().splitlines() if line.startswith("Error:")]


def test_redis_unreachable_at_start_is_one_line_and_a_non_zero_exit(scale_story, tmp_path):
    config, db_path, _, _ = scale_story
    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    for command in (["crawl", str(config)], ["ingest", str(config), "--db", str(db_path)]):
        result = subprocess.run([sys.executable, "-m", "newsclaims", *command, "--redis", url], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: cannot reach Redis at {url}"), result.stderr


def test_a_worker_without_a_writer_says_what_to_start(redis_server, scale_story):
    config, _, _, _ = scale_story
    result = subprocess.run([sys.executable, "-m", "newsclaims", "crawl", str(config), "--redis", redis_server.url,
                             "-s", "NEWSCLAIMS_REDIS_RUN_WAIT=0.5"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    expected = (f"Error: no run of story {config.stem!r} is open in Redis; start the writer first: "
                f"newsclaims ingest {config.stem} --redis URL")
    assert result.stderr.strip().splitlines() == [expected]


def test_redis_going_away_mid_crawl_stops_cleanly_and_the_next_run_stores_everything(scale_story, tmp_path):
    config, db_path, paths, origins = scale_story
    expected = {origins[outlet] + path for outlet, mine in paths.items() for path in mine}
    with RedisServer(password="s3cret") as redis:  # its own server, to take away; with auth, as deployed
        common = ["--redis", redis.url, *options(FAST)]
        writer = start("ingest", str(config), "--db", str(db_path), *common, log=open(tmp_path / "writer.log", "w"))
        worker = start("crawl", str(config), *common, log=open(tmp_path / "worker.log", "w"))
        deadline = time.monotonic() + 60
        while True:
            keys = redis.client().keys(f"newsclaims:{config.stem}:*:items")
            if keys and redis.client().xinfo_stream(keys[0])["entries-added"] > 50:
                break
            assert time.monotonic() < deadline, "the crawl did not start"
            time.sleep(0.05)
        redis.stop()
        assert finish(worker) == 1 and finish(writer) == 1
        for log in ("worker.log", "writer.log"):
            text = (tmp_path / log).read_text()
            assert len(_error_lines(text)) == 1 and "Traceback" not in text, text[-3000:]
            assert "s3cret" not in text  # the password is never printed
        assert "went away" in _error_lines((tmp_path / "worker.log").read_text())[0]

        redis.start()  # back, empty (nothing is saved to disk): the next run starts afresh from SQLite
        writer = start("ingest", str(config), "--db", str(db_path), *common, log=open(tmp_path / "writer2.log", "w"))
        worker = start("crawl", str(config), *common, log=open(tmp_path / "worker2.log", "w"))
        assert finish(worker) == 0, (tmp_path / "worker2.log").read_text()[-2000:]
        assert finish(writer) == 0, (tmp_path / "writer2.log").read_text()[-2000:]
    db = store.open_store(db_path)
    try:
        assert {row["url"] for row in db.query("select url from articles")} == expected
        assert db.execute("select count(*) from article_versions").fetchone()[0] == len(expected)
        assert [run["status"] for run in store.crawl_runs(db, config.stem)] == ["killed", "finished"]
    finally:
        db.close()
