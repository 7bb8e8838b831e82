"""The daily loop around stories: `stories`, `status`, `init`, `delete` and `digest`.

`digest` is what a scheduler runs after each crawl and analysis: what changed since the last digest
(new error forms, errors spreading to more articles, outlets newly using an error, new flags), with an
exit status it can act on: 0 nothing new, 10 something new (the digest is on stdout), 1-3 an error.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import click

from newsclaims import store
from newsclaims.cli.common import (
    OutputError,
    _database,
    _fail_cleanly,
    _settings,
    _settings_options,
    _story_slugs,
    cli,
    note,
    warn,
)
from newsclaims.config import STORIES_DIR, load_story

#: Exit status of `digest` when there is something new to look at.
EXIT_NEW = 10


def _when(value: str | None) -> str:
    """A stored UTC timestamp for a person: "2026-03-04 14:05 UTC", or "never"."""
    if not value:
        return "never"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return f"{moment.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_settings_options
@_fail_cleanly
def stories(fmt, db, overrides):
    """Every story in the database: outlets, articles, versions, open flags, last crawl and analysis.

    Example:

        newsclaims stories
    """
    settings = _settings(db, overrides)
    with _database(settings, readonly=True) as database:
        rows = store.stories_overview(database)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        note("no stories yet: `newsclaims init SLUG URL...` writes a story config, `newsclaims crawl SLUG` crawls it")
        return
    click.echo(f"{'story':<16} {'outlets':>7} {'articles':>8} {'versions':>8} {'open':>5}  {'last crawl':<21} "
               f"{'crawl status':<15} last analysis")
    for r in rows:
        click.echo(f"{r['slug'][:16]:<16} {r['outlets']:>7} {r['articles']:>8} {r['versions']:>8} {r['open_flags']:>5}  "
                   f"{_when(r['last_crawl']):<21} {r['last_crawl_status'] or '-':<15} {_when(r['last_analysis'])}")


@cli.command()
@click.argument("story")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_settings_options
@_fail_cleanly
def status(story, fmt, db, overrides):
    """How STORY stands: pages by outcome, articles and versions (and those not analysed yet), flags
    by level and review, and the last crawl and analysis with their outcome.

    Example:

        newsclaims status demo
    """
    from newsclaims.jobs import NER_STAGE

    config = load_story(story)
    settings = _settings(db, overrides)
    with _database(settings, readonly=True, story=config.slug) as database:
        _story_slugs(database, config.slug)
        found = store.story_status(database, config.slug, stage=NER_STAGE)
    if fmt == "json":
        click.echo(json.dumps(found, indent=2, ensure_ascii=False, sort_keys=True))
        return
    pages = ", ".join(f"{status} {count}" for status, count in found["pages"].items()) or "none"
    click.echo(f"story {config.slug}: {config.title}")
    click.echo(f"  pages: {sum(found['pages'].values())} ({pages})")
    click.echo(f"  articles: {found['articles']}, versions: {found['versions']} "
               f"({found['not_analysed']} latest versions not analysed yet)")
    flags = "; ".join(f"{level}: " + ", ".join(f"{count} {status}" for status, count in sorted(by.items()))
                      for level, by in sorted(found["flags"].items())) or "none"
    click.echo(f"  flags: {flags}")
    crawl = found["last_crawl"]
    if crawl:
        failing = [slug for slug, seen in (crawl.get("outlets") or {}).items() if not seen.get("ok")]
        click.echo(f"  last crawl (#{crawl['id']} of {found['crawls']}): {crawl['status']}, started {_when(crawl['started'])}, "
                   f"{crawl['pages_stored'] or 0} stored, {crawl['pages_unchanged'] or 0} unchanged, "
                   f"{crawl['pages_refused'] or 0} refused; outlets with nothing usable: {', '.join(failing) or 'none'}"
                   + (f"; {crawl['message']}" if crawl.get("message") else ""))
    else:
        click.echo("  last crawl: never")
    analysis = found["last_analysis"]
    if analysis:
        counts = analysis.get("counts") or {}
        click.echo(f"  last analysis (#{analysis['id']} of {found['analyses']}): "
                   f"{'finished ' + _when(analysis['ended']) if analysis.get('ended') else 'did not finish'}, ruleset "
                   f"{analysis.get('ruleset') or '-'}; {counts.get('documents', 0)} articles, "
                   f"{counts.get('mentions', 0)} mentions, {counts.get('clusters', 0)} people, "
                   f"{counts.get('flags', 0)} flags")
    else:
        click.echo("  last analysis: never")


@cli.command()
@click.argument("slug")
@click.argument("urls", nargs=-1, required=True, metavar="OUTLET_URL...")
@click.option("--title", default=None, help="What the story is about (default: the slug).")
@click.option("--person", "people", multiple=True, help="A person the story is about (repeatable).")
@click.option("--keyword", "keywords", multiple=True, help="A phrase coverage of the story contains (repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write the config (default: data/stories/SLUG.toml).")
@click.option("--force", is_flag=True, help="Overwrite an existing config.")
@_fail_cleanly
def init(slug, urls, title, people, keywords, output, force):
    """Write a commented story config SLUG from a few outlet URLs (each URL's origin is an outlet,
    its path the first seed). Edit it, then `newsclaims check SLUG` and `newsclaims crawl SLUG`.

    Example:

        newsclaims init bridge https://www.gazette.example/news/ https://radio.example/ --person "Dale Cathcart"
    """
    from newsclaims.config import StoryConfigError

    target = Path(output) if output else STORIES_DIR / f"{slug}.toml"
    if target.exists() and not force:
        raise OutputError(f"{target} exists; pass --force to overwrite it, or -o another file")
    text = story_config_text(slug, list(urls), title=title or slug, people=list(people), keywords=list(keywords))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(f".{target.name}.new")
        scratch.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    try:
        load_story(scratch)
    except StoryConfigError as exc:
        scratch.unlink()
        raise click.ClickException(str(exc).replace(str(scratch), "the config")) from None
    scratch.replace(target)
    click.echo(f"wrote {target} ({len(urls)} outlets)")
    note(f"next: edit it (article_paths, feeds, sitemaps), then `newsclaims check {target}` and "
         f"`newsclaims crawl {target}`")


def _outlet_slug(host: str, taken: set[str]) -> str:
    parts = [p for p in host.lower().split(".") if p not in ("www", "m", "amp")]
    base = "".join(c if c.isalnum() else "-" for c in (parts[0] if parts else "outlet")).strip("-") or "outlet"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def story_config_text(slug: str, urls: list[str], *, title: str, people: list[str], keywords: list[str]) -> str:
    """A story config in TOML with a comment on every key (the format of data/stories/demo.toml)."""
    def quoted(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = [f"# Story config written by `newsclaims init`. Edit it, then: newsclaims check {slug}",
             f"slug = {quoted(slug)}", f"title = {quoted(title)}",
             "# contact = \"https://example.org/about-our-crawler\"   # added to the User-Agent", "",
             "# Coverage of the story names one of these people (misspellings included) or one of these phrases;",
             "# pages that do neither are remembered as off-topic and not stored.", "[topic]",
             f"names = [{', '.join(quoted(p) for p in people)}]", f"keywords = [{', '.join(quoted(k) for k in keywords)}]",
             "", "[revisit]", "young_days = 3      # younger articles are re-checked every run",
             "backoff_days = [1, 3, 7, 30]   # older ones this many days after their first fetch or last change", "",
             "[names]             # your word outranks all other evidence", "pins = {}           # surface -> canonical full name",
             "accept = []         # accepted variants: never flagged", ""]
    taken: set[str] = set()
    for url in urls:
        parts = urlsplit(url if "://" in url else f"https://{url}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise click.BadParameter(f"not an http(s) URL: {url!r}", param_hint="OUTLET_URL")
        default_port = {"http": 80, "https": 443}[parts.scheme]
        origin = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port not in (None, default_port) else "")
        seed = parts.path or "/"
        lines += ["[[outlets]]", f"slug = {quoted(_outlet_slug(parts.hostname, taken))}",
                  f"name = {quoted(parts.hostname)}          # as readers know it",
                  f"origin = {quoted(origin)}", "authoritative = false  # true: its spellings outrank others'",
                  f"seeds = [{quoted(seed)}]", "feeds = []             # RSS or Atom, e.g. [\"/feed.xml\"]",
                  "sitemaps = []          # e.g. [\"/sitemap.xml\"]; robots.txt Sitemap: lines are read too",
                  "article_paths = []     # regexes on the path, e.g. ['^/news/\\d{4}/']; empty: any page",
                  "follow_paths = []      # which links to follow; empty: every link on the origin", ""]
    return "\n".join(lines)


@cli.command()
@click.argument("story")
@click.option("--yes", is_flag=True, help="Do not ask: delete at once (for scripts).")
@_settings_options
@_fail_cleanly
def delete(story, yes, db, overrides):
    """Remove STORY from the database: its flags, people, mentions, runs and digests, and the articles
    (with their stored raw pages) and page records no other story shares. Asks first unless --yes.
    The story config file is left alone.

    Example:

        newsclaims delete bridge --yes
    """
    from newsclaims.schedule import CrawlLock

    settings = _settings(db, overrides)
    slug = load_story(story).slug if story.endswith(".toml") else story
    db_path = settings.get("NEWSCLAIMS_DB_PATH")
    with _database(settings, story=slug, readonly=True) as database:
        _story_slugs(database, slug)
        found = store.story_status(database, slug)
    what = (f"story {slug}: {found['articles']} articles, {found['versions']} stored versions with their raw pages, "
            f"{sum(found['pages'].values())} page records, {sum(sum(v.values()) for v in found['flags'].values())} flags")
    if not yes:
        if not click.get_text_stream("stdin").isatty():
            raise click.ClickException(f"not on a terminal to ask before deleting {what}: pass --yes")
        click.confirm(f"Delete {what}?", abort=True, err=True)
    with CrawlLock(db_path, slug):  # no crawl of it may run meanwhile
        with _database(settings) as database:
            counts = store.delete_story(database, slug)
    click.echo(f"deleted story {slug}: {counts['articles']} articles, {counts['versions']} versions, "
               f"{counts['pages']} page records, {counts['flags']} flags")


@cli.command()
@click.argument("story")
@click.option("--since", default="last", show_default=True, metavar="last|DATE",
              help="Changes since the last digest (`last`), or since an ISO date or time.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--no-save", is_flag=True, help="Do not record this digest (the next `--since last` is unchanged).")
@_settings_options
@_fail_cleanly
def digest(story, since, fmt, no_save, db, overrides):
    """What changed in STORY since the last digest: new error forms, errors in more articles, outlets
    newly using an error, new flags. Exit status 0: nothing new; 10: something new (for a scheduler:
    mail the output on 10); 1-3: an error. Run it after `crawl` and `analyse`.

    Example:

        newsclaims digest demo --since last -q || [ $? -eq 10 ] && mail -s digest me < digest.txt
    """
    from newsclaims.cli.reporting import _report

    config = load_story(story)
    settings = _settings(db, overrides)
    report = _report(config, settings)
    with _database(settings, readonly=True) as database:
        flags = {f["id"]: f for f in store.story_flags(database, config.slug)}
        previous = store.last_digest(database, config.slug) if since == "last" else None
    if since == "last":
        before = previous["snapshot"] if previous else _empty_snapshot()
        since_text = f"the last digest ({_when(previous['created'])})" if previous else "the start (first digest)"
        since_value = previous["created"] if previous else None
    else:
        since_value = _since(since)
        before = snapshot(report, flags, before=since_value)
        since_text = _when(since_value)
    now = snapshot(report, flags)
    new = compare(before, now)
    if not no_save and since == "last":
        with _database(settings) as database:
            store.save_digest(database, config.slug, since_value, now, new)
    if fmt == "json":
        click.echo(json.dumps({"story": config.slug, "since": since_value, "new": new}, indent=2, ensure_ascii=False))
    else:
        for line in digest_lines(config.slug, since_text, new):
            click.echo(line)
    if report["provenance"].get("not_analysed"):
        warn(f"{report['provenance']['not_analysed']} article versions are not analysed yet: run "
             f"`newsclaims analyse {config.slug}` before the digest")
    if any(new[key] for key in ("errors", "spreading", "outlets", "flags")):
        click.get_current_context().exit(EXIT_NEW)  # not an error: no message, only the status


def _since(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"expected `last` or an ISO date or time, got {text!r}", param_hint="--since") from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _empty_snapshot() -> dict:
    return {"errors": {}, "outlets": {}, "flags": []}


def snapshot(report: dict, flags: dict[str, dict], *, before: str | None = None) -> dict:
    """What the report shows, for comparing digests: error forms with their articles and outlets, the
    outlets using an error, and the active flags. With `before`, only what was flagged before then."""
    def counted(flag_id) -> bool:
        flag = flags.get(flag_id)
        return before is None or (flag is not None and (flag["first_flagged"] or "") < before)

    errors = {}
    outlets: dict[str, int] = {}
    for error in report["errors"]:
        uses = [u for u in error["uses"] if u["usage"] == "uses" and counted(u["flag_id"])]
        if not uses:
            continue
        errors[f"{error['canonical']}|{error['form']}"] = {
            "canonical": error["canonical"], "form": error["form"], "articles": len(uses),
            "outlets": sorted({u["outlet_name"] for u in uses}), "first": min(u["published"] or "~" for u in uses)}
        for use in uses:
            outlets[use["outlet_name"]] = outlets.get(use["outlet_name"], 0) + 1
    return {"errors": errors, "outlets": outlets,
            "flags": sorted(f for f, flag in flags.items() if flag["level"] != "outlet" and counted(f))}


def compare(before: dict, now: dict) -> dict:
    """What is new in `now` against `before` (two `snapshot`s). Copies, corrections and claim
    conflicts are not measured yet: None, not an empty list."""
    old_flags = set(before.get("flags") or [])
    return {
        "errors": [e for key, e in sorted(now["errors"].items()) if key not in before.get("errors", {})],
        "spreading": [{**e, "was": before["errors"][key]["articles"]} for key, e in sorted(now["errors"].items())
                      if key in before.get("errors", {}) and e["articles"] > before["errors"][key]["articles"]],
        "outlets": [{"outlet": name, "articles": n} for name, n in sorted(now["outlets"].items())
                    if name not in (before.get("outlets") or {})],
        "flags": len([f for f in now["flags"] if f not in old_flags]),
        "copies": None, "corrections": None, "claim_conflicts": None,
    }


def digest_lines(slug: str, since_text: str, new: dict) -> list[str]:
    count = len(new["errors"]) + len(new["spreading"]) + len(new["outlets"]) + (1 if new["flags"] else 0)
    if not count:
        return [f"digest {slug}: nothing new since {since_text}"]
    lines = [f"digest {slug}: new since {since_text}"]
    for e in new["errors"]:
        lines.append(f"  new error: “{e['form']}” for {e['canonical']} in {e['articles']} article(s) by "
                     f"{', '.join(e['outlets'])}")
    for e in new["spreading"]:
        lines.append(f"  spreading: “{e['form']}” for {e['canonical']} now in {e['articles']} article(s), "
                     f"was {e['was']}")
    for o in new["outlets"]:
        lines.append(f"  outlet now using an error: {o['outlet']} ({o['articles']} article(s))")
    if new["flags"]:
        lines.append(f"  {new['flags']} new flag(s) to review: `newsclaims report {slug}`")
    lines.append("  copies, corrections and claim conflicts: not measured yet")
    return lines
