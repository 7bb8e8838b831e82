"""Run invented pages through the real model and the story-wide resolution, as `analyse` does: the
careful pages come from authoritative outlets, the last page is the one under test."""
from __future__ import annotations

from analysis import entities
from analysis.lexicon import lexicon_of
from analysis.mentions import resolve_mentions
from analysis.records import Topic


def resolve(nlp, careful: list[str], page: str | list[str], topic_name: str, *, off_topic: int = 0,
            titles: dict[int, str] | None = None):
    """The story-wide resolution (`mentions.resolve_mentions`) of `careful` pages (authoritative
    outlets, article ids from 0) and then `page`, each its own outlet.

    `page` may be several pages (each its own outlet, none authoritative).
    `off_topic`: how many of the last pages are outside the story's topic.
    `titles`: article id -> the page's title (else none).
    """
    pages = [page] if isinstance(page, str) else list(page)
    texts = [*careful, *pages]
    titles = titles or {}
    docs = {i: {"title": titles.get(i, ""), "description": "", "keywords": "", "url": "", "author": "", "text": text,
                "article_id": i, "origin": f"o{i}", "outlet": f"o{i}", "authoritative": i < len(careful),
                "published": f"2026-03-{i + 1:02d}"} for i, text in enumerate(texts)}
    fields = ((i, field) for i, d in docs.items() for field in ("title", "text") if d[field])
    found = [{**e, "id": f"{key}-{field}-{n}", "version_id": key, "field": field}
             for (key, field), ents in entities.find_entities(nlp, ((k, docs[k[0]][k[1]]) for k in fields))
             for n, e in enumerate(ents)]
    on_topic = frozenset(list(docs)[:len(texts) - off_topic])
    return resolve_mentions(docs, found, lexicon=lexicon_of(nlp), topic=Topic(names=(topic_name,), articles=on_topic))


def owners(nlp, careful: list[str], page: str | list[str], topic_name: str, *, off_topic: int = 0) -> dict:
    """surface -> (canonical of its person, kind) for the person mentions of `page`, read after `careful`
    (`resolve`): the surfaces of all the pages when there are several."""
    resolved = resolve(nlp, careful, page, topic_name, off_topic=off_topic)
    canonical = {c["id"]: c["canonical"] for c in resolved.result.clusters}
    kinds = {a["mention_id"]: (canonical.get(a["cluster_id"]), a["kind"]) for a in resolved.result.assignments}
    return {m["surface"]: kinds.get(m["id"]) for m in resolved.persons if m["version_id"] >= len(careful)}
