"""Record every request and response of the crawl in the session's WARC file.

Sits next to the downloader, so bodies are stored as received (still compressed), redirects
included. A rendered page is stored as a `resource` record of its DOM, its screenshot as
another. The offset of the final record goes to `request.meta["fw_warc"]` as (file, offset).
"""

from __future__ import annotations

from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.renderpolicy import screenshot_of
from crawler.warc import WarcLog


class WarcWriterMiddleware:
    def __init__(self, warc: WarcLog):
        self.warc = warc

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("FRAUDWATCH_WARC_FILE")
        if not path:
            raise NotConfigured
        middleware = cls(WarcLog(Path(path)))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request, response):
        if "playwright" in response.flags:
            offset = self.warc.resource(response.url, response.body, "text/html; charset=utf-8")
            screenshot = screenshot_of(request)
            if screenshot:
                self.warc.resource(f"urn:screenshot:{response.url}", screenshot, "image/png")
        else:
            self.warc.request(request.url, request.method, request.headers, request.body)
            offset = self.warc.response(
                response.url, response.status, response.headers, response.body,
                ip=str(response.ip_address or ""), protocol=response.protocol or "HTTP/1.1")
        request.meta["fw_warc"] = (str(self.warc.path), offset)
        return response

    def process_exception(self, request, exception):
        if not request.meta.get("playwright"):
            self.warc.request(request.url, request.method, request.headers, request.body)

    def spider_opened(self, spider):
        self.warc.open()

    def spider_closed(self, spider):
        self.warc.close()
