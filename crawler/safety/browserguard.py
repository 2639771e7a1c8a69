"""The SSRF guard for Chromium: the browser and each of its contexts use a guard proxy
(`fraudwatch.guardproxy`), so no request of a rendered page reaches a private or loopback
address unless the crawl allows it; a profile's own proxy is chained behind the guard."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from crawler.safety.ssrfguard import policy_from_settings
from fraudwatch.guardproxy import GuardProxy
from fraudwatch.netpolicy import TargetPolicy


def upstream_url(proxy: dict) -> str:
    """A Playwright `proxy` option as one URL, credentials included."""
    parts = urlsplit(proxy["server"] if "://" in proxy["server"] else f"http://{proxy['server']}")
    if parts.scheme != "http":
        raise ValueError(f"profile proxy {proxy['server']!r}: only http:// proxies can be "
                         "chained behind the browser guard")
    user = proxy.get("username")
    credentials = f"{quote(user, safe='')}:{quote(proxy.get('password', ''), safe='')}@" \
        if user else ""
    return f"http://{credentials}{parts.hostname}:{parts.port or 3128}"


class BrowserGuard:
    """The guard proxies of one crawl's browser: one direct, one per profile proxy."""

    def __init__(self, policy: TargetPolicy, overrides: dict[str, str]):
        self.policy = policy
        self.overrides = overrides
        self.proxies: dict[str, GuardProxy] = {}

    @classmethod
    def from_settings(cls, settings) -> BrowserGuard | None:
        """The guard a crawl needs, or None when private targets are allowed outright."""
        policy = policy_from_settings(settings)
        return cls(policy, settings.getdict("FRAUDWATCH_RESOLVE")) if policy.guarded else None

    def proxy_for(self, upstream: str = "") -> dict:
        """Playwright's `proxy` option routing through the guard (then through `upstream`)."""
        if upstream not in self.proxies:
            self.proxies[upstream] = GuardProxy(self.policy, self.overrides, upstream).start()
        return {"server": self.proxies[upstream].url}

    def context_kwargs(self, kwargs: dict | None) -> dict:
        """A context's options with its proxy, if any, chained behind the guard."""
        kwargs = dict(kwargs or {})
        upstream = upstream_url(kwargs["proxy"]) if kwargs.get("proxy") else ""
        kwargs["proxy"] = self.proxy_for(upstream)
        return kwargs

    @property
    def refused(self) -> int:
        return sum(proxy.refused for proxy in self.proxies.values())

    def close(self) -> None:
        for proxy in self.proxies.values():
            proxy.stop()
