"""What a crawl changes beyond its own sites, however it was started.

When the spider closes (`fraudwatch crawl` and `scrapy crawl sites` alike), after the store
pipeline has written every page:
- operator networks are clustered again over the whole store (fraudwatch.networks);
- a new site linked to a confirmed or blocked one raises a mirror alert, which queues it for
  the next crawl;
- once the crawl has finished, the queued seeds it took (FRAUDWATCH_QUEUED_SEEDS, which
  crawler.addon fills from the queue) leave the queue; an interrupted crawl leaves them for
  the next one.

The counts go to the stats (`fraudwatch/networks`, `fraudwatch/mirror_alerts`, and
`fraudwatch/networks_error` when the store failed), which crawler.runlog puts in the summary.
"""

from __future__ import annotations

import time
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.addon import open_crawl_store
from fraudwatch import seedqueue
from fraudwatch.logs import get_logger
from fraudwatch.networks import build_networks, watch_mirrors
from fraudwatch.store import StoreError

log = get_logger("crawler.aftercrawl")


class AfterCrawl:
    def __init__(self, crawler):
        self.crawler = crawler
        self.settings = crawler.settings
        self.var_dir = Path(self.settings.get("FRAUDWATCH_VAR_DIR"))

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("FRAUDWATCH_STORE"):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider, reason: str) -> None:
        started = time.monotonic()
        if reason == "finished":
            seedqueue.remove(self.var_dir, self.settings.getlist("FRAUDWATCH_QUEUED_SEEDS"))
        self.link_networks()
        # crawler.runlog counts this apart from the crawl's own seconds (its pages a second)
        self.crawler.stats.set_value("fraudwatch/after_crawl_seconds",
                                     round(time.monotonic() - started, 1))

    def link_networks(self) -> None:
        """Cluster operator networks again and raise mirror alerts; into the stats."""
        stats = self.crawler.stats
        try:
            with open_crawl_store(self.settings) as store:
                store.setup()
                networks = build_networks(store)
                alerts = watch_mirrors(store, self.var_dir)
        except StoreError as exc:
            log.error("networks not updated after the crawl", error=str(exc),
                      fix="`fraudwatch networks build` and `fraudwatch networks watch` once the "
                          "store is reachable")
            stats.set_value("fraudwatch/networks_error", str(exc))
            return
        stats.set_value("fraudwatch/networks", len(networks))
        stats.set_value("fraudwatch/mirror_alerts", [alert.comment for alert in alerts])
        for alert in alerts:
            log.warning("mirror alert", comment=alert.comment)
