"""An in-memory token bucket per client: `rate` requests a minute, bursts up to `burst`."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

LOGIN_FAILURES = 5  # per account
LOGIN_RETRY_MINUTES = 10
CLIENT_FAILURES = 50  # per client address, then one a minute: a shared NAT is not locked out
# Citizen checks per client address: many people share one mobile carrier's address (NAT),
# so a burst of a busy hour's checks is allowed, refilled at CHECK_RATE a minute
CHECK_RATE, CHECK_BURST = 30.0, 60
# Past those, each check needs a solved proof-of-work challenge, at most this many a minute
SOLVED_RATE, SOLVED_BURST = 60.0, 60

class TokenBucket:
    def __init__(self, rate_per_minute: float, burst: int,
                 clock: Callable[[], float] = time.monotonic, max_clients: int = 100_000):
        self.rate = rate_per_minute / 60.0
        self.burst = burst
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def _refilled(self, key: str, now: float) -> float:
        tokens, then = self._buckets.get(key, (float(self.burst), now))
        return min(self.burst, tokens + (now - then) * self.rate)

    def _until_one(self, tokens: float) -> float:
        return (1 - tokens) / self.rate if self.rate > 0 else 3600.0

    def reserve(self, keys: tuple[str, ...]) -> float:
        """Spend one token of every key at once, or none: 0 if all had one, else the seconds
        until all will. A login reserves before checking the password, so concurrent
        guesses can never outnumber the tokens; a right password gives them back (`refund`)."""
        with self._lock:
            now = self.clock()
            tokens = {key: self._refilled(key, now) for key in keys}
            short = [self._until_one(t) for t in tokens.values() if t < 1]
            if short:
                return max(short)
            if len(self._buckets) + len(keys) > self.max_clients:
                self._buckets.clear()
            for key, left in tokens.items():
                self._buckets[key] = (left - 1, now)
            return 0.0

    def refund(self, keys: tuple[str, ...]) -> None:
        """Give back the tokens `reserve` took."""
        with self._lock:
            now = self.clock()
            for key in keys:
                self._buckets[key] = (min(self.burst, self._refilled(key, now) + 1), now)

    def take(self, key: str) -> float:
        """Spend one token of `key`: 0 if allowed, else the seconds until one is available."""
        with self._lock:
            now = self.clock()
            tokens = self._refilled(key, now)
            if tokens >= 1:
                if len(self._buckets) >= self.max_clients:
                    self._buckets.clear()
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return self._until_one(tokens)
