"""Stop a running crawl from inside it, once, with a reason the CLI maps to its exit code."""

from __future__ import annotations

from scrapy.utils.defer import deferred_from_coro

from fraudwatch.logs import get_logger

log = get_logger("crawler.stop")

# Reasons a crawl stops early because what it fetched could not be kept; the run stays
# resumable and `fraudwatch crawl` exits 4 (fraudwatch.cli.crawl_cmd).
KEEP_FAILED = frozenset({"spool_full", "spool_failed", "store_unavailable", "store_failed",
                         "evidence_failed"})


def stop_crawl(crawler, reason: str, message: str) -> None:
    """Close the crawl with `reason`, keeping `message` (what failed, and the fix) for the
    summary; later calls while it closes change nothing."""
    stats = getattr(crawler, "stats", None)
    engine = getattr(crawler, "engine", None)
    if stats is not None and not stats.get_value("fraudwatch/stop_message"):
        stats.set_value("fraudwatch/stop_message", message)
    if engine is None or getattr(crawler, "_fraudwatch_stopping", None) is not None:
        return

    stopping = deferred_from_coro(engine.close_spider_async(reason=reason))
    stopping.addErrback(lambda failure: log.error(
        "the crawl could not be stopped", error=failure.getErrorMessage()))
    crawler._fraudwatch_stopping = stopping
