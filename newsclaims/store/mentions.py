"""Mentions: a surface (a name as written) at a place in one field of one article version.

A mention's id is its key, made of what it is (`mention_key`), never a row number: NER mentions are
"{version}:{field}:{start}-{end}", and the second pass's, which depend on a story's people,
"{story}/{version}:{field}:{start}-{end}". Analysing again finds the same places and so the same keys,
which is what cluster assignments, flags and review decisions point at.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

import sqlite_utils

from newsclaims.store.connection import chunked, marks, utc_now, writing

_COLUMNS = ("version_id", "field", "start", "end", "surface", "label", "method")


def mention_key(version_id: int, field: str, start: int, end: int, story: str = "") -> str:
    """The key of the mention at `start:end` of `field` in a version; `story` for story-scoped ones.

    >>> mention_key(12, "text", 40, 53), mention_key(12, "text", 40, 53, story="demo")
    ('12:text:40-53', 'demo/12:text:40-53')
    """
    return f"{story}/{version_id}:{field}:{start}-{end}" if story else f"{version_id}:{field}:{start}-{end}"


_KEY = re.compile(r"^(?:(?P<story>[^/]*)/)?(?P<version>\d+):(?P<field>[^:]+):(?P<start>\d+)-(?P<end>\d+)$")


def mention_place(key: str) -> tuple[int, str, int, int]:
    """(version id, field, start, end) of a mention key: the place it names.

    >>> mention_place("demo/12:text:40-53")
    (12, 'text', 40, 53)
    """
    match = _KEY.match(key)
    if match is None:
        raise ValueError(f"not a mention key: {key!r}")
    return int(match["version"]), match["field"], int(match["start"]), int(match["end"])


def analysed_versions(db: sqlite_utils.Database, stage: str) -> set[int]:
    """Ids of the versions already through `stage` (each version meets the model once)."""
    return {row[0] for row in db.execute("select version_id from version_analyses where stage = ?", [stage])}


def save_entities(db: sqlite_utils.Database, version_id: int, mentions: Iterable[dict], stage: str, model: str) -> None:
    """Store a version's story-independent mentions and mark it analysed, in one transaction."""
    rows = [_row(mention, version_id=version_id) for mention in mentions]
    with writing(db):
        # Clusters of these mentions are rebuilt by the story-wide resolution that follows NER.
        db.execute("delete from story_mentions where mention_id in "
                   "(select id from mentions where version_id = ? and story = '')", [version_id])
        db.execute("delete from mentions where version_id = ? and story = ''", [version_id])
        db["mentions"].insert_all(rows, pk="id", ignore=True)
        db["version_analyses"].upsert(
            {"version_id": version_id, "stage": stage, "model": model, "analysed_at": utc_now()},
            pk=("version_id", "stage"),
        )


#: Entity labels that are numbers, amounts or times of day.
NUMERIC_LABELS = ("CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "TIME")


def ner_mentions(db: sqlite_utils.Database, version_ids: list[int]) -> Iterator[dict]:
    """The story-independent mentions (NER's, of every label) of these versions, in text order.

    Yielded, not listed: a story of 10,000 articles has over half a million, and the one reader
    (`analysis.entities.credible_mentions`) keeps only the PERSON ones; the rest only vote. The few
    distinct values of `field`, `label` and `method` are interned. Numbers, amounts and times
    (`NUMERIC_LABELS`) are left out: never a name, and no vote on what a name is.
    """
    for ids in chunked(sorted(set(version_ids))):
        for row in db.execute(f'select id, version_id, field, start, "end", surface, label, method from mentions '
                              f"where version_id in ({marks(ids)}) and story = '' and label not in ({marks(NUMERIC_LABELS)}) "
                              f'order by version_id, field, start, "end"', [*ids, *NUMERIC_LABELS]):
            yield {"id": row[0], "version_id": row[1], "field": _intern(row[2]), "start": row[3], "end": row[4],
                   "surface": row[5], "label": _intern(row[6]), "method": _intern(row[7]), "story": ""}


def _intern(value: str | None) -> str | None:
    return sys.intern(value) if value is not None else None


def replace_story_mentions(db: sqlite_utils.Database, story: str, version_ids: list[int],
                           mentions: list[dict]) -> list[str]:
    """Replace this story's second-pass mentions of these versions (they change whenever the story's
    people change); returns their keys in the order of `mentions`. A mention found again gets its old key."""
    rows = [_row(mention, story=story) for mention in mentions]
    with writing(db):
        for ids in chunked(sorted(set(version_ids))):
            db.execute(f"delete from story_mentions where story = ? and mention_id in "
                       f"(select id from mentions where story = ? and version_id in ({marks(ids)}))",
                       [story, story, *ids])
            db.execute(f"delete from mentions where story = ? and version_id in ({marks(ids)})", [story, *ids])
        db["mentions"].insert_all(rows, pk="id", batch_size=1000, ignore=True)
    return [row["id"] for row in rows]


def _row(mention: dict, *, version_id: int | None = None, story: str = "") -> dict:
    """A mentions row, keyed by its place; an `id` the caller gave is not trusted, the key is made here."""
    row = {column: mention.get(column) for column in _COLUMNS}
    if version_id is not None:
        row["version_id"] = version_id
    key = mention_key(row["version_id"], row["field"], row["start"], row["end"], story)
    return {"id": key, **row, "story": story}
