"""The `newsclaims` command: a few lines of argument handling around one call each.

Errors from the library (a bad story config, a locked database, a missing model: the `NewsclaimsError`
family) become one line on stderr and the error's exit status, as in sqlite-utils. A story config is
parsed once per command and the loaded object is handed down.
"""
from __future__ import annotations

import contextlib
import functools
import json
import sys
import time
from pathlib import Path

import click

from newsclaims import store
from newsclaims.config import load_story, story_path
from newsclaims.errors import NewsclaimsError
from newsclaims.settings import analysis_settings, check, number


def _fail_cleanly(func):
    """Turn the library's errors (the `NewsclaimsError` family) into one line on stderr and the
    error's exit code: a `click.ClickException`, as sqlite-utils does, carrying that code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except NewsclaimsError as exc:
            error = click.ClickException(str(exc))
            error.exit_code = exc.exit_code
            raise error from None

    return wrapper


def _settings_options(func):
    func = click.option("-q", "--quiet", is_flag=True, default=False, expose_value=False, callback=_set_quiet,
                        is_eager=True, help="Only results and errors: no progress, no notes.")(func)
    func = click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
                        help="Override a setting (crawler/settings.py), as `scrapy crawl -s` does.")(func)
    func = click.option("--db", type=click.Path(dir_okay=False), default=None,
                        help=f"SQLite database (default: NEWSCLAIMS_DB_PATH, {store.DEFAULT_DB_PATH}).")(func)
    return func


_QUIET = {"on": False}


def _set_quiet(ctx, param, value):
    _QUIET["on"] = bool(value)
    return value


def note(message: str) -> None:
    """An informational line on stderr (model loaded, where the server is); silenced by --quiet."""
    if not _QUIET["on"]:
        click.echo(message, err=True)


def _progress(label: str):
    """A progress callback drawing one updating line on a terminal; None in pipes or with --quiet."""
    if _QUIET["on"] or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\r{label}: {done}/{total}", err=True, nl=done >= total)

    return show


def _database(settings):
    """The settings' database, opened (migrations applied) and closed when the block ends."""
    return contextlib.closing(store.open_store(settings.get("NEWSCLAIMS_DB_PATH")))


def _story_slugs(database, story: str | None) -> list[str]:
    """The story asked for, or every story in the database; an unknown story is a one-line error."""
    if story is None:
        return store.story_slugs(database)
    if not store.has_story(database, story):
        raise click.ClickException(f"story {story!r} is not in the database; run `newsclaims crawl {story}` first")
    return [story]


def _settings(db: str | None, overrides: tuple[str, ...], profile: dict | None = None):
    from newsclaims.jobs import project_settings

    values = {}
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="-s")
        values[name] = value
    if db:
        values["NEWSCLAIMS_DB_PATH"] = db
    settings = project_settings(values, profile)
    check(settings)
    return settings


@click.group()
@click.version_option(package_name="newsclaims")
def cli():
    """Who got a story wrong, and who copied whom.

    Crawl a story's coverage, find the people in it, cluster the ways their names are written, and
    flag every article and outlet that uses an error.

    Example:

        newsclaims demo
    """


@cli.command()
@click.argument("story")
@click.option("--every", "every", default=None, metavar="INTERVAL",
              help="Crawl again on this interval (30m, 1h, 2s ...) until SIGTERM; one crawl of a story at a time.")
@click.option("--runs", type=click.IntRange(min=1), default=None, help="With --every: stop after this many runs.")
@_settings_options
@_fail_cleanly
def crawl(story, every, runs, db, overrides):
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
    if every:
        try:
            interval = parse_interval(every)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--every") from None
        args = [str(story_path(story)), *(["--db", db] if db else []), *[a for o in overrides for a in ("-s", o)]]
        run_every(interval, args, runs=runs, echo=click.echo)
        return
    settings = _settings(db, overrides)
    run = jobs.crawl(config, settings)
    click.echo(_crawl_line(config.slug, run))


def _crawl_line(slug: str, run: dict) -> str:
    return (f"crawl {slug}: {run.get('status')}; {run.get('pages_seen', 0)} pages seen, "
            f"{run.get('pages_stored', 0)} stored, {run.get('pages_unchanged', 0)} unchanged, "
            f"{run.get('pages_skipped', 0)} skipped, {run.get('pages_refused', 0)} refused")


@cli.command()
@click.argument("story")
@click.option("--reextract", is_flag=True,
              help="First re-run extraction on the stored raw pages (no re-crawl): a new version where it differs.")
@_settings_options
@_fail_cleanly
def analyse(story, reextract, db, overrides):
    """Find mentions, cluster name variants and flag errors for STORY's stored articles.

    With --reextract, every article's stored response is extracted again by the current extractor
    first, so an extractor bug can be told apart from an outlet's error.

    Example:

        newsclaims analyse demo --reextract
    """
    config = load_story(story)
    settings = _settings(db, overrides)
    click.echo(_analyse_line(config.slug, _analyse(config, settings, reextract=reextract)))


