"""Run invented pages through the real model and the story-wide resolution, as `analyse` does: the
careful pages come from authoritative outlets, the last page is the one under test."""
from __future__ import annotations

from analysis import entities
from analysis.lexicon import lexicon_of
from analysis.mentions import resolve_mentions
from analysis.records import Topic


def owners(nlp, careful: list[str], page: str, topic_name: str) -> dict:
    """surface -> (canonical of its person, kind) for the person mentions of `page`, read after `careful`."""
    texts = [*careful, page]
    docs = {i: {"title": "", "description": "", "keywords": "", "url": "", "author": "", "text": text,
                "article_id": i, "origin": f"o{i}", "outlet": f"o{i}", "authoritative": i < len(careful),
                "published": f"2026-03-0{i + 1}"} for i, text in enumerate(texts)}
    found = [{**e, "id": f"{key}-{n}", "version_id": key, "field": "text"}
             for (key, _field), ents in entities.find_entities(nlp, (((i, "text"), d["text"]) for i, d in docs.items()))
             for n, e in enumerate(ents)]
    resolved = resolve_mentions(docs, found, lexicon=lexicon_of(nlp),
                                topic=Topic(names=(topic_name,), articles=frozenset(docs)))
    canonical = {c["id"]: c["canonical"] for c in resolved.result.clusters}
    kinds = {a["mention_id"]: (canonical.get(a["cluster_id"]), a["kind"]) for a in resolved.result.assignments}
    return {m["surface"]: kinds.get(m["id"]) for m in resolved.persons if m["version_id"] == len(careful)}
