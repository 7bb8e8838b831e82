"""Commands that fetch: `crawl`, `run` (crawl, analyse, report) and `demo`.

A crawl prints what a person scheduling it needs: progress on a terminal, one warning line per outlet
that gave nothing usable, and a summary line; Scrapy's own log goes to --log-file, or to stderr with
-v. Its exit status says whether it did its job: 0 yes, 3 it ran but some outlet failed or the
database stayed locked (what was stored is kept; the next crawl fetches the rest), 130 interrupted.
"""
from __future__ import annotations

import time
from pathlib import Path

import click

from newsclaims.cli.analysing import _analyse, _analyse_line
from newsclaims.cli.common import (
    Interrupted,
    _fail_cleanly,
    _hand_logging_to_scrapy,
    _progress,
    _settings,
    _settings_options,
    cli,
    note,
    quiet,
    warn,
    writable_dir,
    write_output,
)
from newsclaims.cli.reporting import _render, _report
from newsclaims.config import load_story, story_path
from newsclaims.errors import NewsclaimsError

#: Exit status of a crawl that ran but did not do its job.
EXIT_INCOMPLETE = 3


class CrawlIncomplete(NewsclaimsError):
    """A crawl ran but did not do its job: some outlet gave nothing usable, or it stopped early
    because the database stayed locked. Exit status 3, so a scheduler can tell it from success."""

    exit_code = EXIT_INCOMPLETE


@cli.command()
@click.argument("story")
@click.option("--every", "every", default=None, metavar="INTERVAL",
              help="Crawl again on this interval (30m, 1h, 2s ...) until SIGTERM; one crawl of a story at a time.")
@click.option("--runs", type=click.IntRange(min=1), default=None, help="With --every: stop after this many runs.")
@click.option("--redis", "redis_url", metavar="URL", default=None,
              help="Crawl as one worker of a distributed run (newsclaims ingest); see docs/scale-out.md.")
@_settings_options
@_fail_cleanly
def crawl(story, every, runs, redis_url, db, overrides):
    """Crawl STORY (a slug in data/stories/ or a path to a TOML file) into the database.

    The crawl is incremental: unchanged pages cost a 304, old articles are re-fetched only when their
    feed or sitemap entry changes. Only one crawl of a story runs at a time; a crawl killed mid-run is
    simply run again, and stores every page exactly once. Exit status 3 when an outlet gave nothing
    usable or the database stayed locked, 130 when interrupted.

    Example:

        newsclaims crawl demo --every 30m
    """
    from newsclaims.schedule import parse_interval, run_every

    config = load_story(story)
    if runs and not every:
        raise click.UsageError("--runs goes with --every")
    if every and redis_url:
        raise click.UsageError("--every is for the embedded crawl; schedule a distributed one as in docs/scale-out.md")
    if every:
        try:
            interval = parse_interval(every)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--every") from None
        _settings(db, overrides)  # refuse a bad setting now, not in every scheduled run
        args = [str(story_path(story)), *(["--db", db] if db else []), *[a for o in overrides for a in ("-s", o)]]
        run_every(interval, args, runs=runs, echo=click.echo)
        return
    settings = _settings(db, overrides)
    if redis_url or settings.get("NEWSCLAIMS_REDIS_URL"):
        from newsclaims.cli.scaling import crawl_worker

        click.echo(crawl_worker(config, redis_url, settings))
        return
    _crawl_and_say(config, settings)


def _crawl_and_say(config, settings, *, serving=None) -> dict:
    """Crawl, then print one warning per failing outlet and the summary line; raise when the crawl
    did not do its job (stopped early, interrupted, or an outlet gave nothing usable)."""
    from newsclaims import jobs

    _hand_logging_to_scrapy()
    progress = _progress(f"crawl {config.slug}")
    show = (lambda fetched, stored: progress.show(fetched, f"{fetched} fetched, {stored} stored")) if progress else None
    try:
        run = jobs.crawl(config, settings, progress=show)
    finally:
        if progress:
            progress.close()
        if serving is not None:
            serving.stop()
    failing = _failing_outlets(config, run)
    for line in failing:
        warn(line)
    click.echo(_crawl_line(config.slug, run))
    if (run.get("errors_logged") and run.get("status") == "finished" and not failing
            and not settings.getbool("LOG_ENABLED") and not settings.get("LOG_FILE")):
        note(f"{run['errors_logged']} errors in the crawl's log: see them with -v or --log-file FILE")
    _raise_if_incomplete(config, run, failing)
    return run


