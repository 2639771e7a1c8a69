"""Pages given on the command line (`classify`, `evaluate`): found in folders, read with a
size cap and decoded as the crawler decodes a body (`crawler.ingest.charset`)."""

from __future__ import annotations

import sys
from pathlib import Path

from crawler.ingest.charset import decode_html
from crawler.settings import DOWNLOAD_MAXSIZE

PAGE_SUFFIXES = (".html", ".htm", ".txt")
MAX_PAGE_BYTES = DOWNLOAD_MAXSIZE  # the largest body a crawl keeps


def expand(paths: tuple[str, ...]) -> list[str]:
    """Expand directories into their .html/.htm/.txt files; keep files, '-' and missing paths."""
    expanded = []
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            expanded += sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
        else:
            expanded.append(raw)
    return expanded


def _bytes(source: str) -> bytes:
    """At most MAX_PAGE_BYTES of `source` (a file, or '-' for stdin); ValueError past that."""
    if source == "-":
        body = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
    else:
        with Path(source).open("rb") as handle:
            body = handle.read(MAX_PAGE_BYTES + 1)
    if len(body) > MAX_PAGE_BYTES:
        raise ValueError(f"larger than {MAX_PAGE_BYTES // 1024**2} MB, the most a crawl keeps "
                         "of a page; cut it or classify its text")
    return body


def read_page(source: str) -> tuple[str, str]:
    """(text, html) of one input: HTML when it is named .html/.htm or starts with a tag, else
    plain text; any encoding the crawler reads (BOM, meta charset, cp1251, koi8-r, UTF-16
    with a BOM, UTF-8 with a damaged byte). ValueError when empty or too large."""
    content, _ = decode_html(_bytes(source))
    if not content.strip():
        raise ValueError("empty input")
    is_html = source.lower().endswith((".html", ".htm")) or content.lstrip()[:1] == "<"
    return ("", content) if is_html else (content, "")
