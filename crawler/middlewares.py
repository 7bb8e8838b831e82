"""Downloader middlewares of the newsclaims crawler."""
from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest

from newsclaims.config import origin_of

logger = logging.getLogger(__name__)


class OriginMiddleware:
    """Refuse requests to origins outside the story's outlets; give each outlet its own download slot;
    count each outlet's answers and failures.

    Scrapy's OffsiteMiddleware compares host names only, and on 127.0.0.1 every outlet shares one host:
    here an outlet is its origin (scheme, host, port). Because redirects are re-scheduled through the
    downloader middlewares, a redirect to another origin is refused here too. Keying the download slot
    by origin makes CONCURRENT_REQUESTS_PER_DOMAIN and AutoThrottle act per outlet.

    Per outlet (its slug, from the spider's `story`) the stats get `newsclaims/outlet/SLUG/responses`
    (any HTTP answer), `.../ok` (answers under 400) and `.../failures` (no answer at all once the retry
    middleware gave up: refused connections, DNS failures, timeouts), with the first failure's text in
    `.../first_failure`. A crawl can then say, per outlet, that it was unreachable, in one line,
    instead of leaving that to hundreds of log lines.

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

    def process_response(self, request, response):
        slug = self._outlet(request.url)
        if slug:
            self.stats.inc_value(f"newsclaims/outlet/{slug}/responses")
            if response.status < 400:
                self.stats.inc_value(f"newsclaims/outlet/{slug}/ok")
        return response

    def process_exception(self, request, exception):
        # Called once the retry middleware (a higher order number) has given up on the request.
        if isinstance(exception, IgnoreRequest):
            return None
        slug = self._outlet(request.url)
        if slug:
            self.stats.inc_value(f"newsclaims/outlet/{slug}/failures")
            if self.stats.get_value(f"newsclaims/outlet/{slug}/first_failure") is None:
                text = " ".join(str(exception).split()) or type(exception).__name__
                self.stats.set_value(f"newsclaims/outlet/{slug}/first_failure", text[:300])
        return None

    def _outlet(self, url: str) -> str | None:
        story = getattr(self.crawler.spider, "story", None)
        outlet = story.outlet_for(url) if story is not None else None
        return outlet.slug if outlet is not None else None
