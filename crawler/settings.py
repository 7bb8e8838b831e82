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
# A page is stored as an article only with at least this many words of extracted text.
NEWSCLAIMS_MIN_WORDS = 60
# The spaCy pipeline to load; en_core_web_sm, then its PyPI re-upload, are tried when it is absent.
NEWSCLAIMS_SPACY_MODEL = "en_core_web_sm"
# Texts per nlp.pipe batch.
NEWSCLAIMS_NER_BATCH_SIZE = 32
# Processes nlp.pipe uses for NER (spaCy's n_process); 2 is ~1.7x faster on 2 cores for large batches.
NEWSCLAIMS_NER_PROCESSES = 1
# Similarity (0-100, rapidfuzz ratio on normalised surnames) at which two surnames may be one person.
NEWSCLAIMS_VARIANT_CUTOFF = 80

# Outlets are ranked by error rate only from this many articles mentioning the people concerned.
NEWSCLAIMS_REPORT_MIN_N = 3

# Politeness for outlets on this machine (the demo and the tests): still AutoThrottle and robots.txt,
# with a start delay small enough that a 50-page crawl takes seconds, not minutes.
LOOPBACK_PROFILE = {
    "AUTOTHROTTLE_START_DELAY": 0.05,
    "AUTOTHROTTLE_MAX_DELAY": 1.0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 4.0,
    "LOG_LEVEL": "WARNING",
}
