"""Fixtures for tests of the distributed crawl; enabled with `pytest_plugins = ["tests.plugins_redis"]`."""
from __future__ import annotations

import pytest

from tests.redis_server import RedisServer


@pytest.fixture(scope="session")
def redis_server():
    """One real redis-server for the session (tests use their own story slugs, so keys never collide)."""
    with RedisServer() as server:
        yield server


TOPIC = "Alder Creek"
FILLER = (f"The {TOPIC} footbridge inspection continued on Tuesday as engineers walked the span with the county. "
          "Residents asked when the road would reopen and what the repairs would cost the town this year. ") * 3


def story_site(pages: int, outlets: int = 2, delay: float = 0.0) -> tuple[dict, dict[str, list[str]]]:
    """`pages` distinct article pages spread over `outlets` origins: each outlet lists its articles in a
    sitemap, and each article links to the next two (so links are found twice and the shared seen-set
    has work). Returns (site for DemoServer, {outlet: article paths})."""
    from tests.fault_site import FaultPage

    site, paths = {}, {}
    for o in range(outlets):
        slug = f"o{o}"
        mine = [f"/news/{n:05d}.html" for n in range(o, pages, outlets)]
        outlet = {"/robots.txt": FaultPage("User-agent: *\nDisallow:\n", "text/plain"),
                  "/": FaultPage("<html><body><a href='/news/index.html'>news</a></body></html>")}
        for i, path in enumerate(mine):
            links = "".join(f"<a href='{p}'>next</a> " for p in mine[i + 1:i + 3])
            outlet[path] = FaultPage(
                f"<!DOCTYPE html><html lang='en'><head><title>{TOPIC} report {path}</title></head><body>"
                f"<article><h1>{TOPIC} report {path}</h1><p>Report number {path} of the {TOPIC} inspection.</p>"
                f"<p>{FILLER}</p></article><nav>{links}</nav></body></html>", delay=delay)
        urlset = "".join(f"<url><loc>{{{{origin:{slug}}}}}{p}</loc></url>" for p in mine)
        outlet["/sitemap.xml"] = FaultPage("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/"
                                           f"sitemap/0.9'>{urlset}</urlset>", "application/xml")
        site[slug], paths[slug] = outlet, mine
    return site, paths


def story_config(slug: str, origins: dict[str, str]) -> str:
    """A story TOML for `story_site` served at `origins`."""
    text = f'slug = "{slug}"\ntitle = "Scale test"\n\n[topic]\nkeywords = ["{TOPIC}"]\n'
    for outlet, origin in sorted(origins.items()):
        text += (f'\n[[outlets]]\nslug = "{outlet}"\nname = "Outlet {outlet}"\norigin = "{origin}"\nseeds = ["/"]\n'
                 'sitemaps = ["/sitemap.xml"]\narticle_paths = ["^/news/"]\n')
    return text
