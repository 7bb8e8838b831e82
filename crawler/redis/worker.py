"""Run one worker of a distributed crawl in this process: `newsclaims crawl STORY --redis URL`.

Failures a user can act on are checked before Scrapy starts, so they are one line, not a traceback
in a log: Redis unreachable, no run open (the writer is not running). Redis going away mid-crawl
stops the worker cleanly (`redis_went_away`), and is then reported here as one line.
"""
from __future__ import annotations

from scrapy.crawler import CrawlerProcess

from crawler.redis.run import RedisUnavailable, connect, redacted, wait_for_run


def crawl(config, settings) -> dict:
    """Crawl `config` (a loaded story) as one worker of the run open in NEWSCLAIMS_REDIS_URL; return
    this worker's stats. Raises `RedisUnavailable` or `NoRunOpen` (one line each)."""
    url = settings.get("NEWSCLAIMS_REDIS_URL")
    server = connect(url)
    keys = wait_for_run(server, config.slug, settings.getfloat("NEWSCLAIMS_REDIS_RUN_WAIT"))
    server.close()
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("story")
    process.crawl(crawler, story=config)
    process.start()
    stats = dict(crawler.stats.get_stats())
    if stats.get("newsclaims/redis/unavailable"):
        raise RedisUnavailable(f"Redis at {redacted(url)} went away mid-crawl ({stats['newsclaims/redis/unavailable']}); "
                               f"this worker stopped. Run the crawl again: pages not stored are fetched then")
    stats["run"] = keys.run
    return stats
