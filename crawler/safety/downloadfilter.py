"""Stop downloads that are not web pages (.apk, .exe, archives, media) as soon as their
headers arrive, so a 50 MB installer costs one header read; the spider records the refusal.
"""

from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured, StopDownload

PAGE_TYPES = ("text/", "application/xhtml+xml", "application/xml")


def is_page(content_type: str, disposition: str = "") -> bool:
    """Whether headers describe a page to parse (no type at all counts: sniffed later)."""
    if disposition.lower().startswith("attachment"):
        return False
    content_type = content_type.strip().lower()
    return not content_type or content_type.startswith(PAGE_TYPES)


class DownloadFilter:
    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("FRAUDWATCH_DOWNLOAD_FILTER", True):
            raise NotConfigured
        extension = cls()
        crawler.signals.connect(extension.headers_received, signal=signals.headers_received)
        return extension

    def headers_received(self, headers, body_length, request, spider):
        content_type = headers.get(b"Content-Type", b"").decode("latin-1")
        disposition = headers.get(b"Content-Disposition", b"").decode("latin-1")
        if not is_page(content_type, disposition):
            raise StopDownload(fail=True)
