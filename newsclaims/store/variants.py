"""A story's clusters, the cluster each mention is assigned to, its flags and their reviews.

Clusters and assignments are replaced by every analysis; flags are merged. A flag's id hashes what it
flags, so a flag raised again keeps its id, review status and note, and one no longer raised stays
with `active = 0`. A mention flag of a new version of an article is a new flag, but when it flags the
same error form in the same words (`REVIEW_CONTEXT` characters either side) as a reviewed flag of an
earlier version, it starts with that decision (`reviewed_from` names the flag the reviewer decided): an
outlet's unrelated edit elsewhere in the article does not re-open what a reviewer settled.
"""
from __future__ import annotations

import hashlib
import json
import sys

import sqlite_utils

from newsclaims.errors import StoreError
from newsclaims.store.articles import version_texts
from newsclaims.store.connection import utc_now, writing
from newsclaims.store.mentions import mention_place

#: Characters of the field either side of a mention that must be unchanged for a review to follow it
#: into a new version: enough to be the same sentence, few enough that edits elsewhere do not count.
REVIEW_CONTEXT = 40

REVIEW_STATUSES = ("open", "confirmed", "dismissed")


def flag_key(story: str, flag: dict, place: tuple = ()) -> str:
    """A stable id for a flag: a hash of the story, level and what it points at (for a mention, its
    version, field and offsets, as in its key)."""
    parts = [story, flag["level"], flag.get("surface") or "", str(flag.get("article_id") or ""),
             flag.get("origin") or "", *map(str, place)]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _flag_id(story: str, flag: dict) -> str:
    place = mention_place(flag["mention_id"]) if flag.get("mention_id") is not None else ()
    return flag_key(story, flag, place)


def save_variants(db: sqlite_utils.Database, story: str, clusters: list[dict], assignments: list[dict],
                  flags: list[dict]) -> dict[str, int]:
    """Replace a story's clusters and mention assignments; merge its flags, keeping review decisions."""
    now = utc_now()
    flags = [{**flag, "id": _flag_id(story, flag)} for flag in flags]
    with writing(db):
        db.execute("delete from story_mentions where story = ?", [story])
        db.execute("delete from cluster_surfaces where cluster_id in (select id from clusters where story = ?)",
                   [story])
        db.execute("delete from clusters where story = ?", [story])
        for cluster in clusters:
            db["clusters"].insert(
                {"id": cluster["id"], "story": story, "canonical": cluster["canonical"], "rule": cluster["rule"],
                 "evidence": json.dumps(cluster["evidence"], sort_keys=True)}
            )
            db["cluster_surfaces"].insert_all(
                ({"cluster_id": cluster["id"], **surface} for surface in cluster["surfaces"]),
                pk=("cluster_id", "surface"),
            )
        db["story_mentions"].insert_all(({"story": story, **a} for a in assignments), pk=("story", "mention_id"))
        existing = {row["id"]: row for row in db.query(
            "select id, status, note, first_flagged from flags where story = ?", [story])}
        carried = _carried_reviews(db, story, [f for f in flags if f["id"] not in existing])
        db.execute("update flags set active = 0 where story = ?", [story])
        for flag in flags:
            old = existing.get(flag["id"])
            review = ({"status": old["status"], "note": old["note"]} if old
                      else carried.get(flag["id"], {"status": "open", "note": None}))
            db["flags"].upsert(
                {**flag, "story": story, "active": 1, **review,
                 "first_flagged": old["first_flagged"] if old else now, "last_flagged": now},
                pk="id",
            )
    return {"clusters": len(clusters), "flags": len(flags)}


def _carried_reviews(db: sqlite_utils.Database, story: str, new_flags: list[dict]) -> dict[str, dict]:
    """Flag id -> the review (status, note, reviewed_at, reviewed_from) that a new mention flag takes
    over from a reviewed flag on the same article, error form and surrounding text. A decision carried
    along several versions keeps naming the flag it was made on."""
    reviewed = [dict(row) for row in db.query(
        "select id, article_id, surface, mention_id, status, note, reviewed_at, reviewed_from from flags "
        "where story = ? and level = 'mention' and status != 'open' and mention_id is not null "
        "order by reviewed_at, id", [story])]
    articles = {flag["article_id"] for flag in reviewed}
    new_flags = [f for f in new_flags if f["level"] == "mention" and f.get("mention_id") is not None
                 and f["article_id"] in articles]
    if not new_flags:
        return {}
    places = {f["mention_id"]: mention_place(f["mention_id"]) for f in reviewed + new_flags}
    texts = version_texts(db, (version_id for version_id, *_ in places.values()))

    def where(flag: dict) -> tuple:
        version_id, field, start, end = places[flag["mention_id"]]
        text = (texts.get(version_id) or {}).get(field) or ""
        return (flag["article_id"], flag["surface"], field, text[max(0, start - REVIEW_CONTEXT):start],
                text[end:end + REVIEW_CONTEXT])

    decided = {where(flag): flag for flag in reviewed}  # in review order: the latest decision wins
    carried = {}
    for flag in new_flags:
        source = decided.get(where(flag))
        if source is not None:
            carried[flag["id"]] = {"status": source["status"], "note": source["note"],
                                   "reviewed_at": source["reviewed_at"],
                                   "reviewed_from": source["reviewed_from"] or source["id"]}
    return carried


