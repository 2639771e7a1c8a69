"""A proof-of-work challenge for citizens past the /check rate limit.

Many citizens share one mobile carrier's address (NAT), so an address can run out of checks
that no single person used up. Before refusing, /check asks the reader's browser for a little
work: a number n such that sha256("<token>:<n>") starts with `bits` zero bits, about 2**bits
hashes, which static/challenge.js finds in a second or two and sends with the form again. The
token is signed with the app's secret and names the client address and its expiry, so it
cannot be forged, moved to another address or used twice. A solved challenge buys one check
from a second, per-address bucket: a machine that solves challenges is slowed, not let through.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable

BITS = 16  # about 65,000 hashes: a second or two in a phone's browser
TTL = 300  # seconds a challenge stays valid
MAX_NONCE_DIGITS = 20


def solves(token: str, nonce: str, bits: int) -> bool:
    """Whether sha256("<token>:<nonce>") starts with `bits` zero bits."""
    digest = hashlib.sha256(f"{token}:{nonce}".encode()).digest()
    return int.from_bytes(digest, "big") >> (256 - bits) == 0


class Challenges:
    def __init__(self, secret: str, bits: int = BITS, ttl: float = TTL,
                 clock: Callable[[], float] = time.time):
        self.secret = hashlib.sha256(f"check-challenge|{secret}".encode()).digest()
        self.bits = bits
        self.ttl = ttl
        self.clock = clock
        self._used: dict[str, float] = {}  # redeemed token -> its expiry
        self._lock = threading.Lock()

    def _mac(self, client: str, body: str) -> str:
        return hmac.new(self.secret, f"{client}|{body}".encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self, client: str) -> str:
        """A new challenge token for `client` (its address): expiry.salt.bits.mac."""
        body = f"{int(self.clock() + self.ttl)}.{secrets.token_hex(8)}.{self.bits}"
        return f"{body}.{self._mac(client, body)}"

    def redeem(self, client: str, token: str, nonce: str) -> bool:
        """Whether `nonce` solves `token`, issued to `client`, unexpired and not yet redeemed;
        a token that passes is spent."""
        body, _, mac = token.rpartition(".")
        parts = body.split(".")
        if len(parts) != 3 or not (parts[0].isdigit() and parts[2].isdigit()):
            return False
        expires, bits = int(parts[0]), int(parts[2])
        now = self.clock()
        if not hmac.compare_digest(mac, self._mac(client, body)) or expires < now \
                or bits < self.bits:
            return False
        if not (nonce.isdigit() and len(nonce) <= MAX_NONCE_DIGITS and solves(token, nonce, bits)):
            return False
        with self._lock:
            self._used = {t: e for t, e in self._used.items() if e >= now}
            if token in self._used:
                return False
            self._used[token] = expires
        return True
