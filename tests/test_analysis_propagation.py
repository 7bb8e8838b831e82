"""Origins, chains and corrections on invented stories whose truth is how they were built."""
from __future__ import annotations

import pytest

from analysis.propagation import find_corrections, trace_errors
from analysis.propagation.chains import SAME_DAY, UNDATED, trace_error

FORM = "kranston"


def use(url, outlet, published, precision="instant"):
    return {"url": url, "outlet": outlet, "published": published, "precision": precision}


def edge(source, target, carries=(FORM,), direction="dated"):
    return {"source_url": source, "target_url": target, "direction": direction, "carries": list(carries)}


def test_one_error_introduced_twice_is_two_chains_each_with_its_own_origin():
    uses = [use("a1", "A", "2026-03-03T08:00:00+00:00"), use("b1", "B", "2026-03-03T10:00:00+00:00"),
            use("c1", "C", "2026-03-04T08:00:00+00:00"), use("d1", "D", "2026-03-04T09:00:00+00:00"),
            use("e1", "E", "2026-03-05T09:00:00+00:00")]
    # A introduced it and B copied it; C introduced it again and D copied C, E copied D.
    edges = [edge("a1", "b1"), edge("c1", "d1"), edge("d1", "e1")]
    traced = trace_error(uses, edges, FORM)
    assert [(c["origin_url"], c["member_urls"]) for c in traced["chains"]] == [("a1", ["a1", "b1"]),
                                                                              ("c1", ["c1", "d1", "e1"])]
    assert [o["url"] for o in traced["origins"]] == ["a1", "c1"]
    assert all(o["confidence"] == 1.0 for o in traced["origins"])


def test_a_copy_that_does_not_carry_the_error_does_not_join_the_chain():
    uses = [use("a1", "A", "2026-03-03T08:00:00+00:00"), use("b1", "B", "2026-03-03T10:00:00+00:00")]
    traced = trace_error(uses, [edge("a1", "b1", carries=())], FORM)
    assert [c["origin_url"] for c in traced["chains"]] == ["a1", "b1"]


def test_origin_confidence_falls_with_an_undated_origin_a_shared_day_or_an_uncertain_edge():
    undated = trace_error([use("a1", "A", None), use("b1", "B", "2026-03-04T10:00:00+00:00")], [edge("a1", "b1")], FORM)
    assert undated["origins"][0]["confidence"] == UNDATED
    same_day = trace_error([use("a1", "A", "2026-03-04", "day"), use("b1", "B", "2026-03-04T10:00:00+00:00")],
                           [edge("a1", "b1")], FORM)
    assert same_day["origins"][0]["confidence"] == SAME_DAY
    uncertain = trace_error([use("a1", "A", "2026-03-03T08:00:00+00:00"), use("b1", "B", "2026-03-03T08:00:00+00:00")],
                            [edge("a1", "b1", direction="uncertain")], FORM)
    assert uncertain["origins"][0]["confidence"] < 1


def test_an_origin_whose_outlet_copies_elsewhere_is_likelier_a_copy_of_an_uncrawled_source():
    traced = trace_errors([{"error": {"kind": "name", "form": FORM}, "form": FORM, "uses": [use("x1", "X", None)]}],
                          [], copying_outlets={"X"})
    assert traced[0]["chains"][0]["likely"].startswith("copy of a source not crawled")


def test_a_copy_made_before_its_source_was_corrected_stays_in_the_chain_and_the_fix_is_recorded():
    versions = [{"version": 1, "observed_at": "2026-03-03T09:00:00+00:00", "text": "Mayor Ellen Kranston spoke. " * 12,
                 "errors": [FORM]},
                {"version": 2, "observed_at": "2026-03-05T09:00:00+00:00",
                 "text": "Correction: an earlier version misspelt the mayor's name.\n" + "Mayor Ellen Cranston spoke. " * 12,
                 "errors": []}]
    corrections = find_corrections({"url": "a1", "outlet": "A", "versions": versions})
    assert corrections == [{"url": "a1", "outlet": "A", "from_version": 1, "to_version": 2,
                            "observed_at": "2026-03-05T09:00:00+00:00", "kind": "visible", "dropped": [FORM], "added": []}]
    uses = [use("a1", "A", "2026-03-03T08:00:00+00:00"), use("b1", "B", "2026-03-04T10:00:00+00:00")]
    traced = trace_errors([{"error": {"kind": "name", "form": FORM}, "form": FORM, "uses": uses}], [edge("a1", "b1")],
                          corrections)
    chain = traced[0]["chains"][0]
    assert chain["member_urls"] == ["a1", "b1"]  # the corrected source is never dropped
    assert chain["corrected"] == [{"url": "a1", "to_version": 2, "observed_at": "2026-03-05T09:00:00+00:00",
                                   "kind": "visible"}]


