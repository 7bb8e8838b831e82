"""Fixtures for tests of the distributed crawl; enabled with `pytest_plugins = ["tests.plugins_redis"]`."""
from __future__ import annotations

import secrets

import pytest

from tests.redis_server import RedisServer, story_config, story_site


@pytest.fixture(scope="session")
def redis_server():
    """One real redis-server for the session (tests use their own story slugs, so keys never collide)."""
    with RedisServer() as server:
        yield server


@pytest.fixture
def scale_story(tmp_path):
    """Serve a 500-page, two-outlet story on loopback; yields (config path, db path, {outlet: paths}, origins)."""
    from newsclaims.demo import DemoServer

    site, paths = story_site(500, outlets=2, delay=0.005)
    with DemoServer(site) as server:
        slug = f"scale-{secrets.token_hex(4)}"  # its own keys in the session's Redis
        config = tmp_path / f"{slug}.toml"
        config.write_text(story_config(slug, server.origins), encoding="utf-8")
        yield config, tmp_path / "scale.db", paths, server.origins
