"""Copy single records out of a crawl's WARC file, byte for byte (one gzip member each)."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator


def read_record(warc_file: Path, offset: int) -> bytes:
    """The raw bytes of the WARC record that starts at `offset`."""
    with warc_file.open("rb") as fh:
        fh.seek(offset)
        records = ArchiveIterator(fh)
        next(records)
        records.read_to_end()
        length = records.get_record_length()
        fh.seek(offset)
        return fh.read(length)


def stored_html(record: bytes) -> tuple[bytes, str]:
    """The page bytes of one WARC record and their charset ("" when not declared)."""
    entry = next(ArchiveIterator(io.BytesIO(record)))
    content_type = ""
    if entry.http_headers is not None:
        content_type = entry.http_headers.get_header("Content-Type") or ""
    else:
        content_type = entry.rec_headers.get_header("Content-Type") or ""
    charset = content_type.lower().partition("charset=")[2].split(";")[0].strip()
    return entry.content_stream().read(), charset


def session_info(warc_file: Path) -> bytes:
    """The raw warcinfo record that opens a crawl's WARC file, or b'' when it has none."""
    with warc_file.open("rb") as fh:
        first = next(iter(ArchiveIterator(fh)), None)
        if first is None or first.rec_type != "warcinfo":
            return b""
    return read_record(warc_file, 0)


@lru_cache(maxsize=8)
def _requests(warc_file: Path, size: int, mtime: float) -> dict[int, int]:
    """{response offset: offset of its request record} over a whole WARC file: the crawler
    writes each request right before its response (same URI). One scan per file version."""
    pairs, before = {}, None
    with warc_file.open("rb") as fh:
        records = ArchiveIterator(fh)
        for record in records:
            offset = records.get_record_offset()
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response" and before and before[1:] == ("request", uri):
                pairs[offset] = before[0]
            before = (offset, record.rec_type, uri)
    return pairs


def request_record(warc_file: Path, response_offset: int) -> bytes:
    """The raw request record written with the response at `response_offset`, or b''."""
    stat = warc_file.stat()
    offset = _requests(warc_file, stat.st_size, stat.st_mtime).get(response_offset)
    return b"" if offset is None else read_record(warc_file, offset)
