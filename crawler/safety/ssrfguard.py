"""Refuse requests whose host resolves to a private, loopback, link-local, multicast or
reserved address, unless FRAUDWATCH_ALLOW_PRIVATE is set (everything allowed) or the host is
named in FRAUDWATCH_ALLOW_PRIVATE_HOSTS (only those hosts allowed; `--allow-private-host`).

Resolution goes through the crawler's resolver, so `--resolve` overrides are checked like
real DNS answers (the loopback demo farm needs `--allow-private`). Redirect targets pass
through here again, so a public site cannot bounce the crawler into the local network.
"""

from __future__ import annotations

import ipaddress

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached

from fraudwatch.netpolicy import TargetPolicy


class PrivateTargetRefused(IgnoreRequest):
    """The target resolves to an address the crawler must not reach."""


def policy_from_settings(settings) -> TargetPolicy:
    """The crawl's TargetPolicy: FRAUDWATCH_ALLOW_PRIVATE and FRAUDWATCH_ALLOW_PRIVATE_HOSTS."""
    return TargetPolicy.of(settings.getbool("FRAUDWATCH_ALLOW_PRIVATE"),
                           settings.getlist("FRAUDWATCH_ALLOW_PRIVATE_HOSTS"))


class SSRFGuardMiddleware:
    def __init__(self, resolve, policy: TargetPolicy):
        self.resolve = resolve
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler):
        policy = policy_from_settings(crawler.settings)
        if not policy.guarded:
            raise NotConfigured
        # here, not at the top: importing the reactor installs the default one before Scrapy
        # installs the asyncio reactor the crawl runs on
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
