"""Write captures, pages and sites to the store in batches (`fraudwatch.store.open_store`).

While the store is unreachable (StoreUnavailable) batches go to its local spool
(fraudwatch.store.spool) and count as durable; before each later batch, at most every
spool.retry_seconds, the spool is replayed first, so writes reach the store in order. At the
end the crawl waits up to spool.drain_seconds for the store to come back. When a batch cannot
be spooled either (SpoolFull) the crawl stops with reason `spool_full`, and that batch is not
acknowledged, so `--resume` (or the distributed frontier) fetches it again.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from crawler.addon import crawl_config
from crawler.ingest.documents import page_of
from crawler.signals import items_durable
from crawler.stop import stop_crawl
from fraudwatch.config import Config
from fraudwatch.logs import get_logger
from fraudwatch.store import StoreError, StoreUnavailable, open_store
from fraudwatch.store.batches import Batch, write_batch
from fraudwatch.store.siterollup import SiteRollup, site_rows
from fraudwatch.store.spool import REPLAY_HINT, Spool, SpoolError, SpoolFull

log = get_logger("crawler.pipelines.store")
MAX_PAUSE = 60.0  # seconds between attempts to reach an unreachable store, at most


class StorePipeline:
    def __init__(self, config: Config, batch: int, since: str = "", signals=None, crawler=None,
                 var_dir: str = ""):
        self.config = config
        self.signals = signals
        self.crawler = crawler
        self.batch = batch
        self.since = since or datetime.now(UTC).isoformat(timespec="milliseconds")
        self.store = None
        self.captures: list = []
        self.items: list = []  # the Fetch items of the pending batch
        self.pages: list = []
        self.sites: dict[str, SiteRollup] = {}
        self.dirty: set[str] = set()
        self.spool = Spool.for_config(config, var_dir or None)
        self.retry_seconds = config.spool.retry_seconds
        self.drain_seconds = config.spool.drain_seconds
        self.ready = False  # store.setup() done
        self.outage = False  # the store was unreachable at the last attempt
        self.retry_at = 0.0  # time.monotonic() of the next attempt during an outage
        self.failures = 0  # failed attempts in a row: the pause between them doubles
        self.halted = ""  # why a batch could be neither stored nor spooled (crawl stopping)
        self.shared = False  # one worker of a distributed crawl (crawler.frontier.scheduler)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if settings.get("FRAUDWATCH_STORE") is None:
            raise NotConfigured
        config = crawl_config(settings)
        pipeline = cls(config, settings.getint("FRAUDWATCH_STORE_BATCH"),
                       settings.get("FRAUDWATCH_RUN_STARTED", ""), crawler.signals, crawler,
                       settings.get("FRAUDWATCH_VAR_DIR", ""))
        crawler.signals.connect(pipeline.on_idle, signal=signals.spider_idle)
        pipeline.shared = bool(settings.get("FRAUDWATCH_FRONTIER"))
        return pipeline

    def on_idle(self) -> None:
        """Nothing is in flight: write the pending batch, so the store (and a distributed
        frontier's acknowledgements, crawler.frontier.scheduler) is up to date."""
        if self.store is not None and self.items:
            self.flush()

    def open_spider(self):
        self.store = open_store(self.config.store, self.config)
        self._replay()  # what an earlier crawl spooled, before this one reads the store

    def process_item(self, item):
        capture = item.capture
        page = page_of(item)
        self.captures.append(capture)
        self.items.append(item)
        if page is not None:
            self.pages.append(page)
        for domain in {capture.domain, item.final_domain} - {""}:
            self.sites.setdefault(domain, SiteRollup(domain)).add(
                capture, page, landing=item.depth == 0, cloaking=item.cloaking)
            self.dirty.add(domain)
        if len(self.captures) >= self.batch:
            self.flush()
        return item

    def flush(self, force: bool = False) -> None:
        """Write pending captures and pages, then re-aggregate the sites they touched; to the
        spool while the store is unreachable (replaying the spool first when it is back)."""
        if self.halted:
            return  # the crawl is stopping: this batch stays unacknowledged, for --resume
        if (self.outage or self.spool.files()) and (force or time.monotonic() >= self.retry_at):
            self._replay()
        if not self.items:
            return
        if not self.outage and not self.spool.files():
            try:
                self._write()
                return
            except StoreUnavailable as exc:
                self._down(exc)
            except StoreError as exc:
                self._halt("store_failed", f"the store refused a batch: {exc}",
                           len(self.captures) + len(self.pages))
                return
        self._spool()

    def _write(self) -> None:
        self._setup()
        write_batch(self.store, self._batch())
        self._durable()

    def _batch(self) -> Batch:
        """The pending batch: its captures, pages and the rollups of the sites they touch."""
        return Batch(self.captures, self.pages, {d: self.sites[d] for d in sorted(self.dirty)},
                     self.since)

    def _durable(self) -> None:
        if self.signals is not None and self.items:
            self.signals.send_catch_log(signal=items_durable, items=self.items)
        self.captures, self.pages, self.items, self.dirty = [], [], [], set()

    def _setup(self) -> None:
        if not self.ready:
            self.store.setup()
            self.ready = True

    def _spool(self) -> None:
        batch = self._batch()
        try:
            self.spool.put(batch)
        except SpoolError as exc:
            self._halt("spool_full" if isinstance(exc, SpoolFull) else "spool_failed", str(exc),
                       batch.docs)
            return
        self._stat("inc_value", "fraudwatch/spooled_docs", batch.docs)
        self._durable()

    def _halt(self, reason: str, message: str, docs: int) -> None:
        """A batch can be neither stored nor spooled: stop the crawl, leaving the batch
        unacknowledged so that `--resume` (or a shared frontier) fetches it again."""
        self.halted = message
        log.error("store batch neither stored nor spooled; stopping the crawl", error=message,
                  docs=docs, fix="`fraudwatch crawl --resume` fetches what was not stored once "
                  "the store is back or the disk has room")
        if self.crawler is not None:
            stop_crawl(self.crawler, reason, message)

    def _replay(self) -> None:
        if self.outage and not self.store.reachable():  # quick: no retries block the crawl
            self._down(StoreUnavailable(f"{self.config.store} still unreachable"))
            return
        try:
            self._setup()
            result = self.spool.replay(self.store)
        except StoreUnavailable as exc:
            self._down(exc)
            return
        if result.docs:
            self._stat("inc_value", "fraudwatch/replayed_docs", result.docs)
        if result.unavailable is not None:
            self._down(result.unavailable)
        elif not result.busy and self.outage:
            self.outage, self.failures = False, 0
            log.warning("store reachable again; spooled batches replayed",
                        store=self.config.store, docs=result.docs, batches=result.batches)
        elif result.docs:
            log.info("spooled batches replayed", store=self.config.store, docs=result.docs,
                     batches=result.batches)

    def _down(self, exc: Exception) -> None:
        """Note an unreachable store: warn once per outage, and try again after a pause that
        doubles with each failed attempt (from spool.retry_seconds up to a minute)."""
        self.failures += 1
        pause = self.retry_seconds * 2 ** min(self.failures - 1, 8)
        self.retry_at = time.monotonic() + min(pause, max(self.retry_seconds, MAX_PAUSE))
        if self.outage:
            return
        self.outage = True
        self._stat("inc_value", "fraudwatch/store_outages")
        log.warning("store unreachable; spooling its writes until it returns",
                    store=self.config.store, error=str(exc), spool=str(self.spool.folder),
                    retry_seconds=self.retry_seconds)

    def _stat(self, method: str, key: str, value=1) -> None:
        stats = getattr(self.crawler, "stats", None)
        if stats is not None:
            getattr(stats, method)(key, value)

    async def close_spider(self):
        """Flush, then wait up to spool.drain_seconds for an unreachable store to take what
        is spooled; say what is left and how to replay it."""
        deadline = time.monotonic() + self.drain_seconds
        self.flush(force=True)
        while not self.halted and (self.items or self.spool.files()) \
                and time.monotonic() < deadline:
            await _sleep(min(self.retry_seconds, max(deadline - time.monotonic(), 0)))
            self.flush(force=True)
        if self.shared and not (self.items or self.spool.files()):
            self._aggregate_again()
        self._report()
        self.store.close()

    def _aggregate_again(self) -> None:
        """Workers sharing a frontier store pages of the same sites, and each aggregated its
        sites from what the store showed it then; once every page is in, aggregate them again
        from all of them (Elasticsearch shows writes after a refresh)."""
        try:
            self.store.refresh()
            self.store.put_sites(site_rows(self.store, list(self.sites.values()), self.since))
        except StoreError as exc:
            log.warning("sites not aggregated again after the crawl", error=str(exc))

    def _report(self) -> None:
        batches, docs = self.spool.pending()
        self._stat("set_value", "fraudwatch/spool_waiting_docs", docs)
        if docs:
            self._stat("set_value", "fraudwatch/spool", str(self.spool.folder))
            log.warning("documents wait in the store spool", docs=docs, batches=batches,
                        spool=str(self.spool.folder), store=self.config.store, fix=REPLAY_HINT)
        unsaved = len(self.captures) + len(self.pages)
        if unsaved:
            self._stat("set_value", "fraudwatch/unsaved_docs", unsaved)
            log.error("fetched documents neither stored nor spooled", docs=unsaved,
                      fix="`fraudwatch crawl --resume` fetches them again")


async def _sleep(seconds: float) -> None:
    # Imported here, not at the top: importing twisted's reactor installs the default one,
    # before Scrapy installs the asyncio reactor the crawl runs on.
    from twisted.internet import reactor

    await maybe_deferred_to_future(deferLater(reactor, seconds))
