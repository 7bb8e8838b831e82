"""Name variants in a story: cluster the surfaces of each person, decide the canonical form from
evidence, classify every surface, and flag the mentions, articles and outlets that use an error.

Why evidence and not frequency: a misspelling that an aggregator introduced and others copied can
easily outnumber the right spelling (the Coppinger/Koppinger case). The outlets a story config marks
authoritative, and who used a form first, outrank how often it appears.

Input mentions are plain dicts with `mention_id`, `surface`, `article_id`, `origin`, `outlet`,
`authoritative`, `published` and `usage` ('uses' or 'quoted'). Output is plain data too.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import jellyfish
from rapidfuzz import fuzz

from analysis.dates import date_key
from analysis.names import ParsedName, fold, given_compatible, parse_name

#: Given names this similar under one surname are one person written two ways (Yulia / Yuliya).
GIVEN_CUTOFF = 85
#: Similarity at which two surnames are one spelling's typo regardless of how they sound.
SURE_CUTOFF = 90


@dataclass
class VariantResult:
    clusters: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)


def surnames_fit(a: str, b: str, score_cutoff: float) -> bool:
    """Two folded surnames may be one spelling: equal, 90+ similar, or `score_cutoff`-similar with
    equal Metaphone keys (Soundex would keep its first letter and split Cathcart from Kathcart)."""
    if a == b:
        return True
    score = fuzz.ratio(a, b)
    return score >= SURE_CUTOFF or (score >= score_cutoff and jellyfish.metaphone(a) == jellyfish.metaphone(b))


def same_person(a: ParsedName, b: ParsedName, score_cutoff: float) -> bool:
    """Whether two full names are one person: a surname typo under the same given name, or a slightly
    different given name (a transliteration) under the same surname; different given names are
    different people (Thomas and Patricia Brennan)."""
    if a.surname_key == b.surname_key:
        return given_compatible(a.given, b.given) or fuzz.ratio(a.given[0], b.given[0]) >= GIVEN_CUTOFF
    return given_compatible(a.given, b.given) and surnames_fit(a.surname_key, b.surname_key, score_cutoff)


def cluster_full_names(names: list[ParsedName], score_cutoff: float) -> list[list[ParsedName]]:
    """Group full names (given + surname) into people. Candidate pairs come from blocking on the
    surname's Metaphone and NYSIIS keys, never from all pairs."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        blocks["m:" + jellyfish.metaphone(name.surname_key)].append(index)
        blocks["n:" + jellyfish.nysiis(name.surname_key)].append(index)
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if root(i) != root(j) and same_person(names[i], names[j], score_cutoff):
                    parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[ParsedName]] = defaultdict(list)
    for index, name in enumerate(names):
        groups[root(index)].append(name)
    return [sorted(group, key=lambda n: n.key) for _, group in sorted(groups.items())]


