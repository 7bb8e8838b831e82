"""The claims stage of `analyse`: claims from new article versions, then the story's claim groups.

Extraction runs once per version, like NER (`version_analyses` records the `claims` stage), because it
needs the full pipeline; grouping is redone at every analysis from the stored claims and the clusters
the analysis just decided, since those move as coverage grows. The model is the analysis's own: the
`newsclaims_line_sentences` component is added to it here (NER runs with every other component
disabled, so its entities do not change).
"""
from __future__ import annotations

from newsclaims import store

CLAIMS_STAGE = "claims"
#: Texts per `nlp.pipe` batch of the full pipeline. Not NER's batch size: the parser holds several MB
#: per text of a batch, so peak memory grows with the batch while speed does not (measured on 300
#: synthetic articles: batch 32 peaked 234 MB above batch 8, in the same time).
BATCH_SIZE = 8


def analyse_claims(db, story_slug: str, documents: list[dict], nlp, *, model: str, english,
                   batch_size: int = BATCH_SIZE, progress=None) -> dict:
    """Extract claims of the `documents` (the story's latest versions) not yet through the stage, then
    replace the story's claim groups. `english(language)` says whether a version can be read; others
    are marked through the stage with no claims, as NER skips them. Returns counts for the run."""
    from analysis.claims.story import extract_versions, people_of, story_claims  # spaCy: only when analysing

    done = store.analysed_versions(db, CLAIMS_STAGE)
    new = [doc for doc in documents if doc["id"] not in done]
    for doc in new:
        if not english(doc.get("language")):
            store.save_claims(db, doc["id"], [], CLAIMS_STAGE, f"skipped: language {doc['language']}")
    todo = [doc for doc in new if english(doc.get("language"))]
    places = store.cluster_places(db, story_slug)
    clusters = store.story_clusters(db, story_slug)
    if todo:
        people = people_of(places, clusters)
        for n, (version_id, claims) in enumerate(extract_versions(nlp, todo, people, batch_size=batch_size), 1):
            store.save_claims(db, version_id, claims, CLAIMS_STAGE, model)
            if progress:
                progress(n, len(todo))
    stored = store.claims_of_versions(db, [doc["id"] for doc in documents])
    entries = story_claims(stored, documents=documents, places=places, clusters=clusters,
                           ordinals=store.version_ordinals(db, story_slug))
    store.replace_claim_groups(db, story_slug, entries)
    return {"claims_versions_analysed": len(todo), "claims": len(stored), "claim_groups": len(entries),
            "claim_conflicts": sum(1 for e in entries if e["conflict"])}
