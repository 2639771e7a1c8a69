"""A DNS resolver with per-host overrides (`--resolve HOST=IP`), for Scrapy's DNS_RESOLVER.

Overrides let the demo farm's fictional domains reach loopback, and let an operator fetch a
site from a known IP after its DNS was blocked. Chromium gets the same map as
`--host-resolver-rules` (see `host_resolver_rules`).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer


def parse_resolve(entries: Iterable[str]) -> dict[str, str]:
    """{host: ip} from `HOST=IP` entries (comments and blank lines ignored); ValueError if bad."""
    overrides: dict[str, str] = {}
    for entry in entries:
        entry = entry.split("#", 1)[0].strip()
        if not entry:
            continue
        host, sep, ip = entry.partition("=")
        if not sep:
            raise ValueError(f"--resolve {entry!r}: expected HOST=IP")
        try:
            address = ipaddress.ip_address(ip.strip())
        except ValueError as exc:
            raise ValueError(f"--resolve {entry!r}: {ip.strip()!r} is not an IP address") from exc
        overrides[host.strip().lower().encode("idna").decode("ascii")] = str(address)
    return overrides


def host_resolver_rules(overrides: dict[str, str]) -> str:
    """The same overrides as a Chromium `--host-resolver-rules` value."""
    return ", ".join(f"MAP {host} {ip}" for host, ip in sorted(overrides.items()))


class OverrideResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, answering overridden hosts from a fixed map."""

    def __init__(self, reactor, cache_size: int, timeout: float, overrides: dict[str, str]):
        super().__init__(reactor, cache_size, timeout)
        self.overrides = overrides

    @classmethod
    def from_crawler(cls, crawler, reactor):
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        overrides = settings.getdict("FRAUDWATCH_RESOLVE")
        return cls(reactor, cache_size, settings.getfloat("DNS_TIMEOUT"), overrides)

    def getHostByName(self, name: str, timeout=()):  # noqa: N802 (Twisted's interface)
        if name.lower() in self.overrides:
            return defer.succeed(self.overrides[name.lower()])
        return super().getHostByName(name, timeout)
