"""Refuse requests whose host resolves to a private, loopback, link-local, multicast or
reserved address, unless FRAUDWATCH_ALLOW_PRIVATE is set.

Resolution goes through the crawler's resolver, so `--resolve` overrides are checked like
real DNS answers (the loopback demo farm needs `--allow-private`). Redirect targets pass
through here again, so a public site cannot bounce the crawler into the local network.
"""

from __future__ import annotations

import ipaddress

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


class SSRFGuardMiddleware:
    def __init__(self, resolve):
        self.resolve = resolve

    @classmethod
    def from_crawler(cls, crawler):
        if crawler.settings.getbool("FRAUDWATCH_ALLOW_PRIVATE"):
            raise NotConfigured
        from twisted.internet import reactor

        return cls(reactor.resolve)

    async def process_request(self, request):
        host = urlparse_cached(request).hostname or ""
        if urlparse_cached(request).scheme not in ("http", "https"):
            return None
        try:
            address = str(ipaddress.ip_address(host))
        except ValueError:
            address = await maybe_deferred_to_future(self.resolve(host))
        if not is_public(address):
            raise PrivateTargetRefused(f"refused: {host} resolves to non-public {address}")
        return None
