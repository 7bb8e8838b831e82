"""The default page memory: what earlier crawls recorded in the store's `pages` table.

The shell side of the `crawler.page_memory` seam: the spider knows only the interface, and this
class, named by `NEWSCLAIMS_PAGE_MEMORY` in `crawler/settings.py`, is where SQLite comes in.
"""
from __future__ import annotations

from collections.abc import Collection

from crawler.page_memory import InMemoryPageMemory, KnownPage
from newsclaims import store


class StorePageMemory(InMemoryPageMemory):
    """Every page the store knows on the story's origins, read in one query when the crawl opens.

    One snapshot, not a query per URL: a re-crawl asks about thousands of URLs, and the pipeline
    writes to the same file meanwhile. The database is closed again straight after reading.

    Settings: NEWSCLAIMS_DB_PATH.
    """

    def __init__(self, db_path: str):
        super().__init__()
        self.db_path = db_path

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("NEWSCLAIMS_DB_PATH"))

    def open(self, origins: Collection[str]) -> None:
        db = store.open_store(self.db_path)
        try:
            known = store.known_pages(db, origins)
        finally:
            db.close()
        self._pages = {url: KnownPage.from_mapping(row) for url, row in known.items()}
