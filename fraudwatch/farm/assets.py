"""Non-page files the farm serves: an operator's favicon and the shared CDN's library stub."""

from __future__ import annotations

import struct
import zlib
from functools import cache

from fraudwatch.farm.sites import JQUERY, FarmSite

CDN_FILES = {
    JQUERY: (
        b"/*! farm stand-in for a jQuery build: only the global names */\n"
        b"(function(w){function $(s){return w.document.querySelectorAll(s)}"
        b"$.fn={jquery:\"3.7.1\"};w.jQuery=w.$=$;})(window);\n",
        "application/javascript",
    ),
}


def static_file(site: FarmSite, path: str) -> tuple[bytes, str] | None:
    """(body, content type) of a non-page file of `site` at `path`, if it has one."""
    if path == "/favicon.ico" and site.operator.favicon:
        return favicon(site.operator.template), "image/x-icon"
    if site.kind == "cdn":
        return CDN_FILES.get(path)
    return None


@cache
def favicon(seed: str) -> bytes:
    """A 16x16 single-colour ICO (with an embedded PNG) whose colour follows `seed`."""
    rgb = bytes.fromhex(f"{zlib.crc32(seed.encode()) & 0xFFFFFF:06x}")
    png = _png(16, 16, rgb)
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def _png(width: int, height: int, rgb: bytes) -> bytes:
    """A solid-colour RGB PNG."""
    rows = b"".join(b"\x00" + rgb * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(rows)) \
        + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
