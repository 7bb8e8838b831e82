"""Crawl runs and analysis runs: when each ran, how it ended, and what it counted.

An analysis run also records the ruleset version and the settings it used, so a report can be traced
to the rules and values that produced it.
"""
from __future__ import annotations

import json

import sqlite_utils

from newsclaims.store.connection import utc_now, writing


def start_analysis_run(db: sqlite_utils.Database, story: str, *, ruleset: str | None = None,
                       settings: dict | None = None) -> int:
    """A new analysis run of `story`; `settings` are the values that change results (stored as JSON)."""
    with writing(db):
        return db["analysis_runs"].insert(
            {"story": story, "started": utc_now(), "ruleset": ruleset,
             "settings": None if settings is None else json.dumps(settings, sort_keys=True)}
        ).last_pk


def finish_analysis_run(db: sqlite_utils.Database, run_id: int, counts: dict) -> None:
    with writing(db):
        db["analysis_runs"].update(run_id, {"ended": utc_now(), "counts": json.dumps(counts, sort_keys=True)})


def analysis_runs(db: sqlite_utils.Database, story: str) -> list[dict]:
    return [dict(r) for r in db.query("select * from analysis_runs where story = ? order by id", [story])]


def start_crawl_run(db: sqlite_utils.Database, story: str) -> int:
    with writing(db):
        return db["crawl_runs"].insert({"story": story, "started": utc_now(), "status": "running"}).last_pk


def finish_crawl_run(db: sqlite_utils.Database, run_id: int, status: str, counts: dict) -> None:
    with writing(db):
        db["crawl_runs"].update(
            run_id,
            {"ended": utc_now(), "status": status,
             **{k: v for k, v in counts.items() if k not in ("reasons", "outlets")},
             "reasons": json.dumps(counts.get("reasons") or {}, sort_keys=True),
             "outlets": json.dumps(counts.get("outlets") or {}, sort_keys=True)},
        )


def mark_killed_runs(db: sqlite_utils.Database, story: str) -> int:
    """Runs of `story` still marked running when no crawl holds its lock died mid-crawl."""
    with writing(db):
        return db.execute("update crawl_runs set status = 'killed' where story = ? and status = 'running'",
                          [story]).rowcount


def crawl_runs(db: sqlite_utils.Database, story: str) -> list[dict]:
    return [dict(r) for r in db.query("select * from crawl_runs where story = ? order by id", [story])]
