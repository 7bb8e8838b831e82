"""Crash safety and scheduling, with real processes: SIGKILL mid-crawl, SIGTERM mid-schedule, locks."""
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsclaims import ROOT
from newsclaims.demo import DemoServer
from newsclaims.schedule import CrawlLock, CrawlLocked, lock_path, parse_interval
from tests.conftest import loopback_settings
from tests.fault_site import FaultPage, article
from tests.waiting import wait_for

PAGES = 150


def resume_site():
    paths = [f"/news/{n:03d}.html" for n in range(PAGES)]
    links = "".join(f"<a href='{p}'>{p}</a> " for p in paths)
    urlset = "".join(f"<url><loc>{{{{origin:site}}}}{p}</loc></url>" for p in paths)
    pages = {p: FaultPage(article(f"Story {p}", f"Alder Creek page {p} for the resume test"), delay=0.02) for p in paths}
    pages["/"] = FaultPage(f"<html><body>{links}</body></html>")
    pages["/robots.txt"] = FaultPage("User-agent: *\nDisallow:\n", "text/plain")
    pages["/sitemap.xml"] = FaultPage("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                                      f"{urlset}</urlset>", "application/xml")
    return {"site": pages}, paths


def write_config(path, origin):
    path.write_text(f'slug = "resume"\ntitle = "Resume test"\n\n[[outlets]]\nslug = "site"\nname = "Site"\n'
                    f'origin = "{origin}"\nseeds = ["/"]\nsitemaps = ["/sitemap.xml"]\narticle_paths = ["^/news/"]\n',
                    encoding="utf-8")


def start_crawl(config, db, *extra):
    return subprocess.Popen([sys.executable, "-m", "newsclaims", "crawl", str(config), "--db", str(db),
                             *loopback_settings(), *extra], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def count(db, sql):
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def test_parse_interval():
    assert parse_interval("30m") == 1800 and parse_interval("2s") == 2 and parse_interval("1h30m") == 5400
    for bad in ("", "0s", "soon", "5x", "-3m"):
        with pytest.raises(ValueError):
            parse_interval(bad)


def test_a_killed_crawl_run_again_stores_every_page_exactly_once(tmp_path):
    site, paths = resume_site()
    with DemoServer(site) as server:
        config, db = tmp_path / "resume.toml", tmp_path / "resume.db"
        write_config(config, server.origins["site"])
        first = start_crawl(config, db)
        wait_for(lambda: count(db, "select count(*) from articles") >= 20, 60, "20 stored pages")
        workers = child_pids(first.pid)
        assert workers, "the crawl runs extraction in a worker process"
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        wait_for(lambda: not any(alive(pid) for pid in workers), 10, "the killed crawl's workers to exit")
        stored_at_kill = count(db, "select count(*) from articles")
        assert stored_at_kill < PAGES, "the crawl finished before it could be killed; slow the site down"
        second = start_crawl(config, db)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, err[-2000:]
    expected = {server.origins["site"] + path for path in paths}
    with sqlite3.connect(db) as conn:
        urls = [row[0] for row in conn.execute("select url from articles")]
        versions = dict(conn.execute("select a.url, count(*) from articles a join article_versions v "
                                     "on v.article_id = a.id group by a.url").fetchall())
        statuses = [row[0] for row in conn.execute("select status from crawl_runs order by id")]
    assert len(urls) == len(set(urls)) == PAGES            # 0 duplicated
    assert set(urls) == expected                           # 0 lost, counted against the server's list
    assert set(versions.values()) == {1}
    assert statuses == ["killed", "finished"]
    assert "took over the stale crawl lock" in err


def test_one_crawl_of_a_story_at_a_time(tmp_path):
    db = tmp_path / "x.db"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from newsclaims.schedule import CrawlLock; lock = CrawlLock(sys.argv[1], 'demo'); "
        "lock.acquire(); print('held', flush=True); time.sleep(60)"), str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(CrawlLocked) as raised:
            CrawlLock(db, "demo").acquire()
        assert str(holder.pid) in str(raised.value)
        result = subprocess.run([sys.executable, "-m", "newsclaims", "crawl", "demo", "--db", str(db)], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1
        assert result.stderr.strip().count("\n") == 0 and "already running" in result.stderr
        other = CrawlLock(db, "other")  # other stories are not blocked
        assert other.acquire() is None
        other.release()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    lock = CrawlLock(db, "demo")
    note = lock.acquire()
    assert note and str(holder.pid) in note
    lock.release()


def test_every_runs_on_an_interval_and_stops_cleanly_on_sigterm(tmp_path):
    site, _ = resume_site()
    with DemoServer(site) as server:
        config, db = tmp_path / "every.toml", tmp_path / "every.db"
        write_config(config, server.origins["site"])
        schedule = start_crawl(config, db, "--every", "1s")
        wait_for(lambda: count(db, "select count(*) from crawl_runs where status = 'finished'") >= 2, 120,
                 "two scheduled runs")
        schedule.send_signal(signal.SIGTERM)
        out, err = schedule.communicate(timeout=60)
    assert schedule.returncode == 0, err[-2000:]
    assert "scheduled crawl 1: crawl resume: finished" in out
    assert "scheduled crawl 2:" in out and out.strip().splitlines()[-1].startswith("schedule stopped after")
    with sqlite3.connect(db) as conn:
        statuses = [row[0] for row in conn.execute("select status from crawl_runs order by id")]
        assert conn.execute("select count(*) from article_versions").fetchone()[0] == PAGES
    assert statuses[:2] == ["finished", "finished"] and "running" not in statuses
    assert lock_path(db, "resume").read_text() == ""  # released
