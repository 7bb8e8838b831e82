"""Reports and queries on the demo database: numbers recomputed from truth.json, review, exports."""
import csv
import io
import json
import shutil
from collections import defaultdict

import pytest
from click.testing import CliRunner

from analysis.names import slug_words
from analysis.reports import wilson
from crawler.urls import clean_url
from newsclaims import jobs, store
from newsclaims.cli import cli


@pytest.fixture(scope="module")
def report(demo_crawl):
    db = demo_crawl.db()
    yield jobs.build_report(db, "demo")
    db.close()


@pytest.fixture
def db_copy(demo_crawl, tmp_path):
    target = tmp_path / "copy.db"
    shutil.copy(demo_crawl.db_path, target)
    return target


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_wilson_interval_matches_published_values():
    # Newcombe (1998), Table I: 0/10 -> 0 to 0.2775; and 3/10 -> 0.1078 to 0.6032.
    assert [round(x, 4) for x in wilson(0, 10)] == [0.0, 0.2775]
    assert [round(x, 4) for x in wilson(3, 10)] == [0.1078, 0.6032]
    assert wilson(0, 0) is None


def test_outlet_counts_recomputed_from_truth(demo_crawl, report, truth):
    planted = max(truth["errors"], key=lambda e: len(e["articles"]))
    on_topic = {(a["outlet"], a["path"]) for a in truth["articles"] if not a["off_topic"]}
    using, quoting, mentioning = defaultdict(set), defaultdict(set), defaultdict(set)
    for a in planted["articles"]:
        using[a["outlet"]].add(a["path"])
    for a in planted.get("quoted_articles", []):
        quoting[a["outlet"]].add(a["path"])
    for m in truth["mentions"]:
        if m["person"] == planted["person"] and m["field"] != "boilerplate" and (m["outlet"], m["path"]) in on_topic:
            mentioning[m["outlet"]].add(m["path"])
    for row in report["outlets"]:
        slug = row["outlet"]
        assert row["articles_using_errors"] == len(using[slug]), slug
        assert row["articles_quoting_errors"] == len(quoting[slug] - using[slug]), slug
        assert row["articles_mentioning"] == len(mentioning[slug]), slug
        assert row["articles"] == sum(1 for o, _ in on_topic if o == slug)
        if row["error_rate"]:
            assert row["error_rate"]["k"] == len(using[slug]) and row["error_rate"]["n"] == len(mentioning[slug])
            low, high = wilson(len(using[slug]), len(mentioning[slug]))
            assert row["error_rate"]["low"] == pytest.approx(low) and row["error_rate"]["high"] == pytest.approx(high)
        assert row["ranked"] == (len(mentioning[slug]) >= 3)
        # The demo serves one version of each page: nothing to correct.
        assert row["corrections"] == {"visible": 0, "stealth": 0, "removed": 0} and row["absent"] == {}


def test_flagged_mentions_quote_their_sentence(report):
    assert report["flagged_mentions"]
    for m in report["flagged_mentions"]:
        # A URL is quoted as it is; its name was read with the hyphens as spaces.
        quoted = slug_words(m["sentence"]) if m["field"] == "url" else m["sentence"]
        assert m["sentence"] and m["surface"] in quoted
        assert m["review"] == "open"


def test_no_new_flags_when_nothing_changed(report):
    assert report["review"]["new_since_last_run"] == []
    assert isinstance(report["claims"], list) and "claims" not in report["absent"]  # tests/test_claims_end_to_end.py