def analyse_variants(mentions: list[dict], *, score_cutoff: float = 80, id_prefix: str = "") -> VariantResult:
    """Cluster the story's person mentions, choose canonical forms, classify surfaces, raise flags.

    Cluster ids are `id_prefix` plus a slug of the canonical name, so they stay stable across runs.

    >>> result = analyse_variants([
    ...     {"mention_id": 1, "surface": "Dale Cathcart", "article_id": 1, "origin": "a", "outlet": "a",
    ...      "authoritative": True, "published": "2026-03-03", "usage": "uses"},
    ...     {"mention_id": 2, "surface": "Dale Kathcart", "article_id": 2, "origin": "b", "outlet": "b",
    ...      "authoritative": False, "published": "2026-03-04", "usage": "uses"}])
    >>> [(s["surface"], s["kind"]) for s in result.clusters[0]["surfaces"]]
    [('Dale Cathcart', 'canonical'), ('Dale Kathcart', 'error')]
    """
    parsed = {m["mention_id"]: parse_name(m["surface"]) for m in mentions}
    mentions = [m for m in mentions if parsed[m["mention_id"]] is not None]
    by_key: dict[str, ParsedName] = {}
    for m in mentions:
        name = parsed[m["mention_id"]]
        if name.full:
            by_key.setdefault(name.key, name)
    people = cluster_full_names(sorted(by_key.values(), key=lambda n: n.key), score_cutoff)
    person_of_key = {name.key: index for index, group in enumerate(people) for name in group}
    titles_of_person: dict[int, set[str]] = defaultdict(set)
    for m in mentions:
        name = parsed[m["mention_id"]]
        if name.full and name.title:
            titles_of_person[person_of_key[name.key]].add(name.title)

    # Attach every mention to a person; surname-only forms go to the one person they fit.
    member_mentions: dict[object, list[dict]] = defaultdict(list)
    for m in mentions:
        name = parsed[m["mention_id"]]
        if name.full:
            member_mentions[person_of_key[name.key]].append(m)
            continue
        fits = [i for i, group in enumerate(people)
                if any(surnames_fit(name.surname_key, n.surname_key, score_cutoff) for n in group)]
        exact = [i for i in fits if any(name.surname_key == n.surname_key for n in people[i])]
        if len(fits) > 1 and len(exact) == 1:
            fits = exact
        if len(fits) > 1 and name.title:
            titled = [i for i in fits if name.title in titles_of_person[i]]
            fits = titled if len(titled) == 1 else fits
        if len(fits) == 1:
            member_mentions[fits[0]].append(m)
        elif fits:
            member_mentions[("unattached", name.surname_key)].append(m)
        else:
            # Never seen with a given name: a person of its own, too weakly evidenced to judge errors in.
            member_mentions[("surname", name.surname_key)].append(m)

    result = VariantResult()
    used_ids: set[str] = set()
    for group_key in sorted(member_mentions, key=str):
        group = member_mentions[group_key]
        if isinstance(group_key, tuple) and group_key[0] == "unattached":
            result.assignments += [{"mention_id": m["mention_id"], "cluster_id": None, "kind": "unattached",
                                    "usage": m["usage"]} for m in group]
            continue
        cluster = _decide(group, parsed, full=not isinstance(group_key, tuple))
        cluster["id"] = id_prefix + _unique_id(_slug(cluster["canonical"]), used_ids)
        result.clusters.append(cluster)
        kinds = {s["surface"]: s["kind"] for s in cluster["surfaces"]}
        result.assignments += [{"mention_id": m["mention_id"], "cluster_id": cluster["id"],
                                "kind": kinds[m["surface"]], "usage": m["usage"]} for m in group]
        result.flags += _flags(cluster, group, kinds)
    return result


def _decide(group: list[dict], parsed: dict, full: bool) -> dict:
    """Choose the canonical name of one person and the kind of each surface, with the rule for each."""
    forms: dict[str, dict] = {}
    for m in group:
        name = parsed[m["mention_id"]]
        key = name.key if name.full else None
        if key is None:
            continue
        form = forms.setdefault(key, {"key": key, "name": name, "displays": Counter(), "authoritative": set(),
                                      "outlets": set(), "first": "~", "mentions": 0})
        form["displays"][name.display] += 1
        form["outlets"].add(m["origin"])
        if m["authoritative"]:
            form["authoritative"].add(m["origin"])
        form["first"] = min(form["first"], date_key(m["published"]))
        form["mentions"] += 1

    if forms:
        ranked = sorted(forms.values(), key=lambda f: (-len(f["authoritative"]), f["first"], -f["mentions"], f["key"]))
        best = ranked[0]
        rule = _deciding_rule(ranked)
        canonical = _display(best["displays"])
        canonical_name = best["name"]
    else:  # surname-only person: the most frequent spelling stands, nothing is judged an error
        counts = Counter(parsed[m["mention_id"]].display for m in group)
        canonical = _display(counts)
        canonical_name = parse_name(canonical)
        rule = "surname only: no full name seen, no error judged"
        best, ranked = None, []

    accepted_keys = {f["key"]: "used by an authoritative outlet" for f in ranked[1:] if f["authoritative"]}
    surname_kinds = {canonical_name.surname_key: ("surname", "surname of the canonical name")}
    for f in ranked[1:]:
        surname = f["name"].surname_key
        if f["key"] in accepted_keys:
            surname_kinds.setdefault(surname, ("accepted", "surname of an accepted variant"))
    surface_rows: dict[str, dict] = {}
    for m in group:
        name = parsed[m["mention_id"]]
        row = surface_rows.setdefault(m["surface"], {"surface": m["surface"], "mention_ids": [], "articles": set(),
                                                     "outlets": set(), "first": "~", "authoritative": set()})
        row["mention_ids"].append(m["mention_id"])
        row["articles"].add(m["article_id"])
        row["outlets"].add(m["origin"])
        row["first"] = min(row["first"], date_key(m["published"]))
        if m["authoritative"]:
            row["authoritative"].add(m["origin"])
        row["name"] = name

    surfaces = []
    for surface, row in sorted(surface_rows.items()):
        name = row["name"]
        if best is None:
            kind, why = ("canonical", rule) if name.display == canonical else ("surname", "surname-only person")
        elif name.full and name.key == best["key"]:
            kind, why = ("title", "title with the canonical name") if name.title else ("canonical", rule)
        elif name.full and name.key in accepted_keys:
            kind, why = "accepted", accepted_keys[name.key]
        elif name.full:
            kind, why = "error", "differs from the canonical name and no authoritative outlet uses it"
        elif name.surname_key in surname_kinds:
            kind, why = surname_kinds[name.surname_key]
            if kind == "surname" and name.title:
                kind, why = "title", "title with the canonical surname"
        elif row["authoritative"]:
            kind, why = "accepted", "surname form used by an authoritative outlet"
        else:
            kind, why = "error", "surname differs from the canonical name and no authoritative outlet uses it"
        surfaces.append({"surface": surface, "kind": kind, "rule": why, "mentions": len(row["mention_ids"]),
                         "articles": len(row["articles"]), "outlets": len(row["outlets"]),
                         "first_published": None if row["first"].startswith("~") else row["first"],
                         "form": _error_form(name, canonical_name) if kind == "error" else None})
    evidence = {
        "forms": [{"name": _display(f["displays"]), "authoritative_outlets": sorted(f["authoritative"]),
                   "outlets": sorted(f["outlets"]), "first_published": None if f["first"] == "~" else f["first"],
                   "mentions": f["mentions"]} for f in ranked],
    }
    return {"canonical": canonical, "rule": rule, "evidence": evidence, "surfaces": surfaces}


