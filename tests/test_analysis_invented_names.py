"""Class 13 of the judgement issue on invented text through the real model: an SEO page dresses a
misspelt surname up as a made-up person; the made-up person is the real one's error, while a real
resident with a similar name stays a person of their own."""
from __future__ import annotations

from analysis import entities
from analysis.lexicon import lexicon_of
from analysis.mentions import resolve_mentions
from analysis.records import Topic

CAREFUL = [
    "Mayor Ellen Cranston opened the new bridge in Millbrook on Tuesday. Cranston said repairs cost $2 million.",
    "Millbrook Mayor Ellen Cranston said the bridge would reopen. Cranston thanked the crews.",
    "Ellen Cranston, the mayor of Millbrook, cut the ribbon. Cranston spoke briefly.",
]


def owners(nlp, seo_text):
    texts = [*CAREFUL, seo_text]
    docs = {i: {"title": "", "description": "", "keywords": "", "url": "", "author": "", "text": text,
                "article_id": i, "origin": f"o{i}", "outlet": f"o{i}", "authoritative": i < len(CAREFUL),
                "published": f"2026-03-0{i + 1}"} for i, text in enumerate(texts)}
    found = [{**e, "id": f"{key}-{n}", "version_id": key, "field": "text"}
             for (key, _field), ents in entities.find_entities(nlp, (((i, "text"), d["text"]) for i, d in docs.items()))
             for n, e in enumerate(ents)]
    resolved = resolve_mentions(docs, found, lexicon=lexicon_of(nlp),
                                topic=Topic(names=("Ellen Cranston",), articles=frozenset(docs)))
    canonical = {c["id"]: c["canonical"] for c in resolved.result.clusters}
    kinds = {a["mention_id"]: (canonical.get(a["cluster_id"]), a["kind"]) for a in resolved.result.assignments}
    return {m["surface"]: kinds.get(m["id"]) for m in resolved.persons if m["version_id"] == len(CAREFUL)}


def test_a_name_invented_around_a_misspelt_surname_is_the_persons_error(nlp):
    seo = ("Millbrook bridge news: Mayor Kranston opened the bridge. Marco Kranston, a local fan, cheered. "
           "kranston mayor bridge millbrook")
    found = owners(nlp, seo)
    assert found["Marco Kranston"] == ("Ellen Cranston", "error")
    assert found["Mayor Kranston"] == ("Ellen Cranston", "error")
    assert found["kranston"] == ("Ellen Cranston", "error")


def test_a_resident_with_a_similar_name_and_no_title_of_hers_stays_a_person(nlp):
    found = owners(nlp, "Millbrook bridge reopened on Tuesday. Tom Cranson, a resident, said traffic was light.")
    assert found["Tom Cranson"][0] == "Tom Cranson"
