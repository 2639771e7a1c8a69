"""The analysis of a fetched page before it is classified or stored: its registered domain,
title and visible text from its one parse, and its operator fingerprints."""

from __future__ import annotations

from classifiers.fingerprints import extract
from classifiers.page import PageView
from crawler.items import Fetch
from fraudwatch.urls import host_of, registered_domain


def fingerprints_of(fetch: Fetch) -> dict[str, list[str]]:
    """Operator fingerprints of a fetched page, plus the external links it carries."""
    prints = extract(fetch.html, fetch.url, final_url=fetch.final_url, ip=fetch.ip,
                     redirects=fetch.redirects) if fetch.html else {}
    if fetch.external_links:
        prints["external_links"] = fetch.external_links
    return prints


class ExtractPipeline:
    def process_item(self, item):
        item.domain = registered_domain(host_of(item.final_url or item.url))
        if item.html:
            # the spider's parse of the response (crawler.ingest.reading); a page from elsewhere
            # (a replayed spool, a test) is parsed here
            item.page = item.page or PageView.parse(item.html, item.final_url or item.url)
            item.title, item.text = item.page.title, item.page.text
        item.fingerprints = fingerprints_of(item)
        return item
