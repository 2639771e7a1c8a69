"""Parse each fetched page once: its registered domain, title, visible text and parts."""

from __future__ import annotations

from classifiers.page import PageView
from fraudwatch.urls import host_of, registered_domain


class ExtractPipeline:
    def process_item(self, item):
        item.domain = registered_domain(host_of(item.final_url or item.url))
        if item.html:
            item.page = PageView.parse(item.html, item.final_url or item.url)
            item.title, item.text = item.page.title, item.page.text
        return item
