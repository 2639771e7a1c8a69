"""A WARC file of one crawl session (warcio): requests, responses, rendered DOMs, screenshots.

Each write returns the record's offset; with per-record gzip members a reader can seek straight
to it (`warcio.ArchiveIterator` over the file from that offset). Lengths are always given, so
warcio needs no temporary buffer.
"""

from __future__ import annotations

from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Bodies are stored de-chunked, so a Transfer-Encoding header would mislead WARC readers.
_DROPPED_HEADERS = {"transfer-encoding"}


def header_pairs(headers) -> list[tuple[str, str]]:
    """(name, value) pairs of a Scrapy Headers object, repeated headers kept."""
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name in headers
        if name.decode("latin-1").lower() not in _DROPPED_HEADERS
        for value in headers.getlist(name)
    ]


def status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


class WarcLog:
    """Appends records to one gzipped WARC file (`open` first, `close` at the end)."""

    def __init__(self, path: Path, software: str = "fraudwatch"):
        self.path = path
        self.software = software
        self._file = None
        self._writer: WARCWriter | None = None

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("ab")
        self._writer = WARCWriter(self._file, gzip=True)
        info = {"software": self.software}
        self._write(self._writer.create_warcinfo_record(self.path.name, info))

    def _write(self, record) -> int:
        """Append a record and hand it to the OS at once: a capture the store holds must find
        its record even if the crawler is killed right after (kill -9 loses Python's buffer)."""
        offset = self._file.tell()
        self._writer.write_record(record)
        self._file.flush()
        return offset

    def request(self, url: str, method: str, headers, body: bytes = b"") -> int:
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        http = StatusAndHeaders(
            f"{method} {target} HTTP/1.1", [("Host", parts.netloc), *header_pairs(headers)],
            is_http_request=True,
        )
        record = self._writer.create_warc_record(
            url, "request", payload=BytesIO(body), length=len(body), http_headers=http)
        return self._write(record)

    def response(self, url: str, status: int, headers, body: bytes, ip: str = "",
                 protocol: str = "HTTP/1.1") -> int:
        http = StatusAndHeaders(status_line(status), header_pairs(headers), protocol=protocol)
        extra = {"WARC-IP-Address": ip} if ip else {}
        record = self._writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict=extra)
        return self._write(record)

    def resource(self, url: str, body: bytes, content_type: str) -> int:
        record = self._writer.create_warc_record(
            url, "resource", payload=BytesIO(body), length=len(body),
            warc_content_type=content_type)
        return self._write(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = self._writer = None
