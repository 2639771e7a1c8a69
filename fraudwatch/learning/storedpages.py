"""Stored pages as the classifier reads them: the text the store keeps and the HTML the crawl
kept in its WARC file (the page's text alone when the WARC is gone)."""

from __future__ import annotations

from pathlib import Path

from classifiers.page import PageView
from crawler.ingest.charset import decode_html
from fraudwatch.logs import get_logger
from fraudwatch.store import Page, Store
from takedown.evidence import local_file
from takedown.warc_copy import read_record, stored_html

log = get_logger("fraudwatch.learning.storedpages")


def stored_html_of(store: Store, var_dir: Path, page: Page) -> str:
    """The HTML of `page`'s capture as the crawl stored it, decoded; "" when none is kept."""
    capture = store.get_capture(page.capture_id) if page.capture_id else None
    warc = local_file(capture.warc_file, var_dir) if capture else None
    if warc is None or capture.warc_offset is None:
        return ""
    try:
        body, charset = stored_html(read_record(warc, capture.warc_offset))
    except (OSError, ValueError, StopIteration) as exc:
        log.warning("WARC record unreadable; classifying the stored text alone",
                    page=page.url, warc=str(warc), error=str(exc))
        return ""
    html, _encoding = decode_html(body, f"text/html; charset={charset}" if charset else "")
    return html


def page_view(store: Store, var_dir: Path, page: Page) -> PageView:
    """What the classifier reads of a stored page."""
    html = stored_html_of(store, var_dir, page)
    if html:
        return PageView.parse(html, page.url, page.text or None)
    return PageView(text=page.text, url=page.url, title=page.title)