def test_review_survives_reanalysis_and_feeds_claimreview(demo_crawl, db_copy, truth):
    data = json.loads(invoke("report", demo_crawl.config_path, "--db", db_copy, "--format", "json"))
    flag = data["flagged_mentions"][0]
    out = invoke("review", flag["flag_id"], "confirm", "--note", "checked", "--db", db_copy)
    assert "confirmed" in out
    invoke("analyse", demo_crawl.config_path, "--db", db_copy)
    database = store.open_store(db_copy)
    row = database["flags"].get(flag["flag_id"])
    assert (row["status"], row["note"], row["active"]) == ("confirmed", "checked", 1)
    database.close()
    drafts = json.loads(invoke("report", demo_crawl.config_path, "--db", db_copy, "--format", "claimreview",
                               "--author", "Fact Desk"))
    assert len(drafts) == 1 and drafts[0]["@type"] == "ClaimReview" and drafts[0]["author"]["name"] == "Fact Desk"
    planted = max(truth["errors"], key=lambda e: len(e["articles"]))
    urls = {clean_url(demo_crawl.url(a["outlet"], a["path"])) for a in planted["articles"]}
    item = drafts[0]["itemReviewed"]
    assert {item["firstAppearance"]["url"]} | {a["url"] for a in item["appearance"]} == urls
    assert drafts[0]["reviewRating"]["alternateName"] == ""  # the rating is left for the human


def test_review_of_an_unknown_flag_is_one_line(db_copy):
    result = CliRunner().invoke(cli, ["review", "nope", "dismiss", "--db", str(db_copy)])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "no flag" in result.output


def test_csv_tables_and_formula_cells(demo_crawl, db_copy, tmp_path):
    out = tmp_path / "csv"
    invoke("report", demo_crawl.config_path, "--db", db_copy, "--format", "csv", "-o", out)
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "errors.csv", "flags.csv", "outlets.csv",
                                                     "people.csv", "propagation.csv"]
    rows = list(csv.DictReader(io.StringIO(invoke("report", demo_crawl.config_path, "--db", db_copy, "--format", "csv",
                                                  "--table", "outlets"))))
    assert len(rows) == len(demo_crawl.config.outlets)
    from analysis.reports import to_csv

    assert to_csv([{"a": "=HYPERLINK(1)"}]).splitlines()[1] == "'=HYPERLINK(1)"


def test_propagation_csv_has_every_chain_of_the_truth(demo_crawl, db_copy, truth, tmp_path):
    """The propagation table (the cascade pictures' data): one row per use in a chain, origins and
    members exactly as the demo truth plants them."""
    rows = list(csv.DictReader(io.StringIO(invoke("report", demo_crawl.config_path, "--db", db_copy, "--format", "csv",
                                                  "--table", "propagation"))))

    def url(ref):
        return clean_url(demo_crawl.url(ref["outlet"], ref["path"]))

    for error in truth["propagation"]:
        mine = [r for r in rows if r["form"].lower() == error["form"].lower()]
        assert {r["url"] for r in mine if r["role"] == "origin"} == {url(c["origin"]) for c in error["chains"]}
        chains = {}
        for r in mine:
            chains.setdefault(r["chain"], set()).add(r["url"])
        assert sorted(map(sorted, chains.values())) == sorted(sorted(url(m) for m in c["members"])
                                                              for c in error["chains"])


def test_report_for_one_outlet(demo_crawl, db_copy, truth):
    planted = max(truth["errors"], key=lambda e: len(e["articles"]))
    outlet = planted["first"]["outlet"]
    data = json.loads(invoke("report", demo_crawl.config_path, "--db", db_copy, "--format", "json", "--outlet", outlet))
    assert [o["outlet"] for o in data["outlets"]] == [outlet]
    uses = [u for e in data["errors"] for u in e["uses"] if u["usage"] == "uses"]
    assert {u["url"] for u in uses} == {clean_url(demo_crawl.url(a["outlet"], a["path"]))
                                        for a in planted["articles"] if a["outlet"] == outlet}
    result = CliRunner().invoke(cli, ["report", str(demo_crawl.config_path), "--db", str(db_copy), "--outlet", "nowhere"])
    assert result.exit_code == 1 and result.output.count("\n") == 1


