"""Commands of a distributed crawl: `ingest` (the one writer), and the worker side of `crawl --redis`."""
from __future__ import annotations

import click

from newsclaims.cli.common import _fail_cleanly, _settings, _settings_options, cli, note
from newsclaims.config import load_story

REDIS_HELP = ("Redis of the distributed run: redis://[:password@]HOST:PORT/DB, or rediss:// for TLS "
              "(default: NEWSCLAIMS_REDIS_URL).")


@cli.command()
@click.argument("story")
@click.option("--redis", "redis_url", metavar="URL", default=None, help=REDIS_HELP)
@_settings_options
@_fail_cleanly
def ingest(story, redis_url, db, overrides):
    """Store a distributed crawl of STORY: the one process that writes the database while workers
    (`newsclaims crawl STORY --redis URL`, on any machine) fetch. It opens the run, seeds the workers'
    page memory from the database, stores every item they send, and ends when the crawl is over.
    Killed, it is simply started again: it resumes the run and loses nothing.

    Example:

        newsclaims ingest demo --redis redis://:secret@10.0.0.5:6379/0
    """
    from crawler.redis.run import connect
    from newsclaims.ingest import ingest as run_ingest

    config = load_story(story)
    settings = _settings(db, overrides)
    server = connect(redis_url or settings.get("NEWSCLAIMS_REDIS_URL"))
    row = run_ingest(server, config, settings.get("NEWSCLAIMS_DB_PATH"), settings, echo=note)
    if row.get("status") == "stopped":
        click.echo(f"ingest {config.slug}: stopped after {row['items']} items; run {row['run']} stays open: "
                   f"start `newsclaims ingest {config.slug}` again to resume it")
        return
    click.echo(f"ingest {config.slug}: {row.get('status')}; run {row['run']}, {row['items']} items; "
               f"{row.get('pages_seen', 0)} pages seen, {row.get('pages_stored', 0)} stored, "
               f"{row.get('pages_unchanged', 0)} unchanged, {row.get('pages_skipped', 0)} skipped, "
               f"{row.get('pages_refused', 0)} refused")


def crawl_worker(config, redis_url: str | None, settings) -> str:
    """`newsclaims crawl STORY --redis URL`: crawl as one worker of the open run; the summary line."""
    from crawler.redis import worker

    if redis_url:
        settings.set("NEWSCLAIMS_REDIS_URL", redis_url, priority="cmdline")
    stats = worker.crawl(config, settings)
    return (f"crawl {config.slug} (worker of run {stats['run']}): {stats.get('finish_reason')}; "
            f"{stats.get('newsclaims/pages_seen', 0)} pages seen, "
            f"{stats.get('newsclaims/redis/items_sent', 0)} items sent, "
            f"{stats.get('newsclaims/redis/requeued', 0)} requests rescued from dead workers")
