"""Claims of a whole story: extracted once per article version, grouped again at every analysis.

Why two steps: extraction needs the full spaCy pipeline (the parse and the lemmas), which costs about
as much again as NER, so each version meets it once; grouping only needs the stored claims and the
story's person clusters, which change as coverage grows (a new article can merge "Kranston" into
"Cranston", or change which spelling is canonical). So a stored claim does not trust the cluster id it
was extracted with: it keeps, for every person it refers to (its subject, a quote's speaker, a post's
holder, a winner), the place of one mention of that person in its own field (`refs`), and
`story_claims` asks the current clusters who is at that place.

- `extract_versions(nlp, documents, people)`: (version id, claims) for each document's prose;
- `story_claims(claims, documents=..., places=..., clusters=..., ordinals=...)`: the report's
  ``claims`` entries (the issue's JSON contract), conflicts first.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from analysis.claims.conflicts import find_conflicts
from analysis.claims.headlines import claims_with_headlines
from analysis.claims.match import group_claims
from analysis.claims.segment import add_line_sentences

#: Fields claims are read from. Only the body: the headline and standfirst restate it in fewer words
#: (a headline's "17 hurt" is the body's "17 people were injured"), so reading them too adds no fact,
#: only a second claim per fact, and headlines are where the parser does worst.
CLAIM_FIELDS = ("text",)
#: Texts longer than this are read in pieces cut at a line break (spaCy's max_length is 1,000,000
#: characters and the parser's memory grows with the text); a quote over a cut is lost, nothing else.
CHUNK_CHARS = 100_000
#: The rule a version's date has when the page stated none and the crawler wrote down when it fetched it
#: (`crawler.extract.records.RULES`). Such a date says when the page was seen, not when it was written:
#: real pages dated so resolved "March 25th" in 2026 instead of 2025, and would count as the latest
#: source, so claims take no date from it (no anchor for relative dates, no part in "earliest").
UNDATED_RULE = "crawl-time"
#: Keys of a claim that name a person by cluster id, with the value that spells the person's name.
_PERSON_KEYS = ("value_cluster", "cluster_id", "speaker_cluster")


def extract_versions(nlp, documents: Iterable[dict], people: dict, *, batch_size: int = 16) -> Iterator[
        tuple[int, list[dict]]]:
    """(version id, claims) for each document (a `story_documents` row: id, url, outlet, published and
    the fields), in input order; a document with no prose yields an empty list.

    ``people`` maps ``(version id, field)`` to that field's person mentions: ``{(start, end):
    {"cluster_id", "canonical"}}``. ``nlp`` gets the `newsclaims_line_sentences` component (once).
    """
    add_line_sentences(nlp)
    documents = list(documents)
    pieces = ((piece, (doc["id"], field, offset)) for doc in documents for field in CLAIM_FIELDS
              for offset, piece in _chunks(doc.get(field) or ""))
    found: dict[int, list[dict]] = defaultdict(list)
    by_id = {doc["id"]: doc for doc in documents}
    for parsed, (version_id, field, offset) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        doc = by_id[version_id]
        mentions = people.get((version_id, field)) or {}
        local = {(s - offset, e - offset): info for (s, e), info in mentions.items()
                 if offset <= s and e <= offset + len(parsed.text)}
        claims = claims_with_headlines(nlp, parsed, people=local, field=field, version=version_id,
                                       published=article_date(doc), article_url=doc.get("url") or "",
                                       outlet=doc.get("outlet") or doc.get("origin") or "")
        first: dict[str, list[int]] = {}
        for (start, end), info in sorted(local.items()):
            if info and info.get("cluster_id"):
                first.setdefault(info["cluster_id"], [start + offset, end + offset])
        for claim in claims:
            claim["start"] += offset
            claim["end"] += offset
            claim["refs"] = {cid: first[cid] for cid in _referred(claim) if cid in first}
        found[version_id] += claims
    for doc in documents:
        yield doc["id"], found.get(doc["id"], [])


def people_of(places: dict, clusters: Iterable[dict]) -> dict:
    """``{(version id, field): {(start, end): {"cluster_id", "canonical"}}}`` from the story's clustered
    mentions (`store.cluster_places`: (version id, field, start, end) -> cluster id). One info dict per
    cluster, shared by its mentions: a story of 10,000 articles has hundreds of thousands of them."""
    info = {c["id"]: {"cluster_id": c["id"], "canonical": c["canonical"]} for c in clusters}
    people: dict = defaultdict(dict)
    for (version_id, field, start, end), cluster_id in places.items():
        people[(version_id, field)][(start, end)] = info.get(cluster_id) or {"cluster_id": cluster_id, "canonical": None}
    return dict(people)


def story_claims(claims: list[dict], *, documents: list[dict], places: dict, clusters: list[dict],
                 ordinals: dict[int, int]) -> list[dict]:
    """The report's ``claims``: stored claims of the story's current versions, their people as the
    current clusters know them, grouped, with conflicts, `held_by` and `deviating_urls`.

    ``documents``: `story_documents` rows (their url, outlet, published and whether authoritative are
    the claim's); ``places``: (version id, field, start, end) -> cluster id (`store.cluster_places`); ``ordinals``: version id -> ordinal (1 = first fetched). Conflicts come first.
    """
    by_version = {doc["id"]: doc for doc in documents}
    canonical = {c["id"]: c["canonical"] for c in clusters}
    ready = []
    for stored in claims:
        doc = by_version.get(stored["version_id"])
        if doc is None:
            continue
        claim = _current_people(stored, places, canonical)
        claim.update(url=doc["url"], outlet=_outlet(doc), published=article_date(doc),
                     version=ordinals.get(stored["version_id"], 1))
        ready.append(claim)
    authoritative = {_outlet(doc) for doc in documents if doc.get("authoritative")}
    entries = find_conflicts(group_claims(ready), authoritative_outlets=authoritative)
    return sorted(entries, key=lambda e: (not e["conflict"], e["kind"], e["slot"], e["id"]))


def deviating_by_origin(entries: list[dict], documents: list[dict]) -> dict[str, int]:
    """Per outlet origin, how many conflicting claims it deviates on (each claim counted once per outlet)."""
    origin = {doc["url"]: doc["origin"] for doc in documents}
    counts: dict[str, int] = defaultdict(int)
    for entry in entries:
        if entry["conflict"]:
            for outlet in {origin.get(url) for url in entry["deviating_urls"]} - {None}:
                counts[outlet] += 1
    return dict(counts)


def article_date(doc: dict) -> str | None:
    """The date the article states, or None when the only date is the crawl time (`UNDATED_RULE`).

    >>> article_date({"published": "2025-03-27", "published_rule": "meta"}), article_date(
    ...     {"published": "2026-12-03T09:02:22+00:00", "published_rule": "crawl-time"})
    ('2025-03-27', None)
    """
    return None if doc.get("published_rule") == UNDATED_RULE else doc.get("published")


def _outlet(doc: dict) -> str:
    return doc.get("outlet") or doc.get("origin") or ""


def _referred(claim: dict) -> set[str]:
    ids = {claim.get(key) for key in _PERSON_KEYS}
    subject = claim.get("subject") or {}
    if subject.get("kind") == "person":
        ids.add(subject.get("cluster_id"))
    return ids - {None}


def _current_people(stored: dict, place: dict, canonical: dict) -> dict:
    """A copy of the claim with each person it refers to replaced by the cluster now at its mention."""
    claim = dict(stored)
    now = {}
    for old, (start, end) in (stored.get("refs") or {}).items():
        new = place.get((stored["version_id"], stored["field"], start, end))
        if new and new in canonical:
            now[old] = new
    subject = claim.get("subject") or {}
    if subject.get("kind") == "person" and subject.get("cluster_id") in now:
        new = now[subject["cluster_id"]]
        claim["subject"] = {"kind": "person", "cluster_id": new, "canonical": canonical[new]}
    for key in ("value_cluster", "cluster_id"):
        if claim.get(key) in now:
            claim[key] = now[claim[key]]
            claim["value"] = canonical[claim[key]]
    if claim.get("speaker_cluster") in now:
        claim["speaker_cluster"] = now[claim["speaker_cluster"]]
        claim["value"] = {**claim["value"], "speaker": canonical[claim["speaker_cluster"]]}
    return claim


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, cut at a line break (else a space) before `size` characters."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start, start + size)
        if cut <= start:
            cut = text.rfind(" ", start, start + size)
        cut = cut + 1 if cut > start else start + size
        yield start, text[start:cut]
        start = cut
    if text[start:].strip():
        yield start, text[start:]
