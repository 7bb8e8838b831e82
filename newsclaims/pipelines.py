"""Item pipelines: the store is the only place crawled pages go.

Shell, not crawler: the spider and every `crawler` module stay free of SQLite, and this pipeline is
switched on by class path in `ITEM_PIPELINES` (crawler/settings.py).
"""
from __future__ import annotations

import logging
import time
from dataclasses import asdict

from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future

from crawler.items import ArticleItem, RemovedPage
from newsclaims import store
from newsclaims.store import DatabaseLocked

logger = logging.getLogger(__name__)

#: Seconds the crawl keeps retrying a database another process holds locked before it stops.
DEFAULT_LOCK_TIMEOUT = 120.0
#: Seconds one attempt waits inside SQLite for the lock: short, because SQLite waits by blocking the
#: reactor thread; the back-off between attempts (`_sleep`) leaves the reactor free to go on fetching.
ATTEMPT_TIMEOUT = 0.5
STOPPED_REASON = "database_locked"


class StorePipeline:
    """Store each article through `newsclaims.store` and record the crawl in `crawl_runs`.

    An unchanged article (same extracted content) adds no row; counts go to the stats collector as
    `newsclaims/articles_new`, `newsclaims/articles_changed`, `newsclaims/articles_unchanged`. A stored
    article whose page is gone (`RemovedPage`) becomes a removal version: `newsclaims/removals_removed`
    (or `_unchanged`, already recorded; `_unknown`, no such article).

    A database locked by another process is retried with back-off (doubling waits, up to 5 s apart)
    for NEWSCLAIMS_DB_LOCK_TIMEOUT seconds. Past that the spider is closed with the reason
    `database_locked`, and every page not stored is dropped (counted as `newsclaims/not_stored`) without
    being recorded in `pages`: the next crawl does not know it, so it fetches it again. Nothing is lost.

    Settings: NEWSCLAIMS_DB_PATH, NEWSCLAIMS_DB_LOCK_TIMEOUT (seconds, default 120).
    """

    def __init__(self, crawler, db_path: str, lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
        self.crawler = crawler
        self.db_path = db_path
        self.lock_timeout = lock_timeout
        self.db = None
        self.run_id = None
        self.stopped: str | None = None

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler, crawler.settings.get("NEWSCLAIMS_DB_PATH"),
                       lock_timeout=lock_timeout(crawler.settings))
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    async def open_spider(self):
        story = self.crawler.spider.story

        def start():
            if self.db is None:
                self.db = store.open_store(self.db_path, timeout=ATTEMPT_TIMEOUT)
            store.save_story(self.db, **story.as_record())
            return store.start_crawl_run(self.db, story.slug)

        try:
            self.run_id = await self._patiently(start)
        except DatabaseLocked:
            self._stop()

    async def process_item(self, item):
        if self.stopped:
            self.crawler.stats.inc_value("newsclaims/not_stored")
            raise DropItem(f"not stored ({self.stopped}); the next crawl fetches it again")
        try:
            await self._patiently(lambda: self._store(item))
        except DatabaseLocked:
            self._stop()
            self.crawler.stats.inc_value("newsclaims/not_stored")
            raise DropItem(f"not stored ({self.stopped}); the next crawl fetches it again") from None
        return item

    def _store(self, item) -> None:
        if isinstance(item, ArticleItem):
            record = asdict(item)
            # One page, one transaction: the article and the record of its fetch are kept together or not at all.
            with store.writing(self.db):
                status = store.save_article(self.db, self.crawler.spider.story.slug, record)
                # A new version restarts the backoff schedule of re-checks (`changed_at`).
                changed = {} if status == "unchanged" else {"changed_at": item.fetched_at}
                store.record_page(self.db, {**record.pop("page"), "status": "article", **changed})
            self.crawler.stats.inc_value(f"newsclaims/articles_{status}")
        elif isinstance(item, RemovedPage):
            record = asdict(item)
            with store.writing(self.db):
                status = store.save_removal(self.db, self.crawler.spider.story.slug, record)
                changed = {"changed_at": item.fetched_at} if status == "removed" else {}
                store.record_page(self.db, {**record.pop("page"), **changed})
            self.crawler.stats.inc_value(f"newsclaims/removals_{status}")
        else:
            store.record_page(self.db, asdict(item))

    async def _patiently(self, action):
        """`action()`, retried with back-off while the database is locked, for `lock_timeout` seconds."""
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.25
        while True:
            if self.stopped:
                raise DatabaseLocked(self.stopped)
            try:
                return action()
            except DatabaseLocked:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise
                self.crawler.stats.inc_value("newsclaims/lock_waits")
                await _sleep(min(delay, left))
                delay = min(delay * 2, 5.0)

    def _stop(self) -> None:
        """Close the spider: the database stayed locked past the patience allowed."""
        if self.stopped:
            return
        self.stopped = STOPPED_REASON
        message = (f"{self.db_path} stayed locked by another process for {self.lock_timeout:g} s "
                   "(NEWSCLAIMS_DB_LOCK_TIMEOUT)")
        self.crawler.stats.set_value("newsclaims/stop_message", message)
        logger.error("Stopping the crawl: %(message)s", {"message": message})
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=STOPPED_REASON))

    async def spider_closed(self, spider, reason):
        if self.db is None:
            return
        counts = run_counts(self.crawler.stats.get_stats())
        if self.run_id is not None:
            try:
                await self._patiently_at_close(
                    lambda: store.finish_crawl_run(self.db, self.run_id, reason, counts))
            except DatabaseLocked:
                logger.warning("Could not record the end of crawl run %(run)s: the database is still locked",
                               {"run": self.run_id})
        self.db.close()
        self.db = None

    async def _patiently_at_close(self, action):
        self.stopped, stopped = None, self.stopped
        self.lock_timeout = min(self.lock_timeout, 10.0)
        try:
            return await self._patiently(action)
        finally:
            self.stopped = stopped


