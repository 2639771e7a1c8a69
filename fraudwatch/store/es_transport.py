"""An Elasticsearch transport whose retries wait, doubling the pause each time.

elastic_transport retries a failed request at once, which cannot help a node that is
restarting or shedding load. `BackoffTransport` keeps the client's own retry options
(`max_retries`, `retry_on_timeout`, `retry_on_status`) but sleeps `initial`, 2 x `initial`,
... seconds (at most `cap` each) between tries; after the last try the error or the response
goes back to the client as usual. Imported only by the Elasticsearch backend.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from elastic_transport import ConnectionError, ConnectionTimeout, TlsError, Transport
from elastic_transport.client_utils import DEFAULT, resolve_default

log = logging.getLogger(__name__)

# What a busy or restarting node answers: too many requests, bad gateway, unavailable, timeout.
RETRY_STATUSES = (429, 502, 503, 504)


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff: `retries` pauses of `initial` seconds, doubling, capped at `cap`."""

    retries: int = 5
    initial: float = 0.5
    cap: float = 8.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait before try number `attempt` (1 = the first retry)."""
        return min(self.cap, self.initial * 2 ** (attempt - 1))

    @property
    def total(self) -> float:
        """Seconds spent waiting when every retry fails."""
        return sum(self.delay(n) for n in range(1, self.retries + 1))


class BackoffTransport(Transport):
    """The client's transport, pausing before each retry (set `backoff` after creation)."""

    backoff = Backoff()

    def perform_request(self, method, target, *, max_retries=DEFAULT, retry_on_status=DEFAULT,
                        retry_on_timeout=DEFAULT, **kwargs):
        retries = resolve_default(max_retries, self.max_retries)
        statuses = resolve_default(retry_on_status, self.retry_on_status)
        # A scroll that timed out may have moved on: asking again could skip a page.
        on_timeout = resolve_default(retry_on_timeout, self.retry_on_timeout) \
            and not target.startswith("/_search/scroll")
        attempt = 0
        while True:
            try:
                resp = super().perform_request(method, target, max_retries=0, **kwargs)
            except TlsError:
                raise  # a certificate problem does not go away by waiting
            except ConnectionTimeout:
                if not on_timeout or attempt == retries:
                    raise
                reason = "timed out"
            except ConnectionError as exc:
                if attempt == retries:
                    raise
                reason = exc.message
            else:
                if resp.meta.status not in statuses or attempt == retries:
                    return resp
                reason = f"status {resp.meta.status}"
            attempt += 1
            delay = self.backoff.delay(attempt)
            log.warning("Elasticsearch %s %s: %s; retry %d of %d in %.2f s", method,
                        target.split("?")[0], reason, attempt, retries, delay)
            time.sleep(delay)
