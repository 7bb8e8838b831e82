"""Item pipelines: the store is the only place crawled pages go.

Shell, not crawler: the spider and every `crawler` module stay free of SQLite, and this pipeline is
switched on by class path in `ITEM_PIPELINES` (crawler/settings.py).
"""
from __future__ import annotations

from dataclasses import asdict

from scrapy import signals

from crawler.items import ArticleItem
from newsclaims import store


class StorePipeline:
    """Store each article through `newsclaims.store` and record the crawl in `crawl_runs`.

    An unchanged article (same extracted content) adds no row; counts go to the stats collector as
    `newsclaims/articles_new`, `newsclaims/articles_changed`, `newsclaims/articles_unchanged`.

    Settings: NEWSCLAIMS_DB_PATH.
    """

    def __init__(self, crawler, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.db = None
        self.run_id = None

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler, crawler.settings.get("NEWSCLAIMS_DB_PATH"))
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self):
        story = self.crawler.spider.story
        self.db = store.open_store(self.db_path)
        store.save_story(self.db, **story.as_record())
        self.run_id = store.start_crawl_run(self.db, story.slug)

    def process_item(self, item):
        if isinstance(item, ArticleItem):
            record = asdict(item)
            status = store.save_article(self.db, self.crawler.spider.story.slug, record)
            self.crawler.stats.inc_value(f"newsclaims/articles_{status}")
            store.record_page(self.db, {**record.pop("page"), "status": "article"})
        else:
            store.record_page(self.db, asdict(item))
        return item

    def spider_closed(self, spider, reason):
        if self.db is None:
            return
        stats = self.crawler.stats.get_stats()
        reasons = {key.split("/", 1)[1]: value for key, value in stats.items()
                   if key.startswith(("newsclaims/skipped/", "newsclaims/refused/"))}
        store.finish_crawl_run(self.db, self.run_id, reason, {
            "pages_seen": stats.get("newsclaims/pages_seen", 0),
            "pages_stored": stats.get("newsclaims/articles_new", 0) + stats.get("newsclaims/articles_changed", 0),
            "pages_unchanged": stats.get("newsclaims/articles_unchanged", 0) + stats.get("newsclaims/unchanged_304", 0),
            "pages_skipped": sum(v for k, v in stats.items() if k.startswith("newsclaims/skipped/")),
            "pages_refused": sum(v for k, v in stats.items() if k.startswith("newsclaims/refused/")),
            "reasons": reasons,
        })
        self.db.close()
        self.db = None
