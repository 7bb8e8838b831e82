"""Crawl runs and analysis runs: when each ran, how it ended, and what it counted.

An analysis run also records the ruleset version and the settings it used, so a report can be traced
to the rules and values that produced it.
"""
from __future__ import annotations

import hashlib
import json

import sqlite_utils

from newsclaims.store.connection import utc_now, writing


def config_hash(config: str | None) -> str | None:
    """A short hash of a story config's JSON: what an analysis run records of the config it used."""
    return hashlib.sha256(config.encode("utf-8")).hexdigest()[:16] if config else None


def start_analysis_run(db: sqlite_utils.Database, story: str, *, ruleset: str | None = None,
                       settings: dict | None = None) -> int:
    """A new analysis run of `story`; `settings` are the values that change results (stored as JSON).
    The story's config as recorded now (`save_story` runs first) is kept as a hash."""
    with writing(db):
        row = db.execute("select config from stories where slug = ?", [story]).fetchone()
        return db["analysis_runs"].insert(
            {"story": story, "started": utc_now(), "ruleset": ruleset,
             "settings": None if settings is None else json.dumps(settings, sort_keys=True),
             "config_hash": config_hash(row[0] if row else None)}
        ).last_pk


def current_analysis(db: sqlite_utils.Database, story: str, *, ruleset: str, settings: dict, config: str,
                     stage: str = "ner") -> dict | None:
    """The last analysis run of `story` when analysing again would change nothing: it finished, with
    this ruleset, these settings (the model aside: NER never runs again on an analysed version) and this
    story config, and every latest article version has been through `stage`. None otherwise.

    What it saves: loading the model and resolving every mention of the story again, for nothing.
    """
    from newsclaims.store.status import versions_not_analysed

    last = next(db.query("select * from analysis_runs where story = ? order by id desc limit 1", [story]), None)
    if last is None or not last["ended"] or last["ruleset"] != ruleset or last["config_hash"] != config_hash(config):
        return None
    used = {k: v for k, v in json.loads(last["settings"] or "{}").items() if k != "model"}
    if used != {k: v for k, v in json.loads(json.dumps(settings, sort_keys=True)).items() if k != "model"}:
        return None
    if versions_not_analysed(db, story, stage=stage):
        return None
    return {**dict(last), "counts": json.loads(last["counts"] or "{}")}


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
