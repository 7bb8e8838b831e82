"""Sitemap parsing beyond Scrapy's `Sitemap`: Google News sitemaps' publication date and title.

Scrapy's parser keeps each `<url>`'s direct children and clears the rest as it streams, so the
`<news:news>` block would arrive empty. This subclass reads it first; everything else is Scrapy's.
"""
from __future__ import annotations

from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

__all__ = ["NewsSitemap", "sitemap_urls_from_robots"]


class NewsSitemap(Sitemap):
    """A `Sitemap` whose url entries also carry `news: {"publication_date", "title"}` when present."""

    __slots__ = ()

    def _process_sitemap_element(self, elem):
        news = {}
        for child in elem:
            if self._get_tag_name(child) == "news":
                for field in child:
                    name = self._get_tag_name(field)
                    if name in ("publication_date", "title") and field.text:
                        news[name] = field.text.strip()
        entry = super()._process_sitemap_element(elem)
        if entry is not None and news:
            entry["news"] = news
        return entry
