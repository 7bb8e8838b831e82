"""The crawl on a site of awkward pages: what is stored is exact, what is refused is refused once."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.fault_site import EXPECTED_STRINGS, NEWS_SITEMAP_DATE, REFUSED, STUB, SYNDICATED


@pytest.fixture(scope="module")
def db(fault_crawl):
    database = fault_crawl.db()
    yield database
    database.close()


def _version(db, fault_crawl, path):
    return next(db.query("select v.* from articles a join article_versions v on v.article_id = a.id where a.url = ?",
                         [fault_crawl.url("faults", path)]), None)


@pytest.mark.parametrize("path", sorted(EXPECTED_STRINGS))
def test_pages_are_stored_with_the_exact_characters(db, fault_crawl, path):
    version = _version(db, fault_crawl, path)
    assert version is not None, f"{path} was not stored"
    assert EXPECTED_STRINGS[path] in version["text"]
    for mojibake in ("â€", "Ã©", "Ã", "\ufffd"):
        assert mojibake not in version["text"]


@pytest.mark.parametrize("path", sorted(REFUSED))
def test_refused_pages_are_recorded_and_logged_once(db, fault_crawl, path):
    url = fault_crawl.url("faults", path)
    assert _version(db, fault_crawl, path) is None
    page = next(db.query("select * from pages where url = ?", [url]), None)
    assert page is not None and page["status"] == REFUSED[path] and page["reason"]
    log_lines = [line for line in fault_crawl.logs[0].splitlines() if path in line]
    assert len(log_lines) == 1, log_lines


def test_a_short_page_is_an_article_only_when_stated_to_be_one(db, fault_crawl):
    """The brief (stored, above) and the stub have the same few words; only the brief's metadata dates it."""
    assert _version(db, fault_crawl, STUB) is None
    page = next(db.query("select * from pages where url = ?", [fault_crawl.url("faults", STUB)]))
    assert page["status"] == "too-short"


def test_redirect_to_another_origin_is_not_followed(db, fault_crawl):
    stored = [r["url"] for r in db.query("select url from articles")]
    assert not any(url.startswith(fault_crawl.origins["elsewhere"]) for url in stored)
    first = json.loads(next(db.query("select reasons from crawl_runs order by id"))["reasons"])
    assert first["refused/offsite"] >= 1


def test_crawl_goes_on_and_counts_refusals(db):
    first = next(db.query("select * from crawl_runs order by id"))
    assert first["status"] == "finished"
    assert first["pages_refused"] >= len(REFUSED)
    assert first["pages_stored"] == len(EXPECTED_STRINGS)


def test_google_news_sitemap_date_is_used_and_said(db, fault_crawl):
    version = _version(db, fault_crawl, "/news/google-news-only.html")
    assert datetime.fromisoformat(version["published"]) == datetime.fromisoformat(NEWS_SITEMAP_DATE)
    assert version["published_precision"] == "instant" and version["published_rule"]


def test_second_crawl_asks_conditionally_and_adds_nothing(db, fault_crawl):
    runs = list(db.query("select * from crawl_runs order by id"))
    assert len(runs) == 2 and runs[1]["pages_stored"] == 0
    assert db.execute("select count(*) from article_versions").fetchone()[0] == len(EXPECTED_STRINGS)
    # Each stored article was either asked for again conditionally (and answered 304), or is older than
    # the revisit policy's young_days with an unchanged feed/sitemap entry, and so was not asked for.
    young_days = fault_crawl.config.revisit.young_days
    now = datetime.now(timezone.utc)
    answered_304 = 0
    for page in db.query("select * from pages where status = 'article'"):
        published = datetime.fromisoformat(page["published"])
        published = published if published.tzinfo else published.replace(tzinfo=timezone.utc)
        if now - published <= timedelta(days=young_days):
            assert (page["fetches"], page["not_modified"]) == (2, 1), page
            answered_304 += 1
        else:
            assert page["fetches"] == 1, page
    assert answered_304 >= 1
    # Old pages offered again by an index count as not due; those behind an index that answered 304
    # are not even offered.
    assert json.loads(runs[1]["reasons"]).get("skipped/not_due", 0) <= len(EXPECTED_STRINGS) - answered_304


def test_a_canonical_on_another_outlet_is_syndication_evidence_not_a_merge(db, fault_crawl):
    copy, original = SYNDICATED
    article = next(db.query("select * from articles where url = ?", [fault_crawl.url("faults", copy)]))
    rows = list(db.query("select * from syndication where article_id = ?", [article["id"]]))
    assert [(r["canonical_url"], r["canonical_origin"]) for r in rows] == [
        (fault_crawl.url("elsewhere", original), fault_crawl.origins["elsewhere"])]
    assert db.execute("select count(*) from articles where url = ?", [fault_crawl.url("elsewhere", original)]).fetchone()[0] == 0
