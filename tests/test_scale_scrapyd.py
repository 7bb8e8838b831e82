"""Scrapyd on 127.0.0.1: the project deployed with `scrapyd-deploy` (its egg carries the story
configs), a job scheduled through `schedule.json` with the story as a spider argument, and its pages
stored by the writer. Scrapyd runs with basic auth, as it must on a network."""
from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from newsclaims import ROOT, store
from newsclaims.demo import DemoServer
from tests.redis_server import FAST, finish, free_port, options, start, story_config, story_site

pytest_plugins = ["tests.plugins_redis"]

USER, PASSWORD = "newsclaims", "scrapyd-test-password"
#: What an egg is built from (setup.py + pyproject.toml decide what goes in).
PROJECT_FILES = ("crawler", "analysis", "newsclaims", "data/stories", "pyproject.toml", "setup.py", "scrapy.cfg",
                 "README.md")


class Scrapyd:
    """A Scrapyd of its own in `directory`, on a free 127.0.0.1 port, stopped by PID."""

    def __init__(self, directory: Path):
        self.dir = directory
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = None

    def __enter__(self) -> Scrapyd:
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "scrapyd.conf").write_text(
            f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {self.port}\nusername = {USER}\npassword = {PASSWORD}\n"
            f"eggs_dir = {self.dir / 'eggs'}\nlogs_dir = {self.dir / 'logs'}\ndbs_dir = {self.dir / 'dbs'}\n"
            "items_dir =\nmax_proc = 1\npoll_interval = 0.2\n", encoding="utf-8")
        # No PYTHONPATH: the job must run the deployed egg, not this checkout.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        self.process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=self.dir, env=env,
                                        stdout=open(self.dir / "scrapyd.out", "w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                self.get("daemonstatus.json")
                return self
            except OSError:
                assert self.process.poll() is None, (self.dir / "scrapyd.out").read_text()[-2000:]
                assert time.monotonic() < deadline, "scrapyd did not answer within 30 s"
                time.sleep(0.1)

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _call(self, path: str, data: list[tuple[str, str]] | None = None) -> dict:
        request = urllib.request.Request(self.url + path, data=urllib.parse.urlencode(data).encode() if data else None)
        request.add_header("Authorization", "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode())
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def get(self, path: str) -> dict:
        return self._call(path)

    def post(self, path: str, data: list[tuple[str, str]]) -> dict:
        return self._call(path, data)


def _without_auth_is_refused(url: str) -> bool:
    try:
        urllib.request.urlopen(url + "daemonstatus.json", timeout=10)
    except urllib.error.HTTPError as exc:
        return exc.code == 401
    return False


@pytest.mark.timeout(240)
def test_a_scrapyd_job_crawls_into_the_shared_redis(redis_server, tmp_path):
    site, paths = story_site(60, outlets=2)
    slug = f"scrapyd-{secrets.token_hex(3)}"
    project = tmp_path / "project"
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(source, project / name)
    with DemoServer(site) as server, Scrapyd(tmp_path / "scrapyd") as scrapyd:
        assert _without_auth_is_refused(scrapyd.url)
        # The story ships in the egg, as a bundled slug: the job names it, it reads no file of ours.
        (project / "data" / "stories" / f"{slug}.toml").write_text(story_config(slug, server.origins), encoding="utf-8")
        with open(project / "scrapy.cfg", "a", encoding="utf-8") as cfg:
            cfg.write(f"\n[deploy:test]\nurl = {scrapyd.url}\nproject = newsclaims\nusername = {USER}\n"
                      "password = ${TEST_SCRAPYD_PASSWORD}\n")
        deploy = subprocess.run([str(Path(sys.executable).parent / "scrapyd-deploy"), "test"], cwd=project,
                                capture_output=True, text=True, timeout=180,
                                env={**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
                                     "TEST_SCRAPYD_PASSWORD": PASSWORD})
        assert deploy.returncode == 0 and '"status": "ok"' in deploy.stdout, deploy.stdout + deploy.stderr
        assert "story" in scrapyd.get("listspiders.json?project=newsclaims")["spiders"]

        db_path = tmp_path / "scrapyd.db"
        common = ["--redis", redis_server.url, *options(FAST)]
        writer = start("ingest", str(project / "data" / "stories" / f"{slug}.toml"), "--db", str(db_path), *common,
                       log=open(tmp_path / "writer.log", "w"))
        settings = {**FAST, "NEWSCLAIMS_REDIS_URL": redis_server.url}
        job = scrapyd.post("schedule.json", [("project", "newsclaims"), ("spider", "story"), ("story", slug),
                                             *[("setting", f"{k}={v}") for k, v in settings.items()]])
        assert job["status"] == "ok", job
        assert finish(writer, timeout=150) == 0, (tmp_path / "writer.log").read_text()[-2000:]
        deadline = time.monotonic() + 30
        while not any(j["id"] == job["jobid"] for j in scrapyd.get("listjobs.json?project=newsclaims")["finished"]):
            assert time.monotonic() < deadline, "the Scrapyd job did not finish"
            time.sleep(0.2)
    log = next((tmp_path / "scrapyd" / "logs").rglob(f"{job['jobid']}.log")).read_text()
    assert "Joined run" in log and "Spider closed (finished)" in log, log[-3000:]
    # The story config exists only in the egg (not in this checkout's data/stories), so the job read it there.
    assert not (ROOT / "data" / "stories" / f"{slug}.toml").exists()
    db = store.open_store(db_path)
    try:
        expected = {server.origins[o] + p for o, mine in paths.items() for p in mine}
        assert {row["url"] for row in db.query("select url from articles")} == expected
        assert [run["status"] for run in store.crawl_runs(db, slug)] == ["finished"]
    finally:
        db.close()
