"""Count what the crawl did, show it live on a terminal, and leave a summary in the stats.

Counts sites, pages, pages per category and verdict, and failures per kind from the items
the pipelines finished. With FRAUDWATCH_PROGRESS a rich live line on stderr shows sites,
pages, rate and errors; the summary goes to the stats (`fraudwatch/summary`) and, when
FRAUDWATCH_RUN_DIR is set, to `summary.json` there.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.live import Live
from scrapy import signals


class RunLog:
    def __init__(self, stats, progress: bool, run_dir: str):
        self.stats = stats
        self.progress = progress
        self.run_dir = Path(run_dir) if run_dir else None
        self.sites: set[str] = set()
        self.counts: Counter[str] = Counter()
        self.started = time.monotonic()
        self.live = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        extension = cls(crawler.stats, settings.getbool("FRAUDWATCH_PROGRESS"),
                        settings.get("FRAUDWATCH_RUN_DIR", ""))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_error, signal=signals.item_error)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider):
        if self.progress:

            self.live = Live(get_renderable=self.line, console=Console(stderr=True),
                             refresh_per_second=2, transient=True)
            self.live.start()

    def item_scraped(self, item, response, spider):
        self.sites.add(item.capture.domain)
        if item.capture.error:
            self.counts[f"error/{item.capture.error.split(':', 1)[0]}"] += 1
        elif item.verdict is not None:
            self.counts["pages"] += 1
            self.counts[f"category/{item.verdict.category}"] += 1
            self.counts[f"verdict/{item.verdict.verdict}"] += 1

    def item_error(self, item, response, spider, failure):
        """A pipeline failed on a fetched page: it is neither classified nor stored."""
        self.sites.add(item.capture.domain)
        self.counts["lost"] += 1

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        errors = sum(n for key, n in self.counts.items() if key.startswith("error/"))
        return (f"crawl: {len(self.sites)} sites, {self.counts['pages']} pages "
                f"({self.counts['pages'] * 60 / elapsed:.0f}/min), {errors} errors, "
                f"{elapsed:.0f}s")

    def summary(self, reason: str) -> dict:
        """Counts of the run: sites, pages, per category, per verdict, per error kind. A run
        that lost fetched pages to errors is `incomplete`, never `finished` (so `--resume`
        takes it up and fetches them again)."""
        grouped: dict[str, dict[str, int]] = {"category": {}, "verdict": {}, "error": {}}
        for key, n in sorted(self.counts.items()):
            group, _, name = key.partition("/")
            if name:
                grouped[group][name] = n
        if reason == "finished" and self.counts["lost"]:
            reason = "incomplete"
        summary = {"sites": len(self.sites), "pages": self.counts["pages"],
                   "lost": self.counts["lost"],
                   "encoder_pages": self.stats.get_value("fraudwatch/encoder_pages", 0),
                   "encoder_busy": self.stats.get_value("fraudwatch/encoder_busy", 0),
                   "encoder_failed": self.stats.get_value("fraudwatch/encoder_failed", 0),
                   "seconds": round(time.monotonic() - self.started - self._after_seconds(), 1),
                   "finish_reason": reason, **grouped}
        return summary | self._store_outcome() | self._after_crawl()

    def _after_seconds(self) -> float:
        """Seconds crawler.aftercrawl took after the crawl (not the crawl's own time)."""
        return self.stats.get_value("fraudwatch/after_crawl_seconds") or 0.0

    def _after_crawl(self) -> dict:
        """Networks and mirror alerts the crawl's end found (crawler.aftercrawl)."""
        get = self.stats.get_value
        outcome = {"networks": get("fraudwatch/networks"),
                   "mirror_alerts": get("fraudwatch/mirror_alerts"),
                   "networks_error": get("fraudwatch/networks_error"),
                   "after_crawl_seconds": get("fraudwatch/after_crawl_seconds")}
        return {name: value for name, value in outcome.items() if value is not None}

    def _store_outcome(self) -> dict:
        """Documents that went through the store's spool (crawler.pipelines.store), and why
        the crawl was stopped, when it was."""
        get = self.stats.get_value
        spool = {name: get(f"fraudwatch/{key}") for name, key in (
            ("spooled_docs", "spooled_docs"), ("replayed_docs", "replayed_docs"),
            ("waiting_docs", "spool_waiting_docs"), ("unsaved_docs", "unsaved_docs"),
            ("path", "spool"))}
        spool = {name: value for name, value in spool.items() if value}
        message = get("fraudwatch/stop_message")
        return ({"spool": spool} if spool else {}) | ({"message": message} if message else {})

    def spider_closed(self, spider, reason):
        if self.live is not None:
            self.live.stop()
        summary = self.summary(reason)
        self.stats.set_value("fraudwatch/summary", summary)
        if self.run_dir is not None:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            (self.run_dir / "summary.json").write_text(json.dumps(summary, indent=2))
