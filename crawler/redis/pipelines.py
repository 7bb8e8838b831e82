"""The item sink of a distributed crawl: every item goes to the run's Redis stream, for one writer.

Why a stream and not SQLite: several workers (on several machines) cannot share one SQLite file, and
the store stays the source of truth. `newsclaims ingest` reads the stream through a consumer group
and acknowledges an entry only after it is committed, so delivery is at least once; the store's
writes are idempotent (an article is its URL plus its content hash), so a replay adds nothing.
"""
from __future__ import annotations

import json
from dataclasses import asdict

from scrapy.exceptions import DropItem

from crawler.items import ArticleItem, PageSeen, RemovedPage
from crawler.redis.extension import ClusterWorker
from crawler.redis.run import REDIS_DOWN, redis_went_away

_KINDS = {"article": ArticleItem, "page": PageSeen, "removed": RemovedPage}


def encode_item(item) -> dict[str, bytes | str]:
    """An item as stream fields: its kind, its fields as JSON, and the raw body as bytes (not base64).

    >>> fields = encode_item(PageSeen(url="http://x/a", origin="http://x:80", status="not-article", fetched_at="t"))
    >>> fields["kind"], decode_item(fields)["url"]
    ('page', 'http://x/a')
    """
    record = asdict(item)
    body = record.pop("body", b"") or b""
    kind = "article" if isinstance(item, ArticleItem) else "removed" if isinstance(item, RemovedPage) else "page"
    return {"kind": kind, "data": json.dumps(record, ensure_ascii=False, sort_keys=True), "body": body}


def decode_item(fields: dict) -> dict:
    """The record `encode_item` wrote (`kind` says which), with `body` back as bytes for an article."""
    fields = {(k.decode() if isinstance(k, bytes) else k): v for k, v in fields.items()}
    kind = fields["kind"].decode() if isinstance(fields["kind"], bytes) else fields["kind"]
    if kind not in _KINDS:
        raise ValueError(f"unknown item kind {kind!r}")
    record = json.loads(fields["data"])
    if kind in ("article", "removed"):
        record["body"] = fields.get("body") or b""
    record["kind"] = kind
    return record


class ItemSinkPipeline:
    """Append each item to the run's item stream (`XADD newsclaims:STORY:RUN:items`).

    Takes the place of `newsclaims.pipelines.StorePipeline` when NEWSCLAIMS_REDIS_URL is set; counts
    `newsclaims/redis/items_sent`.
    """

    def __init__(self, crawler, worker: ClusterWorker):
        self.crawler = crawler
        self.worker = worker

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, ClusterWorker.of(crawler))

    def process_item(self, item):
        if self.crawler.stats.get_value("newsclaims/redis/unavailable"):
            # Said once already (redis_went_away); the page is fetched again by the next run.
            raise DropItem("Redis unavailable", log_level="DEBUG")
        try:
            self.worker.server.xadd(self.worker.keys.items, encode_item(item))
        except REDIS_DOWN as exc:
            redis_went_away(self.crawler, exc)
            raise DropItem(f"Redis unavailable: {exc}") from None
        self.crawler.stats.inc_value("newsclaims/redis/items_sent")
        return item
