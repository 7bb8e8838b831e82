"""The switch between the embedded crawl and a distributed one: a Scrapy add-on, keyed on one setting.

Listed in ADDONS (crawler/settings.py), it does nothing unless NEWSCLAIMS_REDIS_URL is set, so the
single-process default (`make demo`) never touches Redis. With it set, whether by `newsclaims crawl
--redis URL`, `scrapy crawl story -s NEWSCLAIMS_REDIS_URL=...` or a Scrapyd job's `setting=`, it puts
the scrapy-redis scheduler, the Redis page memory, the stream sink and the worker extension in place.

It works in `update_pre_crawler_settings` because the spider is built (and asks for its page memory)
before Scrapy calls an add-on's `update_settings`. A value a user set on the command line wins.
"""
from __future__ import annotations

from scrapy.settings import SETTINGS_PRIORITIES

#: Settings the add-on fills in when the crawl is distributed.
REDIS_SETTINGS = {
    "SCHEDULER": "crawler.redis.scheduler.ClusterScheduler",
    "DUPEFILTER_CLASS": "crawler.redis.scheduler.ClusterDupeFilter",
    "NEWSCLAIMS_PAGE_MEMORY": "crawler.redis.memory.RedisPageMemory",
    # redis-py calls block the reactor: never a blocking pop.
    "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
}
#: Components added (a None value removes one).
REDIS_COMPONENTS = {
    "EXTENSIONS": {"crawler.redis.extension.ClusterWorker": 0},
    "ITEM_PIPELINES": {"newsclaims.pipelines.StorePipeline": None, "crawler.redis.pipelines.ItemSinkPipeline": 300},
    "DOWNLOADER_MIDDLEWARES": {"crawler.redis.middlewares.InflightDownloaderMiddleware": 1,
                               "crawler.redis.middlewares.OutletPolitenessMiddleware": 120},
    "SPIDER_MIDDLEWARES": {"crawler.redis.middlewares.InflightSpiderMiddleware": 1},
}


class RedisAddon:
    """Switch the crawl to scrapy-redis when NEWSCLAIMS_REDIS_URL is set.

    Settings: NEWSCLAIMS_REDIS_URL.
    """

    @classmethod
    def update_pre_crawler_settings(cls, settings) -> None:
        if not settings.get("NEWSCLAIMS_REDIS_URL"):
            return
        project = SETTINGS_PRIORITIES["project"]
        for name, value in REDIS_SETTINGS.items():
            if (settings.getpriority(name) or 0) <= project:
                settings.set(name, value, priority="project")
        for name, components in REDIS_COMPONENTS.items():
            current = settings.getdict(name)
            current.update(components)
            if (settings.getpriority(name) or 0) <= project:
                settings.set(name, current, priority="project")
            else:
                settings.set(name, current, priority=settings.getpriority(name))
