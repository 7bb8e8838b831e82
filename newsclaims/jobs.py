"""The stages run against the store: crawl, analyse, report. The CLI is a thin layer over these.

Data flows one way: the crawl writes articles, analysis reads them and writes mentions, clusters and
flags, and reports only read.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from functools import partial

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from analysis import RULESET_VERSION, entities, mentions, reports
from analysis.lexicon import is_english, lexicon_of
from analysis.propagation.story import COPY_SEARCH, copied_articles, latest_copies
from analysis.records import Topic
from analysis.settings import DEFAULTS, AnalysisSettings
from analysis.topic import related_words, topic_match
from newsclaims import store
from newsclaims.config import StoryConfig, load_story

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


def crawl(story: StoryConfig | str, settings: Settings, *, progress=None, urls: list[str] | None = None,
          dry_run: bool = False, recheck: bool = False) -> dict:
    """Run the story spider to completion in this process; return what the run did.

    `story` is the loaded config (a slug or a path to a story TOML is loaded here). The spider gets the
    config object itself, so the file is parsed once. Twisted's reactor cannot be restarted, so a
    process runs at most one crawl: tests and `--every` use subprocesses.

    The result comes from the crawler's own stats, not from reading the `crawl_runs` row back: a crawl
    stopped because the database stayed locked may not have been able to write that row. Keys: `status`
    (Scrapy's finish reason: finished, shutdown on SIGINT/SIGTERM, database_locked ...), `message`, the
    page counts of `crawl_runs`, `not_stored` (pages the next crawl fetches again), `errors_logged`,
    `outlets` (slug -> {responses, ok, failures, first_failure}), and `pages`: what became of every
    URL fetched ({url, status, reason, title}), in the order they came.

    `progress`, when given, is called as progress(fetched, stored) as responses and articles come in.
    `urls`: fetch only these pages and store each as an article, whatever the config's article paths
    and topic say (a user found them by hand); no link is followed. `dry_run`: store nothing, remember
    nothing (every page is fetched in full), and open no database: `pages` says what would be stored.
    `recheck` (with `urls`): those are stored articles asked for again conditionally
    (`newsclaims.recheck`), so an unchanged page costs a 304.
    """
    from dataclasses import asdict

    from scrapy import signals

    from crawler.items import ArticleItem, RemovedPage
    from newsclaims.pipelines import run_counts
    from newsclaims.schedule import CrawlLock

    config = load_story(story)
    db_path = settings.get("NEWSCLAIMS_DB_PATH")
    seen = {"fetched": 0, "stored": 0, "pages": []}

    def fetched(**kwargs):
        seen["fetched"] += 1
        if progress is not None:
            progress(seen["fetched"], seen["stored"])

    def scraped(item, **kwargs):
        record = asdict(item)
        if isinstance(item, ArticleItem):
            seen["stored"] += 1
            record = {**record.pop("page"), "status": "article", "title": item.title}
        elif isinstance(item, RemovedPage):
            record = {**record.pop("page"), "title": item.title}
        seen["pages"].append({key: record.get(key) for key in ("url", "status", "reason", "title", "http_status")})
        if progress is not None:
            progress(seen["fetched"], seen["stored"])

    def run_spider(settings):
        process = CrawlerProcess(settings)
        crawler = process.create_crawler("story")
        crawler.signals.connect(fetched, signal=signals.response_received, weak=False)
        crawler.signals.connect(scraped, signal=signals.item_scraped, weak=False)
        process.crawl(crawler, story=config, **({"urls": list(urls)} if urls else {}),
                      **({"recheck": "1"} if recheck else {}))
        process.start()
        return crawler.stats.get_stats() if crawler.stats else {}

    if dry_run:
        settings = settings.copy()
        settings.set("ITEM_PIPELINES", {}, priority="cmdline")
        settings.set("NEWSCLAIMS_PAGE_MEMORY", "crawler.page_memory.InMemoryPageMemory", priority="cmdline")
        stats = run_spider(settings)
        return {"id": None, "story": config.slug, "status": stats.get("finish_reason") or "failed",
                **run_counts(stats), "not_stored": 0, "errors_logged": stats.get("log_count/ERROR", 0),
                "pages": seen["pages"]}
    store.open_store(db_path).close()  # a missing directory, a newer schema or a read-only file: one line, now
    with CrawlLock(db_path, config.slug):
        db = store.open_store(db_path)
        # Holding the lock, any run still marked running was killed (SIGKILL, power loss): say so.
        store.mark_killed_runs(db, config.slug)
        db.close()
        stats = run_spider(settings)
    db = store.open_store(db_path, readonly=True)
    runs = store.crawl_runs(db, config.slug)
    db.close()
    return {"id": runs[-1]["id"] if runs else None, "story": config.slug,
            "status": stats.get("finish_reason") or "failed",
            **run_counts(stats), "not_stored": stats.get("newsclaims/not_stored", 0),
            "errors_logged": stats.get("log_count/ERROR", 0), "pages": seen["pages"]}


def analyse(db, story: StoryConfig, nlp, *, settings: AnalysisSettings = DEFAULTS, batch_size: int = 32,
            n_process: int = 1, progress=None, claims: bool = True) -> dict:
    """NER on versions not yet analysed, then the story-wide mention resolution, variants and flags,
    then claims (`newsclaims.claims_stage`; `claims=False` leaves them out, for a bench of NER alone).

    `progress`, when given, is called as progress(done, total) as versions go through NER.
    """
    from newsclaims.nlp import model_id

    store.save_story(db, **story.as_record())
    model = model_id(nlp)  # once: it reads the pipeline's meta, which costs a millisecond or more
    run_id = store.start_analysis_run(db, story.slug, ruleset=RULESET_VERSION,
                                      settings={**settings.as_dict(), "model": model})
    story_documents = store.story_documents(db, story.slug)
    analysed = store.analysed_versions(db, NER_STAGE)
    # The model is English: NER skips other languages with a counted reason rather than mis-tag them.
    # Every document still belongs to the story: the second pass searches the people named in English
    # pages in all of them, since a machine-translated or foreign page misspells names as often as any.
    documents = {doc["id"]: doc for doc in story_documents}
    new = [doc for doc in story_documents if doc["id"] not in analysed]
    foreign = [doc for doc in new if not is_english(doc.get("language"))]
    for doc in foreign:
        store.save_entities(db, doc["id"], [], NER_STAGE, f"skipped: language {doc['language']}")
    todo = [doc for doc in new if is_english(doc.get("language"))]
    _find_entities(db, todo, nlp, model=model, batch_size=batch_size, n_process=n_process, progress=progress)
    counts = {"versions_analysed": len(todo), "skipped_language": len(foreign), "documents": len(documents),
              **_resolve_story(db, story, documents, nlp, settings)}
    if claims:
        from newsclaims.claims_stage import analyse_claims
        counts.update(analyse_claims(db, story.slug, list(documents.values()), nlp, model=model,
                                     english=is_english))
    store.finish_analysis_run(db, run_id, counts)
    return counts


def _find_entities(db, todo: list[dict], nlp, *, model: str, batch_size: int, n_process: int, progress=None) -> None:
    """NER over the versions `todo`, each version's entities stored as soon as its last field is read
    (nothing of the story's NER is held in memory: a story of 10,000 articles has half a million)."""
    pending: dict[int, list[dict]] = defaultdict(list)
    done = 0
    last = {doc["id"]: [f for f in entities.NER_FIELDS if doc[f]][-1:] for doc in todo}
    texts = (((doc["id"], field), doc[field]) for doc in todo for field in entities.NER_FIELDS if doc[field])
    for (version_id, field), ents in entities.find_entities(nlp, texts, batch_size=batch_size, n_process=n_process):
        pending[version_id] += [{**ent, "field": field} for ent in ents]
        if [field] == last[version_id]:
            store.save_entities(db, version_id, pending.pop(version_id), NER_STAGE, model)
            done += 1
            if progress:
                progress(done, len(todo))
    for doc in todo:
        if not last[doc["id"]]:  # no text in any field: through the stage with no entities
            store.save_entities(db, doc["id"], [], NER_STAGE, model)


def _resolve_story(db, story: StoryConfig, documents: dict, nlp, settings: AnalysisSettings) -> dict:
    """Copy edges, then the story-wide mention resolution, variants and flags, all stored; returns the
    counts. Its own function so that everything it holds is freed before the claims stage parses."""
    # Copy edges are found once, here, and stored: the variants stage needs them, and every report reads
    # them. The search is kept too, so the next analysis aligns only the pairs of versions new since.
    search = latest_copies(store.story_versions(db, story.slug), store.copy_search(db, story.slug, COPY_SEARCH))
    copies = search["edges"]
    # Second-pass mentions are named by their store key, so assignments and flags can be stored as
    # they come and point at the same mentions after every analysis. NER's rows are handed over, not
    # kept here: the resolution frees those that are no credible person as soon as it knows which.
    resolved = mentions.resolve_mentions(documents, store.ner_mentions(db, list(documents)), settings=settings,
                                         id_prefix=f"{story.slug}/",
                                         mention_id=partial(store.mention_key, story=story.slug),
                                         lexicon=lexicon_of(nlp), pins=dict(story.names.pins),
                                         accepted=list(story.names.accept),
                                         same=[list(g) for g in story.names.same],
                                         distinct=[list(g) for g in story.names.distinct],
                                         topic=story_topic(story, documents.values(), settings),
                                         copies=copied_articles(copies, {d["url"]: d["article_id"]
                                                                         for d in documents.values()}))
    store.replace_story_mentions(db, story.slug, list(documents), resolved.found)
    result = resolved.result
    counts = store.save_variants(db, story.slug, result.clusters, result.assignments, result.flags)
    counts[store.COPIES_COUNTED_AS] = store.save_copies(db, story.slug, copies, {**search, "settings": COPY_SEARCH})
    return {"second_pass_mentions": len(resolved.found), "mentions": len(resolved.persons), **counts}


def story_topic(story: StoryConfig, documents, settings: AnalysisSettings = DEFAULTS) -> Topic:
    """The people the story config names, and the articles on its topic. On topic means the story's
    keywords when it has some (they say what the coverage is about; a name alone also matches people
    who merely share it), else its names; on a page in another language, which cannot write the
    keywords (they are the config's words, "Oval Office", not "Studio Ovale"), its names too."""
    names = list(story.topic.names)
    keywords = list(story.topic.keywords)
    documents = list(documents)
    on_topic = frozenset(doc["article_id"] for doc in documents
                         if topic_match([doc.get("title"), doc.get("text")],
                                        names=[] if keywords and is_english(doc.get("language")) else names,
                                        keywords=keywords, score_cutoff=settings.score_cutoff))
    texts = {doc["article_id"]: f"{doc.get('title') or ''}\n{doc.get('text') or ''}" for doc in documents}
    return Topic(names=tuple(names), articles=on_topic, related=related_words(texts, on_topic, names))


def build_report(db, story_slug: str, *, settings: AnalysisSettings = DEFAULTS, outlet: str | None = None) -> dict:
    """The story report as plain data (the JSON schema in analysis.reports), read from the store.

    Beside the schema's keys it carries `provenance`: the ruleset and settings of the last analysis,
    and each outlet's last crawl, so a reader can tell what produced the report and how fresh it is.

    `outlet` (a slug, origin or name) narrows the report to one outlet: its articles, mentions, flags
    and people, with surfaces counted in its articles only, and its row of the story's outlet table
    (rate, n and rank as the story ranks it). None when no outlet matches.
    """
    import json

    from analysis.dates import date_key

    story_row = store.story_record(db, story_slug)
    outlets = store.story_outlets(db, story_slug)
    documents = store.story_documents(db, story_slug)
    clusters = store.story_clusters(db, story_slug)
    assignments = store.story_assignments(db, story_slug)
    flags = store.story_flags(db, story_slug)
    runs = store.analysis_runs(db, story_slug)

    versions = store.story_versions(db, story_slug)
    copies = store.story_copies(db, story_slug)  # found by `analyse`: a report never aligns texts
    claims = stored_claims(db, story_slug, documents)

    def build(outlets, documents, clusters, assignments, flags, claims=claims):
        return reports.build_report(
            story={"slug": story_row["slug"], "title": story_row["title"]},
            outlets=outlets, documents=documents, clusters=clusters, assignments=assignments, flags=flags,
            texts=store.VersionTexts(db, (a["version_id"] for a in assignments if a["kind"] == "error")),
            analysis_runs=runs, min_n=settings.min_n, versions=versions, copies=copies or [], claims=claims)

    def seen_in(clusters: list[dict], assignments: list[dict]) -> list[dict]:
        """The clusters these mentions belong to, each surface counted in these mentions only (its
        kind, rule and form stay the story's decision)."""
        used: dict[tuple, list[dict]] = defaultdict(list)
        for a in assignments:
            used[(a["cluster_id"], a["surface"])].append(a)
        narrowed = []
        for cluster in clusters:
            surfaces = []
            for surface in cluster["surfaces"]:
                found = used.get((cluster["id"], surface["surface"]))
                if found:
                    dated = sorted((a["published"] for a in found if a["published"]), key=date_key)
                    surfaces.append({**surface, "mentions": len(found), "outlets": 1,
                                     "articles": len({a["article_id"] for a in found}),
                                     "first_published": dated[0] if dated else None})
            if surfaces:
                narrowed.append({**cluster, "surfaces": surfaces})
        return narrowed

    report = build(outlets, documents, clusters, assignments, flags)
    if outlet is not None:
        match = reports.for_outlet(report, outlet)
        if match is None:
            return None
        row = match["outlets"][0]
        origin = row["origin"]
        mine = [a for a in assignments if a["origin"] == origin]
        urls = {d["url"] for d in documents if d["origin"] == origin}
        stated = None if claims is None else [c for c in claims if any(a["url"] in urls for v in c["values"]
                                                                       for a in v["articles"])]
        report = build([o for o in outlets if o["origin"] == origin], [d for d in documents if d["origin"] == origin],
                       seen_in(clusters, mine), mine, [f for f in flags if f.get("origin") == origin], stated)
        report["outlets"] = [row]
        report["story"] = {**report["story"], "outlet": row["name"]}
    if copies is None:
        report["absent"]["copies"] = (f"the last analysis of {story_slug!r} stored no copy edges (it ran before they "
                                      f"were stored); run `newsclaims analyse {story_slug} --force`")
    last = runs[-1] if runs else {}
    crawls = store.outlet_last_crawls(db, story_slug)
    report["provenance"] = {
        "ruleset": last.get("ruleset") or RULESET_VERSION,
        "settings": json.loads(last["settings"]) if last.get("settings") else settings.as_dict(),
        "analysed_at": last.get("ended") or last.get("started"),
        "not_analysed": store.versions_not_analysed(db, story_slug, stage=NER_STAGE),
        "outlets": [{"outlet": o["slug"], "name": o["name"], **crawls.get(o["slug"], {})} for o in outlets],
    }
    return report


def stored_claims(db, story_slug: str, documents: list[dict]) -> list[dict] | None:
    """The story's claim groups as the last analysis left them; None when no version went through the
    claims stage yet (a database analysed before claims existed), so the report says so."""
    from newsclaims.claims_stage import CLAIMS_STAGE

    if documents and store.versions_not_analysed(db, story_slug, stage=CLAIMS_STAGE) == len(documents):
        return None
    return store.story_claim_groups(db, story_slug)


def extract_file(path, url: str | None = None):
    """Extract a saved HTML file with the crawl's own decoder and extractor; `url` is never fetched."""
    from pathlib import Path

    from crawler.extract import UndecodablePage, extract_response

    path = Path(path)
    try:
        return extract_response(path.read_bytes(), None, url or path.resolve().as_uri())
    except UndecodablePage as exc:
        raise ValueError(f"cannot decode: {exc}") from None


def reextract(db, story_slug: str) -> dict:
    """Extract every article's latest crawled response again, from the stored raw body.

    Where the current extractor gives different content, the result is a new version marked
    `source = 'reextract'`, pointing at the version whose body it used and keeping its fetch time.
    """
    import gzip
    import json as _json

    from crawler.extract import UndecodablePage, extract_response

    counts = {"versions": 0, "changed": 0, "failed": 0}
    for row in store.latest_crawled_versions(db, story_slug):
        counts["versions"] += 1
        headers = _json.loads(row["headers"] or "{}")
        try:
            body = gzip.decompress(row["raw_body"])
            page = extract_response(body, headers.get("Content-Type"),
                                    row["fetched_url"] or row["url"], hints={"fetched_at": row["fetched_at"]})
        except (UndecodablePage, OSError):
            counts["failed"] += 1
            continue
        if page is None:
            counts["failed"] += 1
            continue
        status = store.save_article(db, story_slug, {
            **page.as_dict(), "url": row["url"], "origin": row["origin"], "content_hash": page.content_hash,
            "fetched_at": row["fetched_at"], "fetched_url": row["fetched_url"], "http_status": row["http_status"],
            "headers": headers, "body": body, "source": "reextract",
            "extracted_from": row["id"], "outlet_name": page.outlet_name or row["outlet_name"]})
        counts["changed"] += status == "changed"
    return counts


def document_mentions(nlp, fields: dict[str, str], *, settings: AnalysisSettings = DEFAULTS,
                      batch_size: int = 32) -> list[dict]:
    """Every person mention of one document (`fields`: field name -> text), resolved exactly as a
    one-article story is by `analyse`: NER, the second pass, clusters and flags."""
    document = {**{field: fields.get(field) or "" for field in entities.FIELDS}, "article_id": 1, "origin": "file",
                "outlet": "file", "authoritative": False, "published": None}
    texts = ((field, document[field]) for field in entities.NER_FIELDS if document[field])
    ner = [{**ent, "id": f"n{field}{n}", "version_id": 1, "field": field}
           for field, ents in entities.find_entities(nlp, texts, batch_size=batch_size) for n, ent in enumerate(ents)]
    resolved = mentions.resolve_mentions({1: document}, ner, settings=settings, lexicon=lexicon_of(nlp))
    assignment = {a["mention_id"]: a for a in resolved.result.assignments}
    canonical = {c["id"]: c["canonical"] for c in resolved.result.clusters}
    rows = []
    for m in resolved.persons:
        a = assignment.get(m["id"], {})
        rows.append({"surface": m["surface"], "start": m["start"], "end": m["end"], "field": m["field"],
                     "cluster": a.get("cluster_id"), "canonical": canonical.get(a.get("cluster_id")),
                     "kind": a.get("kind"), "flagged": a.get("kind") == "error", "usage": a.get("usage"),
                     "method": m["method"]})
    order = {field: n for n, field in enumerate(entities.FIELDS)}
    return sorted(rows, key=lambda r: (order[r["field"]], r["start"], r["end"]))
