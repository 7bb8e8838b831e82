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
               "paragraphs": len(a.copies["paragraphs"])} for a in arts if a.copies]

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
        "excluded": excluded,
    }


def truth_json(source: Path = DEFAULT_SOURCE) -> str:
    return json.dumps(build_truth(source), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
