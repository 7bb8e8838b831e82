"""Issue 15's "failures found", each run as a user meets it: the real `newsclaims` (or `scrapy`) in a
subprocess, a real SQLite file, and, where it matters, a real write lock held by another connection.

Every failure must end with its exit status, one line on stderr naming the problem, no traceback, and
nothing stored lost or duplicated (the next crawl stores exactly what was missing).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsclaims import ROOT, store
from newsclaims.config import load_story
from newsclaims.demo import DemoServer
from tests.conftest import loopback_settings
from tests.daily_site import BYLINE, BYLINE_PAGE, LISTING_PAGE, article_urls, build_site, write_config

PYTHON = sys.executable


def run(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "newsclaims", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def one_line(result: subprocess.CompletedProcess, *words: str) -> str:
    """The single line on stderr, checked for the words that name the problem; never a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def crawl_args(config: Path, db: Path, *more: str) -> list[str]:
    """The loopback politeness profile, but not its LOG_LEVEL: these tests see what a user sees."""
    quick = [arg for pair in zip(loopback_settings()[::2], loopback_settings()[1::2]) if "LOG_LEVEL" not in pair[1]
             for arg in pair]
    return ["crawl", str(config), "--db", str(db), *quick, *more]


def stored_urls(db: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return sorted(row[0] for row in conn.execute("select url from articles"))


def versions(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute("select count(*) from article_versions").fetchone()[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def write_lock(db: Path, *, when=None, hold: float):
    """Another connection takes the database's write lock (once `when(conn)` is true) and keeps it
    `hold` seconds. Yields an event set once the lock is taken."""
    taken = threading.Event()

    def hold_lock():
        conn = sqlite3.connect(db, timeout=30, isolation_level=None)
        try:
            deadline = time.monotonic() + 60
            while when is not None and time.monotonic() < deadline:
                try:
                    if when(conn):
                        break
                except sqlite3.OperationalError:
                    pass
                time.sleep(0.02)
            conn.execute("begin immediate")
            conn.execute("insert or replace into outlets (origin, name) values ('http://lock.invalid:1', 'lock')")
            taken.set()
            time.sleep(hold)
            conn.execute("rollback")
        finally:
            conn.close()

    thread = threading.Thread(target=hold_lock, daemon=True)
    thread.start()
    try:
        yield taken
    finally:
        thread.join(90)


def crawl_started(conn) -> bool:
    return bool(conn.execute("select count(*) from crawl_runs where status = 'running'").fetchone()[0])


@contextlib.contextmanager
def read_only(*paths: Path):
    """Make files and directories read-only, even for root (the immutable attribute), and undo it."""
    root = os.geteuid() == 0
    for path in paths:
        if root:
            subprocess.run(["chattr", "+i", str(path)], check=True)
        else:
            path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        for path in paths:
            if root:
                subprocess.run(["chattr", "-i", str(path)], check=True)
            else:
                path.chmod(0o755 if path.is_dir() else 0o644)


# --- fixtures: one fast and one slow copy of the site, one crawled and analysed database ------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with DemoServer(build_site()) as server:
        config = write_config(tmp_path_factory.mktemp("daily") / "daily.toml", server.origins)
        yield server, config


@pytest.fixture(scope="module")
def slow_site(tmp_path_factory):
    """Articles answer after 1.5 s: long enough to act while the crawl runs."""
    with DemoServer(build_site(delay=1.5)) as server:
        config = write_config(tmp_path_factory.mktemp("slow") / "slow.toml", server.origins)
        yield server, config


@pytest.fixture(scope="module")
def crawled(site, nlp, tmp_path_factory):
    """The site crawled (`crawled.db`: not analysed; `analysed.db`: analysed), kept pristine: tests copy."""
    from newsclaims import jobs

    server, config = site
    tmp = tmp_path_factory.mktemp("crawled")
    result = run(*crawl_args(config, tmp / "crawled.db", "-q"))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    shutil.copy(tmp / "crawled.db", tmp / "analysed.db")
    db = store.open_store(tmp / "analysed.db")
    jobs.analyse(db, load_story(config), nlp)
    db.close()
    return tmp


def copy(crawled: Path, name: str, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    shutil.copy(crawled / name, target)
    return target


# --- the database locked mid-crawl --------------------------------------------------------------------

def test_a_lock_shorter_than_the_patience_loses_no_page(slow_site, tmp_path):
    server, config = slow_site
    db = tmp_path / "x.db"
    store.open_store(db).close()
    with write_lock(db, when=crawl_started, hold=4) as taken:
        result = run(*crawl_args(config, db))
    assert taken.is_set()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    assert stored_urls(db) == sorted(article_urls(server.origins)) and versions(db) == len(article_urls(server.origins))


def test_a_lock_past_the_patience_stops_the_crawl_and_the_next_crawl_stores_the_rest(slow_site, tmp_path):
    server, config = slow_site
    db = tmp_path / "x.db"
    store.open_store(db).close()
    with write_lock(db, when=crawl_started, hold=7):
        result = run(*crawl_args(config, db, "-s", "NEWSCLAIMS_DB_LOCK_TIMEOUT=1"))
    assert result.returncode == 3
    one_line(result, "stopped", "locked", "NEWSCLAIMS_DB_LOCK_TIMEOUT", "the next crawl fetches them")
    assert "database_locked" in result.stdout
    before = stored_urls(db)
    again = run(*crawl_args(config, db, "-q"))
    assert again.returncode == 0 and again.stderr == "", again.stderr  # -q: nothing on stderr
    assert stored_urls(db) == sorted(article_urls(server.origins)), before
    assert versions(db) == len(article_urls(server.origins))  # nothing twice


# --- outlets unreachable; a page's old error cleared -------------------------------------------------

def test_an_unreachable_outlet_is_one_warning_a_summary_and_exit_3_and_its_errors_clear_later(tmp_path):
    with DemoServer(build_site()) as up:
        down_port = _free_port()
        origins = {"gazette": up.origins["gazette"], "wire": f"http://127.0.0.1:{down_port}"}
        config = write_config(tmp_path / "part.toml", origins)
        db = tmp_path / "x.db"
        result = run(*crawl_args(config, db))
        assert result.returncode == 3
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 2, result.stderr
        assert lines[0].startswith("warning: outlet wire (") and "unreachable" in lines[0] and "refused" in lines[0]
        assert lines[1].startswith("Error: crawl daily: 1 of 2 outlets gave nothing usable (wire)")
        assert result.stdout.startswith("crawl daily: finished;")
        assert stored_urls(db) == sorted(u for u in article_urls(origins) if u.startswith(up.origins["gazette"]))
        with contextlib.closing(sqlite3.connect(db)) as conn:
            failed = conn.execute("select url, status, reason from pages where url = ?",
                                  [origins["wire"] + "/"]).fetchone()
        assert failed[1] == "error" and failed[2]
    with DemoServer(build_site(), ports={"wire": down_port}) as later:
        config = write_config(tmp_path / "all.toml", {"gazette": origins["gazette"], "wire": later.origins["wire"]})
        # the gazette server is gone now: only wire is up, which is what this second crawl is about
        result = run(*crawl_args(config, db))
    with contextlib.closing(sqlite3.connect(db)) as conn:
        status, reason, http_status = conn.execute("select status, reason, http_status from pages where url = ?",
                                                   [origins["wire"] + "/"]).fetchone()
    assert (status, reason, http_status) == ("not-article", None, 200)
    assert set(stored_urls(db)) == article_urls(origins) and versions(db) == len(article_urls(origins))


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- SIGINT ------------------------------------------------------------------------------------------

def test_sigint_during_a_crawl_exits_130_and_the_next_crawl_completes_it(slow_site, tmp_path):
    server, config = slow_site
    db = tmp_path / "x.db"
    process = subprocess.Popen([PYTHON, "-m", "newsclaims", *crawl_args(config, db)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        # In full flight (a page stored), not still starting: a signal during start-up races Scrapy's
        # own handlers being installed, which is not what a user pressing Ctrl-C mid-crawl meets.
        with contextlib.suppress(sqlite3.OperationalError), contextlib.closing(sqlite3.connect(db)) as conn:
            if crawl_started(conn) and conn.execute("select count(*) from articles").fetchone()[0]:
                break
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "interrupted" in err
    assert "shutdown" in out
    again = run(*crawl_args(config, db))
    assert again.returncode == 0, again.stderr
    assert set(stored_urls(db)) == article_urls(server.origins) and versions(db) == len(article_urls(server.origins))


# --- one line instead of a traceback ---------------------------------------------------------------

def test_a_read_only_database_is_read_by_read_only_commands_and_refused_by_a_crawl(site, crawled, tmp_path):
    _, config = site
    folder = tmp_path / "ro"
    folder.mkdir()
    db = copy(crawled, "analysed.db", folder)
    with read_only(db, folder):
        report = run("report", str(config), "--db", str(db), "--format", "json")
        assert report.returncode == 0, report.stderr
        assert json.loads(report.stdout)["summary"]["articles"] == 8
        result = run(*crawl_args(config, db))
        assert result.returncode == 1
        one_line(result, str(db), "cannot write")
        assert sorted(p.name for p in folder.iterdir()) == ["copy.db"]


def test_report_to_a_directory_and_run_to_a_read_only_place_are_one_line(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    result = run("report", str(config), "--db", str(db), "-o", str(tmp_path))
    assert result.returncode == 1
    one_line(result, str(tmp_path), "is a directory")
    locked_dir = tmp_path / "ro"
    locked_dir.mkdir()
    runs_before = len(list(sqlite3.connect(db).execute("select * from crawl_runs")))
    with read_only(locked_dir):
        started = time.monotonic()
        result = run("run", str(config), "--db", str(db), "-o", str(locked_dir / "out"))
    assert result.returncode == 1 and time.monotonic() - started < 20
    one_line(result, str(locked_dir / "out"), "cannot create")
    assert len(list(sqlite3.connect(db).execute("select * from crawl_runs"))) == runs_before  # refused before crawling


def test_a_names_csv_that_is_not_utf8_is_one_line(tmp_path):
    names = tmp_path / "names.csv"
    names.write_bytes("surface,count\nZoë Brontë,3\n".encode("latin-1"))
    result = run("variants", "cluster", str(names), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1
    one_line(result, str(names), "not UTF-8")


@pytest.mark.parametrize("value", ["abc", "0"])
def test_a_bad_setting_value_is_one_line_and_exit_2(tmp_path, value):
    result = run("outlets", "--db", str(tmp_path / "x.db"), "-s", f"NEWSCLAIMS_REPORT_MIN_N={value}")
    assert result.returncode == 2
    one_line(result, "NEWSCLAIMS_REPORT_MIN_N", repr(value))


def test_an_unknown_setting_is_refused(tmp_path):
    result = run("crawl", "demo", "--db", str(tmp_path / "x.db"), "-s", "DEPTH_LIMTI=1")
    assert result.returncode == 2
    one_line(result, "unknown setting DEPTH_LIMTI", "DEPTH_LIMIT")
    assert not (tmp_path / "x.db").exists()


def test_a_database_from_a_newer_newsclaims_is_refused_with_both_versions_and_left_alone(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("insert into _sqlite_migrations (migration_set, name, applied_at) values "
                     "('newsclaims', 'm099_from_the_future', '2030-01-01')")
        conn.commit()
    before = digest(db)
    ours = store.schema_version()
    for args in (["report", str(config)], crawl_args(config, db)[:2] + ["-q"], ["analyse", str(config)]):
        result = run(*args, "--db", str(db)) if "--db" not in args else run(*args)
        assert result.returncode == 1, (args, result.stderr)
        one_line(result, f"schema v{ours + 1}", f"knows v{ours}", "newer", "m099_from_the_future")
    assert digest(db) == before
    assert not list(tmp_path.glob("copy.db.bak*"))


def test_scrapy_crawl_without_a_story_is_one_line(tmp_path):
    result = subprocess.run([str(Path(PYTHON).with_name("scrapy")), "crawl", "story", "-s",
                             f"NEWSCLAIMS_DB_PATH={tmp_path / 'x.db'}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "ERROR" in line]
    assert len(errors) == 1 and "needs a story" in errors[0]


def test_db_in_a_missing_directory_is_refused_not_created(tmp_path):
    missing = tmp_path / "no" / "such" / "dir"
    result = run("crawl", "demo", "--db", str(missing / "x.db"), "-q")
    assert result.returncode == 1
    one_line(result, str(missing), "does not exist")
    assert not (tmp_path / "no").exists()


def test_the_db_path_environment_variable_is_honoured(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    result = run("report", str(config), "--format", "json", env={"NEWSCLAIMS_DB_PATH": str(db)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["articles"] == 8


def test_csv_to_a_file_name_writes_a_file(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    result = run("report", str(config), "--db", str(db), "--format", "csv", "-o", str(tmp_path / "r.csv"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.csv").is_file()
    header, *rows = (tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()
    assert header.startswith("cluster_id,canonical,form") and len(rows) == 2


# --- wrong answers ------------------------------------------------------------------------------------

def test_published_sorts_in_utc_and_reports_show_utc(site, crawled, tmp_path):
    server, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    sql = store.CANNED_QUERIES["who_used_an_error_first"]["sql"]
    with contextlib.closing(sqlite3.connect(db)) as conn:
        order = [row[0] for row in conn.execute(sql.replace(":story", "'daily'").replace(
            "select distinct f.story, f.surface as error_form, f.canonical, a.url", "select distinct a.url"))]
    wire = server.origins["wire"]
    assert order == [wire + "/news/a.html", wire + "/news/b.html"]  # 13:00 UTC, then 08:00-08:00 = 16:00 UTC
    result = run("report", str(config), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "2026-03-04 13:00 UTC" in result.stdout and "2026-03-04 16:00 UTC" in result.stdout
    assert "T08:00:00-08:00" not in result.stdout


def test_an_outlet_report_counts_only_that_outlet(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    result = run("report", str(config), "--db", str(db), "--outlet", "gazette", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["articles"] == 3 and data["summary"]["outlets"] == 1
    assert data["summary"]["flagged_articles"] == 0 and data["summary"]["flagged_outlets"] == 0
    assert data["errors"] == [] and data["flagged_mentions"] == []
    surfaces = {s["surface"]: s for p in data["people"] for s in p["surfaces"]}
    assert "Kathcart" not in " ".join(surfaces) and all(s["outlets"] == 1 for s in surfaces.values())
    markdown = run("report", str(config), "--db", str(db), "--outlet", "gazette").stdout
    assert "n = 0" not in markdown and "outlet Fernhollow \\*Gazette\\* \\| \\[Local\\] only" in markdown


def test_a_crawled_story_never_analysed_says_so(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "crawled.db", tmp_path)
    result = run("report", str(config), "--db", str(db))
    assert result.returncode == 1
    one_line(result, "never been analysed", "newsclaims analyse daily")


def test_reviews_keep_their_note_and_settle_the_article_flag(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        flags = [dict(r) for r in conn.execute("select * from flags where active = 1 and level = 'mention' "
                                               "order by id")]
    article = flags[0]["article_id"]
    mine = [f for f in flags if f["article_id"] == article]
    assert run("review", mine[0]["id"], "confirm", "--note", "the sheriff's site says Cathcart", "--db", str(db)).returncode == 0
    assert run("review", mine[0]["id"], "confirm", "--db", str(db)).returncode == 0
    for flag in mine:
        assert run("review", flag["id"], "dismiss", "--db", str(db)).returncode == 0
    with contextlib.closing(sqlite3.connect(db)) as conn:
        note = conn.execute("select note from flags where id = ?", [mine[0]["id"]]).fetchone()[0]
        article_status = conn.execute("select status from flags where level = 'article' and article_id = ? "
                                      "and active = 1", [article]).fetchone()[0]
    assert note == "the sheriff's site says Cathcart"
    assert article_status == "dismissed"
    assert run("review", mine[0]["id"], "reopen", "--db", str(db)).returncode == 0
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("select status from flags where level = 'article' and article_id = ? and active = 1",
                            [article]).fetchone()[0] == "open"


def test_markdown_escapes_scraped_text_and_shows_review_notes(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        flag = conn.execute("select id from flags where level = 'mention' and active = 1 order by id").fetchone()[0]
    assert run("review", flag, "dismiss", "--note", "a *quoted* sign | not [ours]", "--db", str(db)).returncode == 0
    text = run("report", str(config), "--db", str(db)).stdout
    assert "Fernhollow \\*Gazette\\* \\| \\[Local\\]" in text and "Fernhollow *Gazette*" not in text
    assert "Alder Creek \\| daily \\[test\\]" in text
    assert "Review note: “a \\*quoted\\* sign \\| not \\[ours\\]”" in text


# --- extraction --------------------------------------------------------------------------------------

def test_bylines_listings_and_feeds_given_as_seeds(site, crawled):
    server, _ = site
    with contextlib.closing(sqlite3.connect(crawled / "crawled.db")) as conn:
        author = conn.execute("select v.author from articles a join article_versions v on v.article_id = a.id "
                              "where a.url = ?", [server.url(*BYLINE_PAGE)]).fetchone()[0]
        listing = conn.execute("select status, reason from pages where url = ?", [server.url(*LISTING_PAGE)]).fetchone()
    assert author == BYLINE[1]
    assert listing[0] == "not-article" and listing[1].startswith("listing page:")
    assert set(stored_urls(crawled / "crawled.db")) == article_urls(server.origins)  # the feed-only page too