def _analyse(config, settings, reextract: bool = False) -> dict:
    from newsclaims import jobs
    from newsclaims.nlp import describe_model, load_model

    with _database(settings) as database:
        if reextract:
            counts = jobs.reextract(database, config.slug)
            click.echo(f"reextract {config.slug}: {counts['versions']} stored pages extracted again, "
                       f"{counts['changed']} differ (new versions), {counts['failed']} failed")
        nlp = load_model(settings.get("NEWSCLAIMS_SPACY_MODEL"))
        note(describe_model(nlp))
        return jobs.analyse(database, config, nlp, settings=analysis_settings(settings),
                            batch_size=number(settings, "NEWSCLAIMS_NER_BATCH_SIZE"),
                            n_process=number(settings, "NEWSCLAIMS_NER_PROCESSES"),
                            progress=_progress("NER (article versions)"))


def _analyse_line(slug: str, counts: dict) -> str:
    skipped = f", {counts['skipped_language']} skipped as not English" if counts.get("skipped_language") else ""
    return (f"analyse {slug}: {counts['documents']} articles ({counts['versions_analysed']} new to NER{skipped}), "
            f"{counts['mentions']} person mentions ({counts['second_pass_mentions']} from the second pass), "
            f"{counts['clusters']} clusters, {counts['flags']} flags")


REPORT_FORMATS = ["md", "json", "html", "csv", "claimreview"]