def _failing_outlets(config, run: dict) -> list[str]:
    """One line per outlet that gave nothing usable: unreachable, or only error answers."""
    if run.get("status") != "finished":
        return []
    lines = []
    for outlet in config.outlets:
        seen = (run.get("outlets") or {}).get(outlet.slug) or {}
        if seen.get("ok"):
            continue
        if seen.get("responses"):
            lines.append(f"outlet {outlet.slug} ({outlet.origin}) answered only errors: {seen['responses']} answers, "
                         "none usable")
        else:
            lines.append(f"outlet {outlet.slug} ({outlet.origin}) unreachable: {seen.get('failures', 0)} requests "
                         f"failed ({seen.get('first_failure') or 'no answer'})")
    return lines


def _raise_if_incomplete(config, run: dict, failing: list[str]) -> None:
    status = run.get("status")
    if status == "shutdown":
        raise Interrupted(f"crawl {config.slug} interrupted: {run.get('pages_stored') or 0} pages stored; "
                          "the next crawl fetches the rest")
    if status == "database_locked":
        raise CrawlIncomplete(f"crawl {config.slug} stopped: {run.get('message') or 'the database stayed locked'}; "
                              f"{run.get('not_stored') or 0} pages not stored, the next crawl fetches them")
    if status != "finished":
        raise CrawlIncomplete(f"crawl {config.slug} ended early ({status}); run it again, with -v to see why")
    if failing:
        names = ", ".join(line.split(" ", 2)[1] for line in failing)
        if len(failing) == len(config.outlets):
            raise CrawlIncomplete(f"crawl {config.slug}: no outlet gave anything usable ({names})")
        raise CrawlIncomplete(f"crawl {config.slug}: {len(failing)} of {len(config.outlets)} outlets gave nothing "
                              f"usable ({names}); what the others gave is stored")


def _crawl_line(slug: str, run: dict) -> str:
    return (f"crawl {slug}: {run.get('status')}; {run.get('pages_seen') or 0} pages seen, "
            f"{run.get('pages_stored') or 0} stored, {run.get('pages_unchanged') or 0} unchanged, "
            f"{run.get('pages_skipped') or 0} skipped, {run.get('pages_refused') or 0} refused")


@cli.command()
@click.argument("story")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), default=None,
              help="Write report.md, report.json and report.html here (default: out/STORY).")
@_settings_options
@_fail_cleanly
def run(story, output_dir, db, overrides):
    """Crawl, analyse and report STORY in one go. The output directory is checked first, so a
    read-only one fails before the crawl, not after it.

    Example:

        newsclaims run demo -o out/demo
    """
    config = load_story(story)
    settings = _settings(db, overrides)
    out = writable_dir(output_dir or f"out/{config.slug}")
    _crawl_and_say(config, settings)
    _analyse_and_report(config, settings, out)


def _analyse_and_report(config, settings, out: Path) -> dict:
    from analysis import reports

    click.echo(_analyse_line(config.slug, _analyse(config, settings)))
    report_data = _report(config, settings)
    for fmt in ("md", "json", "html"):
        write_output(out / f"report.{fmt}", _render(report_data, fmt))
        click.echo(f"report: {out / f'report.{fmt}'}")
    if not quiet():
        for line in reports.summary_lines(report_data):
            click.echo(f"  {line}")
    return report_data


@cli.command()
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), default="out/demo", show_default=True)
@_settings_options
@_fail_cleanly
def demo(output_dir, db, overrides):
    """Serve the bundled fictional demo corpus on 127.0.0.1, crawl it, analyse it and write a report.

    The outlets are served on the fixed ports of data/stories/demo.toml, so a second run finds the
    same URLs and adds nothing. The corpus is crawled twice: as first published, then after some
    articles were edited (a visible correction, a silent one), so the report shows corrections.

    Example:

        newsclaims demo
    """
    from crawler.settings import LOOPBACK_PROFILE
    from newsclaims.demo import DemoServer, build_site, demo_ports
    from newsclaims.demo.phases import recrawl_demo

    started = time.monotonic()
    config = load_story("demo")
    settings = _settings(db, overrides, profile=LOOPBACK_PROFILE)
    out = writable_dir(output_dir)
    with DemoServer(build_site(), demo_ports(config)) as server:
        note(f"serving {len(config.outlets)} fictional outlets on 127.0.0.1 "
             f"(ports {min(demo_ports(config).values())}-{max(demo_ports(config).values())}) ...")
        _crawl_and_say(config, settings)
        # Phase 2: some articles were edited since (corrections, visible and silent); crawl again.
        server.serve(build_site(phase=2))
        note("phase 2: some demo articles were edited since; crawling again ...")
        recrawl_demo(settings.get("NEWSCLAIMS_DB_PATH"), LOOPBACK_PROFILE, overrides, quiet=quiet())
    _analyse_and_report(config, settings, out)
    click.echo(f"demo done in {time.monotonic() - started:.1f}s (database: {settings.get('NEWSCLAIMS_DB_PATH')})")
