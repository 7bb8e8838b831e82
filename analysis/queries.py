"""Queries over a story's clusters: every variant of a person, from any spelling of the name."""
from __future__ import annotations

from collections import defaultdict

from analysis.dates import date_key
from analysis.names import parse_name
from analysis.settings import DEFAULTS
from analysis.variants import surnames_fit


def variants_of(name: str, clusters: list[dict], assignments: list[dict], *, story: str = "",
                score_cutoff: float = DEFAULTS.score_cutoff) -> list[dict]:
    """Every variant of the person(s) `name` belongs to, with who uses each form and since when.

    Any spelling works as the query: an exact surface, a full name, a surname alone, or a spelling
    close enough to one (an error form is a surface of its cluster like any other).
    """
    query = parse_name(name)
    if query is None:
        return []

    def matches(surface: str, fuzzy: bool) -> bool:
        parsed = parse_name(surface)
        if parsed is None:
            return False
        if query.full and parsed.full:
            return parsed.key == query.key or (fuzzy and parsed.given == query.given
                                               and surnames_fit(parsed.surname_key, query.surname_key, score_cutoff))
        return parsed.surname_key == query.surname_key or (fuzzy and surnames_fit(parsed.surname_key, query.surname_key, score_cutoff))

    hits = [c for c in clusters if any(matches(s["surface"], False) for s in c["surfaces"])]
    if not hits:
        hits = [c for c in clusters if any(matches(s["surface"], True) for s in c["surfaces"])]
    by_surface: dict[tuple, list[dict]] = defaultdict(list)
    for a in assignments:
        by_surface[(a["cluster_id"], a["surface"])].append(a)
    people = []
    for cluster in hits:
        rows = []
        for s in cluster["surfaces"]:
            uses = sorted(by_surface[(cluster["id"], s["surface"])], key=lambda a: date_key(a["published"]))
            rows.append({
                "surface": s["surface"], "kind": s["kind"], "rule": s["rule"], "mentions": s["mentions"],
                "articles": s["articles"], "outlets": sorted({a["outlet"] or a["origin"] for a in uses}),
                "first_seen": uses[0]["published"] if uses else None,
                "last_seen": uses[-1]["published"] if uses else None,
                "introduced_by": (uses[0]["outlet"] or uses[0]["origin"]) if uses else None,
            })
        kind_order = {"canonical": 0, "title": 1, "accepted": 2, "surname": 3, "given": 3, "error": 4}
        rows.sort(key=lambda r: (kind_order.get(r["kind"], 9), -r["mentions"], r["surface"]))
        people.append({"story": story, "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                       "rule": cluster["rule"], "variants": rows})
    return people
