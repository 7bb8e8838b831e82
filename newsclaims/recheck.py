"""`newsclaims recheck`: ask for every stored article of a story again now, and say what changed.

A plain crawl re-checks articles by itself (young ones every run, older ones when an index re-dates
them and on the backoff schedule of `crawler.revisit`); this forces it, for all or some, at once. It
is the crawl itself (`jobs.crawl` with `urls` and `recheck`): the same spider, pipeline and store, so
a re-check stores exactly what a crawl would. Each page is asked for conditionally (an unchanged one
costs a 304 and adds nothing); a changed one becomes a new version; a page that now answers 404 or
410, or has no article text left, becomes a removal version.
"""
from __future__ import annotations

from contextlib import closing as _closing

from crawler.urls import clean_url
from newsclaims import jobs, store
from newsclaims.errors import InputError

#: What became of each article re-checked, in the order the summary lists them.
OUTCOMES = ("changed", "removed", "unchanged", "not_modified", "failed")


def recheck(config, settings, urls: list[str] | None = None) -> dict:
    """Re-fetch the stored articles of `config`'s story (all, or those `urls` name: an article URL or a
    URL it was fetched from) and compare each with what was stored before.

    Returns the crawl's own result (`status`, counts ...) plus `articles`: [{url, outcome, reason,
    versions_added}], outcome one of `OUTCOMES` (`not_modified`: the server answered 304). An unknown
    URL is a one-line `InputError` before anything is fetched.
    """
    path = settings.get("NEWSCLAIMS_DB_PATH")
    with _closing(store.open_store(path, readonly=True)) as db:
        if not store.has_story(db, config.slug):
            raise InputError(f"story {config.slug!r} is not in the database; run `newsclaims crawl {config.slug}` first")
        before = store.stored_articles(db, config.slug, urls)
    if urls:
        known = {row["url"] for row in before} | {row["fetch_url"] for row in before}
        missing = [url for url in urls if url not in known]
        if missing:
            raise InputError(f"{missing[0]} is not a stored article of story {config.slug!r}"
                             + (f" (nor are {len(missing) - 1} more)" if len(missing) > 1 else ""))
    if not before:
        return {"status": "finished", "articles": []}
    run = jobs.crawl(config, settings, urls=[row["fetch_url"] for row in before], recheck=True)
    with _closing(store.open_store(path, readonly=True)) as db:
        after = {row["url"]: row for row in store.stored_articles(db, config.slug)}
    answered = {page["url"]: page for page in run.get("pages") or ()}
    articles = []
    for row in before:
        page = answered.get(clean_url(row["fetch_url"]))
        added = (after.get(row["url"], row)["versions"] or 0) - (row["versions"] or 0)
        articles.append({"url": row["url"], **_outcome(page, added), "versions_added": added})
    return {**run, "articles": articles}


def _outcome(page: dict | None, added: int) -> dict:
    if page is None:
        return {"outcome": "failed", "reason": "no answer (see the crawl's log with -v)"}
    if page.get("http_status") == 304:
        return {"outcome": "not_modified", "reason": None}
    if page.get("status") == "removed":
        return {"outcome": "removed" if added else "unchanged", "reason": page.get("reason")}
    if page.get("status") == "article":
        return {"outcome": "changed" if added else "unchanged", "reason": None}
    return {"outcome": "failed", "reason": page.get("reason") or page.get("status")}


def summary_line(slug: str, result: dict) -> str:
    """One line: how many articles were asked again and what became of them."""
    counts = {outcome: sum(1 for a in result["articles"] if a["outcome"] == outcome) for outcome in OUTCOMES}
    return (f"recheck {slug}: {len(result['articles'])} articles asked again; {counts['changed']} changed (new version), "
            f"{counts['removed']} removed, {counts['unchanged'] + counts['not_modified']} unchanged "
            f"({counts['not_modified']} answered 304), {counts['failed']} failed")
