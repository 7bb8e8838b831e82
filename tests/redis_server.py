"""A real `redis-server` for tests: on a free 127.0.0.1 port, in its own directory, nothing saved to
disk, stopped by PID. Debian's package (`make test` installs it); a missing server fails loudly.

Run by hand to get one for poking at: `python -m tests.redis_server` (Ctrl-C stops it).
"""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """`with RedisServer() as redis: redis.url` — a server of its own; `stop()`/`start()` again on the
    same port (to take Redis away mid-crawl and bring it back)."""

    def __init__(self, port: int | None = None, password: str | None = None):
        self.port = port or free_port()
        self.password = password
        self.dir = Path(tempfile.mkdtemp(prefix="newsclaims-redis-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(binary).exists():
            raise RuntimeError("redis-server is not installed: `make test` installs Debian's redis-server")
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                   "--dir", str(self.dir), "--daemonize", "no", "--loglevel", "warning"]
        if self.password:
            command += ["--requirepass", self.password]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"redis-server exited with {self.process.returncode} on port {self.port}")
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"redis-server did not listen on 127.0.0.1:{self.port} within 10 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def client(self):
        import redis

        return redis.Redis.from_url(self.url)

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)



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


#: Settings of every distributed test crawl: the loopback profile, quick heartbeats and a short end.
FAST = {"AUTOTHROTTLE_START_DELAY": 0.05, "AUTOTHROTTLE_MAX_DELAY": 1.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 4.0, "LOG_LEVEL": "INFO", "NEWSCLAIMS_REDIS_OUTLET_INTERVAL": 0.002,
        "NEWSCLAIMS_REDIS_HEARTBEAT": 0.3, "NEWSCLAIMS_REDIS_WORKER_TIMEOUT": 2.0,
        "NEWSCLAIMS_REDIS_IDLE_SECONDS": 1.0, "NEWSCLAIMS_REDIS_RUN_WAIT": 20}


def options(settings: dict) -> list[str]:
    return [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]


def start(*args: str, log) -> subprocess.Popen:
    """`newsclaims ARGS` as a background process (its own reactor), stdout and stderr to `log`."""
    from newsclaims import ROOT

    return subprocess.Popen([sys.executable, "-m", "newsclaims", *args], cwd=ROOT, stdout=log,
                            stderr=subprocess.STDOUT, text=True)


def finish(process, timeout: float = 120) -> int:
    """Wait for a process started by `start`; a hung one is killed (by its PID) and fails the test."""
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise AssertionError(f"{process.args[3:5]} did not finish within {timeout}s") from None


if __name__ == "__main__":
    with RedisServer() as server:
        print(server.url, flush=True)
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass
