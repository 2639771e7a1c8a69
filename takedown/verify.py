"""Re-verification: is a listed site blocked (DNS failure, sinkhole or a non-public answer,
HTTP 451, an ISP block page), still live, moved to another domain, or down? Each result goes to
the audit log.

Fetches go through the same guard as the crawler (`fraudwatch.guardproxy`): to the very address
the check resolved, and never to a private or loopback one, redirects included."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from fraudwatch.config import Config
from fraudwatch.guardproxy import GuardProxy
from fraudwatch.netpolicy import TargetPolicy, normal_host
from fraudwatch.store import Site, Store
from fraudwatch.store.vocabulary import Action
from takedown import audit
from takedown.contacts import dns as dns_records

MAX_BODY = 256 * 1024
MAX_HOPS = 5
# outcome -> (audit action, site status)
OUTCOMES = {"blocked": (Action.BLOCKED, "blocked"), "live": (Action.VERIFIED_LIVE, "live"),
            "moved": (Action.VERIFIED_MOVED, "live"), "down": (Action.VERIFIED_DOWN, "down")}


@dataclass
class Check:
    """The result of re-checking one site."""

    domain: str
    outcome: str
    reason: str


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def http_fetch(url: str, timeout: float = 15.0, opener=_OPENER) -> tuple[int, str, str]:
    """GET `url` without following redirects: (status, URL or redirect target, body start)."""
    request = urllib.request.Request(url, headers={"User-Agent": "fraudwatch-verify/1"})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, url, response.read(MAX_BODY).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        with exc:
            target = url
            if 300 <= exc.code < 400:
                target = urljoin(url, exc.headers.get("Location", ""))
            return exc.code, target, exc.read(MAX_BODY).decode("utf-8", "replace")


class GuardedFetch:
    """fetch(url, address): `http_fetch` through a guard proxy that connects `url`'s host to
    `address` (the one the check resolved) and refuses non-public targets, redirects included."""

    def __init__(self, policy: TargetPolicy, timeout: float = 15.0):
        self.proxy = GuardProxy(policy).start()
        self.timeout = timeout
        handler = urllib.request.ProxyHandler({"http": self.proxy.url, "https": self.proxy.url})
        self.opener = urllib.request.build_opener(_NoRedirects, handler)

    def __call__(self, url: str, address: str = "") -> tuple[int, str, str]:
        if address:
            self.proxy.overrides[normal_host(urlsplit(url).hostname or "")] = address
        return http_fetch(url, self.timeout, self.opener)

    def close(self) -> None:
        self.proxy.stop()


def dns_resolve(nameserver: str = ""):
    """A function domain -> its A records, asking `nameserver` (empty: the system resolver)."""
    res = dns_records.resolver(nameserver)
    return lambda domain: dns_records.records(domain, res)["A"]


def _same_site(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def judge(domain: str, status: int, final_url: str, body: str, marks: list[str]) -> Check:
    """Blocked, moved or live, from one HTTP answer for `domain`."""
    if status == 451:
        return Check(domain, "blocked", "HTTP 451")
    lowered = body.lower()
    mark = next((m for m in marks if m.lower() in lowered), None)
    if mark:
        return Check(domain, "blocked", f"block page ({mark!r})")
    host = (urlsplit(final_url).hostname or "").lower()
    if host and not _same_site(host, domain):
        return Check(domain, "moved", f"redirects to {host}")
    return Check(domain, "live", f"HTTP {status}")


def check_site(domain: str, resolve, fetch, sinkholes: set[str], marks: list[str],
               policy: TargetPolicy | None = None) -> Check:
    """Resolve, then fetch `http://DOMAIN/` from the resolved address (redirects within the
    site followed), and say what became of the site. An answer on a private or loopback
    address (as DNS blocking often gives) is a block: nothing there is fetched."""
    try:
        addresses = set(resolve(domain))
    except dns_records.DnsUnanswered as exc:  # we could not look: the site is not judged
        return Check(domain, "unchecked", str(exc))
    if not addresses:
        return Check(domain, "blocked", "DNS: no address")
    if addresses & sinkholes:
        return Check(domain, "blocked", f"DNS: sinkhole {sorted(addresses & sinkholes)[0]}")
    policy = policy or TargetPolicy()
    allowed = sorted(a for a in addresses if policy.refusal(domain, a) is None)
    if not allowed:
        return Check(domain, "blocked", f"DNS: non-public address {sorted(addresses)[0]}")
    url = f"http://{domain}/"
    try:
        for _ in range(MAX_HOPS):
            status, target, body = fetch(url, allowed[0] if url == f"http://{domain}/" else "")
            host = (urlsplit(target).hostname or "").lower()
            if not (300 <= status < 400 and _same_site(host, domain)) or target == url:
                break
            url = target
    except OSError as exc:
        return Check(domain, "down", f"no answer ({exc})")
    return judge(domain, status, target, body, marks)


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def listed_sites(store: Store) -> list[Site]:
    """Confirmed sites that a letter has listed."""
    return sorted((s for s in store.iter_sites(review_state="confirmed") if s.letters),
                  key=lambda s: s.domain)


def verify_sites(store: Store, config: Config, sites: list[Site], resolve=None, fetch=None,
                 user: str = audit.SYSTEM_USER, policy: TargetPolicy | None = None) -> list[Check]:
    """Re-check `sites`, log each outcome and update each site's status. Fetches go through
    the guard (`GuardedFetch`) unless `fetch` is given."""
    resolve = resolve or dns_resolve(config.contacts.nameserver)
    policy = policy or TargetPolicy()
    sinkholes = set(_split(config.verify.sinkholes))
    marks = _split(config.verify.block_page_marks)
    guarded = GuardedFetch(policy) if fetch is None else None
    checks = []
    try:
        for site in sites:
            check = check_site(site.domain, resolve, fetch or guarded, sinkholes, marks, policy)
            checks.append(check)
            if check.outcome not in OUTCOMES:  # unchecked: status and audit log untouched
                continue
            action, site.status = OUTCOMES[check.outcome]
            audit.record(store, [site.id], action, f"verify: {check.reason}", user=user)
    finally:
        if guarded is not None:
            guarded.close()
    store.put_sites(sites)
    store.refresh()
    return checks
