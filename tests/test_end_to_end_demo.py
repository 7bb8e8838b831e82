"""The whole flow on the demo corpus: served on loopback, crawled by Scrapy, stored, analysed.

Every expectation is read from data/demo/truth.json (written from the corpus source); none comes
from newsclaims' own output.
"""
import json

import pytest

from crawler.urls import clean_url
from newsclaims import jobs, store
from analysis import reports


@pytest.fixture(scope="module")
def db(demo_crawl):
    database = demo_crawl.db()
    yield database
    database.close()


def _url(demo_crawl, ref):
    return clean_url(demo_crawl.url(ref["outlet"], ref["path"]))


def _article_ids(db, urls):
    rows = {r["url"]: r["id"] for r in db.query("select id, url from articles")}
    missing = [u for u in urls if u not in rows]
    assert not missing, f"articles not stored: {missing}"
    return {rows[u] for u in urls}


def _person(truth, person_id):
    return next(p for p in truth["people"] if p["id"] == person_id)


def _planted_error(truth):
    """The planted misspelling: the error form used in the most articles."""
    return max(truth["errors"], key=lambda e: len(e["articles"]))


def test_every_on_topic_article_is_stored_once(demo_crawl, db, truth):
    expected = {_url(demo_crawl, a) for a in truth["articles"] if not a["off_topic"]}
    stored = {r["url"] for r in db.query("select url from articles")}
    assert expected == stored, (sorted(expected - stored), sorted(stored - expected))
    versions = {r["article_id"]: r["n"] for r in db.query("select article_id, count(*) n from article_versions group by article_id")}
    assert set(versions.values()) == {1}


def test_excluded_pages_are_not_stored(demo_crawl, db, truth):
    stored = {r["url"] for r in db.query("select url from articles")}
    assert truth["excluded"], "truth.json plants excluded pages"
    for page in truth["excluded"]:
        if page["reason"] == "offsite":
            assert not any(u.startswith(demo_crawl.origins["offsite"]) for u in stored)
        elif page["reason"] == "tracking-duplicate":
            clean = _url(demo_crawl, page)
            assert clean in stored and sum(1 for u in stored if u.split("?")[0] == clean.split("?")[0]) == 1
            assert not any("utm_" in u for u in stored)
        else:
            assert _url(demo_crawl, page) not in stored, page


def test_off_topic_pages_are_remembered_not_stored(demo_crawl, db, truth):
    off_topic = {_url(demo_crawl, a) for a in truth["articles"] if a["off_topic"]}
    assert off_topic
    seen = {r["url"]: r for r in db.query("select * from pages")}
    for url in off_topic:
        assert seen[url]["status"] == "off-topic" and seen[url]["content_hash"], seen.get(url)
    assert db.execute("select count(*) from articles where url in (%s)" % ",".join("?" * len(off_topic)),
                      sorted(off_topic)).fetchone()[0] == 0


def test_second_crawl_and_analysis_add_no_rows(demo_crawl):
    changed = {t: (demo_crawl.counts_first[t], n) for t, n in demo_crawl.counts_second.items()
               if demo_crawl.counts_first.get(t) != n and t not in ("crawl_runs", "analysis_runs")}
    # `pages` keeps one row per URL: re-fetches update it, never add to it.
    assert changed == {}
    assert demo_crawl.counts_second["crawl_runs"] == demo_crawl.counts_first["crawl_runs"] + 1
    assert demo_crawl.counts_second["analysis_runs"] == demo_crawl.counts_first["analysis_runs"] + 1


def test_crawl_runs_are_recorded(db, truth):
    runs = list(db.query("select * from crawl_runs order by id"))
    assert [r["status"] for r in runs] == ["finished", "finished"]
    assert runs[0]["pages_stored"] > 0 and runs[1]["pages_stored"] == 0
    # In the second run every stored article was either re-checked and found unchanged (a 304 or the
    # same extracted content) or not due under the revisit policy (old, and its feed/sitemap entry unchanged).
    second = json.loads(runs[1]["reasons"])
    assert runs[1]["pages_unchanged"] + second.get("skipped/not_due", 0) >= runs[0]["pages_stored"]
    first = json.loads(runs[0]["reasons"])
    assert first["refused/robots"] == sum(1 for page in truth["excluded"] if page["reason"] == "robots")
    assert first["refused/offsite"] >= 1


def test_planted_misspelling_flagged_on_exactly_its_articles(demo_crawl, db, truth):
    error = _planted_error(truth)
    using = _article_ids(db, [_url(demo_crawl, a) for a in error["articles"]])
    flagged = {r["article_id"] for r in db.query(
        "select article_id from flags where story = 'demo' and level = 'article' and active = 1 and usage = 'uses'")}
    assert flagged == using
    quoted = _article_ids(db, [_url(demo_crawl, a) for a in error.get("quoted_articles", [])])
    flagged_quoted = {r["article_id"] for r in db.query(
        "select article_id from flags where story = 'demo' and level = 'article' and active = 1 and usage = 'quoted'")}
    assert flagged_quoted == quoted - using