def set_review(db: sqlite_utils.Database, flag_id: str, status: str, note: str | None) -> dict:
    """Record a reviewer's decision on a flag; it survives re-analysis because flag ids are stable.

    `note` None keeps the note already there (confirming again must not erase why); "" clears it.
    A mention flag's decision also settles its article's flag for that person: when every active
    mention flag of the article is dismissed, the article flag is dismissed with them (the article
    does not use the error after all); when one is reopened or confirmed again, an article flag that
    was dismissed that way is reopened.
    """
    if status not in REVIEW_STATUSES:
        raise ValueError(f"review status must be open, confirmed or dismissed, got {status!r}")
    with writing(db):
        row = db.execute("select id, note from flags where id = ?", [flag_id]).fetchone()
        if row is None:
            raise StoreError(f"no flag {flag_id!r}; `newsclaims report STORY --format json` lists flag ids")
        db["flags"].update(flag_id, {"status": status, "note": row[1] if note is None else (note or None),
                                     "reviewed_at": utc_now(), "reviewed_from": None})
        flag = dict(db["flags"].get(flag_id))
        if flag["level"] == "mention":
            _settle_article_flag(db, flag)
    return dict(db["flags"].get(flag_id))


#: The `reviewed_from` of an article flag dismissed because all its mention flags were.
FROM_MENTIONS = "mentions"


def _settle_article_flag(db: sqlite_utils.Database, flag: dict) -> None:
    statuses = [row[0] for row in db.execute(
        "select status from flags where story = ? and level = 'mention' and active = 1 and article_id = ? "
        "and cluster_id = ?", [flag["story"], flag["article_id"], flag["cluster_id"]])]
    article = db.execute("select id, status, reviewed_from from flags where story = ? and level = 'article' "
                         "and article_id = ? and cluster_id = ?",
                         [flag["story"], flag["article_id"], flag["cluster_id"]]).fetchone()
    if article is None:
        return
    article_id, article_status, reviewed_from = article
    if statuses and all(s == "dismissed" for s in statuses):
        if article_status != "dismissed":
            db["flags"].update(article_id, {"status": "dismissed", "reviewed_at": utc_now(),
                                            "reviewed_from": FROM_MENTIONS,
                                            "note": "every flagged mention in it was dismissed"})
    elif article_status == "dismissed" and reviewed_from == FROM_MENTIONS:
        db["flags"].update(article_id, {"status": "open", "reviewed_at": utc_now(), "reviewed_from": None,
                                        "note": None})


def story_clusters(db: sqlite_utils.Database, story: str) -> list[dict]:
    surfaces: dict[str, list[dict]] = {}
    for row in db.query("select s.* from cluster_surfaces s join clusters c on c.id = s.cluster_id "
                        "where c.story = ? order by s.cluster_id, s.mentions desc, s.surface", [story]):
        surfaces.setdefault(row["cluster_id"], []).append(dict(row))
    clusters = []
    for row in db.query("select * from clusters where story = ? order by id", [story]):
        cluster = dict(row)
        cluster["evidence"] = json.loads(cluster["evidence"] or "{}")
        cluster["surfaces"] = surfaces.get(row["id"], [])
        clusters.append(cluster)
    return clusters


def story_flags(db: sqlite_utils.Database, story: str, level: str | None = None) -> list[dict]:
    sql = "select * from flags where story = ? and active = 1"
    params: list = [story]
    if level:
        sql += " and level = ?"
        params.append(level)
    return [dict(row) for row in db.query(sql + " order by level, id", params)]


def cluster_places(db: sqlite_utils.Database, story: str) -> dict[tuple, str]:
    """(version id, field, start, end) -> cluster id of every clustered mention of a story: all the
    claims stage reads of the clusters. `story_assignments` is the reports', with every column: at
    10,000 articles its rows alone would take a few hundred MB."""
    rows = db.execute('select m.version_id, m.field, m.start, m."end", sm.cluster_id from story_mentions sm '
                      "join mentions m on m.id = sm.mention_id where sm.story = ? and sm.cluster_id is not null", [story])
    return {(version_id, sys.intern(field), start, end): sys.intern(cluster_id)
            for version_id, field, start, end, cluster_id in rows}


def story_assignments(db: sqlite_utils.Database, story: str) -> list[dict]:
    """Every clustered mention of a story with its article, outlet and date (for reports and queries)."""
    sql = """
        select sm.cluster_id, sm.kind, sm.usage, m.id as mention_id, m.surface, m.field, m.start, m."end",
               m.method, v.id as version_id, v.published, v.published_rule, a.id as article_id, a.url,
               a.origin, so.slug as outlet, o.name as outlet_name
        from story_mentions sm
        join mentions m on m.id = sm.mention_id
        join article_versions v on v.id = m.version_id
        join articles a on a.id = v.article_id
        join outlets o on o.origin = a.origin
        left join story_outlets so on so.story = sm.story and so.origin = a.origin
        where sm.story = ?
        order by v.published_utc is null, v.published_utc, a.url, m.field, m.start
    """
    cursor = db.execute(sql, [story])
    names = [column[0] for column in cursor.description]
    # One string object per distinct value: url, outlet, date, surface and kind repeat on every mention
    # of an article or person, and a story of 10,000 articles has a few hundred thousand rows.
    same: dict = {}
    return [dict(zip(names, [same.setdefault(v, v) if isinstance(v, str) else v for v in row])) for row in cursor]
