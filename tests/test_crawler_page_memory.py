"""The page-memory seam: the spider asks `NEWSCLAIMS_PAGE_MEMORY` what earlier crawls saw; the default reads the store."""
import asyncio
from datetime import timedelta

import pytest
from scrapy.utils.test import get_crawler

from crawler.clock import utc_now
from crawler.page_memory import InMemoryPageMemory, KnownPage
from crawler.spiders.story import StorySpider
from newsclaims import store
from newsclaims.page_memory import StorePageMemory

ORIGIN = "http://127.0.0.1:8001"
RECENT = (utc_now() - timedelta(hours=1)).isoformat()


class FixedPageMemory(InMemoryPageMemory):
    """A memory with three pages, built by class path like any other; records what the spider did with it."""

    opened = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls([
            KnownPage(f"{ORIGIN}/news/old.html", status="article", published="2020-01-01", etag='"v1"',
                      last_modified="Wed, 01 Jan 2020 00:00:00 GMT", sitemap_lastmod="2020-01-01"),
            KnownPage(f"{ORIGIN}/news/young.html", status="article", published=RECENT, etag='"v2"'),
            KnownPage(f"{ORIGIN}/news/gone.html", status="error", http_status=404, first_fetched=RECENT),
        ])

    def open(self, origins):
        FixedPageMemory.opened = set(origins)


@pytest.fixture
def spider(tmp_path):
    config = tmp_path / "s.toml"
    config.write_text(f'slug = "s"\ntitle = "S"\n\n[[outlets]]\nslug = "a"\nname = "A"\norigin = "{ORIGIN}"\n'
                      'seeds = ["/"]\n')
    crawler = get_crawler(StorySpider, {"NEWSCLAIMS_PAGE_MEMORY": f"{__name__}.FixedPageMemory"})
    spider = StorySpider.from_crawler(crawler, story=str(config))
    crawler.spider = spider
    return spider


def test_the_memory_is_built_from_the_setting_and_opened_for_the_story_origins(spider):
    assert isinstance(spider.memory, FixedPageMemory)
    assert FixedPageMemory.opened == {ORIGIN}


def test_a_known_page_is_requested_conditionally(spider):
    request = spider.request(f"{ORIGIN}/news/young.html", spider.parse_page)
    assert request.headers[b"If-None-Match"] == b'"v2"'
    unknown = spider.request(f"{ORIGIN}/news/new.html", spider.parse_page)
    assert b"If-None-Match" not in unknown.headers and b"If-Modified-Since" not in unknown.headers


def test_an_old_article_waits_for_its_index_entry_to_change(spider):
    url = f"{ORIGIN}/news/old.html"
    assert spider.request(url, spider.parse_page, hints={"sitemap_lastmod": "2020-01-01"}) is None
    assert spider.crawler.stats.get_value("newsclaims/skipped/not_due") == 1
    request = spider.request(url, spider.parse_page, hints={"sitemap_lastmod": "2026-03-01"})
    assert request.headers[b"If-Modified-Since"] == b"Wed, 01 Jan 2020 00:00:00 GMT"


async def _start_urls(spider):
    return [request.url async for request in spider.start()]


def test_young_known_articles_are_rechecked_at_start_and_a_404_is_not(spider):
    spider.extract_processes = 0  # no worker pool for a test that only lists requests
    urls = asyncio.run(_start_urls(spider))
    assert f"{ORIGIN}/news/young.html" in urls
    assert f"{ORIGIN}/news/gone.html" not in urls and f"{ORIGIN}/news/old.html" not in urls


def test_known_page_ignores_columns_it_does_not_need():
    row = {"url": "http://x/a", "status": "article", "etag": '"e"', "fetches": 3, "reason": None}
    assert KnownPage.from_mapping(row) == KnownPage("http://x/a", status="article", etag='"e"')


def test_store_page_memory_reads_what_the_store_recorded_for_the_story_origins(tmp_path):
    db_path = tmp_path / "memory.db"
    db = store.open_store(db_path)
    store.record_page(db, {"url": f"{ORIGIN}/news/a.html", "origin": ORIGIN, "status": "article", "http_status": 200,
                           "etag": '"abc"', "published": "2026-03-04", "fetched_at": "2026-03-05T00:00:00.000+00:00"})
    store.record_page(db, {"url": "http://127.0.0.1:9/x.html", "origin": "http://127.0.0.1:9", "status": "article",
                           "fetched_at": "2026-03-05T00:00:00.000+00:00"})
    db.close()
    memory = StorePageMemory(str(db_path))
    memory.open({ORIGIN})
    known = memory.recall(f"{ORIGIN}/news/a.html")
    assert known == KnownPage(f"{ORIGIN}/news/a.html", status="article", http_status=200, etag='"abc"',
                              published="2026-03-04", first_fetched="2026-03-05T00:00:00.000+00:00",
                              last_fetched="2026-03-05T00:00:00.000+00:00")
    assert [page.url for page in memory.pages()] == [f"{ORIGIN}/news/a.html"]  # other origins are not loaded
    assert memory.recall("http://127.0.0.1:9/x.html") is None
    memory.close()


def test_the_project_default_is_the_store_memory_at_the_db_path(tmp_path):
    from scrapy.utils.misc import build_from_crawler, load_object

    from newsclaims.jobs import project_settings

    assert load_object(project_settings()["NEWSCLAIMS_PAGE_MEMORY"]) is StorePageMemory
    memory = build_from_crawler(StorePageMemory, get_crawler(settings_dict={"NEWSCLAIMS_DB_PATH": str(tmp_path / "d.db")}))
    assert memory.db_path == str(tmp_path / "d.db")