def test_planted_misspelling_flagged_on_exactly_its_outlets(demo_crawl, db, truth):
    error = _planted_error(truth)
    expected = {demo_crawl.origins[o] for o in error["outlets"]}
    flagged = {r["origin"] for r in db.query(
        "select origin from flags where story = 'demo' and level = 'outlet' and active = 1 and usage = 'uses'")}
    assert flagged == expected
    for outlet in error["boilerplate_only_outlets"]:
        assert demo_crawl.origins[outlet] not in flagged


def test_the_error_outnumbers_the_correct_form_yet_canonical_is_correct(demo_crawl, db, truth):
    error = _planted_error(truth)
    person = _person(truth, error["person"])
    correct_articles = {(m["outlet"], m["path"]) for m in truth["mentions"]
                        if m["person"] == person["id"] and not m["error"] and m["field"] != "boilerplate"}
    assert len(error["articles"]) > len(correct_articles), "truth.json must plant a frequent error"
    canonical = {r["canonical"] for r in db.query(
        "select distinct canonical from flags where story = 'demo' and active = 1")}
    assert canonical == {person["canonical"]}


def test_accepted_variant_and_look_alike_people_are_not_flagged(db, truth):
    flagged_clusters = {r["canonical"] for r in db.query("select canonical from flags where story = 'demo' and active = 1")}
    errors_people = {e["person"] for e in truth["errors"]}
    for person in truth["people"]:
        if person["id"] not in errors_people:
            assert person["canonical"] not in flagged_clusters, person
        for accepted in person["accepted"]:
            rows = list(db.query("select kind from cluster_surfaces s join clusters c on c.id = s.cluster_id "
                                 "where c.story = 'demo' and s.surface like ?", [f"%{accepted}%"]))
            assert rows and {r["kind"] for r in rows} <= {"accepted", "title"}, (accepted, rows)


def test_look_alike_people_are_separate_clusters(db, truth):
    canonicals = {r["canonical"] for r in db.query("select canonical from clusters where story = 'demo'")}
    for person in truth["people"]:
        assert person["canonical"] in canonicals, person["canonical"]
    surnames = {}
    for person in truth["people"]:
        surnames.setdefault(person["canonical"].split()[-1], []).append(person["canonical"])
    look_alikes = [names for names in surnames.values() if len(names) > 1]
    assert look_alikes, "truth.json plants two people with one surname"


def test_report_names_the_first_user_of_the_error(demo_crawl, db, truth):
    report = jobs.build_report(db, "demo")
    error = _planted_error(truth)
    found = [e for e in report["errors"] if e["form"].lower() == error["form"].lower()]
    assert len(found) == 1
    first_urls = [u["url"] for u in found[0]["first_use"]]
    assert _url(demo_crawl, error["first"]) in first_urls
    # Anything reported as tied with the true first use must have a date that cannot be ordered
    # against it: a day-only date on the same day.
    true_day = error["first"]["published"][:10]
    for use in found[0]["first_use"]:
        if use["url"] != _url(demo_crawl, error["first"]):
            assert len(use["published"]) == 10 and use["published"] == true_day, use
    markdown = reports.render_markdown(report)
    assert error["form"] in markdown and _person(truth, error["person"])["canonical"] in markdown


def test_variants_show_answers_from_any_spelling(demo_crawl, truth):
    from tests.conftest import run_cli

    error = _planted_error(truth)
    person = _person(truth, error["person"])
    result = run_cli("variants", "show", error["form"].lower(), "--story", "demo", "--db", str(demo_crawl.db_path),
                     "--format", "json")
    people = json.loads(result.stdout)
    assert [p["canonical"] for p in people] == [person["canonical"]]
    kinds = {v["surface"]: v["kind"] for v in people[0]["variants"]}
    assert any(error["form"] in s and k == "error" for s, k in kinds.items())
    assert kinds.get(person["canonical"]) == "canonical"


def test_scrapy_crawl_command_stores_the_same_articles(demo_crawl, db, tmp_path):
    """`scrapy crawl story -a story=...` is the same crawl as `newsclaims crawl`."""
    import subprocess
    import sys

    from newsclaims import ROOT
    from tests.conftest import loopback_settings

    other = tmp_path / "scrapy.db"
    subprocess.run([sys.executable, "-m", "scrapy", "crawl", "story", "-a", f"story={demo_crawl.config_path}",
                    "-s", f"NEWSCLAIMS_DB_PATH={other}", *loopback_settings()],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    second = store.open_store(other)
    assert {r["url"] for r in second.query("select url from articles")} == {r["url"] for r in db.query("select url from articles")}
    second.close()
