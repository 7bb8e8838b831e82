"""Claims: what an article version states, and per story the claim groups built from them.

A claim belongs to one version, like its NER mentions: it is extracted once, when the version is new
(`save_claims` marks the version through the stage in the same transaction). Groups depend on the
story's person clusters, which change as coverage grows, so they are replaced whole at every
analysis (`replace_claim_groups`); each row keeps the report's entry as JSON beside the columns a
Datasette reader filters on (kind, slot, conflict, how many articles deviate).
"""
from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

from newsclaims.store.connection import chunked, marks, utc_now, writing

#: Keys of a claim dict that are columns of `claims`; every other key goes to `extra`. The article's
#: own fields (url, outlet, published, version) are not stored: they are the version's.
_COLUMNS = ("field", "start", "end", "kind", "slot", "as_written", "sentence", "via")
_JSON_COLUMNS = ("subject", "value")
#: Columns whose text is not kept as is when read (decoded JSON), so not shared as a string.
_UNSHARED = (*_JSON_COLUMNS, "extra")
_ARTICLE_KEYS = ("url", "outlet", "published", "version", "version_id")


def claim_key(version_id: int, claim: dict, n: int) -> str:
    """A claim's id: its place and kind, numbered among the claims of that place and kind.

    >>> claim_key(12, {"field": "text", "start": 40, "end": 53, "kind": "date"}, 0)
    '12:text:40-53:date:0'
    """
    return f"{version_id}:{claim['field']}:{claim['start']}-{claim['end']}:{claim['kind']}:{n}"


def save_claims(db: sqlite_utils.Database, version_id: int, claims: Iterable[dict], stage: str, model: str) -> int:
    """Store a version's claims (replacing any it had) and mark it through `stage`, in one transaction.
    Returns how many were stored."""
    rows, seen = [], {}
    for claim in claims:
        place = (claim["field"], claim["start"], claim["end"], claim["kind"])
        seen[place] = seen.get(place, -1) + 1
        row = {column: claim.get(column) for column in _COLUMNS}
        row.update({column: json.dumps(claim.get(column), sort_keys=True, ensure_ascii=False)
                    for column in _JSON_COLUMNS})
        extra = {k: v for k, v in claim.items() if k not in _COLUMNS + _JSON_COLUMNS + _ARTICLE_KEYS}
        rows.append({"id": claim_key(version_id, claim, seen[place]), "version_id": version_id, **row,
                     "extra": json.dumps(extra, sort_keys=True, ensure_ascii=False)})
    with writing(db):
        db.execute("delete from claims where version_id = ?", [version_id])
        db["claims"].insert_all(rows, pk="id", batch_size=500)
        db["version_analyses"].upsert(
            {"version_id": version_id, "stage": stage, "model": model, "analysed_at": utc_now()},
            pk=("version_id", "stage"),
        )
    return len(rows)


def claims_of_versions(db: sqlite_utils.Database, version_ids: Iterable[int]) -> list[dict]:
    """The stored claims of these versions as claim dicts (`version_id` and `id` added), by place.

    A story of 10,000 articles has over a hundred thousand claims, read at once for grouping, and most
    of their strings and subjects repeat (several claims of one sentence; one subject, one person, over
    and over): each distinct string, and each distinct `subject`/`value` JSON text, is one object,
    shared. Readers copy a claim before changing it (`analysis.claims.story`), never change these."""
    found = []
    same: dict = {}
    decoded: dict = {}

    def loads(text: str | None):
        if text is None:
            return None
        if text not in decoded:
            decoded[text] = json.loads(text)
        return decoded[text]

    for ids in chunked(sorted(set(version_ids))):
        for row in db.query(f"select * from claims where version_id in ({marks(ids)})", ids):
            row = {k: same.setdefault(v, v) if isinstance(v, str) and k not in _UNSHARED else v
                   for k, v in row.items()}
            claim = {**json.loads(row.pop("extra") or "{}"), **row}
            for column in _JSON_COLUMNS:
                claim[column] = loads(claim[column])
            found.append(claim)
    return sorted(found, key=lambda c: (c["version_id"], c["field"], c["start"], c["end"], c["id"]))


def replace_claim_groups(db: sqlite_utils.Database, story: str, entries: list[dict]) -> int:
    """Replace the story's claim groups with `entries` (the report's `claims` entries)."""
    rows = [{"story": story, "id": e["id"], "kind": e["kind"], "slot": e["slot"],
             "subject": json.dumps(e["subject"], sort_keys=True, ensure_ascii=False),
             "conflict": int(bool(e["conflict"])), "deviating": len(e.get("deviating_urls") or ()),
             "entry": json.dumps(e, sort_keys=True, ensure_ascii=False)} for e in entries]
    with writing(db):
        db.execute("delete from claim_groups where story = ?", [story])
        db["claim_groups"].insert_all(rows, pk=("story", "id"), batch_size=500)
    return len(rows)


def story_claim_groups(db: sqlite_utils.Database, story: str) -> list[dict]:
    """The story's claim groups as report entries: conflicts first, then by kind, slot and id.

    Each distinct string is one object, shared: an entry lists every article holding each value, so
    the same URLs, outlets and dates recur across a big story's entries (the report only reads them)."""
    same: dict = {}

    def shared(pairs: list[tuple]) -> dict:
        return {key: same.setdefault(value, value) if isinstance(value, str) else value for key, value in pairs}

    decoder = json.JSONDecoder(object_pairs_hook=shared)
    rows = db.query("select entry from claim_groups where story = ? order by conflict desc, kind, slot, id", [story])
    return [decoder.decode(row["entry"]) for row in rows]



def version_ordinals(db: sqlite_utils.Database, story: str) -> dict[int, int]:
    """Version id -> its ordinal among its article's versions (1 = first fetched), as `story_versions`
    numbers them, without reading any text."""
    sql = """
        select v.id, row_number() over (partition by v.article_id order by v.fetched_at, v.id) as ordinal
        from story_articles sa join article_versions v on v.article_id = sa.article_id
        where sa.story = ?
    """
    return {row[0]: row[1] for row in db.execute(sql, [story])}
