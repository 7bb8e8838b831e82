"""The `story` spider: crawls every outlet of one story config from its seeds, feeds and sitemaps."""
from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

import feedparser
import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.misc import build_from_crawler, load_object

from analysis.topic import topic_match
from crawler import revisit
from crawler import settings as project_defaults
from crawler.clock import utc_now, utc_timestamp
from crawler.extract import UndecodablePage, extract_response
from crawler.items import ArticleItem, PageSeen, RemovedPage
from crawler.sitemaps import NewsSitemap, sitemap_urls_from_robots
from crawler.urls import clean_url
from newsclaims.config import StoryConfigError, load_story, origin_of

logger = logging.getLogger(__name__)

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
#: Answers that say a page is gone: its removal is recorded when it was a stored article.
GONE = frozenset({404, 410})

#: Publication dates the page's metadata or the site's feed or sitemap state (`crawler.extract.RULES`):
#: an article's, which index pages do not have.
_METADATA_DATES = frozenset({"json-ld", "meta", "feed", "sitemap"})


class StorySpider(scrapy.Spider):
    """Crawl one story: `scrapy crawl story -a story=demo` (a bundled slug or a path to a TOML file).

    Discovery: seeds with bounded link following (DEPTH_LIMIT), RSS/Atom feeds (feedparser; also the
    `<link rel="alternate">` feeds a page announces), sitemaps (Scrapy's parser; gzipped, sitemap
    indexes, Google News) and the `Sitemap:` lines of robots.txt. The `OriginMiddleware` keeps every
    request on the story's outlets.

    Incremental: every URL seen is yielded as an item (the pipeline records it), and what earlier
    crawls saw is asked of the page memory (`crawler.page_memory`, NEWSCLAIMS_PAGE_MEMORY), so a page
    is re-requested conditionally with its ETag/Last-Modified (an unchanged one costs a 304); an
    article older than the story's `revisit.young_days` is requested again only when its sitemap or
    feed entry changed (`crawler.revisit`).

    A page is stored when its path matches the outlet's `article_paths`, it is not an index of other
    articles (`crawler.extract.pagetype`), the extractor finds at least NEWSCLAIMS_MIN_WORDS words
    (NEWSCLAIMS_MIN_BRIEF_WORDS for a page that states it is an article, `_too_short`),
    and it passes the story's topic filter; every other page is recorded in `pages` with the reason.
    A feed or sitemap met as a page (given as a seed, say) is read as one. With `-a urls=...` (a
    list; `newsclaims add`) only those pages are fetched, and each is stored whatever the paths and
    the topic say: the user found it by hand. With `-a recheck=1` as well (`newsclaims recheck`) those
    pages are asked for conditionally, so an unchanged one costs a 304 and adds nothing.

    Removal: a stored article whose page now answers 404 or 410, or has no article text left (under
    NEWSCLAIMS_MIN_WORDS words), is yielded as a `RemovedPage`; the store keeps it as a version of
    its own, so the record of corrections shows the removal.

    Settings: NEWSCLAIMS_STORY (when no `story` argument is given), NEWSCLAIMS_PAGE_MEMORY,
    NEWSCLAIMS_EXTRACT_PROCESSES, NEWSCLAIMS_MIN_WORDS, NEWSCLAIMS_MIN_BRIEF_WORDS, NEWSCLAIMS_VARIANT_CUTOFF, DEPTH_LIMIT,
    DOWNLOAD_MAXSIZE, USER_AGENT.
    """

    name = "story"

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        story = kwargs.get("story") or crawler.settings.get("NEWSCLAIMS_STORY")
        try:
            if not story:
                raise StoryConfigError("the story spider needs a story: -a story=SLUG_OR_PATH or "
                                       "-s NEWSCLAIMS_STORY=SLUG_OR_PATH")
            spider.story = load_story(story)
        except StoryConfigError as exc:
            # Raised here, an exception becomes a traceback in Scrapy's log ("Task exception was never
            # retrieved"); `scrapy crawl` users get one line and exit status 2 instead, as for a usage error.
            logger.error("%(error)s", {"error": exc})
            raise SystemExit(2) from None
        spider.allowed_origins = {outlet.origin for outlet in spider.story.outlets}
        spider.min_words = crawler.settings.getint("NEWSCLAIMS_MIN_WORDS")
        spider.min_brief_words = crawler.settings.getint("NEWSCLAIMS_MIN_BRIEF_WORDS")
        spider.score_cutoff = crawler.settings.getfloat("NEWSCLAIMS_VARIANT_CUTOFF")
        spider.max_sitemap_size = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        spider.user_agent_header = (f"{crawler.settings.get('USER_AGENT')} contact: {spider.story.contact}"
                                    if spider.story.contact else None)
        spider.requested: set[str] = set()  # links already turned into requests in this crawl
        # Pages the user named (`newsclaims add`): only these are fetched, and each is stored as an
        # article whatever article_paths and the topic filter say.
        spider.given_urls = [url for url in kwargs.get("urls") or [] if url]
        # `newsclaims recheck`: the given pages are stored articles asked for again, conditionally.
        spider.recheck = str(kwargs.get("recheck") or "").lower() in ("1", "true", "yes")
        spider.extract_processes = crawler.settings.getint("NEWSCLAIMS_EXTRACT_PROCESSES")
        spider.executor = None
        crawler.signals.connect(spider.close_executor, signal=signals.spider_closed)
        # A crawler built without the project settings (get_crawler in a test) gets the project default.
        memory_class = load_object(crawler.settings.get("NEWSCLAIMS_PAGE_MEMORY")
                                   or project_defaults.NEWSCLAIMS_PAGE_MEMORY)
        spider.memory = build_from_crawler(memory_class, crawler)
        spider.memory.open(spider.allowed_origins)
        crawler.signals.connect(spider.close_memory, signal=signals.spider_closed)
        return spider

    async def start(self):
        self.start_executor()
        if self.given_urls:
            for url in self.given_urls:
                yield self.request(url, self.parse_page, conditional=self.recheck, given=True)
            return
        for outlet in self.story.outlets:
            requests = [self.request(outlet.origin + "/robots.txt", self.parse_robots, conditional=False)]
            requests += [self.request(url, self.parse_sitemap) for url in outlet.urls("sitemaps")]
            requests += [self.request(url, self.parse_feed) for url in outlet.urls("feeds")]
            requests += [self.request(url, self.parse_page) for url in outlet.urls("seeds")]
            for request in requests:
                if request is not None:
                    yield request
        # Known articles still young, and pages that failed for a passing reason, are re-checked even
        # when no index links to them any more (an index that answers 304 lists nothing).
        young_days, backoff_days = self.story.revisit.young_days, self.story.revisit.backoff_days
        for known in sorted(self.memory.pages(), key=lambda page: page.url):
            if revisit.recheck_unprompted(known, now=utc_now(), young_days=young_days, backoff_days=backoff_days):
                for request in _some(self.request(known.url, self.parse_page)):
                    yield request

    # --- requests ---------------------------------------------------------------------------------

    def request(self, url: str, callback, *, hints: dict | None = None, conditional: bool = True,
                given: bool = False):
        """A request for `url` (cleaned), conditional on what the last crawl saw; None when not due.
        `given`: a page the user named (`urls`), always fetched and stored when it has text."""
        url = clean_url(url)
        known = self.memory.recall(url)
        hints = {key: value for key, value in (hints or {}).items() if value}
        if callback == self.parse_page and known and not given and not revisit.is_due(
                known, hints, now=utc_now(), young_days=self.story.revisit.young_days,
                backoff_days=self.story.revisit.backoff_days):
            self.crawler.stats.inc_value("newsclaims/skipped/not_due")
            return None
        headers = {"User-Agent": self.user_agent_header} if self.user_agent_header else {}
        if conditional and known:
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        return scrapy.Request(url, callback=callback, errback=self.on_error, headers=headers, dont_filter=given,
                              meta={"hints": hints, "handle_httpstatus_list": [304], "given": given})

    def on_error(self, failure):
        """One bad URL (too large, a gzip bomb, an HTTP error, a timeout) is counted and recorded, and the
        crawl goes on. Scrapy has already logged it, once (the size check, the decompression limit, the
        retry middleware), so nothing more is logged here."""
        request = failure.request
        http_status = None
        if failure.check(HttpError):
            http_status = failure.value.response.status
            reason, key = f"HTTP {http_status}", "error"
        elif failure.check(IgnoreRequest):
            reason = str(failure.value) or "ignored"
            key = "offsite" if reason.startswith("off-site") else "robots" if "robots" in reason.lower() else "ignored"
        else:
            reason = f"{failure.type.__name__}: {failure.value}"
            key = "error"
        self.crawler.stats.inc_value(f"newsclaims/refused/{key}")
        if http_status in GONE and self._was_stored(request):
            response = failure.value.response
            return self._removed(response, reason, text="")
        if key in ("error", "ignored"):
            return PageSeen(url=request.url, origin=origin_of(request.url), status="error", reason=reason[:500],
                            http_status=http_status, fetched_at=utc_timestamp())
        return None

    def _too_short(self, page) -> bool:
        """Under NEWSCLAIMS_MIN_WORDS words of article text, or under NEWSCLAIMS_MIN_BRIEF_WORDS for a
        page that is stated to be an article: its metadata declares an article type, or its metadata,
        the site's feed or its sitemap give its publication time. A wire brief or a video's caption is
        coverage however short; a section front or a page of links has neither."""
        if page.word_count >= self.min_words:
            return False
        states = page.declared_article or page.published_rule in _METADATA_DATES
        return not states or page.word_count < self.min_brief_words

    def _was_stored(self, request) -> bool:
        """Whether the page was stored as an article before: one the memory knows as an article (or
        as removed), or one `newsclaims recheck` asked for."""
        if request.meta.get("given") and self.recheck:
            return True
        known = self.memory.recall(clean_url(request.url))
        return known is not None and known.status in revisit.REVISITED

    def _removed(self, response, reason: str, *, text: str, title: str | None = None) -> RemovedPage:
        """A stored article whose page is gone or emptied, as an item the store keeps as a version."""
        self.crawler.stats.inc_value("newsclaims/removed")
        fetched_at = utc_timestamp()
        url = clean_url(response.url)
        page = {"url": url, "origin": origin_of(response.url), "http_status": response.status,
                "fetched_at": fetched_at, "etag": _header(response, b"ETag"),
                "last_modified": _header(response, b"Last-Modified"), "status": "removed", "reason": reason,
                **response.meta.get("hints", {})}
        return RemovedPage(url=url, origin=origin_of(response.url), fetched_url=response.url, fetched_at=fetched_at,
                           http_status=response.status, reason=reason, text=text, title=title, body=response.body,
                           headers=_headers(response), page=page)

    # --- discovery --------------------------------------------------------------------------------

    def parse_robots(self, response):
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if origin_of(url) == origin_of(response.url):
                yield from _some(self.request(url, self.parse_sitemap))

    def parse_sitemap(self, response):
        if response.status == 304:
            return
        body = response.body
        if gzip_magic_number(response):
            body = gunzip(body, max_size=self.max_sitemap_size)
        sitemap = NewsSitemap(body)
        for entry in sitemap:
            if sitemap.type == "sitemapindex":
                yield from _some(self.request(entry["loc"], self.parse_sitemap))
            elif sitemap.type == "urlset":
                news = entry.get("news", {})
                # A Google News publication date is the publisher's own statement, like a feed's.
                yield from _some(self.request(entry["loc"], self.parse_page,
                                              hints={"sitemap_lastmod": entry.get("lastmod"),
                                                     "feed_published": news.get("publication_date")}))

    def parse_feed(self, response):
        if response.status == 304:
            return
        feed = feedparser.parse(response.body)
        for entry in feed.entries:
            if entry.get("link"):
                # The feed's own string (RFC 822 or ISO), so the outlet's offset survives for the
                # "same day in the page's own offset" comparisons; the extractor parses it.
                published = entry.get("published") or entry.get("updated")
                # An entry's own <updated> only (feedparser would answer `updated` with the
                # publication date when there is none): a modification time, and a sign of an edit.
                updated = dict.get(entry, "updated")
                yield from _some(self.request(response.urljoin(entry["link"]), self.parse_page,
                                              hints={"feed_published": published, "feed_updated": updated}))

    async def extract(self, body: bytes, content_type: str | None, url: str, hints: dict):
        """Extraction is CPU-bound: in a worker process it runs beside the reactor, which goes on
        fetching, following links and storing (NEWSCLAIMS_EXTRACT_PROCESSES; 0 runs it inline)."""
        if self.extract_processes <= 0:
            return extract_response(body, content_type, url, hints=hints)
        return await asyncio.wrap_future(self.executor.submit(extract_response, body, content_type, url, hints=hints))

    def start_executor(self) -> None:
        """Start the extraction workers and let them import the extractor while robots.txt, feeds
        and sitemaps are fetched. Spawned, not forked: a forked worker would share the crawl lock
        (and every other open file) and could outlive a killed crawl holding it."""
        if self.extract_processes > 0 and self.executor is None:
            self.executor = ProcessPoolExecutor(self.extract_processes, mp_context=multiprocessing.get_context("spawn"),
                                                initializer=_die_with_parent)
            for _ in range(self.extract_processes):
                self.executor.submit(extract_response, b"<html><body><p>warm up</p></body></html>", None, "http://localhost/")

    def close_memory(self, spider=None, reason=None):
        self.memory.close()

    def close_executor(self, spider=None, reason=None):
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    async def parse_page(self, response):
        hints = response.meta.get("hints", {})
        fetched_at = utc_timestamp()
        seen = {"url": clean_url(response.url), "origin": origin_of(response.url), "http_status": response.status,
                "fetched_at": fetched_at, "etag": _header(response, b"ETag"),
                "last_modified": _header(response, b"Last-Modified"), **hints}
        if response.status == 304:
            self.crawler.stats.inc_value("newsclaims/unchanged_304")
            known = self.memory.recall(seen["url"])
            yield PageSeen(**seen, status=(known.status if known else None) or "unchanged")
            return
        kind = _index_kind(response)
        if kind is not None:
            # A feed or sitemap given as a seed (or linked from a page) is read as one, not dropped as
            # "not an article": its entries are what the user wanted crawled.
            self.crawler.stats.inc_value(f"newsclaims/{kind}s_as_pages")
            parse = self.parse_feed if kind == "feed" else self.parse_sitemap
            for result in parse(response):
                yield result
            # Remembered (an earlier error cleared) without validators: a feed is read in full every time.
            yield PageSeen(**{**seen, "etag": None, "last_modified": None}, status="not-article",
                           reason=f"read as a {kind}")
            return
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("newsclaims/skipped/not_html")
            yield PageSeen(**seen, status="not-article", reason="not a text response")
            return
        self.crawler.stats.inc_value("newsclaims/pages_seen")
        given = response.meta.get("given", False)
        for request in () if given else self.follow(response):
            yield request
        outlet = self.story.outlet_for(response.url)
        if outlet is None or not (given or outlet.is_article_path(response.url)):
            self.crawler.stats.inc_value("newsclaims/skipped/not_article")
            yield PageSeen(**seen, status="not-article")
            return
        try:
            page = await self.extract(response.body, _header(response, b"Content-Type"), response.url,
                                      {**hints, "fetched_at": fetched_at,
                                       "content_language": _header(response, b"Content-Language")})
        except UndecodablePage as exc:
            self.crawler.stats.inc_value("newsclaims/skipped/undecodable")
            self.logger.warning("Skipped %s: cannot decode: %s", response.url, exc)
            yield PageSeen(**seen, status="error", reason=f"undecodable: {exc}")
            return
        if page is not None and page.listing and not given:
            # An index under article_paths (a section front, a tag page): its teasers would pass every
            # length and topic check, and be stored as an article that is not one.
            self.crawler.stats.inc_value("newsclaims/skipped/listing")
            yield PageSeen(**seen, status="not-article", reason=f"listing page: {page.listing}"[:500])
            return
        if (page is None or self._too_short(page)) and self._was_stored(response.request):
            # A stored article emptied (or cut below the minimum): a removal, kept as a version.
            reason = "no article text" if page is None else f"under {self.min_words} words"
            yield self._removed(response, reason, text=page.text if page else "", title=page.title if page else None)
            return
        if page is None or (self._too_short(page) and not given):
            self.crawler.stats.inc_value("newsclaims/skipped/too_short")
            self.logger.info("Skipped %s: under %d words of article text", response.url, self.min_words)
            yield PageSeen(**seen, status="too-short", reason=f"under {self.min_words} words")
            return
        match = topic_match([page.title or "", page.text], names=self.story.topic.names,
                            keywords=self.story.topic.keywords, score_cutoff=self.score_cutoff)
        if match is None and not given:
            self.crawler.stats.inc_value("newsclaims/skipped/off_topic")
            yield PageSeen(**seen, status="off-topic", content_hash=page.content_hash, published=page.published,
                           reason="no topic name or keyword in title or text")
            return
        url = clean_url(response.url)
        syndicated_from = None
        if page.canonical_url:
            if origin_of(page.canonical_url) == outlet.origin:
                # The outlet's own word on its article's URL, honoured within the outlet only.
                url = clean_url(page.canonical_url)
            else:
                # A canonical to another outlet marks syndication: evidence of copying, never a merge.
                syndicated_from = clean_url(page.canonical_url)
        yield ArticleItem(
            url=url,
            origin=outlet.origin,
            fetched_url=response.url,
            fetched_at=fetched_at,
            http_status=response.status,
            title=page.title,
            text=page.text,
            content_hash=page.content_hash,
            body=response.body,
            headers=_headers(response),
            author=page.author,
            published=page.published,
            published_rule=page.published_rule,
            published_precision=page.published_precision,
            published_has_offset=page.published_has_offset,
            outlet_name=page.outlet_name or outlet.name,
            language=page.language,
            description=page.description,
            keywords=page.keywords,
            captions=page.captions,
            syndicated_from=syndicated_from,
            modified=page.modified,
            modified_precision=page.modified_precision,
            modified_rule=page.modified_rule,
            page={**seen, "url": clean_url(response.url), "content_hash": page.content_hash,
                  "published": page.published},
        )

    def follow(self, response):
        if not isinstance(response, HtmlResponse):
            return
        for link in LinkExtractor().extract_links(response):
            # Most links on an article page point where the crawl has already been (nav, related
            # links): skip them before building a request the dupefilter would drop anyway.
            if link.url in self.requested:
                continue
            self.requested.add(link.url)
            outlet = self.story.outlet_for(link.url)
            if outlet is not None and not outlet.is_followed_path(link.url):
                self.crawler.stats.inc_value("newsclaims/skipped/not_followed")
                continue
            yield from _some(self.request(link.url, self.parse_page))
        for element in response.xpath("//link[@rel='alternate'][@href]"):
            if element.attrib.get("type", "").lower() in _FEED_TYPES:
                yield from _some(self.request(response.urljoin(element.attrib["href"]), self.parse_feed))


def _die_with_parent() -> None:
    """In an extraction worker: ask Linux to kill this process when the crawl dies, however it dies
    (a SIGKILLed crawl cannot shut its pool down, and an idle worker would wait forever)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the crawl died before the request took effect
            os._exit(0)


_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
_SITEMAP_MARKERS = (b"<urlset", b"<sitemapindex")


def _index_kind(response) -> str | None:
    """"feed" or "sitemap" when a response is one (by Content-Type, or by its first tag for XML served
    as text), else None."""
    content_type = (_header(response, b"Content-Type") or "").lower()
    if any(kind in content_type for kind in ("rss", "atom", "feed+json")):
        return "feed"
    if "html" in content_type:
        return None
    head = response.body[:2048].lower()
    if any(marker in head for marker in _FEED_MARKERS):
        return "feed"
    if any(marker in head for marker in _SITEMAP_MARKERS):
        return "sitemap"
    return None


def _some(request):
    return [] if request is None else [request]


def _headers(response) -> dict:
    return {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
