"""The URLs a crawl has scheduled (normalised, fraudwatch.urls): its duplicate filter.

`LocalSeen` serves one process (rebuilt from the journal by --resume); `SharedSeen` reads the
Redis frontier's set, shared by every worker of a distributed crawl.
"""

from __future__ import annotations


class LocalSeen(set):
    def add_new(self, url: str) -> bool:
        """Mark `url` scheduled; False if it already was."""
        if url in self:
            return False
        self.add(url)
        return True


class SharedSeen:
    """The frontier's `seen` set, read to skip links early (the frontier's gate adds to it,
    atomically with queueing), with a local memory of URLs this worker already passed on."""

    def __init__(self, frontier):
        self.frontier = frontier
        self.known: set[str] = set()

    def __contains__(self, url: str) -> bool:
        return url in self.known or self.frontier.is_seen(url)

    def add(self, url: str) -> None:
        self.known.add(url)

    def add_new(self, url: str) -> bool:
        """Whether `url` is worth requesting (not passed on here, not queued anywhere)."""
        if url in self:
            return False
        self.known.add(url)
        return True
