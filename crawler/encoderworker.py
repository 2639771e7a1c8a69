"""The sentence encoder off the reactor: one worker thread embedding pages in batches.

The crawl keeps fetching and parsing while pages wait for their embedding; each page's Deferred
fires on the reactor thread with its (mean, passages) vectors. Whatever is queued when the
worker wakes is embedded as one batch, so a burst of pages costs one call to the encoder.
"""

from __future__ import annotations

import queue
import threading

from twisted.internet import defer, reactor

from classifiers.encoder import Encoder
from classifiers.page import PageView
from fraudwatch.logs import get_logger

log = get_logger("crawler.encoderworker")
MAX_BATCH = 16
_STOP = object()


class EncoderWorker:
    """A thread that embeds queued pages with `encoder` and fires their Deferreds."""

    def __init__(self, encoder: Encoder):
        self.encoder = encoder
        self.queue: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="fraudwatch-encoder", daemon=True)
        self.embedded = 0
        self.thread.start()

    def embed(self, page: PageView) -> defer.Deferred:
        """A Deferred firing with the page's (mean, passages) vectors."""
        done = defer.Deferred()
        self.queue.put((page, done))
        return done

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
            try:
                vectors = self.encoder.page_vectors([page for page, _ in batch])
            except Exception as exc:  # report every failure to the waiting pages
                log.error("encoder_failed", error=str(exc), pages=len(batch))
                for _, done in batch:
                    reactor.callFromThread(done.errback, exc)
                continue
            self.embedded += len(batch)
            for (_, done), result in zip(batch, vectors, strict=True):
                reactor.callFromThread(done.callback, result)

    def stop(self) -> None:
        """Let the queued pages finish, then end the thread."""
        self.queue.put(_STOP)
        self.thread.join(timeout=600)
