"""Compute the ground truth of the demo corpus (data/demo/truth.json) from the markup alone.

The truth never looks at rendered pages or at newsclaims' output: a mention is an error when its surface
contains one of the person's ``error_forms`` (case-insensitive, whole word), a claim is introduced by the
first article asserting its wrong value, and so on. Tests can then hold newsclaims to it.
"""
from __future__ import annotations

import json
import re
from datetime import timezone
from pathlib import Path

from newsclaims.demo.corpus import DEFAULT_SOURCE, load
from newsclaims.demo.markup import parse_markup, plain, raw_fields
from newsclaims.demo.model import Article, CorpusError

DEFAULT_TRUTH: Path = DEFAULT_SOURCE.with_name("truth.json")
FIELDS_USING = ("title", "text", "description", "keywords")  # fields where a form is "used"


def _sorted_articles(arts: list[Article]) -> list[Article]:
    return sorted(arts, key=lambda a: (a.dt.astimezone(timezone.utc), a.outlet, a.path))


def _ref(a: Article) -> dict:
    return {"outlet": a.outlet, "path": a.path}


def build_truth(source: Path = DEFAULT_SOURCE) -> dict:
    corpus = load(source)
    people = {p["id"]: p for p in corpus.people}
    arts = _sorted_articles(corpus.articles)

    articles, mentions, non_mentions = [], [], []
    claim_hits: dict[str, dict[str, list[Article]]] = {c["id"]: {} for c in corpus.claims}
    error_res = {(pid, form): re.compile(r"\b" + re.escape(form) + r"\b", re.I)
                 for pid, p in people.items() for form in p.get("error_forms", [])}
    for a in arts:
        persons: set[str] = set()
        for fld, raw in raw_fields(a):
            _, spans = parse_markup(raw)
            for sp in spans:
                if sp.kind == "person":
                    is_error = any(rx.search(sp.surface) for (pid, _), rx in error_res.items() if pid == sp.ref)
                    mentions.append({"outlet": a.outlet, "path": a.path, "person": sp.ref, "surface": sp.surface,
                                     "field": fld, "error": is_error, "quoted": sp.quoted})
                    if fld in ("title", "text"):
                        persons.add(sp.ref)
                elif sp.kind == "non":
                    non_mentions.append({"outlet": a.outlet, "path": a.path, "surface": sp.surface, "field": fld})
                elif fld in ("title", "text"):
                    hits = claim_hits[sp.ref].setdefault(sp.value, [])
                    if a not in hits:
                        hits.append(a)
        articles.append({
            "outlet": a.outlet, "path": a.path, "title": plain(a.title), "published": a.published,
            "author": a.author, "off_topic": a.off_topic,
            "persons": sorted(persons, key=list(people).index),
            "copies": ({"outlet": a.copies["outlet"], "path": a.copies["path"],
                        "paragraphs": list(a.copies["paragraphs"])} if a.copies else None),
            "canonical": dict(a.canonical) if a.canonical else None,
        })

    errors = []
    for (pid, form), rx in error_res.items():
        using, quoted, boiler = [], [], []
        for a in arts:
            ms = [m for m in mentions if (m["outlet"], m["path"]) == a.key and m["person"] == pid
                  and rx.search(m["surface"])]
            if any(not m["quoted"] and m["field"] in FIELDS_USING for m in ms):
                using.append(a)
            elif any(m["quoted"] and m["field"] in FIELDS_USING for m in ms):
                quoted.append(a)
            elif any(m["field"] == "boilerplate" for m in ms):
                boiler.append(a)
        if not using:
            raise CorpusError(f"error form {form!r} of {pid} is never used")
        outlets_using = sorted({a.outlet for a in using})
        other = set(outlets_using) | {a.outlet for a in quoted}
        errors.append({
            "person": pid, "form": form,
            "first": {**_ref(using[0]), "published": using[0].published},
            "articles": [_ref(a) for a in using],
            "quoted_articles": [_ref(a) for a in quoted],
            "outlets": outlets_using,
            "boilerplate_only_outlets": sorted({a.outlet for a in boiler} - other),
        })

    claims = []
    for c in corpus.claims:
        wrong = claim_hits[c["id"]].get(str(c["wrong"]), [])
        if not wrong:
            raise CorpusError(f"claim {c['id']}: wrong value never asserted")
        entry = {
            "id": c["id"], "kind": c["kind"], "correct": c["correct"], "wrong": c["wrong"],
            "introduced_by": _ref(wrong[0]),
            "repeated_by": [_ref(a) for a in wrong[1:]],
        }
        # What the claim is about, as the corpus says: a misattributed quote's words ("quote"), an altered
        # quote's speaker ("speaker"), the person of a role or detail ("person") and a detail's slot.
        entry.update({k: c[k] for k in ("quote", "speaker", "person", "slot") if k in c})
        claims.append(entry)

    copies = [{"copy": _ref(a), "source": {"outlet": a.copies["outlet"], "path": a.copies["path"]},
               "paragraphs": len(a.copies["paragraphs"]), "reworded": len(a.copies.get("reworded", [])),
               "syndicated": a.canonical is not None and (a.canonical["outlet"], a.canonical["path"]) == (
                   a.copies["outlet"], a.copies["path"]),
               "carries": _carried(corpus, a, error_res)} for a in arts if a.copies]
    propagation = _propagation(arts, errors, copies)
    corrections = [{**_ref(a), "kind": a.second["kind"], "modified": a.second["modified"],
                    "dropped": sorted(_forms(a.paragraphs + [a.title], a, error_res)
                                      - _forms(a.second["paragraphs"] + [a.title], a, error_res))}
                   for a in arts if a.second]

    excluded = []
    for ex in corpus.excluded:
        excluded.append({
            "outlet": ex["outlet"], "path": ex["path"],
            "url_suffix": ex["path"] + ("?" + ex["query"] if ex.get("query") else ""),
            "reason": ex["reason"],
            "linked_from": {"outlet": ex["linked_from"]["outlet"], "path": ex["linked_from"]["path"]},
        })

    return {
        "fictional": True,
        "story": corpus.story["slug"],
        "outlets": [{"slug": o.slug, "name": o.name, "authoritative": o.authoritative} for o in corpus.outlets],
        "articles": articles,
        "people": [{"id": p["id"], "canonical": p["canonical"], "title": p.get("title", ""),
                    "accepted": list(p.get("accepted", [])), "error_forms": list(p.get("error_forms", []))}
                   for p in corpus.people],
        "mentions": mentions,
        "non_mentions": non_mentions,
        "errors": errors,
        "claims": claims,
        "copies": copies,
        "propagation": propagation,
        "corrections": corrections,
        "excluded": excluded,
    }


