"""Chains: how each error travelled, from the copy edges that carry it.

A *use* is an article that wrote an error form (in any of its versions: a copy made before the source
was corrected still carries the error). Two uses are in one chain when a copy edge whose passage carries
the error joins them; a use that no carrying edge reaches starts a chain of its own, with itself as the
origin. So one error introduced twice is two chains: chains are never merged on the error form alone.

Each origin carries a confidence in [0, 1]: lower when its date cannot order it (no date, a day shared
with another use of the chain), or when an edge of the chain had no direction the dates could settle
("uncertain"). And an origin whose outlet copies other articles of the story is likelier a copy of a
source that was not crawled than an independent introduction: `likely` says which.

>>> uses = [{"url": "a", "outlet": "A", "published": "2026-03-03T09:00:00+00:00", "precision": "instant"},
...         {"url": "b", "outlet": "B", "published": "2026-03-03T12:00:00+00:00", "precision": "instant"},
...         {"url": "c", "outlet": "C", "published": "2026-03-05", "precision": "day"}]
>>> edges = [{"source_url": "a", "target_url": "b", "direction": "dated", "carries": ["kranston"]}]
>>> [(c["origin_url"], c["member_urls"]) for c in trace_error(uses, edges, "kranston")["chains"]]
[('a', ['a', 'b']), ('c', ['c'])]
"""
from __future__ import annotations

from collections import defaultdict

from analysis.dates import date_key, parse_published

#: Confidence of an origin whose date or chain leaves its place in doubt.
UNDATED = 0.4
SAME_DAY = 0.6
UNCERTAIN_EDGE = 0.7


def trace_errors(errors: list[dict], edges: list[dict], corrections: list[dict] = (),
                 copying_outlets: set = frozenset()) -> list[dict]:
    """The report's `propagation`: one entry per error, its chains and their origins (earliest first).

    errors: [{"error": {kind, form, canonical, cluster_id} or {kind, claim_id, value}, "form": the string
    copy edges carry, "uses": [{"url", "outlet", "published", "precision"}]}].
    edges: direct copy edges with `carries` (`analysis.reuse.mark_carried`).
    corrections: `analysis.propagation.find_corrections` output, to mark corrected chain members.
    copying_outlets: outlets that are the target of a copy edge anywhere in the story.
    """
    fixed = defaultdict(list)
    for correction in corrections:
        for dropped in correction["dropped"]:
            fixed[(correction["url"], dropped)].append(correction)
    out = []
    for error in errors:
        traced = trace_error(error["uses"], edges, error["form"], copying_outlets)
        for chain in traced["chains"]:
            chain["corrected"] = [{"url": c["url"], "to_version": c["to_version"], "observed_at": c["observed_at"],
                                   "kind": c["kind"]} for url in chain["member_urls"] for c in fixed[(url, error["form"])]]
        out.append({"error": error["error"], **traced})
    return out


def trace_error(uses: list[dict], edges: list[dict], form: str, copying_outlets: set = frozenset()) -> dict:
    """Chains and origins of one error form among `uses` (see the module docstring)."""
    by_url = {use["url"]: use for use in uses}
    carrying = [e for e in edges if form in (e.get("carries") or ())
                and e["source_url"] in by_url and e["target_url"] in by_url and e["source_url"] != e["target_url"]]
    parent: dict[str, str] = {url: url for url in by_url}

    def root(url: str) -> str:
        while parent[url] != url:
            parent[url] = parent[parent[url]]
            url = parent[url]
        return url

    for edge in carrying:
        parent[root(edge["target_url"])] = root(edge["source_url"])
    members: dict[str, list[str]] = defaultdict(list)
    for url in by_url:
        members[root(url)].append(url)
    reached = {e["target_url"] for e in carrying}
    chains = []
    for group in members.values():
        inside = set(group)
        chain_edges = [e for e in carrying if e["source_url"] in inside]
        starts = [url for url in group if url not in reached] or group
        origin = min(starts, key=lambda url: (date_key(by_url[url].get("published")), url))
        chains.append({
            "origin_url": origin,
            "member_urls": sorted(group, key=lambda url: (date_key(by_url[url].get("published")), url)),
            "edges": [{"source_url": e["source_url"], "target_url": e["target_url"], "kind": "copied",
                       "direction": e.get("direction")} for e in chain_edges],
            "confidence": _confidence(by_url[origin], [by_url[u] for u in group if u != origin], chain_edges),
            "likely": ("copy of a source not crawled (this outlet copies others in the story)"
                       if by_url[origin].get("outlet") in copying_outlets and not chain_edges_into(origin, carrying)
                       else "independent introduction"),
        })
    chains.sort(key=lambda c: (date_key(by_url[c["origin_url"]].get("published")), c["origin_url"]))
    origins = [{"url": c["origin_url"], "published": by_url[c["origin_url"]].get("published"),
                "confidence": c["confidence"], "likely": c["likely"]} for c in chains]
    return {"origins": origins, "chains": chains}


def chain_edges_into(url: str, edges: list[dict]) -> bool:
    return any(e["target_url"] == url for e in edges)


def _confidence(origin: dict, others: list[dict], edges: list[dict]) -> float:
    """How sure the origin is the first: 1 unless its date cannot order it or an edge had no direction."""
    score = 1.0
    _, day, _ = parse_published(origin.get("published"))
    if day is None:
        score = min(score, UNDATED)
    elif origin.get("precision") != "instant" and any(parse_published(o.get("published"))[1] == day for o in others):
        score = min(score, SAME_DAY)
    if any(e.get("direction") == "uncertain" for e in edges):
        score = min(score, UNCERTAIN_EDGE)
    return score