def test_outlets_ranking(db_copy):
    rows = json.loads(invoke("outlets", "--story", "demo", "--db", db_copy, "--format", "json"))
    ranked = [r for r in rows if r["rank"]]
    assert ranked and all(r["n"] >= 3 for r in ranked)
    assert [r["rank"] for r in ranked] == list(range(1, len(ranked) + 1))
    assert [r["error_rate"] for r in ranked] == sorted((r["error_rate"] for r in ranked), reverse=True)
    table = invoke("outlets", "--story", "demo", "--db", db_copy)
    assert "95% CI" in table


def test_variants_show_csv(db_copy, truth):
    planted = max(truth["errors"], key=lambda e: len(e["articles"]))
    rows = list(csv.DictReader(io.StringIO(invoke("variants", "show", planted["form"], "--db", db_copy, "--format", "csv"))))
    assert any(r["kind"] == "error" and planted["form"] in r["surface"] for r in rows)
    assert all(r["first_seen"] for r in rows)


def test_accepting_a_variant_in_the_config_silences_its_flags_and_a_pin_wins(demo_crawl, db_copy, tmp_path, truth):
    planted = max(truth["errors"], key=lambda e: len(e["articles"]))
    person = next(p for p in truth["people"] if p["id"] == planted["person"])
    surfaces = sorted({m["surface"] for m in truth["mentions"] if m["person"] == person["id"] and m["error"]
                       and m["field"] != "boilerplate"})
    config = demo_crawl.config.model_copy(update={"names": demo_crawl.config.names.model_copy(
        update={"accept": surfaces})})
    path = tmp_path / "accept.toml"
    path.write_text(config.to_toml(), encoding="utf-8")
    invoke("analyse", path, "--db", db_copy)
    database = store.open_store(db_copy)
    assert database.execute("select count(*) from flags where story = 'demo' and active = 1").fetchone()[0] == 0
    database.close()
    # Pin the error form as canonical: the pin outranks the authoritative outlets.
    wrong = next(s for s in surfaces if len(s.split()) == 2 and not s.lower().startswith("sheriff"))
    config = demo_crawl.config.model_copy(update={"names": demo_crawl.config.names.model_copy(
        update={"pins": {wrong: wrong}})})
    path.write_text(config.to_toml(), encoding="utf-8")
    invoke("analyse", path, "--db", db_copy)
    database = store.open_store(db_copy)
    cluster = next(database.query("select * from clusters where story = 'demo' and canonical = ?", [wrong]))
    assert cluster["rule"] == "pinned in story config"
    database.close()


def test_the_users_same_and_distinct_in_the_config_reach_the_clusters(demo_crawl, db_copy, tmp_path, truth):
    # From the truth file: a person with an accepted variant (kept apart on the user's word) and two
    # people who share a surname (merged on the user's word).
    variant = next(p for p in truth["people"] if p["accepted"])
    pair = [p for p in truth["people"] if p["canonical"].split()[-1] == truth["people"][2]["canonical"].split()[-1]]
    assert len(pair) == 2
    names = demo_crawl.config.names.model_copy(update={
        "distinct": [[variant["canonical"], variant["accepted"][0]]],
        "same": [[pair[0]["canonical"], pair[1]["canonical"]]]})
    path = tmp_path / "corrected.toml"
    path.write_text(demo_crawl.config.model_copy(update={"names": names}).to_toml(), encoding="utf-8")
    invoke("analyse", path, "--db", db_copy)
    data = json.loads(invoke("report", path, "--db", db_copy, "--format", "json"))
    owner = {s["surface"]: p["canonical"] for p in data["people"] for s in p["surfaces"]}
    assert owner[variant["accepted"][0]] != owner[variant["canonical"]]
    assert owner[pair[0]["canonical"]] == owner[pair[1]["canonical"]]
    merged = next(p for p in data["people"] if p["canonical"] == owner[pair[0]["canonical"]])
    assert any(link["rule"] == "the user's decision: [names] same" for link in merged["evidence"]["links"])


