"""Which network targets fraudwatch may connect to: the one rule for the crawler (Scrapy and
Chromium) and for re-verification of blocked sites.

Private, loopback, link-local, multicast and reserved addresses are refused unless private
targets are allowed outright (the demo farm) or the host is one of the named allowed hosts.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public(address: str) -> bool:
    """Whether an IP address is a globally routable unicast address."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        # an IPv4 address carried inside IPv6 (mapped, 6to4, Teredo, NAT64) is judged by itself
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public(str(embedded))
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def normal_host(host: str) -> str:
    """A host name as the guard compares it: lower case, ASCII (IDNA), no trailing dot."""
    host = host.strip().strip("[]").lower().rstrip(".")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


@dataclass(frozen=True)
class TargetPolicy:
    """Which targets may be fetched."""

    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, allow_private: bool, hosts: Iterable[str] = ()) -> TargetPolicy:
        return cls(allow_private, frozenset(normal_host(h) for h in hosts if h.strip()))

    @property
    def guarded(self) -> bool:
        return not self.allow_private

    def refusal(self, host: str, address: str) -> str | None:
        """Why `host` at `address` must not be fetched, or None when it may be."""
        if self.allow_private or is_public(address) or normal_host(host) in self.allow_hosts:
            return None
        return f"refused: {host} resolves to non-public {address}"
