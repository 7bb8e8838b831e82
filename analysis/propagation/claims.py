"""Wrong claim values travel like misspelled names: the same copy edges, the same chains.

A copy edge carries a deviating claim value when its source states that value and the target's
words for it lie inside a passage the edge aligned (a copy that rewrote the sentence did not carry
the value, whatever else it copied). The chains, origins and their confidence are then
`chains.trace_errors`'s, exactly as for a name error; the entry's `error` is
``{kind: "claim", claim_id, value, claim_kind, slot}``, plus `form` (the value as text) and `canonical`
(whom the claim is about), so `newsclaims trace --error 17` and every renderer of name errors read it.
"""
from __future__ import annotations

from collections import defaultdict

from analysis.dates import parse_published
from analysis.propagation.chains import trace_errors


def propagate_claims(versions: list[dict], claims: list[dict], copies: list[dict]) -> list[dict]:
    """Propagation entries for every deviating value of every conflicting claim (`claims`: the report's
    `claims`; `copies`: the report's copy edges with their passages; `versions`: `story_versions`)."""
    first = {}
    for version in sorted(versions, key=lambda v: v["ordinal"]):
        first.setdefault(version["url"], version)
    copying = {first[e["target_url"]].get("outlet") for e in copies if e["target_url"] in first}
    traced, carried = [], defaultdict(set)
    for claim in claims:
        if not claim["conflict"]:
            continue
        deviating = set(claim["deviating_urls"])
        for n, value in enumerate(claim["values"]):
            places = defaultdict(list)
            for article in value["articles"]:
                places[article["url"]].append(article)
            if not deviating & set(places):
                continue
            token = f"claim:{claim['id']}:{n}"
            for edge in copies:
                if edge["source_url"] in places and any(_inside(a, edge) for a in places.get(edge["target_url"], ())):
                    carried[(edge["source_url"], edge["target_url"])].add(token)
            uses = [_use(first[url]) for url in sorted(places) if url in first]
            traced.append({"error": {"kind": "claim", "claim_id": claim["id"], "value": value["value"],
                                     "claim_kind": claim["kind"], "slot": claim["slot"],
                                     "form": _written(value["value"]), "canonical": _subject(claim["subject"])},
                           "form": token, "uses": uses})
    if not traced:
        return []
    edges = [{**e, "carries": sorted(carried.get((e["source_url"], e["target_url"]), ()))} for e in copies]
    return trace_errors(traced, edges, copying_outlets=copying - {None})


def _written(value) -> str:
    if isinstance(value, dict):
        return f"{value.get('speaker') or 'unknown speaker'}: {value.get('words', '')}"
    return str(value)


def _subject(subject: dict) -> str:
    return subject.get("canonical") or subject.get("text") or ""


def _inside(article: dict, edge: dict) -> bool:
    """Whether the article's words for the value lie inside one of the edge's aligned passages (an edge
    without passages is taken whole)."""
    passages = edge.get("passages")
    if not passages:
        return True
    return any(p["target_start"] <= article["start"] and article["end"] <= p["target_end"] for p in passages)


def _use(version: dict) -> dict:
    return {"url": version["url"], "outlet": version.get("outlet"), "published": version.get("published"),
            "precision": version.get("published_precision") or parse_published(version.get("published"))[2]}
