"""IANA's RDAP bootstrap registries (RFC 9224): which RDAP server answers for a TLD or an
address, read from IANA's dns.json, ipv4.json and ipv6.json.

They are fetched from `contacts.bootstrap_url` (IANA's own by default) into
VAR_DIR/cache/rdap/ by `fraudwatch letters rdap-bootstrap`, and again when older than
MAX_AGE_DAYS at the next look-up. A TLD that IANA lists no RDAP service for (.kz and .қаз today)
is looked up in WHOIS instead (takedown.contacts.whois).
"""

from __future__ import annotations

import ipaddress
import json
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

FILES = ("dns.json", "ipv4.json", "ipv6.json")
MAX_AGE_DAYS = 30
MAX_FILE = 8 << 20  # IANA's files are tens of kilobytes


class BootstrapError(RuntimeError):
    """The bootstrap registries cannot be fetched or read; the message says what to do."""


def _services(doc, name: str) -> list[tuple[list[str], list[str]]]:
    """The `services` of one registry file as (keys, base URLs) pairs; BootstrapError if the
    document is not laid out as RFC 9224 says."""
    services = doc.get("services") if isinstance(doc, dict) else None
    if not isinstance(services, list) or not all(
            isinstance(s, list) and len(s) >= 2 and all(isinstance(x, str) for x in s[0])
            and all(isinstance(x, str) for x in s[1]) for s in services):
        raise BootstrapError(f"{name} is not an RDAP bootstrap registry (RFC 9224: "
                             "services = [[keys], [base URLs]])")
    return [(list(s[0]), list(s[1])) for s in services]


def _https_first(urls: list[str]) -> str:
    return next((u for u in urls if u.startswith("https://")), urls[0] if urls else "")


@dataclass
class Bootstrap:
    """The three registries, with when they were published and fetched."""

    dns: list[tuple[list[str], list[str]]]
    ip: list[tuple[list[str], list[str]]]
    publication: str
    fetched: float

    def domain_server(self, domain: str) -> str:
        """The RDAP base URL for `domain`'s TLD; "" when IANA lists no RDAP service."""
        tld = domain.rstrip(".").rsplit(".", 1)[-1].lower()
        return next((_https_first(urls) for tlds, urls in self.dns
                     if tld in (t.lower() for t in tlds)), "")

    def ip_server(self, ip: str) -> str:
        """The RDAP base URL of the registry holding `ip`; "" when none is listed."""
        address = ipaddress.ip_address(ip)
        for ranges, urls in self.ip:
            for block in ranges:
                network = ipaddress.ip_network(block, strict=False)
                if network.version == address.version and address in network:
                    return _https_first(urls)
        return ""


def read(folder: Path) -> Bootstrap | None:
    """The registries kept in `folder`; None when they are not all there."""
    paths = [folder / name for name in FILES]
    if not all(p.is_file() for p in paths):
        return None
    docs = []
    for path in paths:
        try:
            docs.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise BootstrapError(f"{path} cannot be read ({exc}); fix: run `fraudwatch "
                                 "letters rdap-bootstrap` to fetch it again") from exc
    dns, ipv4, ipv6 = (_services(doc, p.name) for doc, p in zip(docs, paths, strict=True))
    return Bootstrap(dns, ipv4 + ipv6, str(docs[0].get("publication", "")),
                     min(p.stat().st_mtime for p in paths))


def _download(url: str, timeout: float) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read(MAX_FILE + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise BootstrapError(f"cannot fetch the RDAP bootstrap {url}: {exc}") from exc
    if len(data) > MAX_FILE:
        raise BootstrapError(f"{url} is larger than an RDAP bootstrap registry can be")
    return data


def fetch(base_url: str, folder: Path, timeout: float = 20.0) -> Bootstrap:
    """Download the three registries from `base_url` into `folder`, each checked before any
    replaces the copy already there."""
    fetched = {}
    for name in FILES:
        url = base_url.rstrip("/") + "/" + name
        data = _download(url, timeout)
        try:
            _services(json.loads(data), url)
        except ValueError as exc:
            raise BootstrapError(f"{url} is not JSON ({exc})") from exc
        fetched[name] = data
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in fetched.items():
        partial = folder / f".{name}.partial"
        partial.write_bytes(data)
        os.replace(partial, folder / name)
    return read(folder)


def load(folder: Path, base_url: str, max_age_days: float = MAX_AGE_DAYS,
         clock=time.time) -> Bootstrap:
    """The registries in `folder`, fetched first when missing or older than `max_age_days`;
    a stale copy is used when a refresh fails, and no copy at all is a BootstrapError that
    says how to get one."""
    kept = read(folder)
    if kept is not None and clock() - kept.fetched < max_age_days * 86400:
        return kept
    try:
        return fetch(base_url, folder)
    except BootstrapError as exc:
        if kept is not None:
            return kept
        raise BootstrapError(
            f"{exc}; fix: run `fraudwatch letters rdap-bootstrap` where the network reaches "
            f"it, copy IANA's {', '.join(FILES)} into {folder}, or set contacts.rdap_base to "
            "an RDAP server that answers every query") from None
