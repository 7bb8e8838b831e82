"""Commands about the history of pages: `recheck` (ask for stored articles again now) and `discover`
(outlets outside the story that its articles point at); `export --format warc` writes through here."""
from __future__ import annotations

import click

from newsclaims.cli.common import (
    OutputError,
    _database,
    _fail_cleanly,
    _hand_logging_to_scrapy,
    _settings,
    _settings_options,
    _story_slugs,
    cli,
    note,
)
from newsclaims.config import load_story


@cli.command()
@click.argument("story")
@click.option("--url", "urls", multiple=True, metavar="URL",
              help="Only this stored article (its URL, or a URL it was fetched from); repeat for more.")
@_settings_options
@_fail_cleanly
def recheck(story, urls, db, overrides):
    """Ask for every stored article of STORY again now (or only --url ones), whatever the revisit
    schedule says, and print what changed.

    Each page is asked for conditionally (ETag, Last-Modified): an unchanged one answers 304 and adds
    nothing. Changed content becomes a new version; a page that now answers 404 or 410, or has no
    article text left, is recorded as a removal. Exit status 3 when some page could not be fetched,
    130 when interrupted.

    Example:

        newsclaims recheck demo --url http://127.0.0.1:8001/news/a.html
    """
    from newsclaims.cli.crawling import CrawlIncomplete, _raise_if_incomplete
    from newsclaims.recheck import recheck as run_recheck
    from newsclaims.recheck import summary_line

    config = load_story(story)
    settings = _settings(db, overrides)
    _hand_logging_to_scrapy()
    result = run_recheck(config, settings, list(urls) or None)
    for article in result["articles"]:
        if article["outcome"] in ("changed", "removed", "failed"):
            reason = f" ({article['reason']})" if article["reason"] else ""
            click.echo(f"  {article['outcome']:<8} {article['url']}{reason}")
    click.echo(summary_line(config.slug, result))
    if result["articles"]:
        _raise_if_incomplete(config, result, [])
    failed = sum(1 for a in result["articles"] if a["outcome"] == "failed")
    if failed:
        raise CrawlIncomplete(f"recheck {config.slug}: {failed} of {len(result['articles'])} articles could not be "
                              "fetched; run it again later")


def export_warc(config, settings, output: str | None, urls: tuple[str, ...]) -> None:
    """`newsclaims export STORY --format warc -o FILE.warc.gz`: every stored version as WARC records."""
    from pathlib import Path

    from newsclaims import __version__, store
    from newsclaims.warc import write_warc

    if not output:
        raise click.UsageError("--format warc writes a binary file: give it with -o FILE.warc.gz")
    path = Path(output)
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give a file name for -o")
    with _database(settings, readonly=True, story=config.slug) as database:
        _story_slugs(database, config.slug)
        if urls:
            found = store.stored_articles(database, config.slug, list(urls))
            known = {row["url"] for row in found} | {row["fetch_url"] for row in found}
            missing = [url for url in urls if url not in known]
            if missing:
                raise click.BadParameter(f"{missing[0]} is not a stored article of story {config.slug!r}",
                                         param_hint="--url")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            sink = open(path, "wb")
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None
        with sink:
            count = write_warc(sink, store.story_raw_versions(database, config.slug, list(urls) or None),
                               story=config.slug, software=f"newsclaims {__version__}", filename=path.name)
    note(f"exported {count} versions to {path}")


@cli.command()
@click.argument("story")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_settings_options
@_fail_cleanly
def discover(story, fmt, db, overrides):
    """List outlets outside STORY that its articles point at: a credit line ("(Example Wire)", "via X",
    "This story originally appeared in X"), a link in the article, or a canonical URL on another site.

    Each candidate comes with how many articles point there, by which kind of evidence, and which
    articles. Outlets the story crawls, the page's own site (CDN, subdomains), social and share links,
    and infrastructure hosts (fonts, analytics, ads) are left out, and counted.

    Example:

        newsclaims discover demo --format json
    """
    import json

    from analysis.discover import REASONS
    from newsclaims.sources import discover as find_candidates

    config = load_story(story)
    settings = _settings(db, overrides)
    with _database(settings, readonly=True, story=config.slug) as database:
        _story_slugs(database, config.slug)
        found = find_candidates(database, config.slug)
    if fmt == "json":
        click.echo(json.dumps(found, indent=1, ensure_ascii=False))
        return
    if not found["candidates"]:
        click.echo(f"no outlet outside story {config.slug} is pointed at by its {found['articles']} articles")
    for candidate in found["candidates"]:
        evidence = ", ".join(f"{kind} {count}" for kind, count in candidate["evidence"].items())
        click.echo(f"{candidate['outlet']}  ({candidate['key']}; {candidate['articles']} articles: {evidence})")
        for pointer in candidate["pointers"]:
            click.echo(f"    {pointer['kind']:<9} {pointer['url']}" + (
                f" -> {pointer['target']}" if pointer["kind"] != "credit" else ""))
    left_out = "; ".join(f"{count} {REASONS[reason]}" for reason, count in found["excluded"].items())
    note(f"{len(found['candidates'])} candidate outlets from {found['articles']} articles"
         + (f"; left out: {left_out}" if left_out else ""))
