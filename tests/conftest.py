"""Shared fixtures: real servers on 127.0.0.1, real crawls into real SQLite files, the real model.

Expensive things happen once per test run: the demo corpus is served once, crawled twice (the second
crawl must add nothing) and analysed once per crawl; the spaCy model is loaded once. Tests then check
the resulting database against data/demo/truth.json, which comes from the corpus source, not from
newsclaims' output.
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.settings import LOOPBACK_PROFILE
from newsclaims import DATA_DIR, ROOT, store
from newsclaims.config import load_story
from newsclaims.demo import DemoServer

SHARED = ROOT.parent / "shared" / "data"
MISSPELLED = SHARED / "misspelled-article"


@dataclass(frozen=True)
class StaticPage:
    body: str | bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run `newsclaims ARGS` in a subprocess (a crawl needs its own Twisted reactor)."""
    result = subprocess.run([sys.executable, "-m", "newsclaims", *args], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"newsclaims {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


def loopback_settings() -> list[str]:
    """The test settings profile as -s options: AutoThrottle on, with a small start delay."""
    return [arg for name, value in LOOPBACK_PROFILE.items() for arg in ("-s", f"{name}={value}")]


def crawl(config_path: Path, db_path: Path) -> subprocess.CompletedProcess:
    return run_cli("crawl", str(config_path), "--db", str(db_path), *loopback_settings())


@pytest.fixture(scope="session")
def nlp():
    from newsclaims.nlp import load_model

    return load_model("en_core_web_sm")


@pytest.fixture(scope="session")
def truth() -> dict:
    return json.loads((DATA_DIR / "demo" / "truth.json").read_text(encoding="utf-8"))


@dataclass
class CrawledStory:
    config: object
    config_path: Path
    db_path: Path
    origins: dict[str, str]
    counts_first: dict[str, int]
    counts_second: dict[str, int]
    crawl_output: str

    def url(self, outlet: str, path: str) -> str:
        return self.origins[outlet] + path

    def db(self):
        return store.open_store(self.db_path)


@pytest.fixture(scope="session")
def demo_site():
    from newsclaims.demo import build_site

    with DemoServer(build_site()) as server:
        yield server


@pytest.fixture(scope="session")
def demo_crawl(demo_site, nlp, tmp_path_factory) -> CrawledStory:
    """The demo corpus on free ports, crawled and analysed twice into one database."""
    from newsclaims import jobs

    tmp = tmp_path_factory.mktemp("demo")
    config = load_story("demo").with_origins(demo_site.origins)
    config_path = tmp / "demo.toml"
    config_path.write_text(config.to_toml(), encoding="utf-8")
    db_path = tmp / "demo.db"
    counts = []
    output = ""
    for _ in range(2):
        output += crawl(config_path, db_path).stdout
        db = store.open_store(db_path)
        jobs.analyse(db, config, nlp)
        counts.append(store.count_rows(db))
        db.close()
    return CrawledStory(config, config_path, db_path, demo_site.origins, counts[0], counts[1], output)


@pytest.fixture(scope="session")
def real_article_crawl(nlp, tmp_path_factory) -> CrawledStory:
    """The real SEO article that misspells Coppinger, served on loopback, crawled and analysed."""
    from newsclaims import jobs

    html = (MISSPELLED / "worcester-coppinger.html").read_text(encoding="utf-8")
    site = {"real": {
        "/": StaticPage('<html><body><a href="/news/worcester.html">Worcester</a></body></html>'),
        "/news/worcester.html": StaticPage(html),
        "/robots.txt": StaticPage("User-agent: *\nDisallow:\n", "text/plain"),
    }}
    tmp = tmp_path_factory.mktemp("real")
    with DemoServer(site) as server:
        config_path = tmp / "real.toml"
        config_path.write_text(
            f'slug = "real"\ntitle = "Worcester ICE confrontation"\n\n[[outlets]]\nslug = "real"\nname = "Real outlet"\n'
            f'origin = "{server.origins["real"]}"\nseeds = ["/"]\narticle_paths = ["^/news/"]\n', encoding="utf-8")
        db_path = tmp / "real.db"
        output = crawl(config_path, db_path).stdout
    config = load_story(config_path)
    db = store.open_store(db_path)
    jobs.analyse(db, config, nlp)
    counts = store.count_rows(db)
    db.close()
    return CrawledStory(config, config_path, db_path, server.origins, counts, counts, output)


@pytest.fixture(scope="session")
def fault_crawl(tmp_path_factory):
    """The fault site crawled twice into one database; the crawls' stderr is kept for log checks."""
    from tests.fault_site import TOPIC, build_fault_site, gzip_sitemap

    tmp = tmp_path_factory.mktemp("faults")
    site = build_fault_site()
    with DemoServer(site) as server:
        gzip_sitemap(server.site, server.origins["faults"])
        config_path = tmp / "faults.toml"
        config_path.write_text(
            f'slug = "faults"\ntitle = "Fault site"\n\n[topic]\nkeywords = ["{TOPIC}"]\n\n[[outlets]]\n'
            f'slug = "faults"\nname = "Fault site"\norigin = "{server.origins["faults"]}"\nseeds = ["/"]\n'
            'article_paths = ["^/news/"]\n', encoding="utf-8")
        db_path = tmp / "faults.db"
        logs = [crawl(config_path, db_path).stderr for _ in range(2)]
    db = store.open_store(db_path)
    counts = store.count_rows(db)
    db.close()
    result = CrawledStory(load_story(config_path), config_path, db_path, server.origins, counts, counts, logs[0])
    result.logs = logs
    return result
