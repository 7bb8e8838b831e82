"""Downloader middlewares of the newsclaims crawler."""
from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest

from newsclaims.config import origin_of

logger = logging.getLogger(__name__)


class OriginMiddleware:
    """Refuse requests to origins outside the story's outlets; give each outlet its own download slot.

    Scrapy's OffsiteMiddleware compares host names only, and on 127.0.0.1 every outlet shares one host:
    here an outlet is its origin (scheme, host, port). Because redirects are re-scheduled through the
    downloader middlewares, a redirect to another origin is refused here too. Keying the download slot
    by origin makes CONCURRENT_REQUESTS_PER_DOMAIN and AutoThrottle act per outlet.

    Reads the spider's `allowed_origins` (a set of origins); a spider without it is not filtered.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        allowed = getattr(self.crawler.spider, "allowed_origins", None)
        origin = origin_of(request.url)
        if allowed is not None and origin not in allowed:
            self.stats.inc_value("newsclaims/refused/offsite")
            logger.info("Refused off-site request to %(origin)s: %(url)s", {"origin": origin, "url": request.url},
                        extra={"spider": self.crawler.spider})
            raise IgnoreRequest(f"off-site origin {origin}")
        request.meta.setdefault("download_slot", origin)
        return None
