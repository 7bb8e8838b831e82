"""Claims end to end: the demo corpus crawled and analysed, its planted claims (data/demo/truth.json)
found as conflicts in the report and by `newsclaims claims`, with the right articles deviating."""
import json
import re
import shutil

import pytest
from click.testing import CliRunner

from analysis.claims.story import story_claims
from newsclaims import jobs, store
from newsclaims.cli import cli


@pytest.fixture(scope="module")
def report(demo_crawl):
    db = demo_crawl.db()
    yield jobs.build_report(db, "demo")
    db.close()


def invoke(*args, code=0):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result


def words(text) -> str:
    return " ".join(re.findall(r"\w+", re.sub(r"['’]", "", str(text).lower())))


def value_of(value, kind: str, people: dict):
    """A report value in the truth's terms: a quote's speaker as a person id, its words folded."""
    if kind == "quote":
        by_name = {p["canonical"]: pid for pid, p in people.items()}
        return by_name.get(value["speaker"], value["speaker"]), words(value["words"])
    return words(value) if isinstance(value, str) else value


def truth_value(claim: dict, which: str):
    value = claim[which]
    if claim["kind"] == "quote":
        if "quote" in claim:  # a misattributed quote: the values are speakers
            return value, words(claim["quote"])
        return claim["speaker"], words(value)  # an altered quote: the values are wordings
    return words(value) if isinstance(value, str) else value


def wrong_urls(demo_crawl, claim: dict) -> set[str]:
    return {demo_crawl.url(r["outlet"], r["path"]) for r in [claim["introduced_by"], *claim["repeated_by"]]}


def planted_conflict(report: dict, demo_crawl, claim: dict) -> dict | None:
    """The report's conflict whose deviating articles are exactly the truth's wrong pages."""
    urls = wrong_urls(demo_crawl, claim)
    found = [c for c in report["claims"] if c["conflict"] and set(c["deviating_urls"]) == urls]
    return found[0] if len(found) == 1 else None


def test_every_planted_claim_is_a_conflict_with_the_right_articles_deviating(report, demo_crawl, truth):
    people = {p["id"]: p for p in truth["people"]}
    for claim in truth["claims"]:
        conflict = planted_conflict(report, demo_crawl, claim)
        assert conflict is not None, (claim["id"], [(c["kind"], c["slot"], c["deviating_urls"])
                                                    for c in report["claims"] if c["conflict"]])
        reference = conflict["held_by"]["authoritative"] or conflict["held_by"]["earliest"]
        assert value_of(reference, conflict["kind"], people) == truth_value(claim, "correct"), claim["id"]
        deviating = [v["value"] for v in conflict["values"]
                     if {a["url"] for a in v["articles"]} <= set(conflict["deviating_urls"])]
        assert truth_value(claim, "wrong") in [value_of(v, conflict["kind"], people) for v in deviating], claim["id"]


def test_no_conflict_beyond_the_planted_ones(report, truth):
    assert sum(1 for c in report["claims"] if c["conflict"]) == len(truth["claims"])


def test_values_are_traceable_to_their_exact_words(demo_crawl, report):
    db = demo_crawl.db()
    texts = {d["url"]: d["text"] for d in store.story_documents(db, "demo")}
    db.close()
    for claim in report["claims"]:
        for value in claim["values"]:
            for article in value["articles"]:
                assert article["version"] == 1 and article["field"] == "text"  # the demo serves one version
                assert texts[article["url"]][article["start"]:article["end"]] == article["as_written"]
                assert article["as_written"] in article["sentence"] or article["sentence"] in texts[article["url"]]


def test_outlets_count_their_deviating_claims(report, demo_crawl, truth):
    expected = {}
    for claim in truth["claims"]:
        for outlet in {r["outlet"] for r in [claim["introduced_by"], *claim["repeated_by"]]}:
            expected[outlet] = expected.get(outlet, 0) + 1
    assert {o["outlet"]: o["claims_deviating"] for o in report["outlets"] if o["claims_deviating"]} == expected


def test_cli_json_is_the_reports_conflicts_and_subject_finds_misspelled_names(demo_crawl, report, truth):
    out = json.loads(invoke("claims", demo_crawl.config_path, "--db", demo_crawl.db_path, "--conflicts",
                            "--format", "json").stdout)
    assert out == json.loads(json.dumps([c for c in report["claims"] if c["conflict"]]))
    error = truth["errors"][0]
    canonical = next(p["canonical"] for p in truth["people"] if p["id"] == error["person"])
    by_error = json.loads(invoke("claims", demo_crawl.config_path, "--db", demo_crawl.db_path, "--subject",
                                 error["form"], "--format", "json").stdout)
    assert by_error and all(c["subject"].get("canonical") == canonical for c in by_error)
    table = invoke("claims", demo_crawl.config_path, "--db", demo_crawl.db_path, "--conflicts").stdout
    assert table.count("CONFLICT") == len(truth["claims"])
    rows = invoke("claims", demo_crawl.config_path, "--db", demo_crawl.db_path, "--format", "csv").stdout
    assert rows.splitlines()[0].startswith("claim_id,kind,slot,subject")


def test_report_formats_show_the_conflicts_escaped(report):
    from analysis import reports

    markdown = reports.render_markdown(report)
    assert "## Conflicting claims" in markdown and "**deviates:**" in markdown
    html = reports.render_html(report)
    assert 'id="claims"' in html and html.count('<span class="badge">deviates</span>') >= 3
    assert "claims" in reports.csv_tables(report)