def _deciding_rule(ranked: list[dict]) -> str:
    if len(ranked) == 1:
        return "only full form"
    best, runner = ranked[0], ranked[1]
    if len(best["authoritative"]) != len(runner["authoritative"]):
        return "authoritative outlets"
    if best["first"] != runner["first"]:
        return "earliest use"
    if best["mentions"] != runner["mentions"]:
        return "frequency"
    return "alphabetical (no evidence separates the forms)"


def _display(counts: Counter) -> str:
    """The most used way of writing a name, preferring capitalised spellings over lower case."""
    return sorted(counts.items(), key=lambda kv: (not kv[0][:1].isupper(), -kv[1], kv[0]))[0][0]


def _error_form(name: ParsedName, canonical: ParsedName) -> str:
    """The wrong part of an error surface, folded: the surname if it differs, else the given names."""
    if name.surname_key != canonical.surname_key:
        return name.surname_key
    return " ".join(name.given)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "person"


def _unique_id(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def _flags(cluster: dict, group: list[dict], kinds: dict[str, str]) -> list[dict]:
    """Mention, article and outlet flags for one cluster; quoted errors are flagged but kept apart."""
    flags = []
    errors = [m for m in group if kinds[m["surface"]] == "error"]
    forms = {s["surface"]: s["form"] for s in cluster["surfaces"]}
    for m in errors:
        flags.append({"level": "mention", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": m["surface"], "mention_id": m["mention_id"], "article_id": m["article_id"],
                      "origin": m["origin"], "usage": m["usage"], "count": 1})
    by_article: dict[int, list[dict]] = defaultdict(list)
    for m in errors:
        by_article[m["article_id"]].append(m)
    for article_id, found in sorted(by_article.items()):
        uses = [m for m in found if m["usage"] == "uses"]
        flags.append({"level": "article", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": ", ".join(sorted({forms[m["surface"]] for m in found})), "article_id": article_id,
                      "origin": found[0]["origin"], "usage": "uses" if uses else "quoted",
                      "count": len(uses), "quoted": len(found) - len(uses)})
    articles_of: dict[str, set] = defaultdict(set)
    for m in group:
        articles_of[m["origin"]].add(m["article_id"])
    for origin in sorted({m["origin"] for m in errors}):
        using = {a for a, found in by_article.items() if found[0]["origin"] == origin
                 and any(m["usage"] == "uses" for m in found)}
        quoted = {a for a, found in by_article.items() if found[0]["origin"] == origin} - using
        flags.append({"level": "outlet", "cluster_id": cluster["id"], "canonical": cluster["canonical"],
                      "surface": ", ".join(sorted({forms[m["surface"]] for m in errors if m["origin"] == origin})),
                      "origin": origin, "usage": "uses" if using else "quoted", "count": len(using),
                      "quoted": len(quoted), "total": len(articles_of[origin])})
    return flags
