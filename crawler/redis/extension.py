"""One worker of a distributed crawl: joins the run, beats, rescues dead workers' requests, and
decides when the crawl as a whole (not just this process) is over."""
from __future__ import annotations

import logging
import time
from collections import Counter

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from twisted.internet import task

from crawler.redis.run import REDIS_DOWN, RunKeys, add_counts, connect, redis_went_away, wait_for_run, worker_id

logger = logging.getLogger(__name__)

#: request.meta key: the in-flight token of a request popped from the shared queue (sha1 of its bytes).
TOKEN = "newsclaims_inflight"
#: request.meta key: the token of the response whose callback produced this request.
PARENT = "newsclaims_parent"

# Moves a worker's in-flight requests back to the shared queue, atomically, and forgets the worker:
# run by survivors for a worker whose heartbeat stopped, and by a worker for itself when it closes.
# A request already queued again (same bytes) is not doubled: the queue is a sorted set.
_REQUEUE = """
local entries = redis.call('HVALS', KEYS[1])
for _, entry in ipairs(entries) do redis.call('ZADD', KEYS[2], 0, entry) end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return #entries
"""


class ClusterWorker:
    """The worker side of a run: every other Redis component asks it for the run's keys.

    - **Joining**: `join(spider)` (called by the scheduler when it opens) waits for the writer's run,
      registers this worker and starts the heartbeat.
    - **Heartbeat** every NEWSCLAIMS_REDIS_HEARTBEAT seconds (Redis time, so machines' clocks need not
      agree). A worker silent for NEWSCLAIMS_REDIS_WORKER_TIMEOUT seconds is dead: the first survivor
      to notice moves its in-flight requests back to the shared queue.
    - **In flight**: a popped request stays in this worker's in-flight hash until everything its
      callback produced is in Redis (requests queued, items in the stream): `expect`/`settle` count
      a response's outputs, and `iterated` says its callback is done. When the engine is idle,
      everything popped is settled, and the hash is emptied whole.
    - **The end**: Scrapy closes a spider when its own engine idles; here a worker stays open
      (`DontCloseSpider`) until the shared queue is empty and no worker has anything in flight, for
      NEWSCLAIMS_REDIS_IDLE_SECONDS in a row. Another worker may still discover pages until then.
    - **Closing**: anything still in flight goes back to the queue (a SIGTERMed worker loses nothing),
      this worker's `newsclaims/*` counters are added to the run's, and it leaves the worker set.

    Settings: NEWSCLAIMS_REDIS_URL (off without it: NotConfigured), NEWSCLAIMS_REDIS_RUN_WAIT,
    NEWSCLAIMS_REDIS_HEARTBEAT, NEWSCLAIMS_REDIS_WORKER_TIMEOUT, NEWSCLAIMS_REDIS_IDLE_SECONDS.
    """

    def __init__(self, crawler, server, *, run_wait: float, heartbeat: float, worker_timeout: float,
                 idle_seconds: float):
        self.crawler = crawler
        self.server = server
        self.run_wait = run_wait
        self.heartbeat = heartbeat
        self.worker_timeout = worker_timeout
        self.idle_seconds = idle_seconds
        self.id = worker_id()
        self.keys: RunKeys | None = None
        self.inflight_key: str | None = None
        self._requeue = server.register_script(_REQUEUE)
        self._loop: task.LoopingCall | None = None
        self._idle_since: float | None = None
        self._outstanding: Counter[str] = Counter()
        self._iterated: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        url = settings.get("NEWSCLAIMS_REDIS_URL")
        if not url:
            raise NotConfigured
        worker = cls(crawler, connect(url), run_wait=settings.getfloat("NEWSCLAIMS_REDIS_RUN_WAIT"),
                     heartbeat=settings.getfloat("NEWSCLAIMS_REDIS_HEARTBEAT"),
                     worker_timeout=settings.getfloat("NEWSCLAIMS_REDIS_WORKER_TIMEOUT"),
                     idle_seconds=settings.getfloat("NEWSCLAIMS_REDIS_IDLE_SECONDS"))
        crawler.signals.connect(worker.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(worker.spider_closed, signal=signals.spider_closed)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(worker.item_done, signal=signal)
        return worker

    @classmethod
    def of(cls, crawler) -> ClusterWorker:
        """The crawler's worker extension; NotConfigured when the crawl is not distributed."""
        worker = crawler.get_extension(ClusterWorker)
        if worker is None:
            raise NotConfigured("NEWSCLAIMS_REDIS_URL is not set")
        return worker

    # --- the run --------------------------------------------------------------------------------

    def join(self, spider) -> RunKeys:
        if self.keys is None:
            self.keys = wait_for_run(self.server, spider.story.slug, self.run_wait)
            self.inflight_key = self.keys.inflight(self.id)
            self.server.zadd(self.keys.workers, {self.id: self._now_ms()})
            self.server.hincrby(self.keys.meta, "workers_joined", 1)
            logger.info("Joined run %(run)s of story %(story)s as worker %(worker)s",
                        {"run": self.keys.run, "story": self.keys.story, "worker": self.id}, extra={"spider": spider})
            self._loop = task.LoopingCall(self.beat)
            self._loop.start(self.heartbeat, now=False)
        return self.keys

    def _now_ms(self) -> int:
        seconds, micros = self.server.time()
        return seconds * 1000 + micros // 1000

    def beat(self) -> None:
        """Say this worker lives, re-queue dead workers' requests, and wake the engine to look at the queue."""
        if self.crawler.stats.get_value("newsclaims/redis/unavailable"):
            return
        try:
            now = self._now_ms()
            self.server.zadd(self.keys.workers, {self.id: now})
            for dead in self.server.zrangebyscore(self.keys.workers, "-inf", now - self.worker_timeout * 1000):
                dead = dead.decode() if isinstance(dead, bytes) else dead
                if dead == self.id:
                    continue
                moved = self._requeue(keys=[self.keys.inflight(dead), self.keys.requests, self.keys.workers],
                                      args=[dead])
                if moved:
                    self.crawler.stats.inc_value("newsclaims/redis/requeued", moved)
                logger.warning("Worker %(dead)s silent for %(timeout)ss: re-queued its %(n)d in-flight requests",
                               {"dead": dead, "timeout": self.worker_timeout, "n": moved},
                               extra={"spider": self.crawler.spider})
        except REDIS_DOWN as exc:
            redis_went_away(self.crawler, exc)
            return
        self._wake_engine()

    def _wake_engine(self) -> None:
        """Make an idle engine ask the scheduler again now: requests another worker queued are only
        seen when the engine asks, and left alone it asks every 5 s (its slot heartbeat). Scrapy has
        no public call for this; `engine.crawl()` is one, but it would send the request through the
        seen-set again (the Scrapy version is pinned to the tested minor for this)."""
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    # --- in flight ------------------------------------------------------------------------------

    def expect(self, token: str) -> None:
        """One more output (a request or an item) of the response whose request had `token`."""
        self._outstanding[token] += 1

    def settle(self, token: str) -> None:
        """One output of `token`'s response is in Redis (a request queued or dropped as seen, an item stored)."""
        if token in self._outstanding:
            self._outstanding[token] -= 1
            self._maybe_done(token)

    def iterated(self, token: str) -> None:
        """The callback of `token`'s response has produced its last output."""
        self._iterated.add(token)
        self._maybe_done(token)

    def _maybe_done(self, token: str) -> None:
        if token in self._iterated and self._outstanding[token] <= 0:
            self._iterated.discard(token)
            self._outstanding.pop(token, None)
            self.done(token)

    def done(self, token: str) -> None:
        """The request with `token` is fully handled (or handed back to the queue): it leaves the in-flight hash."""
        try:
            self.server.hdel(self.inflight_key, token)
        except REDIS_DOWN as exc:
            redis_went_away(self.crawler, exc)

    def item_done(self, item, response, spider=None, **kwargs) -> None:
        """An item went through the pipelines (stored in the stream, dropped or failed): one output settled."""
        request = getattr(response, "request", None) if isinstance(response, Response) else None
        token = request.meta.get(TOKEN) if request is not None else None
        if token:
            self.settle(token)

    # --- the end --------------------------------------------------------------------------------

    def spider_idle(self, spider) -> None:
        if self.keys is None or self.crawler.stats.get_value("newsclaims/redis/unavailable"):
            return  # nothing joined, or Redis is gone: let the engine close
        try:
            # The engine is idle: every request this worker popped is fully handled.
            self.server.delete(self.inflight_key)
            self._outstanding.clear()
            self._iterated.clear()
            busy = self.server.zcard(self.keys.requests) > 0 or any(
                self.server.hlen(self.keys.inflight(w.decode() if isinstance(w, bytes) else w))
                for w in self.server.zrange(self.keys.workers, 0, -1))
        except REDIS_DOWN as exc:
            redis_went_away(self.crawler, exc)
            return
        now = time.monotonic()
        if busy:
            self._idle_since = None
            raise DontCloseSpider
        if self._idle_since is None:
            self._idle_since = now
        if now - self._idle_since < self.idle_seconds:
            raise DontCloseSpider

    def spider_closed(self, spider, reason) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self.keys is None or self.crawler.stats.get_value("newsclaims/redis/unavailable"):
            return
        counters = {key: value for key, value in self.crawler.stats.get_stats().items()
                    if key.startswith("newsclaims/") and isinstance(value, int) and not isinstance(value, bool)}
        try:
            add_counts(self.server, self.keys, counters, finished=True)
            moved = self._requeue(keys=[self.inflight_key, self.keys.requests, self.keys.workers], args=[self.id])
        except REDIS_DOWN as exc:
            logger.error("Redis went away while closing (%(error)s)", {"error": exc}, extra={"spider": spider})
            return
        if moved:
            logger.info("Closing (%(reason)s): put %(n)d unfinished requests back in the shared queue",
                        {"reason": reason, "n": moved}, extra={"spider": spider})