@cli.command()
@click.argument("story")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write here instead of stdout (for csv without --table: a directory, one file per table).")
@click.option("--outlet", default=None, help="Report on one outlet (its slug, origin or name).")
@click.option("--table", type=click.Choice(["people", "errors", "outlets", "flags"]), default=None,
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
    data = _report(config, settings)
    if outlet:
        data = reports.for_outlet(data, outlet)
        if data is None:
            raise click.ClickException(f"no outlet {outlet!r} in story {config.slug!r}; `newsclaims outlets --story {config.slug}` lists them")
    if fmt == "csv" and not table:
        tables = reports.csv_tables(data)
        if not output:
            raise click.UsageError("--format csv writes one file per table: give -o DIRECTORY, or --table NAME")
        Path(output).mkdir(parents=True, exist_ok=True)
        for name, rows in tables.items():
            (Path(output) / f"{name}.csv").write_text(reports.to_csv(rows), encoding="utf-8")
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
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


def _report(config, settings) -> dict:
    from newsclaims import jobs

    with _database(settings) as database:
        _story_slugs(database, config.slug)
        return jobs.build_report(database, config.slug, settings=analysis_settings(settings))


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
    with _database(settings) as database:
        for slug in _story_slugs(database, story):
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


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", default=None, help="Where the page came from (never fetched; helps the extractor).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_settings_options
@_fail_cleanly
def mentions(file, url, fmt, db, overrides):
    """Print every person mention of one saved HTML or .txt FILE: where it is, the person it belongs
    to, and whether it is an error form. Same code path as `analyse` on a one-article story; offsets
    are into the decoded text of a .txt file, or into the extracted field of an HTML page.

    Example:

        newsclaims mentions article.html --format json
    """
    from newsclaims import jobs
    from newsclaims.nlp import describe_model, load_model

    settings = _settings(db, overrides)
    fields = _read_document(Path(file), url)
    nlp = load_model(settings.get("NEWSCLAIMS_SPACY_MODEL"))
    note(describe_model(nlp))
    rows = jobs.document_mentions(nlp, fields, settings=analysis_settings(settings),
                                  batch_size=number(settings, "NEWSCLAIMS_NER_BATCH_SIZE"))
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    click.echo(f"{'field':<8} {'start':>6} {'end':>6} {'surface':<32} {'kind':<9} {'flag':<4} {'method':<8} canonical")
    for r in rows:
        click.echo(f"{r['field']:<8} {r['start']:>6} {r['end']:>6} {r['surface'][:32]:<32} {r['kind'] or '-':<9} "
                   f"{'yes' if r['flagged'] else '':<4} {r['method']:<8} {r['canonical'] or '-'}")


def _read_document(path: Path, url: str | None) -> dict[str, str]:
    """The fields of one saved document: a .txt file is all text; an HTML page goes through the
    crawler's own decoder and extractor."""
    if path.suffix.lower() == ".txt":
        try:
            return {"text": path.read_bytes().decode("utf-8-sig")}
        except UnicodeDecodeError as exc:
            raise click.ClickException(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    page = _extract_file(path, url)
    return {"title": page.title, "description": page.description, "keywords": page.keywords, "url": url or "",
            "author": page.author, "captions": page.captions, "text": page.text}


def _extract_file(path: Path, url: str | None):
    from newsclaims import jobs

    try:
        page = jobs.extract_file(path, url)
    except ValueError as exc:
        raise click.ClickException(f"{path}: {exc}") from None
    if page is None:
        raise click.ClickException(f"{path}: no article text found")
    return page


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", default=None, help="Where the page came from (never fetched; resolves links, dates in URLs).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def extract(file, url, fmt):
    """Extract one saved HTML FILE exactly as the crawl does: text, title, outlet, author, dates (with
    the rule that found them and their precision), canonical URL, language.

    Example:

        newsclaims extract page.html --url https://example.org/news/a.html --format json
    """
    page = _extract_file(Path(file), url)
    fields = page.as_dict()
    if fmt == "json":
        click.echo(json.dumps({**fields, "content_hash": page.content_hash, "word_count": page.word_count},
                              indent=2, ensure_ascii=False))
        return
    for key in ("title", "author", "outlet_name", "published", "published_rule", "published_precision",
                "canonical_url", "language"):
        click.echo(f"{key}: {fields.get(key) if fields.get(key) is not None else '-'}")
    click.echo(f"words: {page.word_count}\n")
    click.echo(page.text)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on (loopback by default).")
@click.option("--port", type=int, default=8001, show_default=True)
@_settings_options
@_fail_cleanly
def browse(host, port, db, overrides):
    """Open the database in Datasette: described tables, canned queries (every variant of a name, who
    used an error first, outlets by errors, flags to review) and full-text search of article text.

    Example:

        newsclaims browse --port 8001
    """
    import os

    from newsclaims import browse as browsing

    settings = _settings(db, overrides)
    db_path = settings.get("NEWSCLAIMS_DB_PATH")
    store.open_store(db_path).close()  # applies migrations, so the search tables exist
    meta = browsing.write_metadata(f"{db_path}.datasette.json", db_path)
    note(f"Datasette on http://{host}:{port}/{browsing.database_name(db_path)} (Ctrl-C to stop)")
    command = browsing.serve_command(db_path, meta, host=host, port=port)
    # This process becomes Datasette: its PID is the server's, and a signal to it stops the server.
    os.execv(command[0], command)


@cli.group()
def variants():
    """Query name variants."""


@variants.command("cluster")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here instead of stdout.")
@_settings_options
@_fail_cleanly
def variants_cluster(file, fmt, output, db, overrides):
    """Cluster a plain list of names from a CSV FILE (columns surface,count; optional source,first_seen)
    without crawling: one row per valid surface with its cluster, canonical form, kind, whether it is
    flagged as an error, the rule that decided and a score. Skipped rows are listed on stderr.

    Example:

        newsclaims variants cluster names.csv --format json
    """
    import csv as csv_module

    from analysis.reports import to_csv
    from analysis.variants import NameListError, cluster_name_list

    settings = _settings(db, overrides)
    reader = csv_module.DictReader(file)
    missing = {"surface", "count"} - set(reader.fieldnames or [])
    if missing:
        raise click.ClickException(f"{file.name}: missing column(s) {', '.join(sorted(missing))}; "
                                   "the header must have surface,count (and optionally source,first_seen)")
    raw = [{**row, "line": n} for n, row in enumerate(reader, 1)]
    try:
        rows, skipped = cluster_name_list(raw, settings=analysis_settings(settings))
    except NameListError as exc:
        raise click.ClickException(f"{file.name}: {exc}") from None
    text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n" if fmt == "json" else to_csv(rows)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    for row in skipped:
        note(f"skipped line {row['line']} ({row['surface']!r}): {row['reason']}")
    note(f"{len(rows)} surfaces clustered, {len(skipped)} skipped")


@variants.command("show")
@click.argument("name")
@click.option("--story", default=None, help="Only this story (default: every story in the database).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@_settings_options
@_fail_cleanly
def variants_show(name, story, fmt, db, overrides):
    """Every variant of the person NAME belongs to: kind, count, outlets, first and last seen, who
    introduced it. Any spelling works as the query, an error form included.

    Example:

        newsclaims variants show Kathcart --story demo
    """
    from analysis.queries import variants_of

    settings = _settings(db, overrides)
    found = []
    with _database(settings) as database:
        for slug in _story_slugs(database, story):
            found += variants_of(name, store.story_clusters(database, slug), store.story_assignments(database, slug),
                                 story=slug)
    if not found:
        raise click.ClickException(f"no person matching {name!r}" + (f" in story {story!r}" if story else ""))
    if fmt == "json":
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        from analysis.reports import to_csv

        rows = [{"story": p["story"], "cluster_id": p["cluster_id"], "canonical": p["canonical"],
                 **{**v, "outlets": "; ".join(v["outlets"])}} for p in found for v in p["variants"]]
        click.echo(to_csv(rows), nl=False)
        return
    for person in found:
        click.echo(f"{person['canonical']} (story {person['story']}, cluster {person['cluster_id']})")
        click.echo(f"  {'surface':<28} {'kind':<9} {'count':>5} {'first seen':<26} {'introduced by':<22} outlets")
        for v in person["variants"]:
            click.echo(f"  {v['surface']:<28} {v['kind']:<9} {v['mentions']:>5} {v['first_seen'] or '-':<26} "
                       f"{v['introduced_by'] or '-':<22} {', '.join(v['outlets'])}")

