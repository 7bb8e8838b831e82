"""Commands that find articles and get them out: `add`, `check`, `search` and `export`."""
from __future__ import annotations

import json
import re
import sys

import click

from newsclaims import store
from newsclaims.cli.common import (
    OutputError,
    _database,
    _fail_cleanly,
    _hand_logging_to_scrapy,
    _progress,
    _settings,
    _settings_options,
    _story_slugs,
    cli,
    note,
)
from newsclaims.cli.crawling import CrawlIncomplete, _raise_if_incomplete
from newsclaims.config import load_story


@cli.command()
@click.argument("story")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@_settings_options
@_fail_cleanly
def add(story, urls, db, overrides):
    """Fetch the article pages URL... and store them in STORY, whatever its article paths and topic
    filter say (you found them by hand). Each URL must be on one of the story's outlets; robots.txt is
    still obeyed. Run `newsclaims analyse STORY` afterwards.

    Example:

        newsclaims add demo http://127.0.0.1:18302/news/2026/03/late-update.html
    """
    from newsclaims import jobs

    config = load_story(story)
    settings = _settings(db, overrides)
    off = [url for url in urls if config.outlet_for(url) is None]
    if off:
        raise click.BadParameter(f"{off[0]} is not on any outlet of story {config.slug} "
                                 f"({', '.join(o.origin for o in config.outlets)}); add its outlet to the config first",
                                 param_hint="URL")
    _hand_logging_to_scrapy()
    run = jobs.crawl(config, settings, urls=list(urls))
    results = {page["url"]: page for page in run["pages"]}
    missing = []
    from crawler.urls import clean_url

    for url in urls:
        page = results.get(clean_url(url))
        if page and page["status"] == "article":
            click.echo(f"stored {url}" + (f" ({page['title']})" if page.get("title") else ""))
        else:
            why = (page or {}).get("reason") or (page or {}).get("status") or "no answer (see -v)"
            click.echo(f"not stored {url}: {why}")
            missing.append(url)
    _raise_if_incomplete(config, run, [])
    if missing:
        raise CrawlIncomplete(f"add {config.slug}: {len(missing)} of {len(urls)} pages not stored")
    note(f"next: `newsclaims analyse {config.slug}`")


@cli.command()
@click.argument("story")
@click.option("--dry-run", is_flag=True, default=True, show_default=True,
              help="Store nothing (the only mode: check never writes).")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True,
              help="Stop after this many pages fetched.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_settings_options
@_fail_cleanly
def check(story, dry_run, limit, fmt, db, overrides):
    """Crawl STORY without storing anything and show which URLs its config treats as articles, and
    why every other page is left out (not under article_paths, an index page, too short, off topic).
    Nothing earlier crawls remember is used: every page is fetched in full. Use it while editing
    article_paths and the topic.

    Example:

        newsclaims check demo --dry-run --limit 50
    """
    from newsclaims import jobs

    config = load_story(story)
    settings = _settings(db, (*overrides, f"CLOSESPIDER_PAGECOUNT={limit}"))
    _hand_logging_to_scrapy()
    progress = _progress(f"check {config.slug}")
    show = (lambda fetched, stored: progress.show(fetched, f"{fetched} fetched, {stored} articles")) if progress else None
    try:
        run = jobs.crawl(config, settings, dry_run=True, progress=show)
    finally:
        if progress:
            progress.close()
    pages = sorted(run["pages"], key=lambda p: (p["status"] != "article", p["url"]))
    if fmt == "json":
        click.echo(json.dumps(pages, indent=2, ensure_ascii=False))
    else:
        for page in pages:
            what = page["title"] if page["status"] == "article" else page.get("reason") or ""
            click.echo(f"{page['status']:<12} {page['url']}" + (f"  ({what})" if what else ""))
    articles = sum(1 for p in pages if p["status"] == "article")
    note(f"check {config.slug}: {articles} of {len(pages)} pages would be stored as articles"
         + (f" (stopped at --limit {limit})" if run["status"] == "closespider_pagecount" else ""))


def _fts_query(text: str) -> str:
    """Plain words as an FTS query: each word quoted, so punctuation cannot break the syntax."""
    words = re.findall(r"\w+", text)
    if not words:
        raise click.BadParameter(f"no words to search for in {text!r}", param_hint="TEXT")
    return " ".join(f'"{word}"' for word in words)


