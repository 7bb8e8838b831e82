"""The store on a real SQLite file: idempotent saves, versions on change, one-line errors."""
import sqlite3

import pytest

from newsclaims import store
from newsclaims.config import StoryConfig


def page(url="http://127.0.0.1:1/news/a.html", text="Sheriff Dale Cathcart spoke.", content_hash="h1"):
    return {"url": url, "origin": "http://127.0.0.1:1", "content_hash": content_hash, "title": "A",
            "text": text, "body": b"<html>raw</html>", "headers": {"Content-Type": "text/html"},
            "http_status": 200, "fetched_url": url + "?utm_source=x"}


@pytest.fixture
def db(tmp_path):
    database = store.open_store(tmp_path / "nc.db")
    story = StoryConfig.model_validate({"slug": "demo", "title": "t", "outlets": [
        {"slug": "a", "name": "A", "origin": "http://127.0.0.1:1", "seeds": ["/"]}]})
    store.save_story(database, **story.as_record())
    yield database
    database.close()


def test_saving_the_same_content_twice_adds_nothing(db):
    assert store.save_article(db, "demo", page()) == "new"
    before = store.count_rows(db)
    assert store.save_article(db, "demo", page()) == "unchanged"
    assert store.count_rows(db) == before


def test_changed_content_is_a_new_version_of_the_same_article(db):
    store.save_article(db, "demo", page())
    assert store.save_article(db, "demo", page(text="Sheriff Dale Cathcart spoke again.", content_hash="h2")) == "changed"
    assert db["articles"].count == 1 and db["article_versions"].count == 2
    docs = store.story_documents(db, "demo")
    assert len(docs) == 1 and docs[0]["text"].endswith("again.")


def test_raw_body_is_kept_compressed(db):
    import gzip

    store.save_article(db, "demo", page())
    raw = next(db.query("select raw_body from article_versions"))["raw_body"]
    assert gzip.decompress(raw) == b"<html>raw</html>"


def test_migrations_apply_once(tmp_path):
    path = tmp_path / "m.db"
    store.open_store(path).close()
    database = store.open_store(path)
    assert [m.name for m in store.migrations.applied(database)] == ["m001_initial", "m002_pages_and_provenance",
                                                                     "m003_analysis_runs_and_search", "m004_captions",
                                                                     "m005_stable_mention_keys", "m006_daily_use",
                                                                     "m007_claims",
                                                                     "m008_modified_and_removals",
                                                                     "m009_copy_edges", "m010_copy_search"]
    assert store.migrations.pending(database) == []


def test_a_file_that_is_not_a_database_is_one_line(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(store.StoreError) as raised:
        store.open_store(path)
    assert "not a newsclaims database" in str(raised.value) and "\n" not in str(raised.value)


def test_a_locked_database_is_one_line(tmp_path):
    path = tmp_path / "locked.db"
    store.open_store(path).close()
    holder = sqlite3.connect(path)
    holder.execute("begin exclusive")
    try:
        database = sqlite3.connect(path, timeout=0.1)
        db = store.sqlite_utils.Database(database)
        with pytest.raises(store.StoreError) as raised:
            with store.writing(db):
                db.execute("insert into outlets (origin, name) values ('x', 'y')")
        assert "locked" in str(raised.value)
        database.close()
    finally:
        holder.rollback()
        holder.close()


def test_no_sql_outside_the_store():
    """The store package is the only owner of SQL: no queries in the CLI, jobs or the analysis core."""
    import re

    from newsclaims import ROOT

    pattern = re.compile(r"\b(db|database)\.(query|execute)\(|\.execute\(|\bselect .+ from\b|\binsert into\b", re.I)
    offenders = []
    for folder in ("newsclaims", "analysis"):
        for path in (ROOT / folder).rglob("*.py"):
            if "store" in path.relative_to(ROOT).parts[:2]:
                continue
            offenders += [f"{path.relative_to(ROOT)}:{n}" for n, line in
                          enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []
