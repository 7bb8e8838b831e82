"""Serve a site of pages on 127.0.0.1, one port per outlet, so crawls run against real HTTP.

Each outlet of the demo corpus is its own origin (its own port), with boilerplate that changes on every
request (`{{nonce}}`, `{{now}}`): that is what forces content hashing to work on the extracted article
rather than on the raw page. Absolute links are written as `{{origin:SLUG}}` and `{{offsite}}` in the
pages and filled in here, because ports are only known once the sockets are bound.

Any site can be served (tests serve hostile and faulty ones); ``python -m newsclaims.demo.serve`` serves
the demo corpus.
"""
from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from newsclaims.errors import PortError

HOST = "127.0.0.1"
#: The Last-Modified date every page claims (the demo corpus does not change while it is served).
LAST_MODIFIED = "Mon, 09 Mar 2026 12:00:00 GMT"
_PLACEHOLDER = re.compile(r"\{\{(origin:[a-z0-9_-]+|offsite|nonce|now)\}\}")


class PortInUse(PortError):
    """Raised by `DemoServer.start` when a fixed port is taken (a `PortError`: one line from the CLI)."""


class DemoServer:
    """Serves `site` (slug -> {path: page}) with one HTTP server per slug.

    A page is any object with `body` (str or bytes), `content_type` and `status`, and optionally
    `headers` (extra response headers), `delay` (seconds to wait before answering) and `validators`
    (False for no ETag/Last-Modified). The query string is ignored when looking a page up, as many real
    sites do, so a tracking-parameter URL serves the same page as the clean one.
    """

    def __init__(self, site: dict, ports: dict[str, int] | None = None, host: str = HOST):
        self.site = site
        self.ports = ports or {}
        self.host = host
        self.origins: dict[str, str] = {}
        self._servers: list[ThreadingHTTPServer] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> DemoServer:
        for slug in sorted(self.site):
            port = self.ports.get(slug, 0)
            try:
                server = ThreadingHTTPServer((self.host, port), _handler_for(self, slug))
            except OSError as exc:
                self.stop()
                raise PortInUse(f"port {port} for outlet {slug!r} is not free ({exc.strerror}); stop what uses it") from None
            server.daemon_threads = True
            self._servers.append(server)
            self.origins[slug] = f"http://{self.host}:{server.server_address[1]}"
        for server in self._servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      name="demo-server", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def serve(self, site: dict) -> None:
        """Serve `site` from now on, on the same ports: the demo's phase 2 (articles edited since the
        first crawl) without restarting, so URLs stay what the first crawl saw. Each request looks its
        page up afresh, so the switch is one assignment."""
        missing = set(self.site) - set(site)
        if missing:
            raise ValueError(f"the new site lacks outlets {sorted(missing)}")
        self.site = site

    def url(self, slug: str, path: str = "/") -> str:
        return self.origins[slug] + path

    def render(self, body: str) -> str:
        def fill(match: re.Match) -> str:
            key = match.group(1)
            if key == "nonce":
                return secrets.token_hex(6)
            if key == "now":
                return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
            slug = "offsite" if key == "offsite" else key.split(":", 1)[1]
            return self.origins.get(slug, f"http://{self.host}:9")

        return _PLACEHOLDER.sub(fill, body)


def _handler_for(server: DemoServer, slug: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._respond(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._respond(send_body=False)

        def _respond(self, send_body: bool) -> None:
            path = urlsplit(self.path).path or "/"
            page = server.site[slug].get(path)
            if page is None:
                self._send(404, {"Content-Type": "text/plain; charset=utf-8"}, b"not found\n", send_body)
                return
            if getattr(page, "delay", 0):
                time.sleep(page.delay)
            headers = {"Content-Type": page.content_type,
                       **{k: server.render(v) for k, v in dict(getattr(page, "headers", ()) or ()).items()}}
            # Validators come from the page as written, before per-request boilerplate is filled in, the
            # way a CMS versions its articles: an unchanged article answers a conditional GET with 304.
            if getattr(page, "validators", True) and page.status == 200:
                source = page.body if isinstance(page.body, bytes) else page.body.encode("utf-8")
                etag = '"' + hashlib.sha1(source).hexdigest()[:16] + '"'
                headers.setdefault("ETag", etag)
                headers.setdefault("Last-Modified", LAST_MODIFIED)
                if self.headers.get("If-None-Match") == headers["ETag"] or (
                        "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                    self._send(304, {"ETag": headers["ETag"]}, b"", False)
                    return
            body = page.body if isinstance(page.body, bytes) else server.render(page.body).encode("utf-8")
            self._send(page.status, headers, body, send_body)

        def _send(self, status: int, headers: dict, body: bytes, send_body: bool) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers and status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and body:
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the crawler refused a huge body
                    pass

        def log_message(self, format, *args) -> None:  # quiet: the crawler logs what it fetches
            pass

    return Handler


def demo_ports(story) -> dict[str, int]:
    """The fixed ports a story config gives its outlets (the demo keeps URLs stable across runs)."""
    return {outlet.slug: urlsplit(outlet.origin).port for outlet in story.outlets}
