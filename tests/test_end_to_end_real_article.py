"""The real SEO article that writes Sheriff Kevin Coppinger as "Koppinger", crawled from loopback.

Expected values come from ../shared/data/misspelled-article (the .txt and the hand-made mentions.csv).
"""
import csv

from tests.conftest import MISSPELLED


def _mentions_csv():
    with open(MISSPELLED / "mentions.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _stored_version(db):
    rows = list(db.query("select v.* from article_versions v join articles a on a.id = v.article_id"))
    assert len(rows) == 1, rows
    return rows[0]


def test_text_is_extracted_exactly(real_article_crawl):
    expected = (MISSPELLED / "worcester-coppinger.txt").read_text(encoding="utf-8").strip()
    db = real_article_crawl.db()
    assert _stored_version(db)["text"] == expected


def test_kevin_coppinger_is_a_person_found_by_ner(real_article_crawl):
    db = real_article_crawl.db()
    surfaces = {r["surface"] for r in db.query("select surface from mentions where label = 'PERSON' and method = 'ner'")}
    assert "Kevin Coppinger" in surfaces


def test_every_annotated_occurrence_is_a_mention_of_one_cluster(real_article_crawl):
    db = real_article_crawl.db()
    version = _stored_version(db)
    rows = list(db.query(
        "select m.start, m.\"end\", m.surface, sm.cluster_id, sm.kind, sm.usage from story_mentions sm "
        "join mentions m on m.id = sm.mention_id where m.field = 'text' and sm.story = 'real'"))
    clusters = set()
    for expected in _mentions_csv():
        start, end = int(expected["char_offset"]), int(expected["char_end"])
        assert version["text"][start:end] == expected["surface"]
        covering = [r for r in rows if r["start"] <= start and end <= r["end"]]
        assert len(covering) == 1, (expected, covering)
        found = covering[0]
        # A name used as a name is found with its title ("Sheriff Kevin Coppinger"); inside an SEO phrase
        # or a quote, the mention is the name itself.
        phrase_start = int(expected["phrase_char_offset"])
        expected_start = phrase_start if expected["usage"] == "name-reference" else start
        assert (found["start"], found["end"]) == (expected_start, end), (expected, found)
        assert (found["usage"] == "quoted") == (expected["usage"] == "quoted-term"), (expected, found)
        assert version["text"][found["start"]:found["end"]] == found["surface"]
        assert (found["kind"] == "error") == (expected["is_misspelling"] == "true"), (expected, found)
        clusters.add(found["cluster_id"])
    assert len(clusters) == 1


def test_misspellings_flagged_and_canonical_is_coppinger(real_article_crawl):
    db = real_article_crawl.db()
    expected_errors = sum(1 for m in _mentions_csv() if m["is_misspelling"] == "true")
    mention_flags = list(db.query("select * from flags where story = 'real' and level = 'mention' and active = 1"))
    assert len(mention_flags) == expected_errors
    canonical = {f["canonical"] for f in mention_flags}
    assert len(canonical) == 1 and canonical.pop().endswith(_mentions_csv()[0]["canonical"])


def test_heading_words_are_not_people(real_article_crawl):
    db = real_article_crawl.db()
    clustered = {r["surface"] for r in db.query("select surface from cluster_surfaces")}
    for heading_word in ("Local Bystanders", "Public Outcry", "Bystander Arrests"):
        assert heading_word not in clustered
