"""The farm's HTTP server: one loopback port, sites routed by Host header, run in a thread."""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from fraudwatch.farm import assets, hostile
from fraudwatch.farm.generated import generated_pages, generated_sites
from fraudwatch.farm.render import render_page
from fraudwatch.farm.sites import FarmSite, catalogue, looks_like_browser, manifest, seed_urls

log = logging.getLogger(__name__)
NOT_FOUND = b"<!doctype html><html><body><h1>404</h1><p>Page not found.</p></body></html>"


class FarmHandler(BaseHTTPRequestHandler):
    """Serves one request for whichever farm site the Host header names."""

    server: FarmServer
    timeout = 5  # an idle or half-sent request cannot hold a thread (or shutdown) longer

    def do_GET(self) -> None:
        """Route by host, then by path: robots.txt, hostile responses, static files, pages."""
        site = self.server.site_for(self.headers.get("Host", ""))
        path = urlsplit(self.path).path
        if site is not None and site.cloaks and not looks_like_browser(self.headers):
            site = site.decoy
        if site is None:
            self.send(404, b"unknown farm host", "text/plain; charset=utf-8")
        elif path == "/robots.txt":
            self.send(200, robots_txt(site).encode(), "text/plain; charset=utf-8")
        elif not hostile.respond(self, site, path):
            self._serve_file_or_page(site, path)

    def _serve_file_or_page(self, site: FarmSite, path: str) -> None:
        """Send a static file or a rendered page of `site`, or 404."""
        if found := assets.static_file(site, path):
            self.send(200, *found)
            return
        html = render_page(site, hostile.page_path(site, path), self.server.port,
                           meta_charset=site.hostile not in hostile.ENCODINGS,
                           pages=self.server.pages_of(site))
        if html is None:
            self.send(404, NOT_FOUND, hostile.HTML)
        else:
            self.send(200, *hostile.encode_page(site, path, html))

    def send(self, status: int, body: bytes, content_type: str,
             headers: dict[str, str] | None = None) -> None:
        """Send a complete response with a Content-Length."""
        self._head(status, content_type, {"Content-Length": str(len(body)), **(headers or {})})
        self.wfile.write(body)

    def stream(self, status: int, content_type: str, chunks: Iterator[bytes],
               headers: dict[str, str] | None = None) -> None:
        """Send chunks as they come; stop when the client leaves or the farm stops."""
        self._head(status, content_type, headers or {})
        try:
            for chunk in chunks:
                if self.server.stopping.is_set():
                    return
                self.wfile.write(chunk)
        except OSError:
            log.debug("farm: client left during %s", self.path)

    def pause(self, seconds: float) -> bool:
        """Sleep up to `seconds`; False if the farm began stopping meanwhile."""
        return not self.server.stopping.wait(seconds)

    def _head(self, status: int, content_type: str, headers: dict[str, str]) -> None:
        """Status line and headers."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, format: str, *args) -> None:
        """Access log to the logging system instead of stderr."""
        headers = getattr(self, "headers", None)  # unset when the request line was malformed
        log.debug("farm: %s " + format, headers.get("Host", "-") if headers else "-", *args)


class FarmServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the farm's sites and joins its threads on close."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, address: tuple[str, int], sites: list[FarmSite],
                 generated: frozenset[str] = frozenset(), pages_per_site: int = 0):
        super().__init__(address, FarmHandler)
        self.sites = {site.host: site for site in sites}
        self.generated = generated
        self.pages_per_site = pages_per_site
        self.stopping = threading.Event()

    def pages_of(self, site: FarmSite) -> tuple:
        """A generated site's pages; () for a catalogue site (its content kind's own)."""
        if site.host not in self.generated:
            return ()
        return generated_pages(site, self.pages_per_site)

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return self.server_address[1]

    def site_for(self, host_header: str) -> FarmSite | None:
        """The site a Host header names (port and trailing dot ignored), if any."""
        return self.sites.get(host_header.rsplit(":", 1)[0].rstrip(".").lower())

    def handle_error(self, request, client_address) -> None:
        """Clients that hang up or stall are routine; anything else is logged with a traceback."""
        if isinstance(sys.exception(), OSError):
            log.debug("farm: %s hung up", client_address)
        else:
            log.exception("farm: request from %s failed", client_address)


def robots_txt(site: FarmSite) -> str:
    """The site's robots.txt: everything allowed but /admin/, or nothing at all."""
    return f"User-agent: *\nDisallow: {'/' if site.robots_disallow else '/admin/'}\n"


class Farm:
    """The demo and test web: every catalogue site served from one loopback port.

    with Farm(port=0, hostile=True) as farm:
        farm.seeds()  # ["http://zolotaya-fishka.kz:41234/", ...]

    `extra_sites` adds that many generated sites of `pages_per_site` pages each
    (fraudwatch.farm.generated), for load tests and benchmarks.
    """

    def __init__(self, port: int = 0, hostile: bool = True, host: str = "127.0.0.1",
                 extra_sites: int = 0, pages_per_site: int = 20):
        extra = generated_sites(extra_sites)
        self.sites = catalogue(hostile) + extra
        self._generated = frozenset(site.host for site in extra)
        self._pages_per_site = pages_per_site
        self._address = (host, port)
        self._server: FarmServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_port(self) -> int:
        """The port every farm site is served on."""
        if self._server is None:
            raise RuntimeError("the farm is not running")
        return self._server.port

    def start(self) -> Farm:
        """Bind the port and serve from a daemon thread."""
        self._server = FarmServer(self._address, self.sites, self._generated,
                                  self._pages_per_site)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={
            "poll_interval": 0.1}, name="fraudwatch-farm", daemon=True)
        self._thread.start()
        log.info("farm: %d sites on port %d", len(self.sites), self.base_port)
        return self

    def stop(self) -> None:
        """End slow responses, stop serving, close the port and join every thread."""
        if self._server is None:
            return
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._server = self._thread = None

    def __enter__(self) -> Farm:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def hosts(self) -> list[str]:
        """The ASCII host names the crawler must resolve to this farm."""
        return [site.host for site in self.sites]

    def seeds(self) -> list[str]:
        """Landing-page URLs of the sites a crawl starts from."""
        return seed_urls(self.sites, self.base_port)

    def manifest(self) -> list[dict]:
        """Every site's metadata and URL, as JSON-ready dicts."""
        return manifest(self.sites, self.base_port)

    def write_seeds(self, path: str | Path) -> None:
        """Write the seed URLs, one a line."""
        Path(path).write_text("".join(url + "\n" for url in self.seeds()), encoding="utf-8")

    def write_sites(self, path: str | Path) -> None:
        """Write the manifest as JSON."""
        Path(path).write_text(json.dumps(self.manifest(), ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")
