"""The Redis components one at a time, against a real redis-server: the add-on's switch, the seen-set's
fingerprint, the pop into the in-flight list and the rescue of a dead worker's requests, the outlet
time slot, and the item codec."""
from __future__ import annotations

import hashlib

import pytest
from scrapy import Request, Spider
from scrapy.settings import Settings

from crawler.items import ArticleItem, PageSeen
from crawler.redis.addon import RedisAddon
from crawler.redis.extension import _REQUEUE, TOKEN
from crawler.redis.middlewares import _RESERVE_SLOT
from crawler.redis.pipelines import decode_item, encode_item
from crawler.redis.run import RunKeys, redacted
from crawler.redis.scheduler import ClusterDupeFilter, InflightQueue
from newsclaims import ROOT
from tests.test_crawler_imports import forbidden_imports

pytest_plugins = ["tests.plugins_redis"]


def _project(**overrides) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict(overrides, priority="cmdline")
    return settings


def test_without_a_redis_url_the_addon_leaves_the_embedded_crawl_alone():
    settings = _project()
    RedisAddon.update_pre_crawler_settings(settings)
    assert settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert settings["NEWSCLAIMS_PAGE_MEMORY"] == "newsclaims.page_memory.StorePageMemory"
    assert settings.getdict("ITEM_PIPELINES") == {"newsclaims.pipelines.StorePipeline": 300}
    assert "crawler.redis.extension.ClusterWorker" not in settings.getdict("EXTENSIONS")


def test_a_redis_url_switches_scheduler_memory_and_sink_and_the_command_line_still_wins():
    settings = _project(NEWSCLAIMS_REDIS_URL="redis://127.0.0.1:1/0", DUPEFILTER_DEBUG=True)
    RedisAddon.update_pre_crawler_settings(settings)
    assert settings["SCHEDULER"] == "crawler.redis.scheduler.ClusterScheduler"
    assert settings["NEWSCLAIMS_PAGE_MEMORY"] == "crawler.redis.memory.RedisPageMemory"
    pipelines = settings.getdict("ITEM_PIPELINES")
    assert pipelines["newsclaims.pipelines.StorePipeline"] is None and "crawler.redis.pipelines.ItemSinkPipeline" in pipelines
    assert settings.getdict("DOWNLOADER_MIDDLEWARES")["crawler.middlewares.OriginMiddleware"] == 50  # kept
    mine = _project(NEWSCLAIMS_REDIS_URL="redis://127.0.0.1:1/0", NEWSCLAIMS_PAGE_MEMORY="my.Memory")
    RedisAddon.update_pre_crawler_settings(mine)
    assert mine["NEWSCLAIMS_PAGE_MEMORY"] == "my.Memory"


def test_the_seen_set_fingerprints_the_cleaned_url(redis_server):
    dupefilter = ClusterDupeFilter(redis_server.client(), "newsclaims:t:fp:dupefilter")
    fingerprint = dupefilter.request_fingerprint
    assert fingerprint(Request("http://x.test/a?b=2&a=1&utm_source=feed#top")) == fingerprint(Request("http://x.test/a?a=1&b=2"))
    assert fingerprint(Request("http://x.test/a")) != fingerprint(Request("http://x.test/b"))
    assert dupefilter.request_seen(Request("http://x.test/a?fbclid=1")) is False
    assert dupefilter.request_seen(Request("http://x.test/a")) is True
    dupefilter.close("finished")  # a worker closing keeps the shared set
    assert redis_server.client().exists("newsclaims:t:fp:dupefilter")


def test_a_pop_keeps_the_request_in_flight_until_settled_and_survivors_rescue_a_dead_worker_s(redis_server):
    server = redis_server.client()
    keys = RunKeys("t", "pop")
    spider = Spider("story")
    queue = InflightQueue(server, spider, keys.requests)
    queue.inflight_key = keys.inflight("dead:1")
    for url in ("http://x.test/1", "http://x.test/2"):
        queue.push(Request(url))
    server.zadd(keys.workers, {"dead:1": 0})
    popped = queue.pop()
    entries = server.hgetall(keys.inflight("dead:1"))
    assert len(queue) == 1 and list(entries) == [popped.meta[TOKEN].encode()]
    assert popped.meta[TOKEN] == hashlib.sha1(next(iter(entries.values()))).hexdigest()
    # The worker dies with it in flight: a survivor puts it back, and forgets the worker.
    moved = server.eval(_REQUEUE, 3, keys.inflight("dead:1"), keys.requests, keys.workers, "dead:1")
    assert moved == 1 and len(queue) == 2 and not server.exists(keys.inflight("dead:1"))
    assert server.zcard(keys.workers) == 0
    assert sorted(queue.pop().url for _ in range(2)) == ["http://x.test/1", "http://x.test/2"]


def test_the_outlet_slot_spaces_request_starts_across_workers(redis_server):
    server = redis_server.client()
    waits = [server.eval(_RESERVE_SLOT, 1, "newsclaims:outlet:http://slot.test:80:next", 200) for _ in range(4)]
    assert waits[0] == 0
    for n in range(1, 4):  # each later start waits one more interval (less the few ms the calls took)
        assert n * 200 - 50 <= waits[n] <= n * 200


def test_items_cross_the_stream_unchanged():
    article = ArticleItem(url="http://x.test/a", origin="http://x.test:80", fetched_url="http://x.test/a?x=1",
                          fetched_at="2026-03-04T00:00:00.000+00:00", http_status=200, title="Tïtle", text="Text",
                          content_hash="h", body=b"\x00\xffraw bytes", headers={"ETag": '"v1"'}, page={"url": "u"})
    record = decode_item(encode_item(article))
    assert record.pop("kind") == "article" and record["body"] == b"\x00\xffraw bytes"
    assert record == {**vars(article)} | {"body": b"\x00\xffraw bytes"}
    page = PageSeen(url="http://x.test/b", origin="http://x.test:80", status="error", fetched_at="t", http_status=404)
    assert decode_item(encode_item(page)) == {**vars(page), "kind": "page"}
    with pytest.raises(ValueError):
        decode_item({"kind": "spam", "data": "{}"})


def test_passwords_never_reach_a_message():
    assert redacted("redis://:pw@h:6379/0") == "redis://:***@h:6379/0"
    assert redacted("rediss://user:pw@h:6380/1") == "rediss://user:***@h:6380/1"
    assert redacted("redis://h:6379/0") == "redis://h:6379/0"


def test_no_redis_component_imports_the_store():
    modules = sorted(f"crawler.redis.{p.stem}" for p in (ROOT / "crawler" / "redis").glob("*.py"))
    assert "crawler.redis.scheduler" in modules
    assert forbidden_imports(ROOT, modules) == {}
