"""Commands that fetch: `crawl`, `run` (crawl, analyse, report) and `demo`."""
from __future__ import annotations

import time
from pathlib import Path

import click

from newsclaims.cli.analysing import _analyse, _analyse_line
from newsclaims.cli.common import _fail_cleanly, _settings, _settings_options, cli
from newsclaims.cli.reporting import _render, _report
from newsclaims.config import load_story, story_path


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
    simply run again, and stores every page exactly once.

    Example:

        newsclaims crawl demo --every 30m
    """
    from newsclaims import jobs
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
        args = [str(story_path(story)), *(["--db", db] if db else []), *[a for o in overrides for a in ("-s", o)]]
        run_every(interval, args, runs=runs, echo=click.echo)
        return
    settings = _settings(db, overrides)
    if redis_url or settings.get("NEWSCLAIMS_REDIS_URL"):
        from newsclaims.cli.scaling import crawl_worker

        click.echo(crawl_worker(config, redis_url, settings))
        return
    run = jobs.crawl(config, settings)
    click.echo(_crawl_line(config.slug, run))


def _crawl_line(slug: str, run: dict) -> str:
    return (f"crawl {slug}: {run.get('status')}; {run.get('pages_seen', 0)} pages seen, "
            f"{run.get('pages_stored', 0)} stored, {run.get('pages_unchanged', 0)} unchanged, "
            f"{run.get('pages_skipped', 0)} skipped, {run.get('pages_refused', 0)} refused")


@cli.command()
@click.argument("story")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), default=None,
              help="Write report.md and report.json here (default: out/STORY).")
@_settings_options
@_fail_cleanly
def run(story, output_dir, db, overrides):
    """Crawl, analyse and report STORY in one go.

    Example:

        newsclaims run demo -o out/demo
    """
    from newsclaims import jobs

    config = load_story(story)
    settings = _settings(db, overrides)
    click.echo(_crawl_line(config.slug, jobs.crawl(config, settings)))
    _analyse_and_report(config, settings, Path(output_dir or f"out/{config.slug}"))


def _analyse_and_report(config, settings, out: Path) -> dict:
    from analysis import reports

    click.echo(_analyse_line(config.slug, _analyse(config, settings)))
    report_data = _report(config, settings)
    out.mkdir(parents=True, exist_ok=True)
    for fmt in ("md", "json", "html"):
        (out / f"report.{fmt}").write_text(_render(report_data, fmt), encoding="utf-8")
        click.echo(f"report: {out / f'report.{fmt}'}")
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
    same URLs and adds nothing.

    Example:

        newsclaims demo
    """
    from crawler.settings import LOOPBACK_PROFILE
    from newsclaims import jobs
    from newsclaims.demo import DemoServer, build_site, demo_ports

    started = time.monotonic()
    config = load_story("demo")
    settings = _settings(db, overrides, profile=LOOPBACK_PROFILE)
    with DemoServer(build_site(), demo_ports(config)) as server:
        click.echo(f"serving {len(config.outlets)} fictional outlets on 127.0.0.1 "
                   f"(ports {min(demo_ports(config).values())}-{max(demo_ports(config).values())}) ...")
        run_row = jobs.crawl(config, settings)
        server.stop()
    click.echo(_crawl_line(config.slug, run_row))
    _analyse_and_report(config, settings, Path(output_dir))
    click.echo(f"demo done in {time.monotonic() - started:.1f}s (database: {settings.get('NEWSCLAIMS_DB_PATH')})")
