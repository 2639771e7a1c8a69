"""Record every request and response of the crawl in the session's WARC file.

Sits next to the downloader, so bodies are stored as received (still compressed), redirects
included. A rendered page is stored as a `resource` record of its DOM, its screenshot as
another. The offset of the final record goes to `request.meta["fw_warc"]` as (file, offset).
"""

from __future__ import annotations

import getpass
import socket
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.evidence.warc import WarcLog
from crawler.ingest.errors import EvidenceNotKept
from crawler.render.policy import screenshot_of
from crawler.render.profiles import PROFILES
from crawler.stop import stop_crawl
from fraudwatch import __version__
from fraudwatch.logs import get_logger

log = get_logger("crawler.evidence.warcwriter")


def session_info(settings) -> dict:
    """What the warcinfo record says of the session: who ran it where, and how it crawled."""
    return {
        "operator": operator(),
        "hostname": socket.gethostname(),
        "http-header-user-agent": settings.get("USER_AGENT", ""),
        "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        "fraudwatch-render": str(settings.get("FRAUDWATCH_RENDER", "")),
        "fraudwatch-max-pages-per-site": str(settings.get("FRAUDWATCH_MAX_PAGES", "")),
        "fraudwatch-download-timeout": str(settings.get("DOWNLOAD_TIMEOUT", "")),
        "fraudwatch-browser-profiles": ", ".join(
            f"{name}: {browser_profile(name)}" for name in PROFILES),
    }


def operator() -> str:
    """The login name the crawl runs under (who ran it, for the warcinfo record)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        return "unknown"


def browser_profile(name: str) -> str:
    """A browser profile in words: name, viewport, locale and user agent."""
    if name not in PROFILES:
        return name
    profile = PROFILES[name]
    size = profile["viewport"]
    return (f"{name} {size['width']}x{size['height']} {profile['locale']} "
            f"{profile['user_agent']}")


class WarcWriterMiddleware:
    def __init__(self, warc: WarcLog, crawler=None):
        self.warc = warc
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("FRAUDWATCH_WARC_FILE")
        if not path:
            raise NotConfigured
        middleware = cls(WarcLog(Path(path), f"fraudwatch/{__version__}",
                                 session_info(crawler.settings)), crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request, response):
        """Record the response; when its record cannot be written the crawl stops (a page
        without its evidence is worth nothing to a takedown) and the response is dropped."""
        try:
            request.meta["fw_warc"] = (str(self.warc.path), self._record(request, response))
        except OSError as exc:
            message = (f"WARC file {self.warc.path} cannot be written ({exc.strerror or exc}); "
                       "fix: free disk space or move var_dir")
            log.error("evidence not kept; stopping the crawl", url=request.url, error=str(exc),
                      fix="free disk space, then `fraudwatch crawl --resume`")
            stop_crawl(self.crawler, "evidence_failed", message)
            raise EvidenceNotKept(message) from exc
        return response

    def _record(self, request, response) -> int:
        """Write the records of one response; the offset of the one a capture points at."""
        if "playwright" in response.flags:
            profile = browser_profile(request.meta.get("fw_render", ""))
            offset = self.warc.resource(response.url, response.body, "text/html; charset=utf-8",
                                        profile)
            screenshot = screenshot_of(request)
            if screenshot:
                self.warc.resource(f"urn:screenshot:{response.url}", screenshot, "image/png",
                                   profile, of=self.warc.last_id)
        else:
            self.warc.request(request.url, request.method, request.headers, request.body)
            offset = self.warc.response(
                response.url, response.status, response.headers, response.body,
                ip=str(response.ip_address or ""), protocol=response.protocol or "HTTP/1.1",
                request_id=self.warc.last_id)
        return offset

    def process_exception(self, request, exception):
        if not request.meta.get("playwright") and not isinstance(exception, EvidenceNotKept):
            try:
                self.warc.request(request.url, request.method, request.headers, request.body)
            except OSError as exc:
                log.error("WARC request record not written", url=request.url, error=str(exc))

    def spider_opened(self, spider):
        self.warc.open()

    def spider_closed(self, spider):
        self.warc.close()