async def _sleep(seconds: float) -> None:
    """Wait without blocking the reactor (works under any Twisted reactor)."""
    from twisted.internet import reactor, task

    await maybe_deferred_to_future(task.deferLater(reactor, seconds, lambda: None))


def lock_timeout(settings) -> float:
    """NEWSCLAIMS_DB_LOCK_TIMEOUT as seconds; a bad value is a one-line `SettingsError`."""
    from newsclaims.errors import SettingsError

    raw = settings.get("NEWSCLAIMS_DB_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        value = -1.0
    if not 0 <= value <= 86_400:
        raise SettingsError(f"NEWSCLAIMS_DB_LOCK_TIMEOUT must be a number of seconds from 0 to 86400, got {raw!r}")
    return value


def run_counts(stats: dict) -> dict:
    """What a crawl run counted, from its stats: pages, reasons, and each outlet's outcome."""
    reasons = {key.split("/", 1)[1]: value for key, value in stats.items()
               if key.startswith(("newsclaims/skipped/", "newsclaims/refused/"))}
    outlets: dict[str, dict] = {}
    for key, value in stats.items():
        if key.startswith("newsclaims/outlet/"):
            _, _, slug, what = key.split("/", 3)
            outlets.setdefault(slug, {"responses": 0, "ok": 0, "failures": 0})[what] = value
    return {
        "pages_seen": stats.get("newsclaims/pages_seen", 0),
        "pages_stored": stats.get("newsclaims/articles_new", 0) + stats.get("newsclaims/articles_changed", 0),
        "pages_unchanged": stats.get("newsclaims/articles_unchanged", 0) + stats.get("newsclaims/unchanged_304", 0),
        "pages_skipped": sum(v for k, v in stats.items() if k.startswith("newsclaims/skipped/")),
        "pages_refused": sum(v for k, v in stats.items() if k.startswith("newsclaims/refused/")),
        "reasons": reasons,
        "outlets": outlets,
        "message": stats.get("newsclaims/stop_message"),
    }