def test_stealth_edits_and_removals_are_told_apart():
    body = "Mayor Ellen Kranston spoke at length about the flood. " * 10
    stealth = find_corrections({"url": "u", "outlet": "o", "versions": [
        {"version": 1, "text": body, "errors": [FORM]},
        {"version": 2, "text": body.replace("Kranston", "Cranston"), "errors": []}]})
    assert [c["kind"] for c in stealth] == ["stealth"]
    removed = find_corrections({"url": "u", "outlet": "o", "versions": [
        {"version": 1, "text": body, "errors": [FORM]}, {"version": 2, "text": "Page not found", "errors": []}]})
    assert [(c["kind"], c["dropped"]) for c in removed] == [("removed", [FORM])]
    unchanged = find_corrections({"url": "u", "outlet": "o", "versions": [
        {"version": 1, "text": body, "errors": [FORM]}, {"version": 2, "text": body + " More.", "errors": [FORM]}]})
    assert unchanged == []


def test_a_story_keeps_the_history_of_an_error_its_origin_corrected():
    from analysis.propagation import propagate

    original = ("Mayor Ellen Kranston said the ferry service would resume on Monday after the storm. "
                "Crews worked through the night to clear the harbour, and the council thanked volunteers "
                "who filled sandbags along the waterfront for three days. ")
    other = "An unrelated report about the regional budget, with no names in it at all, for many lines. " * 4
    versions = [
        {"url": "a", "ordinal": 1, "outlet": "A", "text": original + other, "published": "2026-03-03T08:00:00+00:00",
         "fetched_at": "2026-03-03T09:00:00+00:00"},
        {"url": "a", "ordinal": 2, "outlet": "A", "published": "2026-03-03T08:00:00+00:00",
         "text": "Correction: an earlier version misspelt the mayor's name.\n" + original.replace("Kranston", "Cranston") + other,
         "fetched_at": "2026-03-05T09:00:00+00:00"},
        {"url": "b", "ordinal": 1, "outlet": "B", "text": "From wire reports. " + original, "published": "2026-03-04T08:00:00+00:00",
         "fetched_at": "2026-03-04T09:00:00+00:00"},
    ]
    errors = [{"cluster_id": "p1", "canonical": "Ellen Cranston", "form": "Kranston", "surfaces": ["Ellen Kranston"],
               "uses": [{"url": "b"}]}]
    spread = propagate(versions, errors, {"p1": {"a", "b"}})
    assert [(c["url"], c["kind"], c["dropped"], c["to_version"]) for c in spread["corrections"]] == [
        ("a", "visible", ["Kranston"], 2)]
    [entry] = spread["propagation"]
    [chain] = entry["chains"]
    assert chain["origin_url"] == "a" and chain["member_urls"] == ["a", "b"]
    assert chain["corrected"][0]["url"] == "a" and chain["corrected"][0]["kind"] == "visible"
    [copy] = spread["copies"]
    assert (copy["source_url"], copy["target_url"], copy["direction"]) == ("a", "b", "dated")
    # B copied the version of A that still had the error: the edge carries it.
    assert copy["carries"] == ["Kranston"]


_SHARED = ("Mayor Ellen Kranston said the ferry service would resume on Monday after the storm. Crews worked "
           "through the night to clear the harbour, and the council thanked volunteers who filled sandbags along "
           "the waterfront for three days. ")
