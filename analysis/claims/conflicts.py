"""Conflicts: the groups whose sources state incompatible values, and who holds which.

Values are compared by what they can mean, not by their spelling: "March 2024" and "2024" can both be
right (one is more precise), "Judge" and "U.S. District Judge" name one post, "Basile, Louisiana" and
"Louisiana" one place. Two values conflict when no single fact makes both true; a group is a conflict
when two *articles* conflict (an article whose own values conflict within one group has mixed two
things under one slot, so it is left out of the decision, though its values are still listed).

A person named in a post ("holder") is compared by cluster and only counts as a conflict when the
names are near (a garbled "Steven Chang" for "Steven Cheung"): different people hold the same title at
different times, and two judges on one case are no discrepancy.
"""
from __future__ import annotations

import difflib
from collections import Counter

from rapidfuzz import fuzz

from analysis.claims.normalise import dates_compatible
from analysis.dates import date_key

NEAR_NAME = 80  # fuzz.ratio above which two different people's names look like one garbled name
SAME_TEXT = 88  # fuzz.token_set_ratio above which two detail texts say the same thing
QUOTE_SPEAKER_VIA = {"name", "relative"}


def find_conflicts(groups: list[dict], *, authoritative_outlets) -> list[dict]:
    """The report's ``claims``: every group with its values, ``conflict``, ``held_by`` and
    ``deviating_urls`` (articles whose value is incompatible with the authoritative one, else the
    earliest one)."""
    authoritative = set(authoritative_outlets or ())
    out = []
    for group in groups:
        values = _values(group)
        group = dict(group, _values=values)
        conflict, pairs = _conflict(group, values)
        held = _held_by(values, authoritative)
        reference = held["authoritative"] if held["authoritative"] is not None else held["earliest"]
        deviating = []
        if reference is not None:
            ref = next(v for v in values if v["value"] == reference)
            for value in values:
                if value is not ref and not _compatible(group, value, ref):
                    deviating.extend(a["url"] for a in value["articles"])
        entry = {"id": group["id"], "kind": group["kind"], "subject": group["subject"], "slot": group["slot"],
                 "conflict": conflict,
                 "values": [{"value": v["value"], "articles": v["articles"]} for v in values],
                 "held_by": held, "deviating_urls": sorted(set(deviating))}
        if conflict and group["kind"] == "quote":
            entry["changes"] = _quote_changes(values, reference)
        if pairs:
            entry["conflicting"] = pairs
        out.append(entry)
    return out


def _value_key(group: dict, claim: dict):
    kind, value = group["kind"], claim["value"]
    if kind == "quote":
        return (value["words"], value.get("speaker"))
    if "value_cluster" in claim or "cluster_id" in claim:
        return claim.get("value_cluster") or claim.get("cluster_id")
    return value


def _values(group: dict) -> list[dict]:
    """Distinct values with their articles. Texts are not merged by similarity: "Basil" and "Basile"
    are two values (a garbled place is a discrepancy); whether two values conflict is `_compatible`'s."""
    buckets: dict = {}
    for claim in group["claims"]:
        key = _value_key(group, claim)
        bucket = buckets.setdefault(key, {"value": claim["value"], "articles": [], "claims": [], "key": key})
        bucket["claims"].append(claim)
        article = {k: claim.get(k) for k in ("url", "version", "field", "start", "end", "as_written", "sentence")}
        if article not in bucket["articles"]:
            bucket["articles"].append(article)
    values = list(buckets.values())
    for value in values:  # the value as most of its articles word it
        forms = Counter(repr(c["value"]) for c in value["claims"])
        best = sorted(forms, key=lambda f: (-forms[f], f))[0]
        value["value"] = next(c["value"] for c in value["claims"] if repr(c["value"]) == best)
    return sorted(values, key=lambda v: (-len({a["url"] for a in v["articles"]}), repr(v["value"])))


