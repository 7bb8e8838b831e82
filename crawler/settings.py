"""Settings of the newsclaims Scrapy project, and of newsclaims itself (the `NEWSCLAIMS_*` group).

Every newsclaims setting is declared here once, with its default and what it changes. The CLI reads
the same names (`newsclaims crawl demo -s NEWSCLAIMS_DB_PATH=/tmp/x.db`), as `scrapy crawl` does.
"""

BOT_NAME = "newsclaims"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- politeness -----------------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
# A real user agent with a contact URL: outlets must be able to tell who is crawling them.
USER_AGENT = "newsclaims/0.1 (+https://github.com/newsclaims/newsclaims; news accuracy research crawler)"
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# Download slots are per outlet origin (see OriginMiddleware), so this is a per-outlet limit.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_TIMES = 2
# Bounded link following from the seeds.
DEPTH_LIMIT = 3
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

DOWNLOADER_MIDDLEWARES = {
    # Before robots.txt (100) and redirects (600): an off-origin request is refused outright.
    "crawler.middlewares.OriginMiddleware": 50,
}
ITEM_PIPELINES = {
    # The shell's pipeline: articles, pages and crawl_runs rows go to the store (the spider never opens SQLite).
    "newsclaims.pipelines.StorePipeline": 300,
}

# --- newsclaims -----------------------------------------------------------------------------------
# The SQLite file everything is stored in.
NEWSCLAIMS_DB_PATH = "data/newsclaims.db"
# What the spider knows of pages earlier crawls fetched (validators, status, dates): a class path
# implementing crawler.page_memory.PageMemory, built with from_crawler. The default reads the store.
NEWSCLAIMS_PAGE_MEMORY = "newsclaims.page_memory.StorePageMemory"
# The story config the `story` spider crawls: a slug from data/stories/ or a path to a TOML file.
NEWSCLAIMS_STORY = ""
# Worker processes for page extraction (CPU-bound), so the crawl fetches and stores meanwhile; 0 = inline.
NEWSCLAIMS_EXTRACT_PROCESSES = 1
# A page is stored as an article only with at least this many words of extracted text ...
NEWSCLAIMS_MIN_WORDS = 60
# ... or this many, when the page is stated to be an article (a wire brief, a video's caption): its
# metadata declares an article type, or its metadata, the feed or the sitemap date it. Index pages
# have neither.
NEWSCLAIMS_MIN_BRIEF_WORDS = 20
# The spaCy pipeline to load; en_core_web_sm, then its PyPI re-upload, are tried when it is absent.
NEWSCLAIMS_SPACY_MODEL = "en_core_web_sm"
# Texts per nlp.pipe batch.
NEWSCLAIMS_NER_BATCH_SIZE = 32
# Processes nlp.pipe uses for NER (spaCy's n_process); 2 is ~1.7x faster on 2 cores for large batches.
NEWSCLAIMS_NER_PROCESSES = 1
# Similarity (0-100, rapidfuzz ratio on normalised surnames) at which two surnames may be one person.
NEWSCLAIMS_VARIANT_CUTOFF = 80

# Seconds a crawl keeps retrying a database another process holds locked before it stops (exit 3); the
# pages not stored are fetched by the next crawl.
NEWSCLAIMS_DB_LOCK_TIMEOUT = 120

# Outlets are ranked by error rate only from this many articles mentioning the people concerned.
NEWSCLAIMS_REPORT_MIN_N = 3

# --- scale-out: several workers share one story through Redis (off unless NEWSCLAIMS_REDIS_URL is set) ---
# The add-on switches the scheduler, dupefilter, page memory and item pipeline to the Redis ones when
# NEWSCLAIMS_REDIS_URL is set (docs/scale-out.md); without it the crawl is the embedded one, unchanged.
ADDONS = {"crawler.redis.addon.RedisAddon": 0}
# redis://[:password@]HOST:PORT/DB (rediss:// for TLS); empty = the embedded single-process crawl.
NEWSCLAIMS_REDIS_URL = ""
# Seconds a worker waits for `newsclaims ingest STORY --redis URL` to open a run before it gives up.
NEWSCLAIMS_REDIS_RUN_WAIT = 60.0
# Seconds between a worker's heartbeats (each also wakes an idle worker to look at the shared queue).
NEWSCLAIMS_REDIS_HEARTBEAT = 1.0
# A worker silent this long is dead: a survivor puts its in-flight requests back in the shared queue.
# Longer than any pause of a worker's reactor (a huge sitemap parsed in one go), or pages are fetched twice.
NEWSCLAIMS_REDIS_WORKER_TIMEOUT = 15.0
# A worker stops once the shared queue is empty and no worker has a request in flight for this long.
NEWSCLAIMS_REDIS_IDLE_SECONDS = 3.0
# At most one request start per this many seconds on each outlet, across every worker (0 = off).
# Per-process limits (CONCURRENT_REQUESTS_PER_DOMAIN, AutoThrottle) still apply inside each worker.
NEWSCLAIMS_REDIS_OUTLET_INTERVAL = 0.5
# Entries the writer reads from the item stream per batch (one SQLite transaction each).
NEWSCLAIMS_INGEST_BATCH = 200

# Politeness for outlets on this machine (the demo and the tests): still AutoThrottle and robots.txt,
# with a start delay small enough that a 50-page crawl takes seconds, not minutes.
LOOPBACK_PROFILE = {
    "AUTOTHROTTLE_START_DELAY": 0.05,
    "AUTOTHROTTLE_MAX_DELAY": 1.0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 4.0,
    "LOG_LEVEL": "WARNING",
}
