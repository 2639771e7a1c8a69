"""Refuse requests whose host resolves to a private, loopback, link-local, multicast or
reserved address, unless FRAUDWATCH_ALLOW_PRIVATE is set (everything allowed) or the host is
named in FRAUDWATCH_ALLOW_PRIVATE_HOSTS (only those hosts allowed; `--allow-private-host`).

Resolution goes through the crawler's resolver, so `--resolve` overrides are checked like
real DNS answers (the loopback demo farm needs `--allow-private`). Redirect targets pass
through here again, so a public site cannot bounce the crawler into the local network.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached


class PrivateTargetRefused(IgnoreRequest):
    """The target resolves to an address the crawler must not reach."""


def is_public(address: str) -> bool:
    """Whether an IP address is a globally routable unicast address."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
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
    """Which targets the crawler may connect to; one rule for Scrapy and for Chromium."""

    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings) -> TargetPolicy:
        hosts = settings.getlist("FRAUDWATCH_ALLOW_PRIVATE_HOSTS")
        return cls(settings.getbool("FRAUDWATCH_ALLOW_PRIVATE"),
                   frozenset(normal_host(h) for h in hosts if h.strip()))

    @property
    def guarded(self) -> bool:
        return not self.allow_private

    def refusal(self, host: str, address: str) -> str | None:
        """Why `host` at `address` must not be fetched, or None when it may be."""
        if self.allow_private or is_public(address) or normal_host(host) in self.allow_hosts:
            return None
        return f"refused: {host} resolves to non-public {address}"


class SSRFGuardMiddleware:
    def __init__(self, resolve, policy: TargetPolicy):
        self.resolve = resolve
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler):
        policy = TargetPolicy.from_settings(crawler.settings)
        if not policy.guarded:
            raise NotConfigured
        from twisted.internet import reactor

        return cls(reactor.resolve, policy)

    async def process_request(self, request):
        host = urlparse_cached(request).hostname or ""
        if urlparse_cached(request).scheme not in ("http", "https"):
            return None
        try:
            address = str(ipaddress.ip_address(host))
        except ValueError:
            address = await maybe_deferred_to_future(self.resolve(host))
        reason = self.policy.refusal(host, address)
        if reason:
            raise PrivateTargetRefused(reason)
        return None