def keyword_in_context(text: str, words: list[str], *, width: int = 50, limit: int = 3) -> list[str]:
    """Lines of `text` around each word of the query (a word matches its stem's forms, as FTS's porter
    stemming does, roughly: "closing" finds "closed"), at most `limit`, the match in [brackets].

    >>> keyword_in_context("The bridge was closed on Monday by the sheriff.", ["closing"], width=10)
    ['…ridge was «closed» on Monday…']
    """
    stems = [re.escape(w[:max(3, len(w) - 3)] if len(w) > 4 else w) for w in words]
    pattern = re.compile(r"\b(" + "|".join(stems) + r")\w*", re.I)
    lines = []
    for match in pattern.finditer(text or ""):
        start, end = match.span()
        left = " ".join(text[max(0, start - width):start].split())
        right = " ".join(text[end:end + width].split())
        lines.append(" ".join(part for part in (left, f"«{match.group(0)}»", right) if part).join(
            ("…" if start > width else "", "…" if end + width < len(text) else "")))
        if len(lines) >= limit:
            break
    return lines


@cli.command()
@click.argument("story")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Articles to show.")
@click.option("--raw", is_flag=True, help="TEXT is an SQLite FTS query (AND, OR, NEAR, \"phrases\", prefix*).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_settings_options
@_fail_cleanly
def search(story, text, limit, raw, fmt, db, overrides):
    """Full-text search of STORY's articles (their latest versions; porter stemming): best matches
    first, each with its outlet, date and URL and a few keyword-in-context lines.

    Example:

        newsclaims search demo "Kathcart bridge"
    """
    from analysis.reports import utc_text

    config = load_story(story)
    settings = _settings(db, overrides)
    query = text if raw else _fts_query(text)
    with _database(settings, readonly=True, story=config.slug) as database:
        _story_slugs(database, config.slug)
        try:
            hits = store.search_versions(database, config.slug, query, limit=limit)
        except ValueError as exc:  # a --raw query FTS cannot parse
            raise click.ClickException(f"{text!r}: {exc}") from None
    words = re.findall(r"\w+", re.sub(r"\b(AND|OR|NOT|NEAR)\b", " ", text))
    for hit in hits:
        body = hit.pop("text") or ""
        title = hit["title"] or ""
        hit["context"] = keyword_in_context(body if body.startswith(title) else f"{title}\n{body}", words)
    if fmt == "json":
        click.echo(json.dumps(hits, indent=2, ensure_ascii=False))
        return
    for hit in hits:
        click.echo(f"{hit['outlet'] or '-'} · {utc_text(hit['published'])} · {hit['url']}")
        click.echo(f"  {hit['title'] or '(no title)'}")
        for line in hit["context"]:
            click.echo(f"    {line}")
    note(f"{len(hits)} article(s) match" + (f" (showing the best {limit})" if len(hits) >= limit else ""))


@cli.command()
@click.argument("story")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "warc"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here instead of stdout.")
@click.option("--url", "urls", multiple=True, metavar="URL", help="warc: only this stored article; repeat for more.")
@_settings_options
@_fail_cleanly
def export(story, fmt, output, urls, db, overrides):
    """Every article of STORY as one JSON record per line, for other tools: URL, outlet, dates
    (as published, in UTC, when fetched, when the page says it was modified), title, author, text, and
    each person mention with its offsets into its field, the person (canonical name) it belongs to and
    its verdict (ok, or error).

    With --format warc (and -o FILE.warc.gz): every stored version of every article (or of --url
    ones) as the answer received, in a WARC file: proof of what a page said before it changed.

    Example:

        newsclaims export demo --format jsonl -o demo.jsonl
    """
    config = load_story(story)
    settings = _settings(db, overrides)
    if fmt == "warc":
        from newsclaims.cli.history import export_warc

        export_warc(config, settings, output, urls)
        return
    if urls:
        raise click.UsageError("--url goes with --format warc")
    try:
        sink = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror}") from None
    count = 0
    try:
        with _database(settings, readonly=True, story=config.slug) as database:
            _story_slugs(database, config.slug)
            for row in store.export_articles(database, config.slug):
                sink.write(json.dumps(export_record(row), ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    finally:
        if output:
            sink.close()
    note(f"exported {count} articles" + (f" to {output}" if output else ""))


def export_record(row: dict) -> dict:
    """One article for `export`: plain fields, and its mentions with person and verdict."""
    return {
        "url": row["url"], "outlet": row["outlet"], "outlet_name": row["outlet_name"], "origin": row["origin"],
        "published": row["published"], "published_utc": row["published_utc"], "published_rule": row["published_rule"],
        "modified": row["modified"], "modified_precision": row["modified_precision"], "modified_rule": row["modified_rule"],
        "fetched_at": row["fetched_at"], "first_seen": row["first_seen"], "version_id": row["id"],
        "title": row["title"], "author": row["author"], "language": row["language"], "text": row["text"],
        "mentions": [{"field": m["field"], "start": m["start"], "end": m["end"], "surface": m["surface"],
                      "person": m["canonical"], "cluster_id": m["cluster_id"], "kind": m["kind"],
                      "verdict": "error" if m["kind"] == "error" else "ok", "usage": m["usage"], "method": m["method"]}
                     for m in row["mentions"]],
    }
