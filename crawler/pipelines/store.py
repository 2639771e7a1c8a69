"""Write captures, pages and sites to the store in batches (`fraudwatch.store.open_store`)."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy.exceptions import NotConfigured

from crawler.documents import SiteRollup, capture_of, page_of
from crawler.signals import items_durable


class StorePipeline:
    def __init__(self, config, batch: int, since: str = "", signals=None):
        self.config = config
        self.signals = signals
        self.batch = batch
        self.since = since or datetime.now(UTC).isoformat(timespec="milliseconds")
        self.store = None
        self.captures: list = []
        self.items: list = []  # the Fetch items of the pending batch
        self.pages: list = []
        self.sites: dict[str, SiteRollup] = {}
        self.dirty: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        from fraudwatch.config import load_config

        settings = crawler.settings
        if settings.get("FRAUDWATCH_STORE") is None:
            raise NotConfigured
        config = load_config(settings.get("FRAUDWATCH_CONFIG") or None,
                             overrides={"store": settings.get("FRAUDWATCH_STORE") or None})
        return cls(config, settings.getint("FRAUDWATCH_STORE_BATCH"),
                   settings.get("FRAUDWATCH_RUN_STARTED", ""), crawler.signals)

    def open_spider(self):
        from fraudwatch.store import open_store

        self.store = open_store(self.config.store, self.config)
        self.store.setup()

    def process_item(self, item):
        capture = capture_of(item)
        page = page_of(item, capture)
        self.captures.append(capture)
        self.items.append(item)
        if page is not None:
            self.pages.append(page)
        for domain in {item.site, item.domain} - {""}:
            self.sites.setdefault(domain, SiteRollup(domain)).add(item, page, capture)
            self.dirty.add(domain)
        if len(self.captures) >= self.batch:
            self.flush()
        return item

    def flush(self) -> None:
        """Write pending captures and pages, then re-aggregate the sites they touched."""
        self.store.put_captures(self.captures)
        self.store.put_pages(self.pages)
        self.store.put_sites(
            self.sites[domain].site(self.store.pages_for(domain),
                                    self.store.get_site_by_domain(domain), self.since)
            for domain in sorted(self.dirty))
        if self.signals is not None and self.items:
            self.signals.send_catch_log(signal=items_durable, items=self.items)
        self.captures, self.pages, self.items, self.dirty = [], [], [], set()

    def close_spider(self):
        self.flush()
        self.store.close()
