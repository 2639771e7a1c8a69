"""A fetched page's registered domain, title and visible text, from its one parse."""

from __future__ import annotations

from classifiers.page import PageView
from fraudwatch.urls import host_of, registered_domain


class ExtractPipeline:
    def process_item(self, item):
        item.domain = registered_domain(host_of(item.final_url or item.url))
        if item.html:
            # the spider's parse of the response (crawler.reading); a page from elsewhere
            # (a replayed spool, a test) is parsed here
            item.page = item.page or PageView.parse(item.html, item.final_url or item.url)
            item.title, item.text = item.page.title, item.page.text
        return item