_ERRORS = [{"cluster_id": "p1", "canonical": "Ellen Cranston", "form": "Kranston", "surfaces": ["Ellen Kranston"],
            "uses": [{"url": "a"}, {"url": "b"}]}]


def _spread(versions):
    from analysis.propagation import propagate

    return propagate(versions, _ERRORS, {"p1": {"a", "b"}})


@pytest.mark.parametrize("b_published", [None, "2026-03-03T08:00:00+00:00"], ids=["undated", "identical-time"])
def test_an_undated_or_simultaneous_copy_leaves_the_origin_uncertain_whatever_the_crawl_order(b_published):
    """Bad input: a copy with no date, or the identical text at the identical time. The dates cannot
    order the pair, so its edge is uncertain and the chain's origin carries less than full confidence;
    the order pages were crawled in is no evidence: crawling B first changes nothing."""
    a = {"url": "a", "ordinal": 1, "outlet": "A", "text": "Reported by A. " + _SHARED,
         "published": "2026-03-03T08:00:00+00:00", "fetched_at": "2026-03-03T09:00:00+00:00"}
    b = {"url": "b", "ordinal": 1, "outlet": "B", "text": _SHARED if b_published is None else a["text"],
         "published": b_published, "fetched_at": "2026-03-03T10:00:00+00:00"}
    first = _spread([a, b])
    crawled_the_other_way = _spread([{**b, "fetched_at": a["fetched_at"]}, {**a, "fetched_at": b["fetched_at"]}])
    assert first == crawled_the_other_way
    [copy] = first["copies"]
    assert copy["direction"] == "uncertain" and copy["carries"] == ["Kranston"]
    [chain] = first["propagation"][0]["chains"]
    assert sorted(chain["member_urls"]) == ["a", "b"] and chain["confidence"] < 1


def test_a_page_that_shrinks_to_nothing_is_a_removal_and_stays_in_its_chain():
    """Bad input: a later version that is (almost) empty. It is recorded as a removal, not a correction,
    and the article stays its chain's origin: what it published was copied."""
    other = "An unrelated report about the regional budget, with no names in it at all, for many lines. " * 4
    versions = [
        {"url": "a", "ordinal": 1, "outlet": "A", "text": _SHARED + other, "published": "2026-03-03T08:00:00+00:00",
         "fetched_at": "2026-03-03T09:00:00+00:00"},
        {"url": "a", "ordinal": 2, "outlet": "A", "text": "Page not found", "published": None,
         "fetched_at": "2026-03-05T09:00:00+00:00"},
        {"url": "b", "ordinal": 1, "outlet": "B", "text": "From wire reports. " + _SHARED,
         "published": "2026-03-04T08:00:00+00:00", "fetched_at": "2026-03-04T09:00:00+00:00"},
    ]
    spread = _spread(versions)
    assert [(c["url"], c["kind"], c["dropped"]) for c in spread["corrections"]] == [("a", "removed", ["Kranston"])]
    [chain] = spread["propagation"][0]["chains"]
    assert chain["origin_url"] == "a" and chain["member_urls"] == ["a", "b"]
    assert [(c["url"], c["kind"]) for c in chain["corrected"]] == [("a", "removed")]


def _story_day(day: int) -> list[dict]:
    """A story as stored after crawl `day` (1 or 2): versions with ids, a copy chain a -> b -> c, and on
    day 2 a new version of a (the error corrected) and a new article c copying b."""
    other = "An unrelated report about the regional budget, with no names in it at all, for many lines. " * 4
    a1 = {"id": 1, "url": "a", "ordinal": 1, "outlet": "A", "text": _SHARED + other,
          "published": "2026-03-03T08:00:00+00:00", "fetched_at": "2026-03-03T09:00:00+00:00"}
    b1 = {"id": 2, "url": "b", "ordinal": 1, "outlet": "B", "text": "From wire reports. " + _SHARED + "Lead of B's own. " * 3,
          "published": "2026-03-04T08:00:00+00:00", "fetched_at": "2026-03-04T09:00:00+00:00"}
    d1 = {"id": 3, "url": "d", "ordinal": 1, "outlet": "D", "text": other.replace("budget", "harbour dredging"),
          "published": "2026-03-04T10:00:00+00:00", "fetched_at": "2026-03-04T11:00:00+00:00"}
    if day == 1:
        return [a1, b1, d1]
    a2 = {**a1, "id": 4, "ordinal": 2, "text": "Correction appended. " + a1["text"].replace("Kranston", "Cranston"),
          "fetched_at": "2026-03-05T09:00:00+00:00"}
    c1 = {"id": 5, "url": "c", "ordinal": 1, "outlet": "C", "text": "Via B. " + b1["text"],
          "published": "2026-03-05T08:00:00+00:00", "fetched_at": "2026-03-05T09:00:00+00:00"}
    return [a1, a2, b1, c1, d1]


