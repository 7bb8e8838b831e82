"""Middlewares of a distributed crawl: politeness per outlet across the cluster, and settling
in-flight requests (see `crawler.redis.extension.ClusterWorker`)."""
from __future__ import annotations

import logging

from scrapy.exceptions import NotConfigured
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

from crawler.redis.extension import PARENT, TOKEN, ClusterWorker
from crawler.redis.run import REDIS_DOWN, outlet_key, redis_went_away
from newsclaims.config import origin_of

logger = logging.getLogger(__name__)

# Reserve the next start time on one outlet: max(now, the reserved slot), and move the slot on by the
# interval. Redis time, so workers on machines with different clocks share one timeline. Returns the
# milliseconds to wait. The key expires once the slot has passed.
_RESERVE_SLOT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, slot)
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], start + interval, 'PX', start - now + interval + 1000)
return start - now
"""


class OutletPolitenessMiddleware:
    """At most one request start per NEWSCLAIMS_REDIS_OUTLET_INTERVAL seconds on each outlet, across
    every worker of every run.

    Per-process politeness (CONCURRENT_REQUESTS_PER_DOMAIN per outlet, AutoThrottle) still applies in
    each worker, but N workers would multiply it by N; this time slot, reserved in Redis, holds
    whatever the number of workers. Placed after OriginMiddleware and robots.txt, so a request they
    refuse takes no slot.

    Settings: NEWSCLAIMS_REDIS_OUTLET_INTERVAL (seconds; 0 turns it off).
    """

    def __init__(self, crawler, worker: ClusterWorker, interval: float):
        self.crawler = crawler
        self.server = worker.server
        self.interval_ms = round(interval * 1000)
        self._reserve = self.server.register_script(_RESERVE_SLOT)

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("NEWSCLAIMS_REDIS_OUTLET_INTERVAL")
        if interval < 0:
            raise NotConfigured(f"NEWSCLAIMS_REDIS_OUTLET_INTERVAL must be 0 or more seconds, got {interval}")
        if interval == 0:
            raise NotConfigured
        return cls(crawler, ClusterWorker.of(crawler), interval)

    async def process_request(self, request):
        try:
            wait_ms = self._reserve(keys=[outlet_key(origin_of(request.url))], args=[self.interval_ms])
        except REDIS_DOWN as exc:
            redis_went_away(self.crawler, exc)
            return None
        if wait_ms > 0:
            self.crawler.stats.inc_value("newsclaims/redis/politeness_waits")
            await maybe_deferred_to_future(deferLater(reactor, wait_ms / 1000, lambda: None))
        return None


class InflightDownloaderMiddleware:
    """A request that fails in the downloader (timeout, refused, too large, off-site, robots.txt) never
    reaches a callback's middlewares: it is settled here, once no retry took it over.

    Placed before every other downloader middleware, so its `process_exception` runs last."""

    def __init__(self, worker: ClusterWorker):
        self.worker = worker

    @classmethod
    def from_crawler(cls, crawler):
        return cls(ClusterWorker.of(crawler))

    def process_exception(self, request, exception):
        token = request.meta.get(TOKEN)
        if token:
            self.worker.done(token)
        return None


class InflightSpiderMiddleware:
    """Counts what each response's callback yields, so its request leaves the in-flight hash only once
    every request it found is queued and every item it made has passed the pipelines (is in the stream).

    Placed outermost (lowest order), so it sees the output after depth and URL-length filtering."""

    def __init__(self, worker: ClusterWorker):
        self.worker = worker

    @classmethod
    def from_crawler(cls, crawler):
        return cls(ClusterWorker.of(crawler))

    async def process_spider_output(self, response, result):
        token = response.request.meta.get(TOKEN) if response.request is not None else None
        try:
            async for output in result:
                if token:
                    self.worker.expect(token)
                    if isinstance(output, Request):
                        output.meta[PARENT] = token
                yield output
        finally:
            if token:
                self.worker.iterated(token)
