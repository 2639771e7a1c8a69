"""WARC records written by the crawler can be found again by offset, with matching hashes."""

from __future__ import annotations

import gzip
import hashlib

from scrapy.http import Headers
from warcio.archiveiterator import ArchiveIterator

from crawler.evidence.warc import WarcLog


def record_at(path, offset):
    with open(path, "rb") as handle:
        handle.seek(offset)
        return next(iter(ArchiveIterator(handle)))


def test_request_response_and_resource_records(tmp_path):
    html = "<html><title>Казино</title></html>".encode()
    warc = WarcLog(tmp_path / "warc" / "run.warc.gz")
    warc.open()
    request_at = warc.request("http://a.kz/", "GET", Headers({"User-Agent": "fw"}))
    response_at = warc.response(
        "http://a.kz/", 200,
        Headers({"Content-Type": "text/html", "Content-Encoding": "gzip",
                 "Transfer-Encoding": "chunked"}),
        gzip.compress(html), ip="127.0.0.1")
    dom_at = warc.resource("http://a.kz/", html, "text/html; charset=utf-8")
    warc.close()
    path = tmp_path / "warc" / "run.warc.gz"
    assert record_at(path, request_at).rec_type == "request"
    response = record_at(path, response_at)
    assert response.rec_headers.get_header("WARC-IP-Address") == "127.0.0.1"
    assert response.http_headers.get_header("Transfer-Encoding") is None
    body = response.content_stream().read()
    assert hashlib.sha256(body).hexdigest() == hashlib.sha256(html).hexdigest()
    assert record_at(path, dom_at).content_stream().read() == html
