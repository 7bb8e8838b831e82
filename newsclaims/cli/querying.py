"""Commands that query: `browse` (Datasette) and the `variants` group."""
from __future__ import annotations

import io
import json
from pathlib import Path

import click

from newsclaims import store
from newsclaims.cli.common import (
    _database,
    _fail_cleanly,
    _settings,
    _settings_options,
    _story_slugs,
    cli,
    note,
    write_output,
)
from newsclaims.errors import InputError
from newsclaims.settings import analysis_settings


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
    store.open_store(db_path, readonly=True).close()  # migrates a writable file, so the search tables exist
    meta = browsing.write_metadata(f"{db_path}.datasette.json", db_path)
    note(f"Datasette on http://{host}:{port}/{browsing.database_name(db_path)} (Ctrl-C to stop)")
    command = browsing.serve_command(db_path, meta, host=host, port=port)
    # This process becomes Datasette: its PID is the server's, and a signal to it stops the server.
    os.execv(command[0], command)


@cli.group()
def variants():
    """Query name variants."""


@variants.command("cluster")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
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
    try:
        text = Path(file).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 "
                         "(e.g. `iconv -f latin1 -t utf-8`)") from None
    except OSError as exc:
        raise InputError(f"{file}: cannot read: {exc.strerror}") from None
    reader = csv_module.DictReader(io.StringIO(text))
    missing = {"surface", "count"} - set(reader.fieldnames or [])
    if missing:
        raise click.ClickException(f"{file}: missing column(s) {', '.join(sorted(missing))}; "
                                   "the header must have surface,count (and optionally source,first_seen)")
    raw = [{**row, "line": n} for n, row in enumerate(reader, 1)]
    try:
        rows, skipped = cluster_name_list(raw, settings=analysis_settings(settings))
    except NameListError as exc:
        raise click.ClickException(f"{file}: {exc}") from None
    text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n" if fmt == "json" else to_csv(rows)
    if output:
        write_output(output, text)
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
    with _database(settings, readonly=True) as database:
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
