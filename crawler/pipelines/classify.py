"""Classify each fetched page: the fast stage here, the sentence encoder where it pays.

`classifier.encoder` (FRAUDWATCH_ENCODER) chooses:
- auto (default): a page goes to the encoder when the fast stage cannot settle it, at most
  `classifier.encoder_pages` pages per site, the landing page first (it decides the site),
  and only while the encoder keeps up: when a page would wait longer than
  `classifier.encoder_wait` seconds for it, the page keeps its fast-stage verdict (a landing
  page may wait twice as long). So the encoder never caps the crawl, not even at its end, when
  the pages still queued are embedded; the summary counts the pages it had to skip.
- always: every page, however long the crawl waits; never: the fast stage alone.
The encoder runs in its own thread (crawler.ingest.encoderworker), so the crawl goes on meanwhile.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import CloseSpider
from scrapy.utils.defer import maybe_deferred_to_future

from classifiers import load_model
from classifiers.artifact import ModelError
from classifiers.classify import wants_encoder
from classifiers.encoder import DIM, Encoder
from classifiers.page import PageView
from classifiers.passagestore import PassageStore
from classifiers.registry import default_registry
from classifiers.stages import finish, first_stage
from crawler.addon import crawl_config
from crawler.ingest.encoderworker import EncoderWorker
from fraudwatch.logs import get_logger
from fraudwatch.modelversions import ModelVersions, VersionError

log = get_logger("crawler.pipelines.classify")


def _cache(path: Path | None) -> PassageStore | None:
    """The passage cache at `path`; none (with a warning) when its disk refuses it."""
    if path is None:
        return None
    try:
        return PassageStore(path, DIM)
    except (OSError, sqlite3.Error) as exc:
        log.warning("passage cache unusable; the encoder reads every passage afresh",
                    cache=str(path), error=str(exc))
        return None


class ClassifyPipeline:
    def __init__(self, mode: str, pages_per_site: int, threads: int, stats=None,
                 cache: Path | None = None, max_wait: float = 10.0, share: float = 1.0,
                 model=None, shadow=None):
        self.mode = mode
        self.pages_per_site = pages_per_site
        self.max_wait = max_wait
        self.model = model if model is not None else load_model()
        self.shadow = shadow  # a model version in shadow: it classifies alongside, kept apart
        self.registry = default_registry()
        self.stats = stats
        self.encoded: Counter[str] = Counter()  # pages of each site sent to the encoder
        self.worker = None
        if self.model is not None and self.model.semantic is not None and mode != "never":
            self.worker = EncoderWorker(Encoder(threads=threads, store=_cache(cache)), share)

    @classmethod
    def from_crawler(cls, crawler):
        config = crawl_config(crawler.settings)
        mode = crawler.settings.get("FRAUDWATCH_ENCODER") or config.classifier.encoder
        versions = ModelVersions(config.var_dir)
        try:
            model, shadow = versions.promoted_model(), versions.shadow_model()
        except (VersionError, ModelError) as exc:
            raise CloseSpider(f"model versions: {exc}") from exc
        pipeline = cls(mode, config.classifier.encoder_pages,
                       config.classifier.encoder_threads, crawler.stats,
                       config.encoder_cache(),
                       config.classifier.encoder_wait, config.classifier.encoder_share,
                       model, shadow)
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        return pipeline

    def _wants(self, first, item) -> bool:
        """Whether this page goes to the encoder: the mode says so and, in auto mode, the site's
        budget has room (a landing page may always take the first place)."""
        if self.worker is None or not wants_encoder(first, self.model, self.mode):
            return False
        if self.mode == "always":
            return True
        used = self.encoded[item.capture.domain]
        landing = item.depth == 0 and used == 0
        if not (used < self.pages_per_site or landing):
            return False
        if self.worker.expected_wait() > self.max_wait * (2 if landing else 1):
            if self.stats:
                self.stats.inc_value("fraudwatch/encoder_busy")
            return False
        return True

    async def process_item(self, item):
        if not item.html or item.capture.error:
            return item
        page = item.page or PageView.parse(item.html, item.address, item.capture.text)
        first = first_stage(page, self.registry, self.model)
        embedding = None
        if self._wants(first, item):
            self.encoded[item.capture.domain] += 1
            if self.stats:
                self.stats.inc_value("fraudwatch/encoder_pages")
            try:
                embedding = await maybe_deferred_to_future(self.worker.embed(page))
            except Exception:  # the encoder failed (logged): keep the fast-stage verdict
                if self.stats:
                    self.stats.inc_value("fraudwatch/encoder_failed")
        self._decide(item, page, first, embedding)
        return item

    def _decide(self, item, page: PageView, first, embedding=None) -> None:
        """The page's verdict, and the shadow model's from the same page and embedding."""
        item.verdict = finish(first, self.model, embedding)
        item.capture.lang = item.verdict.lang
        if self.shadow is not None:
            shadow_first = first_stage(page, self.registry, self.shadow)
            item.shadow = finish(shadow_first, self.shadow, embedding)

    def close(self, spider=None):
        if self.worker is not None:
            self.worker.stop()
