"""The sentence encoder off the reactor: one worker thread embedding pages in batches.

The crawl keeps fetching and parsing while pages wait for their embedding; each page's Deferred
fires on the reactor thread with its (mean, passages) vectors. Whatever is queued when the
worker wakes is embedded as one batch, so a burst of pages costs one call to the encoder.

`share` bounds the worker to that fraction of one core while the crawl runs (it rests after
each batch in proportion), so the fetching, parsing and storing keep the rest; once the crawl
is closing, the queued pages are embedded without rests.
"""

from __future__ import annotations

import queue
import threading
import time

from twisted.internet import defer, reactor

from classifiers.encoder import Encoder
from classifiers.page import PageView
from fraudwatch.logs import get_logger

log = get_logger("crawler.ingest.encoderworker")
MAX_BATCH = 16
PRIOR_PAGE_SECONDS = 1.0  # a page's embedding time until the first batch measures it
RECENT = 0.3  # weight of the latest batch in the running time a page
_STOP = object()


class EncoderWorker:
    """A thread that embeds queued pages with `encoder` and fires their Deferreds."""

    def __init__(self, encoder: Encoder, share: float = 1.0):
        self.encoder = encoder
        self.share = share
        self._closing = threading.Event()
        self.queue: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="fraudwatch-encoder", daemon=True)
        self.embedded = 0
        self.pending = 0  # pages handed in and not yet answered (reactor thread only)
        self.page_seconds = PRIOR_PAGE_SECONDS  # recent wall seconds to embed one page
        self.thread.start()

    def embed(self, page: PageView) -> defer.Deferred:
        """A Deferred firing with the page's (mean, passages) vectors."""
        done = defer.Deferred()
        self.pending += 1
        done.addBoth(self._answered)
        self.queue.put((page, done))
        return done

    def expected_wait(self) -> float:
        """Seconds a page queued now would wait for its vectors: the pages ahead of it times
        the recent time a page, stretched by the rests the CPU share takes."""
        return (self.pending + 1) * self.page_seconds / self.share

    def measured(self, pages: int, seconds: float) -> None:
        """Fold a batch's time into the recent time a page."""
        self.page_seconds += RECENT * (seconds / pages - self.page_seconds)

    def _answered(self, result):
        self.pending -= 1
        return result

    def _batch(self) -> list | None:
        """The next batch of (page, deferred), or None when told to stop."""
        first = self.queue.get()
        if first is _STOP:
            return None
        batch = [first]
        while len(batch) < MAX_BATCH:
            try:
                more = self.queue.get_nowait()
            except queue.Empty:
                break
            if more is _STOP:
                self.queue.put(_STOP)
                break
            batch.append(more)
        return batch

    def _run(self) -> None:
        while (batch := self._batch()) is not None:
            started = time.monotonic()
            try:
                vectors = self.encoder.page_vectors([page for page, _ in batch])
            except Exception as exc:  # report every failure to the waiting pages
                log.error("encoder_failed", error=str(exc), pages=len(batch))
                for _, done in batch:
                    reactor.callFromThread(done.errback, exc)
                continue
            self.embedded += len(batch)
            self.measured(len(batch), time.monotonic() - started)
            for (_, done), result in zip(batch, vectors, strict=True):
                reactor.callFromThread(done.callback, result)
            if self.share < 1:  # rest, so the crawl keeps (1 - share) of this core
                self._closing.wait((time.monotonic() - started) * (1 / self.share - 1))

    def stop(self) -> None:
        """Let the queued pages finish (without rests), then end the thread."""
        self._closing.set()
        self.queue.put(_STOP)
        self.thread.join(timeout=600)