def test_a_reanalysis_aligns_only_new_versions_and_finds_the_same_edges_as_from_scratch(monkeypatch):
    from analysis.propagation import story

    aligned_pairs = []
    real_copy_edges = story.copy_edges

    def recording(articles, pairs, **kwargs):
        aligned_pairs.extend(frozenset((articles[i]["url"], articles[j]["url"])) for i, j in pairs)
        return real_copy_edges(articles, pairs, **kwargs)

    monkeypatch.setattr(story, "copy_edges", recording)
    day1 = story.latest_copies(_story_day(1))
    assert {(e["source_url"], e["target_url"]) for e in day1["edges"]} == {("a", "b")}
    assert day1["checked"] == [1, 2, 3]
    aligned_pairs.clear()
    day2 = story.latest_copies(_story_day(2), {"checked": set(day1["checked"]), "aligned": day1["aligned"]})
    # Day 2 searched only pairs with a version new that day (a's version 2, c): never b with d.
    assert aligned_pairs and all(pair & {"a", "c"} for pair in aligned_pairs)
    assert day2["checked"] == [2, 3, 4, 5]
    scratch = story.latest_copies(_story_day(2))
    assert day2 == scratch
    assert {(e["source_url"], e["target_url"], e["source_version_id"]) for e in day2["edges"]} == {
        ("a", "b", 4), ("b", "c", 2)}


def test_a_name_lowered_by_a_copy_is_its_error_not_its_sources_who_wrote_the_name_right():
    """A rewrite copies a wire story and lowers the mayor's name ("said mayor cranston"): its error is
    the letter case alone, so only a text writing the name in small letters carries it. Matched in any
    case, as misspellings are, the wire's earlier version's "Cranston" would make the wire the error's
    origin, and its update a correction of it."""
    from analysis.propagation import propagate

    wire = ("Mayor Ellen Cranston said the ferry service would resume on Monday after the storm. Crews worked "
            "through the night to clear the harbour, and the council thanked volunteers who filled sandbags "
            "along the waterfront for three days. Cranston thanked the crews.")
    versions = [
        {"url": "a", "ordinal": 1, "outlet": "A", "text": wire, "published": "2026-03-03T08:00:00+00:00",
         "fetched_at": "2026-03-03T09:00:00+00:00"},
        {"url": "a", "ordinal": 2, "outlet": "A", "text": wire + " Updated with the council's statement.",
         "published": "2026-03-03T08:00:00+00:00", "fetched_at": "2026-03-05T09:00:00+00:00"},
        {"url": "b", "ordinal": 1, "outlet": "B", "text": wire.replace("Cranston thanked", "In Harrow, cranston thanked"),
         "published": "2026-03-04T08:00:00+00:00", "fetched_at": "2026-03-04T09:00:00+00:00"},
    ]
    errors = [{"cluster_id": "p1", "canonical": "Ellen Cranston", "form": "cranston", "lowered": True,
               "surfaces": ["cranston"], "uses": [{"url": "b"}]}]
    spread = propagate(versions, errors, {"p1": {"a", "b"}})
    [entry] = spread["propagation"]
    [chain] = entry["chains"]
    assert chain["origin_url"] == "b" and chain["member_urls"] == ["b"]
    assert spread["corrections"] == []  # the wire's earlier version wrote the name right too
