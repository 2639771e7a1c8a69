"""Who to write to about a site: registrar and network abuse contacts plus DNS, cached."""

from __future__ import annotations

from pathlib import Path

from takedown.contacts import dns as dns_records
from takedown.contacts import rdap
from takedown.contacts.cache import ExpiringCache


class ContactFinder:
    """RDAP and DNS look-ups for a domain, each answer reused until the cache entry expires."""

    def __init__(self, cache: ExpiringCache, rdap_base: str = "", nameserver: str = ""):
        self.cache = cache
        self.rdap_base = rdap_base
        self.resolver = dns_records.resolver(nameserver)

    @classmethod
    def from_config(cls, config) -> ContactFinder:
        cache = ExpiringCache(Path(config.var_dir) / "cache" / "contacts.json",
                              ttl=config["contacts.cache_hours"] * 3600)
        return cls(cache, config["contacts.rdap_base"], config["contacts.nameserver"])

    def _rdap(self, kind: str, key: str, server: str) -> dict:
        base = (self.rdap_base or server).rstrip("/")
        return rdap.fetch(f"{base}/{kind}/{key}")

    def _cached(self, key: str, compute):
        value = self.cache.get(key)
        if value is None:
            value = compute()
            self.cache.put(key, value)
        return value

    def network(self, ip: str) -> dict:
        """Network name, range and abuse e-mail of `ip` (RDAP)."""
        return self._cached(f"ip:{ip}", lambda: rdap.ip_contacts(
            self._rdap("ip", ip, "" if self.rdap_base else rdap.server_for_ip(ip))))

    def registration(self, domain: str) -> dict:
        """Registrar, its abuse e-mail and the DNS records of `domain` (RDAP and DNS)."""
        def compute() -> dict:
            server = "" if self.rdap_base else rdap.server_for_domain(domain)
            found = rdap.domain_contacts(self._rdap("domain", domain, server))
            found["dns"] = dns_records.records(domain, self.resolver)
            return found

        return self._cached(f"domain:{domain}", compute)

    def domain(self, domain: str) -> dict:
        """Registrar, abuse e-mail, DNS records and the networks of its A records."""
        found = self.registration(domain)
        return {**found, "networks": {ip: self.network(ip) for ip in found["dns"]["A"]}}
