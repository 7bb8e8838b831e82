"""Commands that read results: `report`, `review` and `outlets`."""
from __future__ import annotations

import json
from pathlib import Path

import click

from newsclaims import store
from newsclaims.cli.analysing import REPORT_FORMATS
from newsclaims.cli.common import (
    OutputError,
    _database,
    _fail_cleanly,
    _settings,
    _settings_options,
    _story_slugs,
    cli,
    note,
    write_output,
)
from newsclaims.config import load_story
from newsclaims.errors import NewsclaimsError
from newsclaims.settings import analysis_settings


class NotAnalysed(NewsclaimsError):
    """A story was crawled but never analysed: a report of it would say "no errors" without having looked."""


@cli.command()
@click.argument("story")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write here instead of stdout (for csv without --table: a directory, one file per table).")
@click.option("--outlet", default=None, help="Report on one outlet (its slug, origin or name).")
@click.option("--table", type=click.Choice(["people", "errors", "outlets", "flags", "propagation"]), default=None,
              help="With --format csv: only this table.")
@click.option("--author", default=None, help="With --format claimreview: the fact-checking organisation.")
@click.option("--snapshot-base", default=None, metavar="URL",
              help="With --format html: link each stored article version into Datasette at this database URL, "
                   "e.g. http://127.0.0.1:8001/newsclaims (see `newsclaims browse`).")
@_settings_options
@_fail_cleanly
def report(story, fmt, output, outlet, table, author, snapshot_base, db, overrides):
    """Write STORY's accuracy report (from the database; nothing is re-analysed).

    JSON is the source of every other format (its schema is documented in analysis/reports.py). HTML
    is one self-contained file with inline SVG charts that makes no network request; CSV is one file
    per table; ClaimReview writes schema.org drafts for confirmed flags.

    Example:

        newsclaims report demo --format json -o out/demo/report.json
    """
    from analysis import reports

    if table and fmt != "csv":
        raise click.UsageError("--table goes with --format csv")
    if snapshot_base and fmt != "html":
        raise click.UsageError("--snapshot-base goes with --format html")
    if fmt == "claimreview" and not author:
        raise click.UsageError("--format claimreview needs --author NAME (the organisation publishing the review)")
    config = load_story(story)
    settings = _settings(db, overrides)
    data = _report(config, settings, outlet=outlet)
    if fmt == "csv" and not table:
        tables = reports.csv_tables(data)
        if not output:
            raise click.UsageError("--format csv writes one file per table: give -o DIRECTORY, or --table NAME")
        if Path(output).suffix.lower() == ".csv":
            # A file name, not a directory: the errors table (every use of every error form) is the one
            # a spreadsheet user wants; the others are a --table away.
            write_output(output, reports.to_csv(tables["errors"]))
            click.echo(f"wrote {output}")
            note("that is the errors table; --table people|outlets|flags|propagation for the others, "
                 "or -o DIRECTORY for all")
            return
        if Path(output).exists() and not Path(output).is_dir():
            raise OutputError(f"{output} is a file; --format csv writes one file per table into a directory")
        for name, rows in tables.items():
            write_output(Path(output) / f"{name}.csv", reports.to_csv(rows))
        click.echo(f"wrote {len(tables)} tables to {output}")
        return
    if fmt == "csv":
        text = reports.to_csv(reports.csv_tables(data)[table])
    elif fmt == "claimreview":
        from datetime import date

        text = json.dumps(reports.claimreview(data, author=author, date=date.today().isoformat()),
                          indent=2, ensure_ascii=False) + "\n"
    else:
        text = _render(data, fmt, snapshot_base=snapshot_base)
    if output:
        write_output(output, text)
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


def _report(config, settings, *, outlet: str | None = None) -> dict:
    """The report of a story (or of one of its outlets), from a read-only connection. A story never
    analysed is refused; versions stored since the last analysis are noted."""
    from newsclaims import jobs

    with _database(settings, readonly=True, story=config.slug) as database:
        _story_slugs(database, config.slug)
        status = store.story_status(database, config.slug, stage=jobs.NER_STAGE)
        if not status["analyses"]:
            raise NotAnalysed(f"story {config.slug!r} has {status['articles']} articles but has never been analysed; "
                              f"run `newsclaims analyse {config.slug}` first")
        if status["not_analysed"]:
            note(f"{status['not_analysed']} article versions were stored after the last analysis and are not in "
                 f"this report; run `newsclaims analyse {config.slug}` to include them")
        data = jobs.build_report(database, config.slug, settings=analysis_settings(settings), outlet=outlet)
    if data is None:
        raise click.ClickException(f"no outlet {outlet!r} in story {config.slug!r}; "
                                   f"`newsclaims outlets --story {config.slug}` lists them")
    return data


def _render(report_data: dict, fmt: str, *, snapshot_base: str | None = None) -> str:
    from analysis import reports

    if fmt == "json":
        return json.dumps(report_data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if fmt == "html":
        from analysis.reports import render_html

        return render_html(report_data, snapshot_base=snapshot_base)
    return reports.render_markdown(report_data)


@cli.command()
@click.argument("flag_id")
@click.argument("decision", type=click.Choice(["confirm", "dismiss", "reopen"]))
@click.option("--note", default=None, help="Why: kept with the flag and shown in reports.")
@_settings_options
@_fail_cleanly
def review(flag_id, decision, note, db, overrides):
    """Record a review of FLAG_ID: confirm, dismiss or reopen it. Flag ids are stable, so the decision
    survives re-analysis; confirmed flags are what `report --format claimreview` exports.

    Example:

        newsclaims review 3f2a9c0d1e4b5a6c confirm --note "checked against the sheriff's site"
    """
    settings = _settings(db, overrides)
    status = {"confirm": "confirmed", "dismiss": "dismissed", "reopen": "open"}[decision]
    with _database(settings) as database:
        flag = store.set_review(database, flag_id, status, note)
    click.echo(f"flag {flag['id']} ({flag['level']}, {flag['surface']!r} for {flag['canonical']}): {flag['status']}")


@cli.command()
@click.option("--story", default=None, help="Only this story (default: every story in the database).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@_settings_options
@_fail_cleanly
def outlets(story, fmt, db, overrides):
    """Rank outlets by how often they use a name error: rate, n and a 95% Wilson interval; outlets
    under NEWSCLAIMS_REPORT_MIN_N articles are listed but not ranked.

    Example:

        newsclaims outlets --story demo
    """
    from analysis import reports
    from newsclaims import jobs

    settings = _settings(db, overrides)
    rows = []
    with _database(settings, readonly=True) as database:
        for slug in _story_slugs(database, story):
            if not store.story_status(database, slug)["analyses"]:
                note(f"story {slug} has never been analysed: left out")
                continue
            data = jobs.build_report(database, slug, settings=analysis_settings(settings))
            rows += [{"story": slug, **row} for row in reports.csv_tables(data)["outlets"]]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(reports.to_csv(rows), nl=False)
    else:
        click.echo(f"{'story':<10} {'rank':>4} {'outlet':<40} {'n':>4} {'errors':>6} {'rate':>6}  95% CI")
        for r in rows:
            rate = "-" if r["error_rate"] is None else f"{100 * r['error_rate']:.0f}%"
            ci = "-" if r["ci_low"] is None else f"{100 * r['ci_low']:.0f}-{100 * r['ci_high']:.0f}%"
            click.echo(f"{r['story']:<10} {r['rank'] or '-':>4} {r['name'][:40]:<40} {r['n'] or 0:>4} "
                       f"{r['articles_using_errors']:>6} {rate:>6}  {ci}")
