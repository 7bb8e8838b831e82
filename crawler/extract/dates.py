"""The published date: every date statement about a page, in `RULES` order, and the one chosen.

Dates are the weak field of every extractor, and later stages order outlets by them ("who was first",
or a tie), so each published date carries its provenance (see `crawler.extract.records.PublishedDate`).
Human-readable datelines are parsed by `crawler.extract.datelines`.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from crawler.extract.datelines import UPDATE_LABEL, parse_dateline
from crawler.extract.records import MIN_YEAR, PublishedDate, instant
from crawler.extract.scope import EXCLUDED_TAGS, article_scope, outside_article

#: `<meta>` names and properties that state a publication date, most specific first.
_DATE_META = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
              "article.published", "published_time", "publish-date", "publishdate", "pubdate", "date",
              "dc.date.issued", "dcterms.issued", "dcterms.date", "dc.date", "dcterms.created",
              "citation_publication_date", "sailthru.date", "parsely-pub-date", "rnews:datepublished")
_DATE_HINT = re.compile(r"date|time|publish|posted|byline|meta|stamp", re.I)
_PUBLISH_LABEL = re.compile(r"\b(?:published|posted|first\s+published|created|released?)\b", re.I)


def date_candidates(tree, url: str, declared: dict, meta: dict, htmldate_value: str | None, hints: dict,
                     language: str | None):
    """Every date statement about the page, in `RULES` order, each parsed to a `PublishedDate`."""
    yield parse_machine_date(declared.get("datePublished"), "json-ld")
    for key in _DATE_META:
        yield parse_machine_date(meta.get(key), "meta")
    for value in tree.xpath('//*[@itemprop="datePublished"]/@content | //*[@itemprop="datePublished"]/@datetime'):
        yield parse_machine_date(value, "meta")
    scope = article_scope(tree)
    yield from _time_elements(scope)
    yield from _visible_datelines(scope, language)
    if scope is not tree:
        yield from _time_elements(tree)
        yield from _visible_datelines(tree, language)
    yield parse_machine_date(hints.get("feed_published"), "feed")
    yield parse_machine_date(hints.get("sitemap_lastmod"), "sitemap")
    yield _url_date(url)
    yield parse_machine_date(htmldate_value, "htmldate")


def choose_published(candidates, fetched_at: PublishedDate | None) -> PublishedDate | None:
    """The first plausible candidate in `RULES` order, refined by a later, more precise one that agrees.

    "Agrees" means a later statement says everything the chosen one says: a day is refined by an
    instant on that day (in the instant's own offset), a wall-clock time without offset by an instant
    with the same wall-clock time. So a JSON-LD "2026-03-04" next to an `article:published_time` of
    "2026-03-04T15:05:00-05:00" gives the instant (rule "meta"), while a contradicting later statement
    is ignored. Sitemap `lastmod` (a modification time) never refines. Dates after the fetch (plus a
    day, for time zones) are impossible and skipped. Nothing at all gives the crawl time.
    """
    latest = None
    if fetched_at is not None and fetched_at.precision == "instant":
        latest = datetime.fromisoformat(fetched_at.value)
        latest = (latest if latest.tzinfo else latest.replace(tzinfo=timezone.utc)) + timedelta(days=1)
    chosen: PublishedDate | None = None
    for candidate in candidates:
        if candidate is None or not _plausible(candidate, latest):
            continue
        if chosen is None:
            chosen = candidate
        elif candidate.rank > chosen.rank and candidate.rule != "sitemap" and _agrees(chosen, candidate):
            chosen = candidate
        if chosen.rank == 2:  # an instant with offset: nothing later can refine it (and parsing costs)
            break
    if chosen is None and fetched_at is not None:
        return PublishedDate(fetched_at.value, fetched_at.precision, fetched_at.has_offset, "crawl-time")
    return chosen


def _plausible(candidate: PublishedDate, latest: datetime | None) -> bool:
    value = candidate.parsed
    if value.year < MIN_YEAR:
        return False
    if latest is None:
        return True
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)) <= latest
    return value <= latest.date()


def _agrees(coarse: PublishedDate, fine: PublishedDate) -> bool:
    if coarse.precision == "day":
        return fine.local_day() == coarse.local_day()
    return datetime.fromisoformat(fine.value).replace(tzinfo=None) == datetime.fromisoformat(coarse.value)


def parse_machine_date(value, rule: str | None = None) -> PublishedDate | None:
    """A machine-readable date (ISO 8601, RFC 822, or failing those a human-readable one) as a `PublishedDate`."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return PublishedDate(date.fromisoformat(value).isoformat(), "day", False, rule)
        except ValueError:
            return None
    parsed = None
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", value)
                                        else value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            found = parse_dateline(value)
            return PublishedDate(found.value, found.precision, found.has_offset, rule) if found else None
    return instant(parsed, rule)


def _labelled_update(element) -> bool:
    """Whether the words around `element` call its date an update rather than the publication."""
    parent = element.getparent()
    context = parent.text_content() if parent is not None and len(parent.text_content()) < 200 else ""
    context = f"{context} {element.text_content()} {element.get('class', '')} {element.get('itemprop', '')}"
    return bool(UPDATE_LABEL.search(context)) and not _PUBLISH_LABEL.search(context)


def _time_elements(scope):
    """`<time datetime>` values in `scope`, publication-labelled before update-labelled ones."""
    elements = [t for t in scope.iter("time") if t.get("datetime") and not outside_article(t)]
    elements.sort(key=_labelled_update)  # stable: document order within each group
    for element in elements:
        yield parse_machine_date(element.get("datetime"), "time-element")


def _visible_datelines(scope, language: str | None, limit: int = 8):
    """Dates a reader sees near the headline: short elements whose class, id or itemprop says date."""
    found = []
    for element in scope.iter():
        if not isinstance(element.tag, str) or element.tag in EXCLUDED_TAGS:
            continue
        attrs = f"{element.get('class', '')} {element.get('id', '')} {element.get('itemprop', '')}"
        if element.tag != "time" and not _DATE_HINT.search(attrs):
            continue
        text = " ".join(element.text_content().split())
        if not 6 <= len(text) <= 160 or outside_article(element):
            continue
        found.append(element)
        if len(found) >= limit:
            break
    found.sort(key=_labelled_update)
    for element in found:
        parsed = parse_dateline(element.text_content(), language=language)
        if parsed is not None:
            yield PublishedDate(parsed.value, parsed.precision, parsed.has_offset, "visible-dateline")


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def _url_date(url: str) -> PublishedDate | None:
    """A `/YYYY/MM/DD/`-style date in the URL path (also `YYYY-MM-DD` and `YYYYMMDD`): a day."""
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    try:
        return PublishedDate(date(*map(int, match.groups())).isoformat(), "day", False, "url")
    except ValueError:
        return None
