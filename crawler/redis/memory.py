"""The page memory of a distributed run: what SQLite knew when the run opened, copied into Redis.

The writer (`newsclaims ingest`), the only process with the SQLite file, seeds the run's `memory`
hash from the store's `pages` before it publishes the run; each worker reads it once. What this run
records goes to SQLite through the writer, so the next run is seeded with it: SQLite stays the
source of truth, and a worker never needs the file.
"""
from __future__ import annotations

import json
from collections.abc import Collection

from scrapy import signals

from crawler.page_memory import InMemoryPageMemory, KnownPage
from crawler.redis.extension import ClusterWorker


class RedisPageMemory(InMemoryPageMemory):
    """Every page of the run's `memory` hash, read in one pass (HSCAN) when the spider opens.

    The spider builds its memory before the scheduler has joined the run, so `open` only notes the
    origins; the hash is read at `spider_opened`, after the scheduler has found the run (or on first
    use, whichever comes first).

    Settings: NEWSCLAIMS_REDIS_URL (through the worker extension).
    """

    def __init__(self, crawler):
        super().__init__()
        self.crawler = crawler
        self.origins: set[str] = set()
        self._loaded = False

    @classmethod
    def from_crawler(cls, crawler):
        memory = cls(crawler)
        crawler.signals.connect(memory.spider_opened, signal=signals.spider_opened)
        return memory

    def open(self, origins: Collection[str]) -> None:
        self.origins = set(origins)

    def spider_opened(self, spider) -> None:
        self._load(spider)

    def _load(self, spider=None) -> None:
        if self._loaded:
            return
        # The spider builds its memory before Scrapy builds extensions: the worker is looked up now.
        worker = ClusterWorker.of(self.crawler)
        keys = worker.keys or worker.join(spider or self.crawler.spider)
        pages = {}
        for url, value in worker.server.hscan_iter(keys.memory, count=1000):
            page = KnownPage.from_mapping(json.loads(value))
            pages[page.url] = page
        self._pages = pages
        self._loaded = True

    def recall(self, url: str) -> KnownPage | None:
        self._load()
        return super().recall(url)

    def pages(self):
        self._load()
        return super().pages()