def _compatible(group: dict, a: dict, b: dict) -> bool:
    kind, slot = group["kind"], group["slot"]
    x, y = a["value"], b["value"]
    if x == y:
        return True
    if kind == "date":
        return dates_compatible(x, y)
    if slot == "age":
        return x == y
    if kind == "count":
        if x == y:
            return True
        if group["subject"].get("kind") != "person":
            # Counts tied to no person meet only by their event: different things counted, or counts far
            # apart (2 and 346 killed), are two facts. A misreported count is a near miss (46 for 47).
            counted = {c.get("counted") for c in a["claims"] + b["claims"]}
            return len(counted) != 1 or None in counted or max(x, y) > 2 * min(x, y)
        return False
    if kind == "quote":
        speaker_a, speaker_b = _speaker(a), _speaker(b)
        if speaker_a and speaker_b and speaker_a != speaker_b:
            return False
        if _contained(x["words"], y["words"]):
            return True
        # Two excerpts of one longer quotation another article gives whole are no alteration.
        return any(_contained(x["words"], v["value"]["words"]) and _contained(y["words"], v["value"]["words"])
                   for v in group.get("_values", ()))
    if kind == "attribution" or slot == "defeated by":
        if a["key"] == b["key"]:
            return True
        near = fuzz.ratio(str(x), str(y)) >= NEAR_NAME or fuzz.token_sort_ratio(str(x), str(y)) >= NEAR_NAME
        return not near if kind == "attribution" else False
    if kind == "role":
        return _words_within(x, y) or role_head(x) == role_head(y)
    if slot == "held at a facility in":
        return _words_within(x, y)
    return fuzz.token_set_ratio(str(x), str(y)) >= SAME_TEXT


def _words_within(x, y) -> bool:
    """One text's words all in the other's ("Basile" and "Basile, Louisiana"), in any case (a headline
    read in sentence case gives "basile")."""
    words_x, words_y = set(str(x).lower().replace(",", " ").split()), set(str(y).lower().replace(",", " ").split())
    return words_x <= words_y or words_y <= words_x


def role_head(role: str) -> str:
    """The post a role names: its last word, or the word before "of" ("secretary of state" -> secretary).
    Roles with one head are one post seen differently ("federal judge", "district court judge")."""
    words = str(role).split()
    if "of" in words[1:]:
        return words[words.index("of") - 1]
    return words[-1] if words else ""


def _speaker(value: dict):
    named = [c["value"].get("speaker") for c in value["claims"] if c.get("via") in QUOTE_SPEAKER_VIA]
    return named[0] if named else None


def _contained(a: str, b: str) -> bool:
    """One quote's words inside the other's (a shorter excerpt of the same quote is no alteration)."""
    short, long = sorted((a, b), key=len)
    return f" {short} " in f" {long} "


def _conflict(group: dict, values: list[dict]) -> tuple[bool, list]:
    if any(c.get("recurrent") for c in group["claims"]):
        return False, []  # a date of something that happens again and again ("said on Friday")
    mixed = set()
    for value in values:
        for other in values:
            if value is not other and not _compatible(group, value, other):
                shared = {c["url"] for c in value["claims"]} & {c["url"] for c in other["claims"]}
                mixed |= shared
    pairs = []
    for i, value in enumerate(values):
        for other in values[i + 1:]:
            if _compatible(group, value, other):
                continue
            urls_a = {c["url"] for c in value["claims"]} - mixed
            urls_b = {c["url"] for c in other["claims"]} - mixed
            if urls_a and urls_b and urls_a != urls_b:
                pairs.append([value["value"], other["value"]])
    return bool(pairs), pairs


def _held_by(values: list[dict], authoritative: set) -> dict:
    def best(scores: dict):
        if not scores:
            return None
        ranked = sorted(scores, key=lambda i: -scores[i])
        if len(ranked) > 1 and scores[ranked[0]] == scores[ranked[1]]:
            return None
        return values[ranked[0]]["value"]

    by_authority = {i: len({c["url"] for c in v["claims"] if c.get("outlet") in authoritative})
                    for i, v in enumerate(values)}
    by_authority = {i: n for i, n in by_authority.items() if n}
    majority = {i: len({c["url"] for c in v["claims"]}) for i, v in enumerate(values)}
    dated = [(date_key(c.get("published")), i) for i, v in enumerate(values) for c in v["claims"]
             if c.get("published")]
    earliest = None
    if dated:
        first = min(k for k, _ in dated)
        holders = sorted({i for k, i in dated if k == first})
        earliest = values[holders[0]]["value"] if len(holders) == 1 else None
    return {"authoritative": best(by_authority), "earliest": earliest, "majority": best(majority)}


def _quote_changes(values: list[dict], reference) -> list[dict]:
    """Which words each deviating quote changed against the reference wording (or the most held one)."""
    base = reference if reference is not None else values[0]["value"]
    changes = []
    for value in values:
        if value["value"] == base:
            continue
        a, b = base["words"].split(), value["value"]["words"].split()
        edits = [{"from": " ".join(a[i1:i2]), "to": " ".join(b[j1:j2])}
                 for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
                 if op != "equal"]
        if value["value"].get("speaker") != base.get("speaker"):
            edits.append({"speaker_from": base.get("speaker"), "speaker_to": value["value"].get("speaker")})
        changes.append({"value": value["value"], "edits": edits})
    return changes

