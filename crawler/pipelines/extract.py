"""Fill in a fetch's registered domain, title and visible text."""

from __future__ import annotations

from crawler.text import title_and_text
from crawler.urls import host_of, registered_domain


class ExtractPipeline:
    def process_item(self, item):
        item.domain = registered_domain(host_of(item.final_url or item.url))
        if item.html:
            item.title, item.text = title_and_text(item.html)
        return item
