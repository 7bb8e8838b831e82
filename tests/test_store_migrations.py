"""Migrating a real SQLite file: a backup first, and m005 keeps every review decision on its flag.

The old database is built at the previous schema (migrations up to m004) with rows written the way
the store wrote them then: integer mention ids, flags pointing at them, and review decisions.
"""
import logging
import sqlite3

import pytest
import sqlite_utils

from newsclaims import store
from newsclaims.config import origin_of

V5 = "m005_stable_mention_keys"
STORY = "demo"
ORIGIN = "http://127.0.0.1:1"
TEXT = "Sheriff Dale Cathcart spoke. Later Kathcart said the bridge was safe, and kathcart left."


def v4_database(path) -> None:
    """A database as the store left it before m005: NER and second-pass mentions with row ids."""
    db = sqlite_utils.Database(path)
    store.migrations.apply(db, stop_before=V5)
    db["stories"].insert({"slug": STORY, "title": "t", "config": "{}", "updated_at": "2026-01-01"})
    db["outlets"].insert({"origin": ORIGIN, "name": "A"})
    db["articles"].insert({"id": 1, "url": ORIGIN + "/a", "origin": ORIGIN})
    db["article_versions"].insert({"id": 3, "article_id": 1, "content_hash": "h", "text": TEXT})
    mentions = [  # ids as they came: NER first, then a second pass that had renumbered its rows
        {"id": 1, "version_id": 3, "story": "", "field": "text", "start": 8, "end": 21, "surface": "Dale Cathcart",
         "label": "PERSON", "method": "ner"},
        {"id": 2, "version_id": 3, "story": "", "field": "text", "start": 35, "end": 43, "surface": "Kathcart",
         "label": "PERSON", "method": "ner"},
        {"id": 9, "version_id": 3, "story": STORY, "field": "text", "start": 76, "end": 84, "surface": "kathcart",
         "label": "PERSON", "method": "matcher"},
    ]
    db["mentions"].insert_all(mentions)
    db["story_mentions"].insert_all([{"story": STORY, "mention_id": m["id"], "cluster_id": "demo/dale-cathcart",
                                      "kind": "error" if m["id"] > 1 else "canonical", "usage": "uses"}
                                     for m in mentions])
    flags = [
        ({"level": "mention", "surface": "Kathcart", "mention_id": 2, "article_id": 1, "origin": ORIGIN},
         (3, "text", 35, 43), "confirmed", "checked with the sheriff"),
        ({"level": "mention", "surface": "kathcart", "mention_id": 9, "article_id": 1, "origin": ORIGIN},
         (3, "text", 76, 84), "dismissed", "a username, not the name"),
        ({"level": "article", "surface": "kathcart", "article_id": 1, "origin": ORIGIN}, (), "confirmed", None),
        # inactive, and its mention row was deleted long ago: the number now belongs to another mention
        ({"level": "mention", "surface": "Kathcart", "mention_id": 1, "article_id": 1, "origin": ORIGIN},
         (2, "text", 35, 43), "open", None),
    ]
    for flag, place, status, note in flags:
        db["flags"].insert({**flag, "id": store.flag_key(STORY, flag, place), "story": STORY, "cluster_id":
                            "demo/dale-cathcart", "canonical": "Dale Cathcart", "usage": "uses", "active": 1,
                            "status": status, "note": note}, alter=True)
    db.close()


@pytest.fixture
def v4_path(tmp_path):
    path = tmp_path / "old.db"
    v4_database(path)
    return path


def test_an_existing_database_is_backed_up_before_migrating(v4_path, caplog):
    with caplog.at_level(logging.INFO, logger="newsclaims.store"):
        db = store.open_store(v4_path)
    db.close()
    backup = v4_path.with_name("old.db.bak-v4")
    [line] = [r.getMessage() for r in caplog.records if "backed up" in r.getMessage()]
    assert str(backup) in line and V5 in line
    copy = sqlite_utils.Database(backup)
    assert [m.name for m in store.migrations.applied(copy)][-1] == "m004_captions"
    assert copy.execute("select id from mentions order by id").fetchall() == [(1,), (2,), (9,)]
    copy.close()
    # Nothing pending: the next open neither copies nor logs.
    caplog.clear()
    store.open_store(v4_path).close()
    assert not [r for r in caplog.records if "backed up" in r.getMessage()]


def test_a_new_database_is_not_backed_up(tmp_path):
    store.open_store(tmp_path / "new.db").close()
    assert sorted(p.name for p in tmp_path.iterdir() if "bak" in p.name) == []


def test_m005_keeps_review_decisions_on_the_same_flags(v4_path):
    before = {row[0]: row[1:] for row in sqlite3.connect(v4_path).execute("select id, status, note from flags")}
    db = store.open_store(v4_path)
    flags = {row["id"]: row for row in db.query("select * from flags")}
    assert {flag_id: (row["status"], row["note"]) for flag_id, row in flags.items()} == before
    assert sorted(row["mention_id"] for row in flags.values() if row["mention_id"]) == ["3:text:35-43",
                                                                                         "demo/3:text:76-84"]
    # The stale flag's number pointed at another mention: it points nowhere rather than somewhere wrong.
    assert sum(1 for row in flags.values() if row["level"] == "mention" and row["mention_id"] is None) == 1
    assert [r["id"] for r in db.query("select id from mentions order by id")] == [
        "3:text:35-43", "3:text:8-21", "demo/3:text:76-84"]
    assert sorted(r["mention_id"] for r in db.query("select mention_id from story_mentions")) == [
        "3:text:35-43", "3:text:8-21", "demo/3:text:76-84"]
    assert db.execute("pragma foreign_key_check").fetchall() == []

    # Analysing again raises the same flags, now pointing at keys: same ids, decisions kept.
    again = [{"level": "mention", "cluster_id": "demo/dale-cathcart", "canonical": "Dale Cathcart", "surface": surface,
              "mention_id": key, "article_id": 1, "origin": ORIGIN, "usage": "uses", "count": 1}
             for surface, key in (("Kathcart", "3:text:35-43"), ("kathcart", "demo/3:text:76-84"))]
    store.save_variants(db, STORY, [], [], again)
    kept = {row["surface"]: (row["status"], row["note"]) for row in store.story_flags(db, STORY, "mention")}
    assert kept == {"Kathcart": ("confirmed", "checked with the sheriff"),
                    "kathcart": ("dismissed", "a username, not the name")}
    db.close()


def test_mention_keys_in_the_migration_and_in_python_agree(v4_path):
    db = store.open_store(v4_path)
    for row in db.query("select * from mentions"):
        assert row["id"] == store.mention_key(row["version_id"], row["field"], row["start"], row["end"], row["story"])
        assert store.mention_place(row["id"]) == (row["version_id"], row["field"], row["start"], row["end"])
    db.close()


def test_the_store_derives_origins_as_the_config_does():
    from newsclaims.store.articles import _origin

    for url in ("http://127.0.0.1:8000/a?b", "HTTPS://Example.org/x", "http://example.org:80/"):
        assert _origin(url) == origin_of(url)
