"""bench/real_coverage.py: the smoke run works and prints its metrics, the crawl stores every on-story page
(expected count from truth.json, not from newsclaims), and the counting functions give hand-computed
figures on a tiny invented story. No quality threshold is asserted: the bench measures."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys

import pytest

from newsclaims import ROOT

spec = importlib.util.spec_from_file_location("real_coverage", ROOT / "bench" / "real_coverage.py")
rc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rc)

RATIO = re.compile(r"(\w+)=(-|\d+\.\d\d) \((\d+)/(\d+)\)")
CRAWL = re.compile(r"^  crawl: on_story_stored=\S+ \((\d+)/(\d+)\)", re.MULTILINE)


def test_smoke_run_prints_ratios_and_stores_every_on_story_page():
    result = subprocess.run([sys.executable, "bench/real_coverage.py", "--smoke"], check=False, cwd=ROOT,
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    blocks = {m.group(1): m.start() for m in re.finditer(r"^== (\S+)", out, re.MULTILINE)}
    assert list(blocks) == list(rc.SMOKE_STORIES), out
    # Every ratio printed is a number in [0, 1] (or '-' for 0/0) and agrees with its counts.
    ratios = RATIO.findall(out)
    names = {name for name, *_ in ratios}
    assert {"on_story_stored", "art_P", "art_R", "out_P", "out_R", "err_R", "lc_seo_R", "right_flagged"} <= names, out
    for name, value, k, n in ratios:
        if value == "-":
            assert n == "0", (name, value, k, n)
        else:
            assert 0 <= float(value) <= 1, (name, value)
    # The real assertion: the on-story total is truth.json's, and the crawl stored all of them.
    truth = json.loads((rc.REAL_STORIES / "ozturk-tufts-detention" / "truth.json").read_text(encoding="utf-8"))
    on_story = sum(1 for page in truth["pages"] if page["on_story"])
    stored, total = (int(x) for x in CRAWL.search(out[blocks["ozturk-tufts-detention"]:]).groups())
    assert total == on_story == 36
    assert stored == on_story
    # One line per tracked person of the story.
    ozturk = out[blocks["ozturk-tufts-detention"]:blocks["misspelled-article"]]
    assert [p["id"] for p in truth["people"]] == re.findall(r"^  (p\d+) .* canonical=", ozturk, re.MULTILINE)


# --- the counting rules on an invented story ----------------------------------------------------------

def test_precision_recall_by_hand():
    pr = rc.precision_recall({"a", "b", "c"}, {"b", "c", "d", "e"})
    assert (pr["tp"], pr["fp"], pr["fn"]) == (2, 1, 2)
    assert pr["precision"] == pytest.approx(2 / 3) and pr["recall"] == pytest.approx(2 / 4)
    empty = rc.precision_recall(set(), {"a"})
    assert empty["precision"] is None and empty["recall"] == 0


def test_extracted_view_and_alignment():
    text = "Headline\n\n  Mayor  Odessa Brightwater spoke.\n   \nBrightwatr replied."
    view, _ = rc.extracted_view(text)
    assert view == "Headline\nMayor Odessa Brightwater spoke.\nBrightwatr replied."
    start = view.index("Brightwatr")
    span, how = rc.align_span(text, start, start + len("Brightwatr"), "Brightwatr")
    assert how == "exact" and text[span[0]:span[1]] == "Brightwatr" and span[0] == text.index("Brightwatr")
    # An extractor that added a line in front: the surface is found near its proportional place.
    span, how = rc.align_span(text, start + 12, start + 22, "Brightwatr")
    assert how == "near" and span[0] == text.index("Brightwatr")
    # A surface with a newline in the report is matched across whitespace.
    two = "Odessa\nBrightwater"
    span, how = rc.align_span("Mayor Odessa Brightwater", 40, 40 + len(two), two)
    assert how == "near" and span == (6, 24)
    assert rc.align_span(text, 0, 5, "Zzyzx") == (None, "unaligned")

    # A caption transcript is read as the extractor joins it: cues dropped, a name across cues one span.
    transcript = "Video\n00:01Mayor Odessa\n00:04Brightwatr spoke and\n00:09left.\nEnd"
    view, _ = rc.extracted_view(transcript)
    assert view == "Video\nMayor Odessa Brightwatr spoke and left.\nEnd"
    start = view.index("Odessa")
    span, how = rc.align_span(transcript, start, start + len("Odessa Brightwatr"), "Odessa Brightwatr")
    assert how == "exact" and span == (transcript.index("Odessa"), transcript.index(" spoke"))


def test_name_part_rules():
    tracked = ["Odessa Brightwater", "Brightwater", "Ivo Tamm Brightwater", "Odessa"]
    assert rc.name_part("Odessa Brightwater", tracked) == "Odessa Brightwater"
    assert rc.name_part("Mayor Odessa\nBrightwater", tracked) == "Odessa Brightwater"
    assert rc.name_part("Tamm Brightwater", tracked) == "Ivo Tamm Brightwater"
    assert rc.name_part("Odessa Brightwater Says", tracked) == "Odessa Brightwater"
    assert rc.name_part("Brightwater:", tracked) == "Brightwater"
    assert rc.name_part("Odessa Quill", tracked) is None  # a lone first name does not start a longer name
    assert rc.name_part("brightwater", tracked) is None  # case-sensitive
    # A URL slug's full name in small letters is that full name, not a small surname labelled elsewhere.
    assert rc.name_part("odessa brightwater", tracked + ["brightwater"]) == "Odessa Brightwater"
    assert rc.name_part("ivo brightwater", tracked + ["brightwater"]) == "brightwater"


def _invented():
    """Two outlets, three pages, one person (q1, Odessa Brightwater) and a namesake (q2, Ivo Brightwater)."""
    def occ(text, surface, person, label, context="use", nth=0):
        offset = -1
        for _ in range(nth + 1):
            offset = text.index(surface, offset + 1)
        return {"offset": offset, "surface": surface, "person": person, "label": label,
                "lowercase": surface[:1].islower(), "context": context}

    t1 = "Odessa Brightwater opened the bridge.\n\nBrightwatr said it was safe."
    t2 = "Odessa Brightwatr spoke. Her rival Ivo Brightwater did not."
    t3 = "Odessa Brightwater spoke again."
    truth = {
        "story": {"slug": "invented"},
        "people": [{"id": "q1", "canonical": "Odessa Brightwater"}, {"id": "q2", "canonical": "Ivo Brightwater"}],
        "distinct": [{"a": "q1", "b": "q2"}],
        "pages": [
            {"id": "01", "domain": "a.test", "serve_path": "/n/1", "on_story": True, "text": t1, "title": "",
             "uses_error": True, "error_people": ["q1"], "title_occurrences": [],
             "occurrences": [occ(t1, "Odessa Brightwater", "q1", "correct"), occ(t1, "Brightwatr", "q1", "error")]},
            {"id": "02", "domain": "b.test", "serve_path": "/n/2", "on_story": True, "text": t2, "title": "",
             "uses_error": True, "error_people": ["q1"], "title_occurrences": [],
             "occurrences": [occ(t2, "Odessa Brightwatr", "q1", "error"), occ(t2, "Ivo Brightwater", "q2", "correct")]},
            {"id": "03", "domain": "b.test", "serve_path": "/n/3", "on_story": True, "text": t3, "title": "",
             "uses_error": False, "error_people": [], "title_occurrences": [],
             "occurrences": [occ(t3, "Odessa Brightwater", "q1", "correct")]},
            {"id": "04", "domain": "c.test", "serve_path": "/n/4", "on_story": False, "text": "Unrelated.",
             "title": "", "uses_error": False, "error_people": [], "title_occurrences": [], "occurrences": []},
        ],
    }
    origins = {"a.test": "http://127.0.0.1:9001", "b.test": "http://127.0.0.1:9002", "c.test": "http://127.0.0.1:9003"}
    v1 = "Odessa Brightwater opened the bridge.\nBrightwatr said it was safe."  # as extracted: blank line gone

    def flag(origin, path, text, surface, canonical, usage="uses"):
        start = text.index(surface)
        return {"url": origin + path, "field": "text", "start": start, "end": start + len(surface),
                "surface": surface, "usage": usage, "canonical": canonical}

    report = {
        "summary": {"articles": 3, "flagged_articles": 2, "flagged_outlets": 2},
        "outlets": [{"origin": origins["a.test"], "articles": 1}, {"origin": origins["b.test"], "articles": 2},
                    {"origin": origins["c.test"], "articles": 0}],
        "flagged_mentions": [
            flag(origins["a.test"], "/n/1", v1, "Brightwatr", "Odessa Brightwater"),  # a right flag
            flag(origins["b.test"], "/n/3", t3, "Odessa Brightwater", "Ivo Brightwater"),  # a right form flagged
        ],
        "people": [
            {"cluster_id": "x", "canonical": "Odessa Brightwater",
             "surfaces": [{"surface": "Odessa Brightwater", "mentions": 2, "kind": "canonical"},
                          {"surface": "Brightwatr", "mentions": 1, "kind": "error"}]},
            {"cluster_id": "y", "canonical": "Ivo Brightwater",
             "surfaces": [{"surface": "Ivo Brightwater", "mentions": 1, "kind": "canonical"},
                          {"surface": "Odessa Brightwatr", "mentions": 1, "kind": "error"}]},
        ],
        "errors": [{"cluster_id": "x", "uses": [{"url": origins["a.test"] + "/n/1", "usage": "uses"}]}],
        "unattached": [],
    }
    return truth, report, origins


def test_score_on_an_invented_story_by_hand():
    truth, report, origins = _invented()
    result = rc.score(truth, report, origins)
    crawl = result["crawl"]
    assert (crawl["on_story_stored"], crawl["on_story_total"], crawl["off_story_stored"]) == (3, 3, 0)
    q1, q2 = result["people"]
    # Articles for q1: flagged {01 (right), 03 (a right form flagged)}, true {01, 02}: P = 1/2, R = 1/2.
    assert (q1["articles"]["precision"], q1["articles"]["recall"]) == (0.5, 0.5)
    # Outlets for q1: flagged {a, b}, true {a, b}: P = R = 1.
    assert (q1["outlets"]["precision"], q1["outlets"]["recall"]) == (1.0, 1.0)
    # Error occurrences of q1: Brightwatr (01) flagged, Odessa Brightwatr (02) not: 1/2; its flag names q1.
    assert (q1["errors"]["k"], q1["errors"]["n"]) == (1, 2)
    assert (q1["canon_ok"]["k"], q1["canon_ok"]["n"]) == (1, 1)
    # Right forms of q1 flagged: 1 of 2 (page 03).
    assert (q1["right_flagged"]["k"], q1["right_flagged"]["n"]) == (1, 2)
    assert [s["page"] for s in q1["right_flagged"]["surfaces"]] == ["03"]
    # Clusters: q1's correct mentions are in x (canonical right); q1 is in x and y; 1 of 2 errors in x.
    assert (q1["main_cluster"], q1["canonical_ok"], q1["clusters"]) == ("x", True, 2)
    assert (q1["err_in_main"]["k"], q1["err_in_main"]["n"]) == (1, 1 + 1)
    # q2 has no true error page: the page-03 flag makes a false positive for q1, not for q2.
    assert q2["articles"]["predicted"] == 0 and q2["canonical_ok"] and q2["clusters"] == 1
    # Cluster y holds q2 (Ivo Brightwater) and q1 (Odessa Brightwatr): a false merge of a distinct pair.
    assert [(m["a"], m["b"], m["cluster"]) for m in result["false_merges"]] == [("q1", "q2", "y")]
    assert result["alignment"] == {"exact": 2}


def test_a_flag_in_a_headline_made_from_the_slug_flags_no_page():
    """Page 03's headline is the labeller's, made from its URL slug: an error flagged there is listed,
    not counted as the page using an error (the truth's counting rule)."""
    truth, report, origins = _invented()
    page = truth["pages"][2]
    page.update(title="Odessa Brightwatr", title_source="slug",
                title_occurrences=[{"offset": 0, "surface": "Odessa Brightwatr", "person": "q1", "label": "error",
                                    "lowercase": False, "context": "use"}])
    report["flagged_mentions"][1] = {"url": origins["b.test"] + "/n/3", "field": "title", "start": 0, "end": 17,
                                     "surface": "Odessa Brightwatr", "usage": "uses", "canonical": "Odessa Brightwater"}
    result = rc.score(truth, report, origins)
    q1 = result["people"][0]
    assert q1["articles"]["predicted"] == 1 and q1["articles"]["precision"] == 1.0
    assert result["slug_title_flags"] == [{"page": "03", "surface": "Odessa Brightwatr"}]
    page["title_source"] = "headline"  # the publisher's own headline: the same flag flags the page
    q1 = rc.score(truth, report, origins)["people"][0]
    assert q1["articles"]["predicted"] == 2 and q1["articles"]["precision"] == 0.5


def test_attribution_shares_an_ambiguous_surface_by_affinity():
    occurrences = [{"surface": "Odessa Brightwater", "person": "q1", "label": "correct"},
                   {"surface": "Brightwater", "person": "q1", "label": "correct"},
                   {"surface": "Brightwater", "person": "q1", "label": "correct"},
                   {"surface": "Brightwater", "person": "q2", "label": "correct"},
                   {"surface": "Ivo Brightwater", "person": "q2", "label": "correct"}]
    clusters = [{"id": "x", "canonical": "Odessa Brightwater",
                 "surfaces": [{"surface": "Odessa Brightwater", "mentions": 1}, {"surface": "Brightwater", "mentions": 2}]},
                {"id": "z", "canonical": "Brightwater", "surfaces": [{"surface": "Brightwater", "mentions": 3}]}]
    out = rc.attribute_clusters(clusters, occurrences)
    # x: affinity q1 only, so both Brightwater go to q1.
    assert out["x"]["people"] == {"q1": {"correct": 3}} and out["x"]["affinity"] == {"q1": 1}
    # z: no affinity, so Brightwater is shared by labelled counts, 2:1.
    assert out["z"]["people"]["q1"]["correct"] == pytest.approx(2) and out["z"]["people"]["q2"]["correct"] == pytest.approx(1)
    assert rc.false_merges([{"a": "q1", "b": "q2"}], out) == []  # shared counts are no evidence of a merge


def test_stored_pages_from_counts_per_domain():
    pages = [{"id": "01", "domain": "a", "on_story": True}, {"id": "02", "domain": "a", "on_story": False},
             {"id": "03", "domain": "b", "on_story": True}, {"id": "04", "domain": "b", "on_story": False}]
    # a: one of two stored, none named: the on-story page is assumed, and the domain is ambiguous;
    # b: one stored and the report names page 04.
    stored, ambiguous = rc.stored_pages(pages, {"a": 1, "b": 1}, {"04"})
    assert stored == {"01", "04"} and ambiguous == ["a"]


def test_a_cluster_mostly_of_an_untracked_namesake_is_nobodys_by_majority():
    """ "Ivan Mirov" (untracked) and a lone "Ivan" also labelled for the tracked p1 elsewhere: the
    cluster is not p1's, so its errors flag no page for p1; a cluster mostly p1's is."""
    occurrences = [{"surface": "Ivan", "person": "p1", "label": "error"}] * 3 + [
        {"surface": "Ivan", "person": None, "label": None}, {"surface": "Ivan Mirov", "person": None, "label": None}]
    namesake = [{"id": "c1", "canonical": "Ivan Mirov", "surfaces": [{"surface": "Ivan Mirov", "mentions": 3},
                                                                     {"surface": "Ivan", "mentions": 1}]}]
    theirs = [{"id": "c2", "canonical": "Ivan", "surfaces": [{"surface": "Ivan", "mentions": 4}]}]
    assert rc.cluster_majority(rc.attribute_clusters(namesake, occurrences)) == {}
    assert rc.cluster_majority(rc.attribute_clusters(theirs, occurrences)) == {"c2": "p1"}
