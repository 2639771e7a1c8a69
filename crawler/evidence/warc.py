"""A WARC file of one crawl session (warcio): requests, responses, rendered DOMs, screenshots.

Each write returns the record's offset; with per-record gzip members a reader can seek straight
to it (`warcio.ArchiveIterator` over the file from that offset). Lengths are always given, so
warcio needs no temporary buffer.

The session opens with a warcinfo record (software and version, operator, host, crawl
settings, robots policy) that every later record names in `WARC-Warcinfo-ID`. A response
names its request in `WARC-Concurrent-To`; a rendered DOM names the browser profile it was
rendered in (`FW-Browser-Profile`) and, when the crawl also fetched the page itself, that
response (`WARC-Refers-To`); a screenshot names its DOM record and profile the same way.
"""

from __future__ import annotations

from collections import OrderedDict
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Bodies are stored de-chunked, so a Transfer-Encoding header would mislead WARC readers.
_DROPPED_HEADERS = {"transfer-encoding"}
# Response records remembered per URL, so a later rendered DOM can name its response
REMEMBERED_RESPONSES = 10_000


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

    def __init__(self, path: Path, software: str = "fraudwatch", info: dict | None = None):
        self.path = path
        self.software = software
        self.info = info or {}
        self._file = None
        self._writer: WARCWriter | None = None
        self._info_id = ""
        self.last_id = ""  # the WARC-Record-ID of the record written last
        self._responses: OrderedDict[str, str] = OrderedDict()

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("ab")
        self._writer = WARCWriter(self._file, gzip=True)
        info = {"software": self.software, "format": "WARC File Format 1.1",
                "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
                              "warc-format/warc-1.1/", **self.info}
        record = self._writer.create_warcinfo_record(self.path.name, info)
        self._info_id = record.rec_headers.get_header("WARC-Record-ID")
        self._write(record)

    def _headers(self, **extra: str) -> dict:
        return {"WARC-Warcinfo-ID": self._info_id, **{k: v for k, v in extra.items() if v}}

    def _write(self, record) -> int:
        """Append a record and hand it to the OS at once: a capture the store holds must find
        its record even if the crawler is killed right after (kill -9 loses Python's buffer)."""
        offset = self._file.tell()
        self._writer.write_record(record)
        self._file.flush()
        self.last_id = record.rec_headers.get_header("WARC-Record-ID")
        return offset

    def request(self, url: str, method: str, headers, body: bytes = b"",
                concurrent_to: str = "") -> int:
        """Write a request record; its offset."""
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        http = StatusAndHeaders(
            f"{method} {target} HTTP/1.1", [("Host", parts.netloc), *header_pairs(headers)],
            is_http_request=True,
        )
        record = self._writer.create_warc_record(
            url, "request", payload=BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict=self._headers(**{"WARC-Concurrent-To": concurrent_to}))
        return self._write(record)

    def response(self, url: str, status: int, headers, body: bytes, ip: str = "",
                 protocol: str = "HTTP/1.1", request_id: str = "") -> int:
        """Write a response record (naming its request record `request_id`); its offset."""
        http = StatusAndHeaders(status_line(status), header_pairs(headers), protocol=protocol)
        record = self._writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict=self._headers(**{"WARC-IP-Address": ip,
                                               "WARC-Concurrent-To": request_id}))
        offset = self._write(record)
        self._responses[url] = self.last_id
        self._responses.move_to_end(url)
        if len(self._responses) > REMEMBERED_RESPONSES:
            self._responses.popitem(last=False)
        return offset

    def resource(self, url: str, body: bytes, content_type: str, profile: str = "",
                 of: str = "") -> int:
        """Write a resource record (a rendered DOM, a screenshot) made in browser `profile`
        from the record `of` (default: the response of `url`, when one was written)."""
        record = self._writer.create_warc_record(
            url, "resource", payload=BytesIO(body), length=len(body),
            warc_content_type=content_type,
            warc_headers_dict=self._headers(**{
                "FW-Browser-Profile": profile,
                "WARC-Refers-To": of or self._responses.get(url, "")}))
        return self._write(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = self._writer = None
