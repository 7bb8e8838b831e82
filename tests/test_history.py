"""Update times, the backoff schedule, `recheck`, removals and WARC export (issue 13, crawler/store side),
against a real loopback server whose pages change between crawls, real crawl subprocesses (the clock
moved forward through `NEWSCLAIMS_CLOCK_SHIFT_DAYS`) and a real SQLite file. Expected values come from
the site's own pages (tests/history_site.py)."""
from __future__ import annotations

import dataclasses
import gzip
import json
import os
import subprocess
import sys

import pytest

from crawler.clock import CLOCK_SHIFT_ENV
from newsclaims import ROOT, store
from newsclaims.demo import DemoServer
from tests import history_site as site
from tests.conftest import loopback_settings


def newsclaims(*args: str, shift_days: float = 0, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, CLOCK_SHIFT_ENV: str(shift_days)}
    result = subprocess.run([sys.executable, "-m", "newsclaims", *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=300, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"newsclaims {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


def versions_of(db_path, url: str) -> list[dict]:
    db = store.open_store(db_path, readonly=True)
    try:
        return [v for v in store.story_versions(db, "ledger") if v["url"] == url]
    finally:
        db.close()


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """Crawl 1 (day 0), crawl 2 (day 0, the stealth edit already served), crawl 3 (day 1.5: the
    backoff step of 1 day has passed), then the removal and `recheck` (day 1.5)."""
    tmp = tmp_path_factory.mktemp("history")
    served: dict[str, list[bytes]] = {}  # path -> every body served, in order (what the WARC must hold)
    with DemoServer(site.build_site()) as server:
        origin = server.origins["ledger"]
        config = site.write_config(tmp / "ledger.toml", origin)
        db = str(tmp / "ledger.db")
        args = ["--db", db, *loopback_settings()]
        for path, page in server.site["ledger"].items():
            served[path] = [page.body.encode("utf-8")]
        newsclaims("crawl", str(config), *args)
        first = {path: len(versions_of(db, origin + path)) for path in site.EXPECTED_MODIFIED}
        server.site["ledger"][site.EDITED[0]] = site.edited_page()
        served[site.EDITED[0]].append(site.edited_page().body.encode("utf-8"))
        newsclaims("crawl", str(config), *args)
        second = {path: len(versions_of(db, origin + path)) for path in site.EXPECTED_MODIFIED}
        newsclaims("crawl", str(config), *args, shift_days=1.5)
        third = {path: len(versions_of(db, origin + path)) for path in site.EXPECTED_MODIFIED}
        with store.open_store(db, readonly=True) as database:
            pages = {row["url"]: row for row in database.query("select * from pages")}
        gone = dataclasses.replace(server.site["ledger"][site.GONE], body="<html><body>Gone.</body></html>", status=410)
        server.site["ledger"][site.GONE] = gone
        served[site.GONE].append(gone.body.encode("utf-8"))
        recheck = newsclaims("recheck", str(config), *args, shift_days=1.5)
        yield {"origin": origin, "config": config, "db": db, "args": args, "tmp": tmp, "served": served,
               "counts": (first, second, third), "pages": pages, "recheck": recheck}


def test_each_version_keeps_the_update_time_the_page_states_with_its_rule(history):
    for path, (modified, precision, rule) in site.EXPECTED_MODIFIED.items():
        first = versions_of(history["db"], history["origin"] + path)[0]
        assert (first["modified"], first["modified_precision"], first["modified_rule"]) == (modified, precision, rule), path


def test_a_month_only_url_date_stays_a_month(history):
    path, month = site.MONTH_ONLY
    version = versions_of(history["db"], history["origin"] + path)[0]
    db = store.open_store(history["db"], readonly=True)
    row = dict(next(db.query("select published, published_precision, published_rule, published_utc "
                             "from article_versions where id = ?", [version["id"]])))
    db.close()
    assert row == {"published": month, "published_precision": "month", "published_rule": "url", "published_utc": None}


def test_old_articles_come_back_on_the_backoff_schedule_only(history):
    first, second, third = history["counts"]
    assert all(count == 1 for count in first.values()), first
    assert second == first  # day 0: the edit is served, but an old article is not due yet
    edited = site.EDITED[0]
    assert third == {**first, edited: 2}  # day 1.5: the 1-day step passed; only the edited page changed
    pages = history["pages"]  # as the third crawl left them
    unchanged = history["origin"] + "/news/jsonld.html"
    assert (pages[unchanged]["fetches"], pages[unchanged]["not_modified"]) == (2, 1)  # asked again: a 304
    assert pages[history["origin"] + edited]["changed_at"] > pages[unchanged]["first_fetched"]


def test_recheck_records_a_410_as_a_removal_and_keeps_the_content(history):
    out = history["recheck"].stdout
    gone_url = history["origin"] + site.GONE
    assert f"removed  {gone_url} (HTTP 410)" in out
    assert "7 articles asked again; 0 changed (new version), 1 removed, 6 unchanged (6 answered 304), 0 failed" in out
    versions = versions_of(history["db"], gone_url)
    assert [(v["ordinal"], v["removed"], v["http_status"], v["text"]) for v in versions][-1] == (2, "HTTP 410", 410, "")
    db = store.open_store(history["db"], readonly=True)
    documents = {d["url"]: d for d in store.story_documents(db, "ledger")}
    db.close()
    assert "Engineer Tom Ruiz" in documents[gone_url]["text"]  # what it said last stays the article's text


def test_recheck_again_adds_nothing_and_names_only_stored_urls(history):
    again = newsclaims("recheck", str(history["config"]), *history["args"], shift_days=1.5)
    assert "0 changed (new version), 0 removed" in again.stdout
    bad = newsclaims("recheck", str(history["config"]), *history["args"], "--url", history["origin"] + "/nope",
                     check=False)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "not a stored article" in bad.stderr


def test_warc_export_holds_every_version_as_served(history):
    from warcio.archiveiterator import ArchiveIterator

    target = history["tmp"] / "ledger.warc.gz"
    newsclaims("export", str(history["config"]), "--db", history["db"], "--format", "warc", "-o", str(target))
    got: dict[str, list[tuple]] = {}
    metadata = []
    info = None
    with open(target, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "warcinfo":
                info = record.content_stream().read().decode("utf-8")
            elif record.rec_type == "response":
                uri = record.rec_headers.get_header("WARC-Target-URI")
                got.setdefault(uri, []).append((record.http_headers.get_statuscode(), record.content_stream().read(),
                                                record.rec_headers.get_header("WARC-Date")))
            elif record.rec_type == "metadata":
                metadata.append(json.loads(record.content_stream().read()))
    assert "newsclaims" in info and "ledger" in info
    expected = {history["origin"] + path: bodies for path, bodies in history["served"].items()
                if path in site.EXPECTED_MODIFIED}
    assert {uri: [body for _, body, _ in records] for uri, records in got.items()} == expected
    assert [status for status, _, _ in got[history["origin"] + site.GONE]] == ["200", "410"]
    assert all(date.endswith("Z") for records in got.values() for _, _, date in records)
    assert sorted(m["removed"] or "" for m in metadata if m["removed"]) == ["HTTP 410"]


def test_warc_export_of_one_url_and_one_line_errors(history):
    from warcio.archiveiterator import ArchiveIterator

    target = history["tmp"] / "one.warc.gz"
    url = history["origin"] + site.EDITED[0]
    newsclaims("export", str(history["config"]), "--db", history["db"], "--format", "warc", "-o", str(target),
               "--url", url)
    with open(target, "rb") as fh:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert uris == [url, url]
    no_file = newsclaims("export", str(history["config"]), "--db", history["db"], "--format", "warc", check=False)
    assert no_file.returncode == 2 and "-o FILE.warc.gz" in no_file.stderr


def test_jsonl_export_carries_the_update_time(history):
    out = newsclaims("export", str(history["config"]), "--db", history["db"], "--format", "jsonl").stdout
    records = {json.loads(line)["url"]: json.loads(line) for line in out.splitlines()}
    for path, (modified, precision, rule) in site.EXPECTED_MODIFIED.items():
        record = records[history["origin"] + path]
        if path == site.EDITED[0] or path == site.GONE:
            continue  # the latest version is asserted elsewhere; the first one carries the statement below
        assert (record["modified"], record["modified_precision"], record["modified_rule"]) == (modified, precision, rule)


def test_backoff_days_must_increase(tmp_path):
    config = site.write_config(tmp_path / "bad.toml", "http://127.0.0.1:9", backoff="[7, 3]")
    result = newsclaims("crawl", str(config), "--db", str(tmp_path / "x.db"), check=False)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "revisit.backoff_days" in result.stderr


def test_raw_body_round_trip_is_what_the_store_kept(history):
    """The WARC payloads equal the server's bytes (above); the store's own copy agrees with them too."""
    db = store.open_store(history["db"], readonly=True)
    rows = list(store.story_raw_versions(db, "ledger", [history["origin"] + site.EDITED[0]]))
    db.close()
    assert [gzip.decompress(r["raw_body"]) for r in rows] == history["served"][site.EDITED[0]]


def test_discover_lists_outlets_outside_the_story_with_their_evidence(history):
    out = newsclaims("discover", str(history["config"]), "--db", history["db"], "--format", "json").stdout
    found = json.loads(out)
    pointing = history["origin"] + site.POINTING[0]
    listed = {(c["outlet"], c["key"], kind) for c in found["candidates"] for kind in c["evidence"]}
    assert listed == site.POINTED_AT
    assert all(c["articles"] == 1 and [p["url"] for p in c["pointers"]] == [pointing] for c in found["candidates"])
    assert found["excluded"] == site.LEFT_OUT
    table = newsclaims("discover", str(history["config"]), "--db", history["db"]).stdout
    assert "Valley Wire  (name; 1 articles: credit 1)" in table and f"link      {pointing}" in table