def test_wrong_values_feed_propagation(report, demo_crawl, truth):
    traced = [e for e in report["propagation"] if e["error"]["kind"] == "claim"]
    for claim in truth["claims"]:
        conflict = planted_conflict(report, demo_crawl, claim)
        entries = [e for e in traced if e["error"]["claim_id"] == conflict["id"]]
        assert entries, claim["id"]
        members = {url for e in entries for chain in e["chains"] for url in chain["member_urls"]}
        assert members == wrong_urls(demo_crawl, claim)
        origins = {chain["origin_url"] for e in entries for chain in e["chains"]}
        assert demo_crawl.url(claim["introduced_by"]["outlet"], claim["introduced_by"]["path"]) in origins


def test_analyse_again_extracts_no_claim_twice(demo_crawl, nlp, tmp_path):
    target = tmp_path / "again.db"
    shutil.copy(demo_crawl.db_path, target)
    db = store.open_store(target)
    before = store.story_claim_groups(db, "demo")
    counts = jobs.analyse(db, demo_crawl.config, nlp)
    assert counts["claims_versions_analysed"] == 0 and counts["versions_analysed"] == 0
    assert store.story_claim_groups(db, "demo") == before
    db.close()


def test_claims_of_a_story_never_analysed_is_one_line(tmp_path, demo_crawl):
    db_path = tmp_path / "fresh.db"
    db = store.open_store(db_path)
    store.save_story(db, **demo_crawl.config.as_record())
    db.close()
    result = invoke("claims", demo_crawl.config_path, "--db", db_path, code=1)
    assert "not been analysed for claims yet" in result.output and len(result.output.strip().splitlines()) == 1
    result = invoke("claims", "no-such-story", "--db", db_path, code=1)
    assert len(result.output.strip().splitlines()) == 1


def test_a_claim_follows_its_person_when_the_clusters_change():
    """A stored claim names people by the place of a mention, so a later merge of "Ruyz" into "Ruiz"
    moves it into the right person's group without extracting it again."""
    stored = [{"version_id": v, "field": "text", "start": 0, "end": 30, "kind": "detail", "slot": "age",
               "value": age, "as_written": "x", "sentence": "x", "via": "name",
               "subject": {"kind": "person", "cluster_id": old, "canonical": name},
               "refs": {old: [0, 8]}} for v, old, name, age in ((1, "s/ana-ruiz", "Ana Ruiz", 41),
                                                                  (2, "s/ana-ruyz", "Ana Ruyz", 42))]
    documents = [{"id": v, "url": f"https://o{v}.example/a", "origin": f"https://o{v}.example", "outlet": f"o{v}",
                  "published": f"2031-01-0{v}", "authoritative": v == 1} for v in (1, 2)]
    places = {(v, "text", 0, 8): "s/ana-ruiz" for v in (1, 2)}
    clusters = [{"id": "s/ana-ruiz", "canonical": "Ana Ruiz"}]
    [entry] = story_claims(stored, documents=documents, places=places, clusters=clusters,
                           ordinals={1: 1, 2: 3})
    assert entry["subject"] == {"kind": "person", "cluster_id": "s/ana-ruiz", "canonical": "Ana Ruiz"}
    assert entry["conflict"] and entry["held_by"]["authoritative"] == 41
    assert entry["deviating_urls"] == ["https://o2.example/a"]
    assert {a["version"] for v in entry["values"] for a in v["articles"]} == {1, 3}


def test_scraped_words_in_claims_are_escaped_in_every_format(report):
    """A page's words are untrusted: markup, links and formulas in a claim come out inert."""
    import copy

    from analysis import reports

    hostile = copy.deepcopy(report)
    conflict = next(c for c in hostile["claims"] if c["conflict"])
    evil = '<script>alert(1)</script> | [x](javascript:alert(1)) "q"'
    conflict["subject"] = {"kind": "event", "text": evil}
    for value in conflict["values"]:
        for article in value["articles"]:
            article["as_written"] = "=HYPERLINK(\"http://evil.example\")" + evil
            article["sentence"] = evil
            article["url"] = "javascript:alert(1)"
    markdown = reports.render_markdown(hostile)
    assert "<script>" not in markdown and "[x](javascript:" not in markdown and "\\| \\[x\\]" in markdown
    html = reports.render_html(hostile)
    assert "<script>alert" not in html and 'href="javascript:' not in html and "&lt;script&gt;" in html
    rows = reports.to_csv(reports.csv_tables(hostile)["claims"])
    assert "'=HYPERLINK" in rows and ",=HYPERLINK" not in rows


def test_an_outlets_report_keeps_the_claims_it_states(demo_crawl, report, truth):
    outlet = truth["claims"][0]["introduced_by"]["outlet"]
    db = demo_crawl.db()
    narrowed = jobs.build_report(db, "demo", outlet=outlet)
    db.close()
    origin = demo_crawl.origins[outlet]
    stating = [c["id"] for c in report["claims"]
               if any(a["url"].startswith(origin + "/") for v in c["values"] for a in v["articles"])]
    assert stating and [c["id"] for c in narrowed["claims"]] == stating
    [row] = narrowed["outlets"]
    assert row["claims_deviating"] == next(o["claims_deviating"] for o in report["outlets"] if o["outlet"] == outlet)
