"""A distributed run in Redis: its keys, how a worker finds it, and what happens when Redis goes away.

Every key of a run is `newsclaims:{story}:{run}:...`, so two stories (or two runs of one story, one
after the other) never share a queue or a seen-set; scrapy-redis's defaults are per spider name, and
every story uses the spider "story". The writer (`newsclaims ingest`) opens a run: it seeds the page
memory, then publishes the run id under `newsclaims:{story}:run`; workers join whatever run that key
names, and the writer deletes every key of the run when it has stored the last item.
"""
from __future__ import annotations

import logging
import os
import socket
import time
from dataclasses import dataclass

import redis
from scrapy_redis.connection import get_redis

from newsclaims.errors import NewsclaimsError

logger = logging.getLogger(__name__)

#: What redis-py raises when the server is unreachable, goes away, or answers too slowly.
REDIS_DOWN = (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError)


class RedisUnavailable(NewsclaimsError):
    """Raised when Redis cannot be reached at start, or went away mid-crawl (one line from the CLI)."""


class NoRunOpen(NewsclaimsError):
    """Raised by a worker when no writer has opened a run of its story within NEWSCLAIMS_REDIS_RUN_WAIT."""


@dataclass(frozen=True)
class RunKeys:
    """The Redis keys of one run of one story."""

    story: str
    run: str

    def key(self, name: str) -> str:
        return f"newsclaims:{self.story}:{self.run}:{name}"

    @property
    def requests(self) -> str:  # scrapy-redis priority queue (sorted set)
        return self.key("requests")

    @property
    def dupefilter(self) -> str:  # scrapy-redis seen-set of request fingerprints
        return self.key("dupefilter")

    @property
    def workers(self) -> str:  # sorted set: worker id -> last heartbeat (Redis time, ms)
        return self.key("workers")

    def inflight(self, worker: str) -> str:  # hash: token -> encoded request, per worker
        return self.key(f"inflight:{worker}")

    @property
    def items(self) -> str:  # stream of items for the writer
        return self.key("items")

    @property
    def memory(self) -> str:  # hash: url -> JSON KnownPage, seeded from SQLite by the writer
        return self.key("memory")

    @property
    def stats(self) -> str:  # hash: the workers' newsclaims/* counters, summed
        return self.key("stats")

    @property
    def meta(self) -> str:  # hash: started, crawl_runs id, workers joined ...
        return self.key("meta")

    def pattern(self) -> str:
        return self.key("*")


def run_pointer(story: str) -> str:
    """The key naming the open run of `story` (absent when none is open)."""
    return f"newsclaims:{story}:run"


def lock_key(story: str) -> str:
    """The writer's lock: one `newsclaims ingest` per story, whatever machine it runs on."""
    return f"newsclaims:{story}:lock"


def outlet_key(origin: str) -> str:
    """The politeness slot of one outlet, shared by every story and run that crawls it."""
    return f"newsclaims:outlet:{origin}:next"


#: Items go to the writer through this consumer group of the items stream.
WRITER_GROUP = "writer"


def worker_id() -> str:
    """This process as a worker: host and pid (one crawl per process: Twisted's reactor runs once)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def connect(url: str) -> redis.Redis:
    """A client for `url` (redis://[:password@]host:port/db, or rediss:// for TLS), pinged: an
    unreachable server is a one-line `RedisUnavailable` now rather than a traceback mid-crawl."""
    if not url:
        raise RedisUnavailable("no Redis URL: pass --redis redis://HOST:PORT/DB or -s NEWSCLAIMS_REDIS_URL=...")
    try:
        server = get_redis(url=url, socket_timeout=30, socket_connect_timeout=5)
        server.ping()
    except REDIS_DOWN as exc:
        raise RedisUnavailable(f"cannot reach Redis at {redacted(url)}: {exc}; start it, or check --redis") from None
    except (ValueError, redis.AuthenticationError, redis.ResponseError) as exc:
        raise RedisUnavailable(f"cannot use Redis at {redacted(url)}: {exc}") from None
    return server


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs.

    >>> redacted("redis://:s3cret@10.0.0.5:6379/0")
    'redis://:***@10.0.0.5:6379/0'
    """
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    auth, _, host = rest.rpartition("@")
    user = auth.partition(":")[0]
    return f"{scheme}{sep}{user}:***@{host}"


def current_run(server: redis.Redis, story: str) -> str | None:
    value = server.get(run_pointer(story))
    return value.decode() if isinstance(value, bytes) else value


def wait_for_run(server: redis.Redis, story: str, wait: float) -> RunKeys:
    """The open run of `story`, waiting up to `wait` seconds for a writer to open one.

    This blocks, on purpose: it runs while the crawl opens, before any request is made."""
    deadline = time.monotonic() + wait
    while True:
        run = current_run(server, story)
        if run:
            return RunKeys(story, run)
        if time.monotonic() >= deadline:
            raise NoRunOpen(f"no run of story {story!r} is open in Redis; start the writer first: "
                            f"newsclaims ingest {story} --redis URL")
        time.sleep(0.2)


def seed_memory(server: redis.Redis, keys: RunKeys, pages: dict[str, str]) -> None:
    """Write the run's page memory (url -> JSON of a KnownPage) in pipelined chunks."""
    items = list(pages.items())
    for start in range(0, len(items), 1000):
        server.hset(keys.memory, mapping=dict(items[start:start + 1000]))


def acknowledge(server: redis.Redis, keys: RunKeys, ids: list, counts: dict[str, int]) -> None:
    """Acknowledge and delete stored stream entries, and add what they counted to the run's
    `writer/*` counts, in one MULTI: a writer killed before this replays them, and counts them then."""
    pipe = server.pipeline(transaction=True)
    pipe.xack(keys.items, WRITER_GROUP, *ids)
    pipe.xdel(keys.items, *ids)
    for name, value in counts.items():
        pipe.hincrby(keys.meta, f"writer/{name}", value)
    pipe.execute()


def add_counts(server: redis.Redis, keys: RunKeys, counts: dict[str, int], finished: bool) -> None:
    """Add a closing worker's `newsclaims/*` counters to the run's, in one round trip."""
    pipe = server.pipeline()
    for key, value in counts.items():
        pipe.hincrby(keys.stats, key, value)
    if finished:
        pipe.hincrby(keys.meta, "workers_finished", 1)
    pipe.execute()


def redis_went_away(crawler, exc: Exception) -> None:
    """Stop this worker cleanly after Redis went away: one error line, the close reason
    `redis_unavailable` (the CLI turns it into a one-line error and a non-zero exit), no traceback.

    What was in flight stays in Redis if Redis comes back (the next run starts afresh from SQLite, so
    every page is stored by the end of this run or by the next crawl)."""
    if crawler.stats.get_value("newsclaims/redis/unavailable"):
        return
    crawler.stats.set_value("newsclaims/redis/unavailable", f"{type(exc).__name__}: {exc}")
    logger.error("Redis went away (%(error)s): stopping this worker", {"error": exc},
                 extra={"spider": crawler.spider})
    engine = getattr(crawler, "engine", None)
    if engine is not None and engine.spider is not None:
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(engine.close_spider_async(reason="redis_unavailable"))
