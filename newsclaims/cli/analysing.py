"""Commands that analyse: `analyse` a story, and `mentions` / `extract` for one saved file."""
from __future__ import annotations

import json
from pathlib import Path

import click

from newsclaims import store
from newsclaims.claims_stage import CLAIMS_STAGE
from newsclaims.cli.common import (
    _database,
    _fail_cleanly,
    _output_options,
    _progress,
    _settings,
    _settings_options,
    cli,
    note,
)
from newsclaims.config import load_story
from newsclaims.settings import analysis_settings, number


@cli.command()
@click.argument("story")
@click.option("--reextract", is_flag=True,
              help="First re-run extraction on the stored raw pages (no re-crawl): a new version where it differs.")
@click.option("--force", is_flag=True, help="Analyse even when nothing changed since the last analysis.")
@_settings_options
@_fail_cleanly
def analyse(story, reextract, force, db, overrides):
    """Find mentions, cluster name variants and flag errors for STORY's stored articles.

    When nothing changed since the last analysis (no new article version, the same story config,
    settings and ruleset), it says so and stops, without loading the model. With --reextract, every
    article's stored response is extracted again by the current extractor first, so an extractor bug
    can be told apart from an outlet's error.

    Example:

        newsclaims analyse demo --reextract
    """
    config = load_story(story)
    settings = _settings(db, overrides)
    click.echo(_analyse_line(config.slug, _analyse(config, settings, reextract=reextract, force=force)))


def _analyse(config, settings, reextract: bool = False, force: bool = False) -> dict:
    from analysis import RULESET_VERSION
    from newsclaims import jobs
    from newsclaims.nlp import describe_model, load_model

    with _database(settings) as database:
        if reextract:
            counts = jobs.reextract(database, config.slug)
            click.echo(f"reextract {config.slug}: {counts['versions']} stored pages extracted again, "
                       f"{counts['changed']} differ (new versions), {counts['failed']} failed")
        current = None if force else store.current_analysis(
            database, config.slug, ruleset=RULESET_VERSION, settings=analysis_settings(settings).as_dict(),
            config=config.model_dump_json(), stage=jobs.NER_STAGE)
        if current is not None and store.versions_not_analysed(database, config.slug, stage=CLAIMS_STAGE):
            current = None  # versions analysed before claims existed: only their claims are new
        if current is not None:
            note(f"nothing changed since analysis #{current['id']} ({current['ended']}): not analysed again "
                 "(--force to analyse anyway)")
            return {**current["counts"], "versions_analysed": 0, "skipped_language": 0}
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
            f"{counts['clusters']} clusters, {counts['flags']} flags"
            + (f", {counts['claim_conflicts']} conflicting claims" if "claim_conflicts" in counts else ""))


REPORT_FORMATS = ["md", "json", "html", "csv", "claimreview"]


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
@_output_options
@_fail_cleanly
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
