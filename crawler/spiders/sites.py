"""The `sites` spider: each seed site within a page, depth and time budget, evidence first.

Links are fetched in order of what they tell a regulator (crawler.frontier.priority); links to other
sites are recorded on the page's Capture as discovery candidates and followed for
FRAUDWATCH_EXPAND hops. Every fetch, failed or not, becomes one `Fetch` item. Every request
is written to the run's frontier journal first, so `--resume` continues after any stop
(crawler.frontier.journal).

    scrapy crawl sites -a seeds=seeds.txt [-a max_pages=20 -a max_depth=2 -a expand=0]
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import TextResponse

from crawler.addon import open_crawl_store
from crawler.evidence.warccompact import compact_run
from crawler.frontier.budget import Budget, SharedBudgets, SiteBudgets
from crawler.frontier.journal import JOURNAL, FrontierJournal, Scheduled, pending
from crawler.frontier.priority import link_priority
from crawler.frontier.seeds import parse_seeds
from crawler.frontier.seen import LocalSeen, SharedSeen
from crawler.ingest.errors import EvidenceNotKept, describe
from crawler.ingest.reading import certificate_of, page_of
from crawler.items import Fetch
from crawler.render.contacted import contacted_of, requests_of
from crawler.render.policy import screenshot_of
from crawler.safety.robots import obeys_robots
from fraudwatch.store import Capture, StoreError, StoreUnavailable
from fraudwatch.urls import host_of, normalise_url, registered_domain

LANDING_PRIORITY = 100
GATE = "fw_gate"  # request meta: what queueing it costs in a shared frontier (redisfrontier)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def read_seed_file(path: str) -> list[str]:
    """Lines of a seed file, `-` for standard input."""
    if path == "-":
        return sys.stdin.read().splitlines()
    return Path(path).read_text(encoding="utf-8-sig").splitlines()


class SitesSpider(scrapy.Spider):
    name = "sites"

    def __init__(self, seeds: str = "", max_pages=None, max_depth=None, expand=None, **kwargs):
        super().__init__(**kwargs)
        self.seed_file = seeds
        self.overrides = {"FRAUDWATCH_MAX_PAGES": max_pages, "FRAUDWATCH_MAX_DEPTH": max_depth,
                          "FRAUDWATCH_EXPAND": expand}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings

        def setting(name: str) -> int:
            value = spider.overrides[name]
            return int(value) if value is not None else settings.getint(name)

        spider.budget = Budget(setting("FRAUDWATCH_MAX_PAGES"), setting("FRAUDWATCH_MAX_DEPTH"),
                               settings.getfloat("FRAUDWATCH_SITE_TIMEOUT"))
        spider.expand = setting("FRAUDWATCH_EXPAND")
        spider.render = settings.get("FRAUDWATCH_RENDER")
        spider.screenshot_landing = settings.getbool("FRAUDWATCH_SCREENSHOT_LANDING")
        spider.landing_profiles = settings.getlist("FRAUDWATCH_LANDING_PROFILES")
        spider.robots = settings.get("FRAUDWATCH_ROBOTS")
        spider.recrawl_after = settings.getfloat("FRAUDWATCH_RECRAWL_AFTER")
        spider.seed_urls = list(settings.getlist("FRAUDWATCH_SEEDS"))
        run_dir = settings.get("FRAUDWATCH_RUN_DIR")
        spider.journal = FrontierJournal(Path(run_dir) / JOURNAL) if run_dir else None
        spider.shared = bool(settings.get("FRAUDWATCH_FRONTIER"))
        spider.renders = set()  # (url, profile) of the browser renders this run scheduled
        if spider.shared:  # the Redis frontier is the journal: nothing to resume from here
            spider.journal = None
        return spider

    def _frontier_state(self) -> None:
        """The duplicate filter and site budgets: this process's, or the shared frontier's."""
        if self.shared:
            frontier = self.crawler.engine.scheduler.frontier
            self.budgets = SharedBudgets(self.budget, frontier)
            self.seen = SharedSeen(frontier)
        else:
            self.budgets = SiteBudgets(self.budget, {})
            self.seen = LocalSeen()

    def _seeds(self) -> list[str]:
        """Seed URLs: the queued ones first, then the settings' and the `seeds` argument's;
        bad lines are logged and skipped."""
        queued, bad = parse_seeds(self.settings.getlist("FRAUDWATCH_QUEUED_SEEDS"))
        given, bad_given = parse_seeds(read_seed_file(self.seed_file) if self.seed_file else [])
        for seed in [*bad, *bad_given]:
            self.logger.warning("bad seed skipped: %s", seed)
        return list(dict.fromkeys([*queued, *self.seed_urls, *given]))

    async def start(self):
        # Settings crawler.addon derives are there once the crawl starts, not in from_crawler.
        self.run_id = self.settings.get("FRAUDWATCH_RUN_ID")
        self._frontier_state()
        for request in self._resume():
            yield request
        recent = self._recently_crawled()
        for url in self._seeds():
            site = registered_domain(host_of(url))
            if site in recent:
                self.crawler.stats.inc_value("fraudwatch/sites_skipped_recent")
                continue
            if self.budgets.start(site):
                yield self._landing(url, site, hop=0)

    def _resume(self) -> list[scrapy.Request]:
        """Requests of this run's journal without a stored capture; restores `seen` and the
        sites' spent budgets (crawler.frontier.journal). Nothing for a new run."""
        entries = self.journal.load() if self.journal else []
        if not entries:
            return []
        spent: Counter[str] = Counter()
        for entry in entries:
            if entry.kind == "render":
                self.renders.add(entry.key)
            else:
                spent[entry.site] += 1
                self.seen.add(normalise_url(entry.url))
        for site, pages in spent.items():
            self.budgets.restore(site, pages)
        stored = self._stored(set(spent))
        self._drop_unreferenced_warc(stored)
        todo = pending(entries, {(c.url, c.render) for c in stored})
        self.logger.info("resuming: %d of %d scheduled requests still to fetch",
                         len(todo), len(entries))
        self.crawler.stats.set_value("fraudwatch/resumed_requests", len(todo))
        return [self._issue(entry) for entry in todo]

    def _open_store(self):
        return open_crawl_store(self.settings)

    def _stored(self, sites: set[str]) -> list:
        """Every capture this run has stored for `sites`. The store records what is done, so
        a resume cannot start without it: the crawl stops (resumable)."""
        try:
            with self._open_store() as store:
                store.setup()
                return [c for site in sorted(sites) for c in store.captures_for(site)
                        if c.run_id == self.run_id]
        except StoreUnavailable as exc:
            message = (f"cannot resume while the store is unreachable ({exc}); it records "
                       "which requests are done")
            self.logger.error("%s; start it, then run `fraudwatch crawl --resume` again",
                              message)
            self.crawler.stats.set_value("fraudwatch/stop_message", message)
            raise CloseSpider("store_unavailable") from exc

    def _drop_unreferenced_warc(self, stored: list) -> None:
        """The killed processes' WARC records of fetches this resume does again go
        (crawler.evidence.warccompact); a failure to do so only costs disk space."""
        current = self.settings.get("FRAUDWATCH_WARC_FILE")
        if not current:
            return
        try:
            with self._open_store() as store:
                compact_run(Path(current).parent, self.run_id, Path(current), stored,
                            store.put_captures)
        except (OSError, StoreError) as exc:
            self.logger.warning("unreferenced WARC records of the interrupted run kept: %s",
                                exc)

    def _recently_crawled(self) -> set[str]:
        """Domains of sites the store saw within FRAUDWATCH_RECRAWL_AFTER seconds (none when
        the store is unreachable: every seed is crawled, and its writes spooled)."""
        if not self.recrawl_after:
            return set()

        since = (datetime.now(UTC) - timedelta(seconds=self.recrawl_after)).isoformat()
        try:
            with self._open_store() as store:
                store.setup()
                return {site.domain for site in store.iter_sites() if site.last_seen >= since}
        except StoreUnavailable as exc:
            self.logger.warning("store unreachable (%s): --recrawl-after cannot skip recently "
                                "crawled sites, so every seed is crawled", exc)
            return set()

    def _landing(self, url: str, site: str, hop: int) -> scrapy.Request:
        self.seen.add(normalise_url(url))
        render = ("desktop", True) if self.render == "always" else ("", False)
        return self._request(url, site, 0, hop, LANDING_PRIORITY, "landing", *render)

    def _request(self, url: str, site: str, depth: int, hop: int, priority: int,
                 kind: str = "link", render: str = "", screenshot: bool = False):
        """A request, written to the run's journal first (crawler.frontier.journal)."""
        entry = Scheduled(url, site, depth, hop, priority, kind, render, screenshot)
        if self.journal is not None:
            self.journal.record(entry)
        return self._issue(entry)

    def _issue(self, entry: Scheduled) -> scrapy.Request:
        meta = {"fw_site": entry.site, "fw_depth": entry.depth, "fw_hop": entry.hop,
                "fw_landing": entry.kind == "landing",
                "dont_obey_robotstxt": not obeys_robots(self.robots, entry.hop)}
        if entry.render:
            meta |= {"fw_render": entry.render, "fw_screenshot": entry.screenshot}
        elif self.shared:  # the frontier's gate spends the budget as it queues the request
            kind = "landing" if entry.kind == "landing" else "link"
            meta[GATE] = [kind, normalise_url(entry.url), entry.site, self.budget.max_pages]
        return scrapy.Request(entry.url, callback=self.parse, errback=self.failed,
                              priority=entry.priority, meta=meta, dont_filter=True)

    def closed(self, reason):
        if self.journal is not None:
            self.journal.close()

    def parse(self, response):
        meta = response.meta
        fetch = self._fetch(response)
        if not isinstance(response, TextResponse):
            fetch.capture.error = "download: not a page (binary body)"
            yield fetch
            return
        yield from self._follow(response, fetch)
        if self._wants_landing_render(response):
            for n, profile in enumerate(self.landing_profiles):
                if (response.request.url, profile) in self.renders:
                    continue  # scheduled before a resume: the journal issues it
                self.renders.add((response.request.url, profile))
                yield self._request(response.request.url, fetch.capture.domain, meta["fw_depth"],
                                    meta["fw_hop"], LANDING_PRIORITY, "render", profile, n == 0)
        yield fetch

    def _wants_landing_render(self, response) -> bool:
        """Whether a plain landing page should be fetched again in the browser (screenshot)."""
        return (response.meta.get("fw_landing") and self.render != "never"
                and self.screenshot_landing and "playwright" not in response.flags
                and response.status < 400)

    def _follow(self, response, fetch: Fetch):
        """Requests for the site's own links within budget, most telling first; other sites'
        links noted on `fetch` (and followed as new sites while hops remain)."""
        site, depth, hop = fetch.capture.domain, response.meta["fw_depth"], response.meta["fw_hop"]
        external: dict[str, None] = {}
        internal: dict[str, tuple[int, str]] = {}  # url: (priority, normalised url)
        budget_open = self.budgets.open(site, depth + 1)
        for url, text in page_of(response).anchors:
            link_site = registered_domain(host_of(url))
            if link_site != site:
                external.setdefault(normalise_url(url))
                if hop < self.expand and self.budgets.start(link_site):
                    yield self._landing(url, link_site, hop + 1)
            elif budget_open:
                key = normalise_url(url)
                if key not in self.seen:
                    priority = link_priority(url, text)
                    internal[url] = max(internal.get(url, (-100, key)), (priority, key))
        for url, (priority, key) in sorted(internal.items(), key=lambda pair: -pair[1][0]):
            if (self.budgets.open(site, depth + 1) and self.seen.add_new(key)
                    and self.budgets.take(site, depth + 1)):
                yield self._request(url, site, depth + 1, hop, priority)
        fetch.external_links = list(external)

    def _fetch(self, response) -> Fetch:
        meta = response.meta
        page = page_of(response) if isinstance(response, TextResponse) else None
        warc_file, warc_offset = meta.get("fw_warc", ("", None))
        redirects = list(meta.get("redirect_urls", []))
        html = page.html if page else ""
        return Fetch(
            Capture(
                url=redirects[0] if redirects else response.request.url, fetched_at=now(),
                domain=meta["fw_site"], run_id=self.run_id, final_url=response.url,
                redirects=redirects, status=response.status,
                ip=str(response.ip_address or ""), tls=certificate_of(response),
                contacted=contacted_of(response), requests=requests_of(response),
                headers={k.decode("latin-1"): ", ".join(v.decode("latin-1") for v in vs)
                         for k, vs in response.headers.items()},
                render=meta.get("fw_render") or "static", warc_file=warc_file,
                warc_offset=warc_offset,
                html_sha256=hashlib.sha256(response.body).hexdigest() if html else "",
                error=f"http: {response.status}" if response.status >= 400 else ""),
            html=html, page=page, screenshot_png=screenshot_of(response.request),
            depth=meta["fw_depth"], hop=meta["fw_hop"], claim=meta.get("fw_claim", ""),
        )

    def failed(self, failure):
        if failure.check(EvidenceNotKept):
            return  # not captured, so `--resume` fetches it again (crawler.evidence.warcwriter)
        request = failure.request
        meta = request.meta
        self.crawler.stats.inc_value("fraudwatch/failures")
        warc_file, warc_offset = meta.get("fw_warc", ("", None))
        # Keyed by the URL the spider asked for, as a good fetch is (and the journal is).
        redirects = list(meta.get("redirect_urls", []))
        yield Fetch(Capture(url=redirects[0] if redirects else request.url, fetched_at=now(),
                            domain=meta["fw_site"], run_id=self.run_id, redirects=redirects,
                            render=meta.get("fw_render") or "static",
                            error=describe(failure.value), warc_file=warc_file,
                            warc_offset=warc_offset),
                    depth=meta["fw_depth"], hop=meta["fw_hop"], claim=meta.get("fw_claim", ""))
