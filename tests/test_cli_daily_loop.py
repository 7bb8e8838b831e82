"""Issue 15's daily loop, run as a user runs it (subprocesses on a real SQLite file): stories, status,
init, delete, digest, add, check, search, export; -q, --log-file; reports that say how they were made."""
from __future__ import annotations

import contextlib
import json
import sqlite3

from newsclaims.config import load_story
from tests.daily_site import LISTING_PAGE
from tests.test_cli_daily_failures import copy, crawl_args, crawled, one_line, run, site  # noqa: F401 (fixtures)


def test_stories_and_status_say_how_each_story_stands(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    listing = run("stories", "--db", str(db))
    assert listing.returncode == 0, listing.stderr
    header, row = listing.stdout.splitlines()
    assert header.split()[:5] == ["story", "outlets", "articles", "versions", "open"]
    assert row.split()[:4] == ["daily", "2", "8", "8"] and "finished" in row and "UTC" in row
    found = json.loads(run("status", str(config), "--db", str(db), "--format", "json").stdout)
    assert found["articles"] == 8 and found["not_analysed"] == 0 and found["pages"]["article"] == 8
    assert found["last_crawl"]["status"] == "finished" and set(found["last_crawl"]["outlets"]) == {"gazette", "wire"}
    assert found["flags"]["mention"]["open"] >= 2 and found["last_analysis"]["ruleset"]
    text = run("status", str(config), "--db", str(db)).stdout
    assert "last crawl (#1 of 1): finished" in text and "outlets with nothing usable: none" in text


def test_init_writes_a_config_that_loads(tmp_path):
    target = tmp_path / "bridge.toml"
    result = run("init", "bridge", "https://www.gazette.example/news/", "http://radio.example:8080/",
                 "--person", "Dale Cathcart", "--keyword", "Alder Creek", "-o", str(target))
    assert result.returncode == 0, result.stderr
    config = load_story(target)
    assert [(o.slug, o.origin, o.seeds) for o in config.outlets] == [
        ("gazette", "https://www.gazette.example:443", ["/news/"]), ("radio", "http://radio.example:8080", ["/"])]
    assert config.topic.names == ["Dale Cathcart"] and "# " in target.read_text()
    again = run("init", "bridge", "https://x.example/", "-o", str(target))
    assert again.returncode == 1
    one_line(again, str(target), "--force")


def test_delete_asks_first_and_removes_the_story_with_its_pages(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    refused = run("delete", "daily", "--db", str(db))
    assert refused.returncode == 1
    one_line(refused, "--yes", "8 articles")
    result = run("delete", "daily", "--db", str(db), "--yes")
    assert result.returncode == 0, result.stderr
    with contextlib.closing(sqlite3.connect(db)) as conn:
        left = {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in
                ("stories", "articles", "article_versions", "mentions", "story_mentions", "pages", "flags",
                 "crawl_runs", "analysis_runs", "clusters", "article_versions_fts")}
    assert set(left.values()) == {0}, left
    gone = run("status", str(config), "--db", str(db))
    assert gone.returncode == 1 and "not in the database" in gone.stderr


def test_digest_says_what_is_new_with_an_exit_status_a_scheduler_can_act_on(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    first = run("digest", str(config), "--db", str(db))
    assert first.returncode == 10, first.stderr
    assert first.stderr == ""
    assert "new error: “Kathcart” for Dale Cathcart in 2 article(s) by Riverbend Wire" in first.stdout
    assert "outlet now using an error: Riverbend Wire" in first.stdout
    second = run("digest", str(config), "--db", str(db))
    assert second.returncode == 0 and "nothing new since the last digest" in second.stdout
    future = run("digest", str(config), "--db", str(db), "--since", "2999-01-01", "--format", "json")
    assert future.returncode == 0 and json.loads(future.stdout)["new"]["errors"] == []
    bad = run("digest", str(config), "--db", str(db), "--since", "yesterday")
    assert bad.returncode == 2 and "--since" in bad.stderr


def test_digest_compares_snapshots():
    from newsclaims.cli.stories import compare

    before = {"errors": {"A|x": {"canonical": "A", "form": "x", "articles": 1, "outlets": ["O"]}}, "outlets": {"O": 1},
              "flags": ["f1"]}
    now = {"errors": {"A|x": {"canonical": "A", "form": "x", "articles": 3, "outlets": ["O", "P"]},
                      "B|y": {"canonical": "B", "form": "y", "articles": 1, "outlets": ["P"]}},
           "outlets": {"O": 2, "P": 2}, "flags": ["f1", "f2", "f3"]}
    new = compare(before, now)
    assert [e["form"] for e in new["errors"]] == ["y"] and new["spreading"][0]["was"] == 1
    assert new["outlets"] == [{"outlet": "P", "articles": 2}] and new["flags"] == 2
    assert new["copies"] is None and compare(now, now)["flags"] == 0


def test_add_stores_a_page_found_by_hand_and_refuses_others(site, crawled, tmp_path):
    server, config = site
    db = copy(crawled, "crawled.db", tmp_path)
    listing = server.url(*LISTING_PAGE)
    result = run("add", str(config), listing, server.url("gazette", "/news/missing.html"), "--db", str(db))
    assert result.returncode == 3
    assert f"stored {listing}" in result.stdout and "not stored" in result.stdout and "HTTP 404" in result.stdout
    one_line(result, "1 of 2 pages not stored")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("select count(*) from articles where url = ?", [listing]).fetchone()[0] == 1
        assert conn.execute("select count(*) from articles").fetchone()[0] == 9
    off = run("add", str(config), "http://elsewhere.invalid/a.html", "--db", str(db))
    assert off.returncode == 2 and "not on any outlet" in off.stderr


def test_check_shows_what_would_be_stored_and_writes_nothing(site, tmp_path):
    server, config = site
    db = tmp_path / "never.db"
    result = run("check", str(config), "--dry-run", "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    pages = {p["url"]: p for p in json.loads(result.stdout)}
    assert sum(p["status"] == "article" for p in pages.values()) == 8
    assert pages[server.url(*LISTING_PAGE)]["reason"].startswith("listing page")
    assert not db.exists() and not list(tmp_path.iterdir())


def test_search_shows_keyword_in_context(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    result = run("search", str(config), "kathcart", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("«Kathcart»") == 2 and "2026-03-04 16:00 UTC" in result.stdout
    hits = json.loads(run("search", str(config), "closing bridges", "--db", str(db), "--format", "json").stdout)
    assert [h["title"] for h in hits] == ["Bridge *closed* | day [one]"] and "«closed»" in " ".join(hits[0]["context"])
    bad = run("search", str(config), '"unbalanced', "--raw", "--db", str(db))
    assert bad.returncode == 1
    one_line(bad, "not a valid full-text query")


def test_export_is_one_record_per_article_with_mentions_and_verdicts(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    out = tmp_path / "daily.jsonl"
    result = run("export", str(config), "--format", "jsonl", "-o", str(out), "--db", str(db), "-q")
    assert result.returncode == 0 and result.stderr == ""
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 8 and len({r["url"] for r in records}) == 8
    errors = [m for r in records for m in r["mentions"] if m["verdict"] == "error"]
    assert len(errors) >= 2 and all(m["person"] == "Dale Cathcart" for m in errors)
    for record in records:
        for m in record["mentions"]:
            if m["field"] == "text":
                assert record["text"][m["start"]:m["end"]] == m["surface"]
    assert {r["published_utc"] for r in records if r["url"].endswith("/b.html")} == {"2026-03-04T16:00:00+00:00"}


def test_reports_say_how_they_were_made(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    data = json.loads(run("report", str(config), "--db", str(db), "--format", "json").stdout)
    provenance = data["provenance"]
    assert provenance["ruleset"] and "score_cutoff" in json.dumps(provenance["settings"])
    assert {o["outlet"]: o["crawl_status"] for o in provenance["outlets"]} == {"gazette": "finished", "wire": "finished"}
    markdown = run("report", str(config), "--db", str(db)).stdout
    assert "## How this report was made" in markdown and "| Riverbend Wire | " in markdown
    html = run("report", str(config), "--db", str(db), "--format", "html").stdout
    assert 'id="provenance"' in html


def test_quiet_run_and_a_log_file(site, crawled, tmp_path):
    _, config = site
    db = copy(crawled, "analysed.db", tmp_path)
    log = tmp_path / "crawl.log"
    crawl = run(*crawl_args(config, db, "--log-file", str(log)))
    assert crawl.returncode == 0 and crawl.stderr == "", crawl.stderr
    assert "[scrapy.core.engine] INFO: Spider closed (finished)" in log.read_text(encoding="utf-8")
    result = run("run", str(config), "--db", str(db), "-o", str(tmp_path / "out"), "-q",
                 *crawl_args(config, db)[4:])
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html", "report.json", "report.md"]
