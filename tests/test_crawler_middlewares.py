"""The origin middleware and the spider's requests, on real Scrapy components (get_crawler)."""
import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from crawler.middlewares import OriginMiddleware
from crawler.spiders.story import StorySpider
from crawler import settings as crawler_settings


@pytest.fixture
def spider_and_middleware(tmp_path):
    config = tmp_path / "s.toml"
    config.write_text('slug = "s"\ntitle = "S"\ncontact = "https://example.org/who-crawls"\n\n'
                      '[[outlets]]\nslug = "a"\nname = "A"\norigin = "http://127.0.0.1:8001"\nseeds = ["/"]\n\n'
                      '[[outlets]]\nslug = "b"\nname = "B"\norigin = "http://127.0.0.1:8002"\nseeds = ["/"]\n'
                      "follow_paths = ['^/news/']\n")
    crawler = get_crawler(StorySpider, {"NEWSCLAIMS_DB_PATH": str(tmp_path / "s.db"),
                                        "USER_AGENT": crawler_settings.USER_AGENT})
    spider = StorySpider.from_crawler(crawler, story=str(config))
    crawler.spider = spider
    return spider, OriginMiddleware.from_crawler(crawler)


def test_each_outlet_origin_is_its_own_download_slot(spider_and_middleware):
    spider, middleware = spider_and_middleware
    slots = set()
    for url in ("http://127.0.0.1:8001/news/a.html", "http://127.0.0.1:8001/news/b.html", "http://127.0.0.1:8002/x"):
        request = spider.request(url, spider.parse_page)
        middleware.process_request(request)
        slots.add(request.meta["download_slot"])
    assert slots == {"http://127.0.0.1:8001", "http://127.0.0.1:8002"}


def test_other_origins_are_refused_even_on_the_same_host(spider_and_middleware):
    spider, middleware = spider_and_middleware
    with pytest.raises(IgnoreRequest):
        middleware.process_request(spider.request("http://127.0.0.1:8003/news/a.html", spider.parse_page))


def test_user_agent_names_the_contact_from_the_story(spider_and_middleware):
    spider, _ = spider_and_middleware
    request = spider.request("http://127.0.0.1:8001/news/a.html", spider.parse_page)
    user_agent = request.headers[b"User-Agent"].decode()
    assert user_agent.startswith("newsclaims/") and "https://example.org/who-crawls" in user_agent


def test_links_are_followed_only_on_the_outlets_follow_paths(spider_and_middleware):
    from scrapy.http import HtmlResponse

    spider, _ = spider_and_middleware
    body = b"<html><body><a href='/news/one.html'>1</a><a href='/shop/cart'>2</a><a href='/tag/x'>3</a></body></html>"
    response = HtmlResponse("http://127.0.0.1:8002/", body=body, encoding="utf-8")
    assert [r.url for r in spider.follow(response)] == ["http://127.0.0.1:8002/news/one.html"]
    other = HtmlResponse("http://127.0.0.1:8001/", body=body, encoding="utf-8")  # no follow_paths: all links
    assert len(list(spider.follow(other))) == 3