def test_copy_edges_match_the_planted_copies_of_the_demo(demo_crawl, db_copy, truth):
    """Every planted copy (truth.json `copies`: source and copy article, by outlet and path) is a copy
    edge in the report, in the planted direction; every edge found is reported for a look."""
    data = json.loads(invoke("report", demo_crawl.config_path, "--db", db_copy, "--format", "json"))
    assert data["schema_version"] == 2
    origin = {o.slug: o.origin for o in demo_crawl.config.outlets}
    planted = {(origin[c["source"]["outlet"]] + c["source"]["path"], origin[c["copy"]["outlet"]] + c["copy"]["path"])
               for c in truth["copies"]}
    found = {(e["source_url"], e["target_url"]) for e in data["copies"]}
    undirected = {frozenset(pair) for pair in found}
    recall = sum(1 for pair in planted if frozenset(pair) in undirected) / len(planted)
    direction = sum(1 for pair in planted if pair in found) / len(planted)
    assert recall == 1.0, sorted(planted - found)
    assert direction == 1.0, sorted(planted - found)
    for edge in data["copies"]:
        assert edge["passages"] and 0 < edge["target_share"] <= 1


def test_copy_edges_are_stored_by_analyse_and_read_not_recomputed_by_the_report(demo_crawl, db_copy, truth,
                                                                                monkeypatch):
    """`analyse` stores the direct copy edges (every planted copy, in its direction); the report reads
    them: with alignment made to fail, it still says the same. A story whose last analysis stored no
    edges (one made before they were stored) is reported with `absent.copies` saying what to run."""
    import analysis.propagation.story as story

    def url(ref):
        return clean_url(demo_crawl.url(ref["outlet"], ref["path"]))

    database = store.open_store(db_copy)
    stored = store.story_copies(database, "demo")
    assert {(e["source_url"], e["target_url"]) for e in stored} == {(url(c["source"]), url(c["copy"]))
                                                                     for c in truth["copies"]}
    # The search behind them is kept for the next analysis: every stored edge's versions were searched.
    search = store.copy_search(database, "demo", story.COPY_SEARCH)
    assert {e["source_version_id"] for e in stored} | {e["target_version_id"] for e in stored} <= search["checked"]
    assert store.copy_search(database, "demo", "other settings") is None
    before = jobs.build_report(database, "demo")

    def no_alignment(*args, **kwargs):
        raise AssertionError("the report aligned texts")

    monkeypatch.setattr(story, "direct_copies", no_alignment)
    after = jobs.build_report(database, "demo")
    assert after["copies"] == before["copies"] and after["propagation"] == before["propagation"]
    assert "copies" not in after["absent"]
    # An analysis run that stored no edges (its counts lack them): the report says so, and aligns nothing.
    last = store.analysis_runs(database, "demo")[-1]
    counts = json.loads(last["counts"])
    counts.pop(store.COPIES_COUNTED_AS)
    database["analysis_runs"].update(last["id"], {"counts": json.dumps(counts)})
    legacy = jobs.build_report(database, "demo")
    assert legacy["copies"] == [] and "analyse demo --force" in legacy["absent"]["copies"]
    database.close()


def test_an_article_whose_url_alone_carries_an_error_is_neither_using_nor_quoting_it():
    # Three articles of one outlet: one only in its URL slug ("slug"), one quoting the spelling, one
    # using it. Only the last is a use; the slug is no quotation either.
    from analysis.reports.build import _outlets
    outlets = [{"origin": "o", "slug": "o", "name": "O", "authoritative": 0}]
    assignments = [{"cluster_id": "c", "origin": "o", "article_id": i, "published": f"2026-03-0{i}"} for i in (1, 2, 3)]
    uses = [{"origin": "o", "url": f"u{i}", "usage": usage, "published": f"2026-03-0{i}"}
            for i, usage in ((1, "slug"), (2, "quoted"), (3, "uses"))]
    row, = _outlets(outlets, [{"origin": "o"}] * 3, assignments, [{"form": "Cranstan", "uses": uses}], {"c"}, 5)
    assert (row["articles_using_errors"], row["articles_quoting_errors"]) == (1, 1)
