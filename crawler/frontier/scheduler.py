"""scrapy-redis' scheduler over fraudwatch's shared frontier (crawler.frontier.shared).

Installed by `fraudwatch crawl --frontier redis://...` (SCHEDULER, see crawler.run). What it adds
to scrapy-redis: a pop claims the request for this worker, and the claim is acknowledged when
the page is durable (the `items_durable` signal of the store pipeline), or handed on when a
middleware replaces the request (a redirect, a retry); a heartbeat keeps this worker's claims
leased and reaps those of dead workers; the crawl ends when every worker is out of work.
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import create_looping_call
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import Base
from scrapy_redis.scheduler import Scheduler

from crawler.addon import open_crawl_store
from crawler.frontier import requestcodec
from crawler.frontier.shared import RedisFrontier, connect
from crawler.signals import items_durable
from fraudwatch.store import StoreError

log = logging.getLogger(__name__)
IDLE_POLL = 0.5  # seconds between looks at the frontier while this worker has nothing to do
CLAIM = "fw_claim"  # request meta: the frontier claim this request was popped under
GATE = "fw_gate"  # request meta: what queueing the request costs (crawler.spiders.sites)
REDELIVERED = "fw_redelivered"  # request meta: a dead worker had claimed it


def frontier_from_settings(settings) -> RedisFrontier:
    """This worker's frontier handle, attached to the run the CLI (or addon) joined."""
    frontier = RedisFrontier(connect(settings.get("FRAUDWATCH_FRONTIER")),
                             settings.get("FRAUDWATCH_FRONTIER_NAME"),
                             settings.getfloat("FRAUDWATCH_FRONTIER_LEASE"),
                             settings.get("FRAUDWATCH_FRONTIER_WORKER") or None)
    frontier.join(settings.get("FRAUDWATCH_RUN_ID"))
    return frontier


class ClaimQueue(Base):
    """The frontier's queue as a scrapy-redis queue: push adds, pop claims."""

    def __init__(self, server, spider, key, serializer=None, frontier=None):
        super().__init__(server, spider, key, serializer)
        self.frontier = frontier

    def __len__(self) -> int:
        return self.frontier.queued()

    def push(self, request, gate=None) -> bool:
        return self.frontier.push(self._encode_request(request), request.priority,
                                  tuple(gate) if gate else None)

    def pop(self, timeout=0):
        claim = self.frontier.claim()
        if claim is None:
            return None
        request = self._decode_request(claim.data)
        request.meta[CLAIM] = claim.id
        if claim.redelivered:
            request.meta[REDELIVERED] = True
        return request

    def clear(self) -> None:
        """Never: the queue belongs to every worker of the run."""


class FrontierScheduler(Scheduler):
    def __init__(self, frontier: RedisFrontier, crawler):
        super().__init__(frontier.client, persist=True,
                         dupefilter=RFPDupeFilter(frontier.client, frontier.key("dupefilter")),
                         serializer=requestcodec)
        self.frontier = frontier
        self.crawler = crawler
        self.stats = crawler.stats
        self._heartbeat = None
        self._store = None  # opened to check redelivered requests
        self._idle_claims: set[str] = set()  # claims held at the last idle look
        self._released: set[str] = set()  # claims put back because nothing came of them

    @classmethod
    def from_crawler(cls, crawler):
        return cls(frontier_from_settings(crawler.settings), crawler)

    def open(self, spider):

        self.spider = spider
        self.queue = ClaimQueue(self.server, spider, self.frontier.key("queue"),
                                serializer=self.serializer, frontier=self.frontier)
        self.crawler.signals.connect(self._durable, signal=items_durable)
        self.crawler.signals.connect(self._idle, signal=signals.spider_idle)
        self._heartbeat = create_looping_call(self._beat)
        self._heartbeat.start(max(self.frontier.lease / 3, 0.2))
        log.info("joined frontier run %s as worker %s: %d requests queued",
                 self.frontier.run_id, self.frontier.worker, len(self.queue))

    def close(self, reason):
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        # Claims still held were never finished here: hand them to the other workers.
        self.frontier.leave(release=True)
        self.frontier.client.close()
        if self._store is not None:
            self._store.close()
        log.info("left frontier run %s (%s)", self.frontier.run_id, reason)

    def enqueue_request(self, request) -> bool:
        """Queue through the request's gate; a redirect or retry of a claimed request takes
        over its claim (queued first, then the claim acknowledged)."""
        parent = request.meta.pop(CLAIM, None)
        gate = request.meta.pop(GATE, None)
        if not request.dont_filter and self.df.request_seen(request):
            return False
        queued = self.queue.push(request, None if parent else gate)
        if queued:
            self.stats.inc_value("scheduler/enqueued/redis")
        if parent:
            self.frontier.ack([parent])
        return queued

    def next_request(self):
        """The next request to fetch; a redelivered one whose capture the dead worker stored
        is acknowledged instead (every page is fetched once)."""
        while (request := self.queue.pop()) is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
            if not (request.meta.get(REDELIVERED) and self._stored(request)):
                return request
            self.frontier.ack([request.meta[CLAIM]])
            self.stats.inc_value("fraudwatch/frontier_redelivered_stored")
        return None

    def _stored(self, request) -> bool:
        """Whether this run stored a capture for `request` (False if the store can't say)."""

        meta = request.meta
        url = (meta.get("redirect_urls") or [request.url])[0]
        render = meta.get("fw_render") or "static"
        try:
            if self._store is None:
                self._store = open_crawl_store(self.crawler.settings)
            self._store.refresh()  # Elasticsearch: see what the dead worker wrote last
            captures = self._store.captures_for(meta.get("fw_site", ""))
        except StoreError as exc:
            log.warning("cannot tell whether %s was stored: %s", url, exc)
            return False
        return any(c.url == url and c.render == render and c.run_id == self.frontier.run_id
                   for c in captures)

    def _beat(self) -> None:
        """Renew this worker's lease; give back the claims of workers that stopped renewing."""
        try:
            self.frontier.heartbeat()
            requeued = self.frontier.reap()
        except Exception as exc:  # Redis away for a moment: the next beat tries again
            log.warning("frontier heartbeat failed: %s", exc)
            return
        if requeued:
            log.warning("requeued %d requests claimed by workers that stopped", requeued)
            self.stats.inc_value("fraudwatch/frontier_requeued", requeued)

    def _orphans(self) -> None:
        """Claims this worker still holds at two idle looks in a row have nothing in flight
        (the store pipeline wrote its batch at the first): their request never made a durable
        page (an item dropped, a reply from Redis lost). Back to the queue with them, once;
        a second time they are given up, with an error."""
        held = self.frontier.my_claims()
        orphans, self._idle_claims = held & self._idle_claims, held
        if not orphans:
            return
        again = orphans & self._released
        if again:
            self.frontier.ack(sorted(again))
            log.error("gave up %d requests that twice ended without a stored page", len(again))
        requeued = self.frontier.release(sorted(orphans - again))
        self._released |= orphans - again
        if requeued:
            log.warning("requeued %d claimed requests that ended without a stored page",
                        requeued)

    def _durable(self, items) -> None:
        self.frontier.ack([item.claim for item in items if getattr(item, "claim", "")])

    def _idle(self, spider) -> None:
        """Close when the whole run is done; otherwise look again for the other workers' links
        shortly (Scrapy's own idle loop waits five seconds)."""
        self._beat()
        self._orphans()
        if self.frontier.finished():
            self.frontier.finish()
            return
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None:
            slot.nextcall.schedule(IDLE_POLL)
        raise DontCloseSpider