def truth_json(source: Path = DEFAULT_SOURCE) -> str:
    return json.dumps(build_truth(source), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _forms(raws: list[str], art: Article, error_res: dict) -> set[str]:
    """The error forms used (not quoted) in these marked-up strings of `art`."""
    found = set()
    for raw in raws:
        for sp in parse_markup(raw)[1]:
            if sp.kind == "person" and not sp.quoted:
                found |= {form for (pid, form), rx in error_res.items() if pid == sp.ref and rx.search(sp.surface)}
    return found


def _carried(corpus, art: Article, error_res: dict) -> list[str]:
    """The error forms a copy took from its source: used in a source paragraph it copied verbatim or
    reworded, and used in the copy too."""
    source = corpus.by_key[(art.copies["outlet"], art.copies["path"])]
    taken = [source.paragraphs[n] for n in list(art.copies["paragraphs"]) + list(art.copies.get("reworded", []))]
    return sorted(_forms(taken, source, error_res) & _forms(art.paragraphs + [art.title], art, error_res))


def _propagation(arts: list[Article], errors: list[dict], copies: list[dict]) -> list[dict]:
    """Per error form, its chains: every article that uses or quotes it, joined by the copies that
    carried it; a use no carrying copy reaches is the origin of a chain of its own (so one form
    introduced twice is two chains). Members and chains in publication order."""
    order = {a.key: n for n, a in enumerate(arts)}  # arts are sorted by publication time
    out = []
    for error in errors:
        uses = {(r["outlet"], r["path"]) for r in error["articles"] + error["quoted_articles"]}
        parent = {key: key for key in uses}

        def root(key):
            while parent[key] != key:
                key = parent[key]
            return key

        targets = set()
        for c in copies:
            src, dst = (c["source"]["outlet"], c["source"]["path"]), (c["copy"]["outlet"], c["copy"]["path"])
            if error["form"] in c["carries"] and src in uses and dst in uses:
                parent[root(dst)] = root(src)
                targets.add(dst)
        chains: dict = {}
        for key in sorted(uses, key=order.get):
            chains.setdefault(root(key), []).append(key)
        out.append({"person": error["person"], "form": error["form"], "chains": [
            {"origin": {"outlet": origin[0], "path": origin[1]},
             "members": [{"outlet": k[0], "path": k[1]} for k in members]}
            for members in chains.values() for origin in [next(k for k in members if k not in targets)]]})
    return out
