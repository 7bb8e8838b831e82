"""The `story` spider: crawls every outlet of one story config from its seeds, feeds and sitemaps."""
from __future__ import annotations

from datetime import datetime, timezone

import feedparser
import scrapy
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap

from crawler.extract import extract_page
from crawler.items import ArticleItem
from crawler.urls import clean_url
from newsclaims.config import load_story, origin_of


class StorySpider(scrapy.Spider):
    """Crawl one story: `scrapy crawl story -a story=demo` (a bundled slug or a path to a TOML file).

    Sitemaps are parsed with Scrapy's own `Sitemap`, feeds with feedparser, links with Scrapy's
    `LinkExtractor`; the `OriginMiddleware` keeps every request on the story's outlets. A page is
    stored only when its path matches the outlet's `article_paths` and the extractor finds at least
    NEWSCLAIMS_MIN_WORDS words; other pages are still followed for links.

    Settings: NEWSCLAIMS_STORY (when no `story` argument is given), NEWSCLAIMS_MIN_WORDS, DEPTH_LIMIT.
    """

    name = "story"

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        story = kwargs.get("story") or crawler.settings.get("NEWSCLAIMS_STORY")
        if not story:
            raise ValueError("the story spider needs a story: -a story=SLUG_OR_PATH or -s NEWSCLAIMS_STORY=...")
        spider.story = load_story(story)
        spider.allowed_origins = {outlet.origin for outlet in spider.story.outlets}
        spider.min_words = crawler.settings.getint("NEWSCLAIMS_MIN_WORDS")
        spider.max_sitemap_size = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        return spider

    async def start(self):
        for outlet in self.story.outlets:
            for url in outlet.urls("sitemaps"):
                yield scrapy.Request(url, callback=self.parse_sitemap)
            for url in outlet.urls("feeds"):
                yield scrapy.Request(url, callback=self.parse_feed)
            for url in outlet.urls("seeds"):
                yield scrapy.Request(url, callback=self.parse_page)

    def page_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(clean_url(url), callback=self.parse_page)

    def parse_sitemap(self, response):
        body = response.body
        if gzip_magic_number(response):
            body = gunzip(body, max_size=self.max_sitemap_size)
        sitemap = Sitemap(body)
        for entry in sitemap:
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(entry["loc"], callback=self.parse_sitemap)
            elif sitemap.type == "urlset":
                yield self.page_request(entry["loc"])

    def parse_feed(self, response):
        feed = feedparser.parse(response.body)
        for entry in feed.entries:
            if entry.get("link"):
                yield self.page_request(response.urljoin(entry["link"]))

    def parse_page(self, response):
        if not isinstance(response, HtmlResponse):
            return
        self.crawler.stats.inc_value("newsclaims/pages_seen")
        for link in LinkExtractor().extract_links(response):
            yield self.page_request(link.url)
        outlet = self.story.outlet_for(response.url)
        if outlet is None or not outlet.is_article_path(response.url):
            self.crawler.stats.inc_value("newsclaims/skipped/not_article")
            return
        page = extract_page(response.text, response.url)
        if page is None or page.word_count < self.min_words:
            self.crawler.stats.inc_value("newsclaims/skipped/too_short")
            self.logger.info("Skipped %s: under %d words of article text", response.url, self.min_words)
            return
        url = clean_url(response.url)
        # A canonical link is the outlet's own word on the article's URL, but only within the outlet:
        # a canonical to another outlet marks syndication, never a reason to merge two outlets' rows.
        if page.canonical_url and origin_of(page.canonical_url) == outlet.origin:
            url = clean_url(page.canonical_url)
        yield ArticleItem(
            url=url,
            origin=outlet.origin,
            fetched_url=response.url,
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            http_status=response.status,
            title=page.title,
            text=page.text,
            content_hash=page.content_hash,
            body=response.body,
            headers={k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
            author=page.author,
            published=page.published,
            published_rule=page.published_rule,
            outlet_name=page.outlet_name or outlet.name,
            language=page.language,
            description=page.description,
            keywords=page.keywords,
        )
