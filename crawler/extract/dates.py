"""The published and modified dates: every date statement about a page, in `RULES` (and
`MODIFIED_RULES`) order, and the one chosen.

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
#: `<meta>` names and properties that state a modification time, most specific first.
_MODIFIED_META = ("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
                  "article.updated", "modified_time", "last-modified", "dc.date.modified", "dcterms.modified",
                  "parsely-updated", "sailthru.lastmodifieddate")
#: A short line that starts by calling its date an update ("Updated: ...", "Last modified ...",
#: "This article was updated on ..."): a reader's sign of a change, wherever the template puts it.
_UPDATE_LINE = re.compile(r"^\W*(?:(?:last\s+)?(?:updated?|modified|edited|revised)\b"
                          r"|this\s+(?:article|story|report|post|page)\s+(?:was|has\s+been)\s+(?:updated|modified|revised)\b)",
                          re.I)


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

#: What separates an update label from its date: "Updated: ", "Updated on ", "updated at ".
_AFTER_LABEL = re.compile(r"^[\W_]*(?:(?:on|at)\b[\W_]*)?", re.I)


def modified_candidates(tree, declared: dict, meta: dict, hints: dict, language: str | None):
    """Every statement that the page was changed, in `MODIFIED_RULES` order, each a `PublishedDate`.

    Only statements of a change count: `dateModified`, the `<meta>` modification times, a visible
    "Updated ..." line (or a `<time>` the words around call an update), the feed entry's `<updated>`
    (hint `feed_updated`) and the sitemap's `<lastmod>` (hint `sitemap_lastmod`).
    """
    yield _ruled(parse_machine_date(declared.get("dateModified")), "jsonld-dateModified")
    for key in _MODIFIED_META:
        yield _ruled(parse_machine_date(meta.get(key)), "meta-modified_time")
    for value in tree.xpath('//*[@itemprop="dateModified"]/@content | //*[@itemprop="dateModified"]/@datetime'):
        yield _ruled(parse_machine_date(value), "meta-modified_time")
    scope = article_scope(tree)
    yield from _visible_updates(scope, language)
    if scope is not tree:
        yield from _visible_updates(tree, language)
    yield _ruled(parse_machine_date(hints.get("feed_updated")), "feed-updated")
    yield _ruled(parse_machine_date(hints.get("sitemap_lastmod")), "sitemap-lastmod")


def choose_modified(candidates, fetched_at: PublishedDate | None) -> PublishedDate | None:
    """The first plausible modification time in `MODIFIED_RULES` order, refined by a later, more
    precise one that agrees (as `choose_published` does); None when nothing states a change (never
    the crawl time: a page nobody says was changed has no modification time)."""
    return _choose(candidates, _latest(fetched_at), refines=lambda candidate: True)


def _ruled(found: PublishedDate | None, rule: str) -> PublishedDate | None:
    return PublishedDate(found.value, found.precision, found.has_offset, rule) if found else None


def _latest(fetched_at: PublishedDate | None) -> datetime | None:
    """The latest possible date: the fetch plus a day (for time zones); None when the fetch is unknown."""
    if fetched_at is None or fetched_at.precision != "instant":
        return None
    latest = datetime.fromisoformat(fetched_at.value)
    return (latest if latest.tzinfo else latest.replace(tzinfo=timezone.utc)) + timedelta(days=1)


def _choose(candidates, latest: datetime | None, refines) -> PublishedDate | None:
    chosen: PublishedDate | None = None
    for candidate in candidates:
        if candidate is None or not _plausible(candidate, latest):
            continue
        if chosen is None:
            chosen = candidate
        elif candidate.rank > chosen.rank and refines(candidate) and _agrees(chosen, candidate):
            chosen = candidate
        if chosen.rank == 2:  # an instant with offset: nothing later can refine it (and parsing costs)
            break
    return chosen


def choose_published(candidates, fetched_at: PublishedDate | None) -> PublishedDate | None:
    """The first plausible candidate in `RULES` order, refined by a later, more precise one that agrees.

    "Agrees" means a later statement says everything the chosen one says: a day is refined by an
    instant on that day (in the instant's own offset), a wall-clock time without offset by an instant
    with the same wall-clock time. So a JSON-LD "2026-03-04" next to an `article:published_time` of
    "2026-03-04T15:05:00-05:00" gives the instant (rule "meta"), while a contradicting later statement
    is ignored. Sitemap `lastmod` (a modification time) never refines. Dates after the fetch (plus a
    day, for time zones) are impossible and skipped. Nothing at all gives the crawl time.
    """
    chosen = _choose(candidates, _latest(fetched_at), refines=lambda candidate: candidate.rule != "sitemap")
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
    if coarse.precision == "month":
        return fine.local_day().isoformat()[:7] == coarse.value
    if coarse.precision == "day":
        return fine.local_day() == coarse.local_day()
    return datetime.fromisoformat(fine.value).replace(tzinfo=None) == datetime.fromisoformat(coarse.value)


def parse_machine_date(value, rule: str | None = None) -> PublishedDate | None:
    """A machine-readable date (ISO 8601, RFC 822, or failing those a human-readable one) as a `PublishedDate`."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}", value):  # a month (W3C datetime allows it: sitemaps use it)
        month = _month(value)
        return PublishedDate(month, "month", False, rule) if month else None
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


def _visible_updates(scope, language: str | None, limit: int = 8):
    """"Updated ..." lines a reader sees: a `<time>` the words around call an update (its `datetime`),
    or a short element whose text starts with an update label, read after the label (the date
    before it, if any, is the publication)."""
    for element in scope.iter("time"):
        if element.get("datetime") and not outside_article(element) and _labelled_update(element):
            yield _ruled(parse_machine_date(element.get("datetime")), "visible-updated")
    found = 0
    for element in scope.iter():
        if not isinstance(element.tag, str) or element.tag in EXCLUDED_TAGS or element.tag == "time":
            continue
        text = " ".join(element.text_content().split())
        if not 6 <= len(text) <= 160:
            continue
        label = UPDATE_LABEL.search(text)
        attrs = f"{element.get('class', '')} {element.get('id', '')} {element.get('itemprop', '')}"
        if label is None or not (_UPDATE_LINE.search(text) or _DATE_HINT.search(attrs)) or outside_article(element):
            continue
        if any(_UPDATE_LINE.search(" ".join(child.text_content().split())) for child in element
               if isinstance(child.tag, str)):
            continue  # the child carrying the line is read on its own
        parsed = parse_dateline(_AFTER_LABEL.sub("", text[label.end():]), language=language)
        if parsed is not None:
            yield PublishedDate(parsed.value, parsed.precision, parsed.has_offset, "visible-updated")
        found += 1
        if found >= limit:
            break


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
#: A `/YYYY/MM/` folder pair with no day after it: the URL states the month only.
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")


def _url_date(url: str) -> PublishedDate | None:
    """A `/YYYY/MM/DD/`-style date in the URL path (also `YYYY-MM-DD` and `YYYYMMDD`): a day; a
    `/YYYY/MM/` pair alone: a month, kept a month (never the first of it, nor the crawl time)."""
    path = urlsplit(url).path
    match = _URL_DATE.search(path)
    if match:
        try:
            return PublishedDate(date(*map(int, match.groups())).isoformat(), "day", False, "url")
        except ValueError:
            return None
    match = _URL_MONTH.search(path)
    return PublishedDate(f"{match.group(1)}-{match.group(2)}", "month", False, "url") if match else None


def _month(value: str) -> str | None:
    try:
        date.fromisoformat(value + "-01")
    except ValueError:
        return None
    return value
