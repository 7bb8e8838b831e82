"""scrapy-redis's `Scheduler`, `PriorityQueue` and `RFPDupeFilter`, each changed only where stock
behaviour breaks a crawl shared by several workers.

Stock behaviour and what is changed:
- keys are per spider name (every story uses the spider "story"): here per story and per run;
- `Scheduler.close()` flushes the queue and seen-set unless SCHEDULER_PERSIST: here it never does
  (the first worker to finish would wipe the others' state); the writer deletes the run's keys;
- a pop is destructive (a SIGKILLed worker's requests vanish, yet stay in the seen-set): here the
  pop also records the request in the worker's in-flight hash, in one Lua script, so no instant
  exists in which a request is in neither;
- the fingerprint ignores REQUEST_FINGERPRINTER: here it is taken on the cleaned URL
  (`crawler.urls.clean_url`), the same normalisation the spider applies before it queues anything;
- Redis going away inside `next_request` or `enqueue_request` raises into the engine: here it
  becomes a clean stop (`crawler.redis.run.redis_went_away`).
"""
from __future__ import annotations

import hashlib
import importlib
import json

from scrapy.utils.python import to_unicode
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from crawler.redis.extension import PARENT, TOKEN, ClusterWorker
from crawler.redis.run import REDIS_DOWN, redis_went_away
from crawler.urls import clean_url
from newsclaims.config import origin_of

# Pop the best request and record it in the worker's in-flight hash under the sha1 of its bytes,
# in one step (ZPOPMIN and HSET; the token is recomputed in Python from the same bytes).
_POP_INTO_INFLIGHT = """
local popped = redis.call('ZPOPMIN', KEYS[1])
if #popped == 0 then return false end
redis.call('HSET', KEYS[2], redis.sha1hex(popped[1]), popped[1])
return popped[1]
"""


# Push with a score that interleaves outlets: among requests of one priority, the n-th request of
# every outlet comes before the (n+1)-th of any. scrapy-redis scores by priority alone, and equal
# scores pop in byte order, so a sitemap's 250 URLs of one outlet would go out in one block: each
# worker would then wait on that one outlet's per-outlet concurrency while the others sit idle
# (what Scrapy's own DownloaderAwarePriorityQueue avoids in one process).
_PUSH_INTERLEAVED = """
local n = redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
redis.call('ZADD', KEYS[1], -tonumber(ARGV[2]) * 1e9 + n, ARGV[1])
return n
"""


class InflightQueue(PriorityQueue):
    """scrapy-redis's priority queue whose `pop` keeps what it pops in an in-flight hash, and whose
    `push` interleaves outlets among requests of equal priority.

    `inflight_key` is set by the scheduler once it knows the worker and the run."""

    inflight_key: str | None = None

    def push(self, request):
        if not hasattr(self, "_push_script"):
            self._push_script = self.server.register_script(_PUSH_INTERLEAVED)
        self._push_script(keys=[self.key, f"{self.key}:outlets"],
                          args=[self._encode_request(request), request.priority, origin_of(request.url)])

    def pop(self, timeout=0):
        # The timeout is ignored, as PriorityQueue does: a blocking pop would block the reactor.
        if not hasattr(self, "_pop_script"):
            self._pop_script = self.server.register_script(_POP_INTO_INFLIGHT)
        data = self._pop_script(keys=[self.key, self.inflight_key])
        if not data:
            return None
        request = self._decode_request(data)
        request.meta[TOKEN] = hashlib.sha1(data).hexdigest()
        return request


class ClusterDupeFilter(RFPDupeFilter):
    """scrapy-redis's seen-set, fingerprinting the cleaned URL, and never deleting the shared set."""

    def request_fingerprint(self, request):
        data = {"method": to_unicode(request.method), "url": clean_url(request.url),
                "body": (request.body or b"").hex()}
        return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def close(self, reason=""):
        """Keep the seen-set: other workers still use it; the writer deletes the run's keys at the end."""


class ClusterScheduler(Scheduler):
    """The shared scheduler of a distributed run (see the module docstring for what differs from stock).

    Built from the worker extension (`crawler.redis.extension.ClusterWorker`), which owns the Redis
    client and the run; SCHEDULER_PERSIST, SCHEDULER_FLUSH_ON_START and SCHEDULER_IDLE_BEFORE_CLOSE
    are fixed (True, False, 0) because any other value breaks a shared crawl.

    Settings: SCHEDULER_SERIALIZER (scrapy-redis's; default pickle, so Redis must be private).
    """

    def __init__(self, server, worker: ClusterWorker, crawler, **kwargs):
        super().__init__(server, persist=True, flush_on_start=False, idle_before_close=0, **kwargs)
        self.worker = worker
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        worker = ClusterWorker.of(crawler)
        serializer = crawler.settings.get("SCHEDULER_SERIALIZER")
        kwargs = {"serializer": importlib.import_module(serializer)} if serializer else {}
        # The base class counts with a deprecated `spider=` argument: it gets no stats, and the
        # counts are kept here under the same names.
        scheduler = cls(worker.server, worker, crawler, **kwargs)
        scheduler.crawler_stats = crawler.stats
        return scheduler

    def open(self, spider):
        """Join the run, then open its queue and seen-set (the base `open`, with run keys and without
        its deprecated `spider.log`)."""
        keys = self.worker.join(spider)
        self.spider = spider
        self.queue = InflightQueue(server=self.server, spider=spider, key=keys.requests, serializer=self.serializer)
        self.queue.inflight_key = self.worker.inflight_key
        self.df = ClusterDupeFilter(self.server, keys.dupefilter, debug=spider.settings.getbool("DUPEFILTER_DEBUG"))
        queued = len(self.queue)
        if queued:
            spider.logger.info("Joining a crawl in progress (%(n)d requests queued)", {"n": queued})

    def enqueue_request(self, request):
        # A request coming back with a token is a retry or a redirect of one this worker popped: once
        # its successor is queued, the original is settled. One with a parent is a callback's output.
        token = request.meta.pop(TOKEN, None)
        parent = request.meta.pop(PARENT, None)
        try:
            added = super().enqueue_request(request)
        except REDIS_DOWN as exc:
            redis_went_away(self.crawler, exc)
            return False
        if added:
            self.crawler_stats.inc_value("scheduler/enqueued/redis")
        if token:
            self.worker.done(token)
        if parent:
            self.worker.settle(parent)
        return added

    def next_request(self):
        if self.crawler.stats.get_value("newsclaims/redis/unavailable"):
            return None
        try:
            request = super().next_request()
        except REDIS_DOWN as exc:
            redis_went_away(self.crawler, exc)
            return None
        if request is not None:
            self.crawler_stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self):
        if self.crawler.stats.get_value("newsclaims/redis/unavailable"):
            return False
        try:
            return super().has_pending_requests()
        except REDIS_DOWN as exc:
            redis_went_away(self.crawler, exc)
            return False
