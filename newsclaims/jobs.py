"""The stages run against the store: crawl, analyse, report. The CLI is a thin layer over these.

Data flows one way: the crawl writes articles, analysis reads them and writes mentions, clusters and
flags, and reports only read.
"""
from __future__ import annotations

import logging
from collections import defaultdict

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from analysis import entities, reports, variants
from analysis.names import parse_name
from newsclaims import store
from newsclaims.config import StoryConfig, story_path

logger = logging.getLogger(__name__)

NER_STAGE = "ner"


def project_settings(overrides: dict | None = None, profile: dict | None = None) -> Settings:
    """crawler/settings.py, then a profile (e.g. LOOPBACK_PROFILE), then command-line overrides."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if profile:
        settings.setdict(profile, priority="cmdline")
    if overrides:
        settings.setdict(overrides, priority="cmdline")
    return settings


def crawl(story: str, settings: Settings) -> dict:
    """Run the story spider to completion in this process; return the crawl_runs row it wrote.

    `story` is a slug or a path to a story TOML (validated by the caller). Twisted's reactor cannot be
    restarted, so a process runs at most one crawl: tests and `--every` use subprocesses.
    """
    process = CrawlerProcess(settings)
    process.crawl("story", story=str(story_path(story)))
    process.start()
    db = store.open_store(settings.get("NEWSCLAIMS_DB_PATH"))
    from newsclaims.config import load_story

    runs = store.crawl_runs(db, load_story(story).slug)
    db.close()
    return runs[-1] if runs else {}


def analyse(db, story: StoryConfig, nlp, *, batch_size: int = 32, n_process: int = 1, score_cutoff: float = 80) -> dict:
    """NER on versions not yet analysed, the second pass over the story, then variants and flags."""
    from newsclaims.nlp import model_id

    store.save_story(db, story)
    todo = store.versions_without(db, story.slug, NER_STAGE)
    found: dict[int, list[dict]] = defaultdict(list)
    texts = (((doc["id"], field), doc[field]) for doc in todo for field in entities.NER_FIELDS if doc[field])
    for (version_id, field), ents in entities.find_entities(nlp, texts, batch_size=batch_size, n_process=n_process):
        found[version_id] += [{**ent, "field": field} for ent in ents]
    for doc in todo:
        store.save_entities(db, doc["id"], found.get(doc["id"], []), NER_STAGE, model_id(nlp))

    documents = {doc["id"]: doc for doc in store.story_documents(db, story.slug)}
    ordinary = entities.ordinary_words(doc[field] for doc in documents.values() for field in entities.FIELDS if doc[field])
    field_texts = {(doc_id, field): doc[field] or "" for doc_id, doc in documents.items() for field in entities.FIELDS}
    ner_mentions = entities.credible_mentions(
        [{**m, "key": (m["version_id"], m["field"])} for m in store.mentions_of_versions(db, list(documents), story.slug)
         if m["story"] == ""],
        field_texts, ordinary)
    first = variants.analyse_variants(_variant_input(ner_mentions, documents), score_cutoff=score_cutoff)
    people = _people_to_search(first.clusters)
    taken = defaultdict(list)
    for m in ner_mentions:
        taken[(m["version_id"], m["field"])].append((m["start"], m["end"]))
    texts = ((key, text) for key, text in field_texts.items() if text)
    extra = [{**m, "version_id": version_id, "field": field}
             for (version_id, field), ms in entities.find_more_mentions(texts, people, taken, score_cutoff=score_cutoff)
             for m in ms]
    store.replace_story_mentions(db, story.slug, list(documents), extra)

    person_mentions = ner_mentions + [m for m in store.mentions_of_versions(db, list(documents), story.slug)
                                      if m["story"] == story.slug and entities.is_name_like(m["surface"])]
    result = variants.analyse_variants(_variant_input(person_mentions, documents), score_cutoff=score_cutoff,
                                       id_prefix=f"{story.slug}/")
    counts = store.save_variants(db, story.slug, result.clusters, result.assignments, result.flags)
    return {"versions_analysed": len(todo), "documents": len(documents), "second_pass_mentions": len(extra),
            "mentions": len(person_mentions), **counts}


def _variant_input(mentions: list[dict], documents: dict[int, dict]) -> list[dict]:
    rows = []
    for m in mentions:
        doc = documents[m["version_id"]]
        rows.append({"mention_id": m["id"], "surface": m["surface"], "article_id": doc["article_id"],
                     "origin": doc["origin"], "outlet": doc["outlet"], "authoritative": doc["authoritative"],
                     "published": doc["published"],
                     "usage": entities.usage(doc[m["field"]] or "", m["start"], m["end"])})
    return rows


def _people_to_search(clusters: list[dict]) -> list[dict]:
    """People whose names the second pass may search for: only those seen with a given name and a
    surname, so that NER's one-word mistakes ("Worcester" as a PERSON) are not multiplied."""
    people = []
    for cluster in clusters:
        if not cluster["evidence"]["forms"]:
            continue
        names = [parse_name(s["surface"]) for s in cluster["surfaces"]]
        names = [n for n in names if n is not None]
        people.append({"surnames": sorted({n.surname_key for n in names}),
                       "given": sorted({g for n in names for g in n.given})})
    return people


def build_report(db, story_slug: str) -> dict:
    """The story report as plain data (the JSON schema in analysis.reports), read from the store."""
    story_row = db["stories"].get(story_slug)
    outlets = [dict(r) for r in db.query(
        "select so.slug, so.origin, so.authoritative, o.name from story_outlets so join outlets o "
        "on o.origin = so.origin where so.story = ? order by so.slug", [story_slug])]
    return reports.build_report(
        story={"slug": story_row["slug"], "title": story_row["title"]},
        outlets=outlets,
        documents=store.story_documents(db, story_slug),
        clusters=store.story_clusters(db, story_slug),
        assignments=store.story_assignments(db, story_slug),
        flags=store.story_flags(db, story_slug),
    )
