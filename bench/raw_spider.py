"""The baseline for bench/crawl.py: raw Scrapy fetching every sitemap URL and running the same
extractor in its callback, storing nothing. Usage: raw_spider.py SITEMAP_URL SETTINGS_JSON"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import scrapy  # noqa: E402
from scrapy.crawler import CrawlerProcess  # noqa: E402
from scrapy.utils.sitemap import Sitemap  # noqa: E402

from crawler.extract import decode_html, extract_page  # noqa: E402


class RawSpider(scrapy.Spider):
    name = "raw"
    extracted = 0

    async def start(self):
        yield scrapy.Request(sys.argv[1], callback=self.parse_sitemap)

    def parse_sitemap(self, response):
        for entry in Sitemap(response.body):
            yield scrapy.Request(entry["loc"], callback=self.parse_page)

    def parse_page(self, response):
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if extract_page(decode_html(response.body, content_type), response.url) is not None:
            RawSpider.extracted += 1


if __name__ == "__main__":
    process = CrawlerProcess(json.loads(sys.argv[2]))
    process.crawl(RawSpider)
    process.start()
    print(json.dumps({"extracted": RawSpider.extracted}))
