"""`claims`: what the story's articles state (dates, counts, quotes, roles ...) and where they disagree."""
from __future__ import annotations

import json

import click

from newsclaims import store
from newsclaims.cli.common import _database, _fail_cleanly, _settings, _settings_options, _story_slugs, cli
from newsclaims.config import load_story
from newsclaims.errors import NewsclaimsError

CLAIM_FORMATS = ("table", "json", "csv")


class ClaimsNotAnalysed(NewsclaimsError):
    """The story's articles have not been through claim extraction (raised by `claims`)."""


@cli.command()
@click.argument("story")
@click.option("--subject", default=None,
              help="Only claims about this person (canonical name or any spelling of it) or event, any case.")
@click.option("--conflicts", "only_conflicts", is_flag=True, help="Only claims whose sources disagree.")
@click.option("--format", "fmt", type=click.Choice(CLAIM_FORMATS), default="table", show_default=True)
@_settings_options
@_fail_cleanly
def claims(story, subject, only_conflicts, fmt, db, overrides):
    """Print the claims of STORY's articles, grouped across articles: each value with the articles that
    state it (their exact words), which value the authoritative, earliest and majority sources hold, and
    the articles that deviate. Claims are extracted by `newsclaims analyse`.

    json is the report's `claims` list; csv has one row per article stating a value.

    Example:

        newsclaims claims demo --conflicts --subject "Dale Cathcart"
    """
    from analysis import reports
    from analysis.reports.claims import csv_rows, subject_text, value_text
    from newsclaims import jobs

    config = load_story(story)
    settings = _settings(db, overrides)
    with _database(settings, readonly=True, story=config.slug) as database:
        _story_slugs(database, config.slug)
        documents = store.story_documents(database, config.slug)
        entries = jobs.stored_claims(database, config.slug, documents)
        if entries is None or not store.analysis_runs(database, config.slug):
            raise ClaimsNotAnalysed(f"story {config.slug!r} has not been analysed for claims yet; "
                                    f"run `newsclaims analyse {config.slug}` first")
        spellings = _spellings(database, config.slug, subject) if subject else None
    if only_conflicts:
        entries = [e for e in entries if e["conflict"]]
    if subject:
        entries = [e for e in entries if _about(e, subject, spellings)]
    if fmt == "json":
        click.echo(json.dumps(entries, indent=2, ensure_ascii=False, sort_keys=True))
        return
    if fmt == "csv":
        click.echo(reports.to_csv(csv_rows({"claims": entries})), nl=False)
        return
    if not entries:
        about = f" about {subject!r}" if subject else ""
        click.echo("no claims" + (" in conflict" if only_conflicts else "") + about)
        return
    for entry in entries:
        mark = "CONFLICT" if entry["conflict"] else "agreed"
        click.echo(f"{mark:<8} {entry['kind']:<11} {subject_text(entry['subject'])} · {entry['slot']}  "
                   f"[{entry['id']}]")
        deviating = set(entry["deviating_urls"])
        for value in entry["values"]:
            held = [k for k, v in entry["held_by"].items() if v == value["value"]]
            wrong = any(a["url"] in deviating for a in value["articles"])
            click.echo(f"  {'!' if wrong else ' '} {value_text(value['value'])}"
                       + (f"  (held by {', '.join(held)})" if held else ""))
            for article in value["articles"]:
                click.echo(f"      {article['url']} v{article['version']} «{article['as_written']}»")


def _spellings(database, story: str, subject: str) -> set[str]:
    """Clusters any of whose spellings is `subject` (folded), so "--subject Kathcart" finds Cathcart's claims."""
    from analysis.names import fold

    wanted = fold(subject)
    return {c["id"] for c in store.story_clusters(database, story)
            if fold(c["canonical"]) == wanted or any(fold(s["surface"]) == wanted for s in c["surfaces"])}


def _about(entry: dict, subject: str, clusters: set[str]) -> bool:
    from analysis.names import fold

    about = entry["subject"]
    if about.get("kind") == "person":
        return about.get("cluster_id") in clusters or fold(about.get("canonical") or "") == fold(subject)
    return fold(subject) in fold(about.get("text") or "")
