"""Review decisions and mention keys through real analyses on a real SQLite file.

A reviewer's decision on a mention flag follows the same error, in the same words, into the next
version of the article; an edit next to it re-opens the question. Analysing again keeps every mention
key, and each analysis run records its end, ruleset and settings.
"""
import json

import pytest

from analysis import RULESET_VERSION
from analysis.settings import AnalysisSettings
from newsclaims import jobs, store
from newsclaims.config import StoryConfig

A, B = "http://127.0.0.1:1", "http://127.0.0.1:2"
STORY = StoryConfig.model_validate({"slug": "s", "title": "Bridge", "outlets": [
    {"slug": "a", "name": "A", "origin": A, "seeds": ["/"], "authoritative": True},
    {"slug": "b", "name": "B", "origin": B, "seeds": ["/"]}]})
RIGHT = ("Sheriff Dale Cathcart closed the Alder Creek bridge on Monday. "
         "Dale Cathcart said engineers would inspect it before it reopens.")
WRONG = ("Sheriff Dale Kathcart said the bridge over Alder Creek would stay closed for a week. "
         "Residents praised the quick response of the county. "
         "Kathcart also thanked the volunteers who helped at the scene on Monday night.")


def save(db, url: str, text: str) -> str:
    origin = A if url.startswith(A) else B
    return store.save_article(db, "s", {"url": url, "origin": origin, "content_hash": str(hash(text)),
                                        "title": "Bridge news", "text": text, "published": "2026-03-03"})


@pytest.fixture
def db(tmp_path, nlp):
    database = store.open_store(tmp_path / "s.db")
    store.save_story(database, **STORY.as_record())
    save(database, A + "/right", RIGHT)
    save(database, B + "/wrong", WRONG)
    jobs.analyse(database, STORY, nlp)
    yield database
    database.close()


def mention_flags(db) -> dict[str, dict]:
    """Active mention flags by the text they flag."""
    return {f["surface"]: f for f in store.story_flags(db, "s", "mention")}


def test_a_review_follows_its_error_into_a_new_version(db, nlp):
    flags = mention_flags(db)
    assert set(flags) == {"Sheriff Dale Kathcart", "Kathcart"}
    store.set_review(db, flags["Sheriff Dale Kathcart"]["id"], "confirmed", "the sheriff spells it Cathcart")
    store.set_review(db, flags["Kathcart"]["id"], "dismissed", "a quotation of a sign")
    [article_flag] = store.story_flags(db, "s", "article")
    store.set_review(db, article_flag["id"], "confirmed", None)

    # The outlet adds a paragraph far from both errors: a new version, new mention keys, same decisions.
    assert save(db, B + "/wrong", WRONG + " The county will publish an update on Friday.") == "changed"
    jobs.analyse(db, STORY, nlp)
    carried = mention_flags(db)
    for surface, old in flags.items():
        new = carried[surface]
        assert new["id"] != old["id"] and new["mention_id"] != old["mention_id"]
        assert new["reviewed_from"] == old["id"]
    assert (carried["Sheriff Dale Kathcart"]["status"], carried["Sheriff Dale Kathcart"]["note"]) == (
        "confirmed", "the sheriff spells it Cathcart")
    assert (carried["Kathcart"]["status"], carried["Kathcart"]["note"]) == ("dismissed", "a quotation of a sign")
    assert store.story_flags(db, "s", "article")[0]["status"] == "confirmed"  # its id never named a version
    report = jobs.build_report(db, "s")
    assert (report["review"]["confirmed"], report["review"]["dismissed"], report["review"]["open"]) == (1, 1, 0)

    # An edit in the words around one error re-opens that one; the other still follows.
    edited = WRONG.replace("the quick response of the county.", "the county.") + " Update on Friday."
    assert save(db, B + "/wrong", edited) == "changed"
    jobs.analyse(db, STORY, nlp)
    third = mention_flags(db)
    assert (third["Sheriff Dale Kathcart"]["status"], third["Sheriff Dale Kathcart"]["reviewed_from"]) == (
        "confirmed", flags["Sheriff Dale Kathcart"]["id"])  # the flag the reviewer decided
    assert (third["Kathcart"]["status"], third["Kathcart"]["note"], third["Kathcart"]["reviewed_from"]) == (
        "open", None, None)


def test_analysing_again_keeps_every_mention_key(db, nlp):
    def keys():
        return (sorted(r["id"] for r in db.query("select id from mentions")),
                sorted((r["mention_id"], r["cluster_id"]) for r in db.query("select * from story_mentions")),
                sorted((f["id"], f["mention_id"]) for f in store.story_flags(db, "s")))

    before = keys()
    assert any(key.startswith("s/") for key in before[0])  # second-pass mentions are story-scoped
    jobs.analyse(db, STORY, nlp)
    assert keys() == before


def test_an_analysis_run_records_its_end_ruleset_and_settings(db, nlp):
    jobs.analyse(db, STORY, nlp, settings=AnalysisSettings(score_cutoff=85))
    first, second = store.analysis_runs(db, "s")
    for run in (first, second):
        assert run["ended"] >= run["started"] and run["ruleset"] == RULESET_VERSION
        assert json.loads(run["counts"])["documents"] == 2
    assert json.loads(first["settings"])["score_cutoff"] == 80
    assert json.loads(second["settings"])["score_cutoff"] == 85
