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
    writes to the same file meanwhile. The database is closed again straight after reading. After a
    crawl that did not finish, the index pages it fetched are remembered without their validators, so
    the links it had no time to follow are found again.

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
            unfinished = store.unfinished_crawl_since(db, origins)
        finally:
            db.close()
        self._pages = {url: KnownPage.from_mapping(_forget_validators(row, unfinished)) for url, row in known.items()}


def _forget_validators(row: dict, unfinished: str | None) -> dict:
    """An index page fetched by a crawl that did not finish is asked for again in full: its links may
    not all have been followed (or stored) before the crawl stopped, and a 304 would list none of them."""
    if unfinished and row.get("status") != "article" and (row.get("last_fetched") or "") >= unfinished:
        return {**row, "etag": None, "last_modified": None}
    return row
