"""Claim groups: claims about the same subject and slot across articles.

Matching goes through the person clusters, never the strings: a claim's subject is a cluster id, so a
claim about "Kranston" joins one about "Cranston" when the variants stage made them one person.
Three refinements, each from what the real stories showed:

- a claim whose subject the text did not name (a count of restored passes with no person in reach)
  joins the one person group of its kind and slot in the story, if there is exactly one;
- claims carrying a qualifier (`context`: "during Barlow's first term") only meet claims whose
  qualifier shares a word, since a person held different roles in different periods;
- quotes are grouped by their words (rapidfuzz), whoever is said to have spoken: a quote given to
  another speaker is the same quote with a different value.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from rapidfuzz import fuzz

QUOTE_CUTOFF = 85  # fuzz.ratio of two quotes' words above which they are one quote lightly edited
QUOTE_PART_CUTOFF = 95  # fuzz.partial_ratio for a shorter quote inside a longer one
QUOTE_PART_MIN_WORDS = 8
QUOTE_COMMON_WORD = 50  # a word in more groups than this (or 5% of the quotes) does not pick candidates


def subject_key(subject: dict) -> str:
    if subject.get("kind") == "person":
        return f"person:{subject['cluster_id']}"
    return f"event:{subject.get('text', '')}"


def group_claims(claims: list[dict]) -> list[dict]:
    """Claim groups ``{id, kind, subject, slot, claims}``, in a stable order.

    >>> a = {"kind": "age", "subject": {"kind": "person", "cluster_id": "c1", "canonical": "Ana Ruiz"},
    ...      "slot": "age", "value": 41, "url": "u1", "start": 0}
    >>> b = dict(a, url="u2", subject={"kind": "person", "cluster_id": "c1", "canonical": "Anna Ruiz"}, value=42)
    >>> [len(g["claims"]) for g in group_claims([a, b])]
    [2]
    """
    quotes = [c for c in claims if c["kind"] == "quote"]
    others = [c for c in claims if c["kind"] != "quote"]
    buckets: dict[tuple, list[dict]] = defaultdict(list)
    for claim in others:
        buckets[(claim["kind"], subject_key(claim["subject"]), claim["slot"])].append(claim)
    person_buckets = defaultdict(list)
    for kind, subject, slot in buckets:
        if subject.startswith("person:"):
            person_buckets[(kind, slot)].append((kind, subject, slot))
    for key in sorted(buckets):
        kind, subject, slot = key
        if subject == f"event:{slot}" and len(person_buckets.get((kind, slot), [])) == 1:
            buckets[person_buckets[(kind, slot)][0]].extend(buckets.pop(key))
    groups = []
    for key in sorted(buckets):
        for members in _by_context(buckets[key]):
            groups.append(_group(key[0], members, key[2]))
    groups.extend(_group("quote", members, "quote") for members in _quote_groups(quotes))
    return sorted(groups, key=lambda g: g["id"])


def _by_context(members: list[dict]) -> list[list[dict]]:
    """Split a bucket where claims carry qualifiers: claims meet when their qualifiers share a word."""
    if not any(m.get("context") for m in members):
        return [members]
    parent = list(range(len(members)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for index, member in enumerate(members):
        for word in member.get("context") or []:
            if word in owner:
                parent[find(index)] = find(owner[word])
            else:
                owner[word] = index
    parts = defaultdict(list)
    for index, member in enumerate(members):
        parts[find(index)].append(member)
    return [parts[k] for k in sorted(parts)]


def _quote_groups(quotes: list[dict]) -> list[list[dict]]:
    """Quotes grouped around their longest wording: each quote joins the first group whose longest
    quote it matches. No chaining: two different sentences of one speech, each inside a third article's
    longer passage, stay two quotes.

    Only groups that share at least half of the quote's less common words are compared (a word index):
    a lightly edited quote keeps most of its words and an excerpt keeps all of them, and comparing every
    quote with every group grows with the square of a story's quotes (10,000 articles quote a lot)."""
    order = sorted(range(len(quotes)), key=lambda i: (-len(quotes[i]["value"]["words"]), quotes[i].get("url", ""),
                                                      quotes[i].get("start", 0)))
    groups: list[tuple[str, list[dict]]] = []
    index: dict[str, list[int]] = defaultdict(list)
    common = max(QUOTE_COMMON_WORD, len(quotes) // 20)
    for position in order:
        words = quotes[position]["value"]["words"]
        shared: dict[int, int] = defaultdict(int)
        considered = [w for w in set(words.split()) if len(index.get(w, ())) <= common]
        for word in considered:
            for group in index.get(word, ()):
                shared[group] += 1
        need = max(1, (len(considered) + 1) // 2)
        candidates = sorted(g for g, n in shared.items() if n >= need) if considered else range(len(groups))
        for number in candidates:
            anchor, members = groups[number]
            shorter = min(len(words.split()), len(anchor.split()))
            if fuzz.ratio(words, anchor) >= QUOTE_CUTOFF or (
                    shorter >= QUOTE_PART_MIN_WORDS and fuzz.partial_ratio(words, anchor) >= QUOTE_PART_CUTOFF):
                members.append(quotes[position])
                break
        else:
            groups.append((words, [quotes[position]]))
            for word in set(words.split()):
                index[word].append(len(groups) - 1)
    return [members for _, members in groups]


def _place(claim: dict) -> str:
    """Where a claim is written, whole: its page, version, field, span and number among the claims of
    that span and kind (the stored id's last part), not the database's row ids. A group's id is made
    from its first claim's place: one sentence holds several claims of one kind that may open at the same
    offset ("served first as a colonel, later as a consul": two roles), so the start alone
    named two groups alike.

    >>> _place({"url": "u", "version": 1, "field": "text", "start": 3, "end": 9, "id": "7:text:3-9:role:1"})
    'u|1|text|3-9|1'
    """
    number = str(claim.get("id", "")).rsplit(":", 1)[-1]
    return f"{claim.get('url')}|{claim.get('version', 1)}|{claim.get('field')}|{claim.get('start')}-{claim.get('end')}|{number}"


def _group(kind: str, members: list[dict], slot: str) -> dict:
    members = sorted(members, key=lambda c: (c.get("url", ""), c.get("version", 0), c.get("field", ""),
                                             c.get("start", 0)))
    people = [m["subject"] for m in members if m["subject"].get("kind") == "person"]
    if people:
        counts = defaultdict(int)
        for subject in people:
            counts[subject["cluster_id"]] += 1
        best = sorted(counts, key=lambda c: (-counts[c], c))[0]
        subject = next(s for s in people if s["cluster_id"] == best)
    else:
        subject = members[0]["subject"]
    if kind == "quote":
        first = min(members, key=lambda m: (len(m["value"]["words"]), m["value"]["words"]))
        anchor = first["value"]["words"]
    else:
        anchor = subject_key(subject)
    digest = hashlib.sha1(f"{kind}|{anchor}|{slot}|{_place(members[0])}".encode()).hexdigest()[:10]
    return {"id": f"{kind}-{digest}", "kind": kind, "subject": subject, "slot": slot, "claims": members}
