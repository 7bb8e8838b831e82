"""Copy edges: the direct copies `analyse` found among a story's latest versions, stored once so that
every report reads them rather than aligning candidate pairs again (alignment is the costly part of
text reuse, and a report must only read).

An edge names its versions by id; `story_copies` gives them back as the plain dicts of
`analysis.reuse` (with `source_version_id` / `target_version_id`), which the report maps to version
ordinals. Whether edges exist at all is told apart from "none found": a story analysed before edges
were stored gives None, not an empty list.
"""
from __future__ import annotations

import json

import sqlite_utils

from newsclaims.store.connection import writing

#: The key in an analysis run's counts that says the run stored the story's copy edges.
COUNTED_AS = "copy_edges"


def save_copies(db: sqlite_utils.Database, story: str, edges: list[dict], search: dict | None = None) -> int:
    """Replace a story's copy edges. Each edge carries `source_version_id` and `target_version_id`
    beside the keys of `analysis.reuse` edges. `search`, when given, is what the search behind them
    covered (`analysis.propagation.story.latest_copies`: `aligned`, `checked`, and `settings`), kept
    for the next analysis (`copy_search`). Returns how many edges were stored."""
    rows = [{"story": story, "source_version_id": e["source_version_id"], "target_version_id": e["target_version_id"],
             "source_url": e["source_url"], "target_url": e["target_url"], "shared_chars": e["shared_chars"],
             "target_share": e["target_share"], "direction": e["direction"], "basis": e.get("basis"),
             "passages": json.dumps(e["passages"]), "runs": json.dumps(e.get("runs") or [])} for e in edges]
    with writing(db):
        db.execute("delete from copy_edges where story = ?", [story])
        db["copy_edges"].insert_all(rows, pk=("story", "source_version_id", "target_version_id"))
        if search is not None:
            _save_search(db, story, search)
    return len(rows)


def _save_search(db: sqlite_utils.Database, story: str, search: dict) -> None:
    """Keep the search: pairs no longer among the latest versions go, new ones are added; a pair
    already stored is left as it is (its edge cannot have changed: `latest_copies`)."""
    pairs = {(p["source_version_id"], p["target_version_id"]): p for p in search["aligned"]}
    stored = {(row[0], row[1]) for row in db.execute(
        "select source_version_id, target_version_id from copy_pairs where story = ?", [story])}
    db.conn.executemany("delete from copy_pairs where story = ? and source_version_id = ? and target_version_id = ?",
                        [(story, source, target) for source, target in sorted(stored - pairs.keys())])
    db["copy_pairs"].insert_all(
        ({"story": story, "source_version_id": s, "target_version_id": t, "edge": json.dumps(pairs[(s, t)])}
         for s, t in sorted(pairs.keys() - stored)), pk=("story", "source_version_id", "target_version_id"))
    db.execute("delete from copy_checked where story = ?", [story])
    db["copy_checked"].insert_all(({"story": story, "version_id": v, "search": search["settings"]}
                                   for v in search["checked"]), pk=("story", "version_id"))


def copy_search(db: sqlite_utils.Database, story: str, settings: str) -> dict | None:
    """What the last analysis searched for copies with these `settings` (`save_copies`): {"checked":
    version ids, "aligned": edges with ids}; None when it searched with other settings or never."""
    checked = {row[0]: row[1] for row in db.execute(
        "select version_id, search from copy_checked where story = ?", [story])}
    if not checked or set(checked.values()) != {settings}:
        return None
    aligned = [json.loads(row[0]) for row in db.execute(
        "select edge from copy_pairs where story = ? order by source_version_id, target_version_id", [story])]
    return {"checked": set(checked), "aligned": aligned}


def story_copies(db: sqlite_utils.Database, story: str) -> list[dict] | None:
    """The story's stored copy edges, sorted by source then target URL; None when the story's last
    finished analysis stored none because it ran before edges were stored (analyse it again)."""
    last = next(db.query("select counts from analysis_runs where story = ? and ended is not null "
                         "order by id desc limit 1", [story]), None)
    if last is None or COUNTED_AS not in json.loads(last["counts"] or "{}"):
        return None
    edges = []
    for row in db.query("select * from copy_edges where story = ? order by source_url, source_version_id, "
                        "target_url, target_version_id", [story]):
        edge = dict(row)
        edge.pop("story")
        edge["passages"] = json.loads(edge["passages"] or "[]")
        edge["runs"] = json.loads(edge["runs"] or "[]")
        edge["carries"] = []
        edges.append(edge)
    return edges
