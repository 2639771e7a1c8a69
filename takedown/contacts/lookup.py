"""Who to write to about a site: registrar and network abuse contacts plus DNS, cached.

The registrar comes from RDAP where IANA's bootstrap lists a service for the TLD, else from
the WHOIS server `contacts.whois_servers` names for it (.kz, .қаз); the network from RDAP.
"""

from __future__ import annotations

import threading
from pathlib import Path

from fraudwatch.config import Config
from takedown.contacts import bootstrap, rdap, whois
from takedown.contacts import dns as dns_records
from takedown.contacts.cache import ExpiringCache


class ContactFinder:
    """RDAP, WHOIS and DNS look-ups for a domain, each answer reused until its cache entry
    expires. Safe to use from several threads."""

    def __init__(self, cache: ExpiringCache, rdap_base: str = "", nameserver: str = "",
                 whois_servers: str = "", bootstrap_url: str = "",
                 bootstrap_dir: Path | None = None):
        self.cache = cache
        self.rdap_base = rdap_base
        self.resolver = dns_records.resolver(nameserver)
        try:
            self.whois_servers = whois.parse_servers(whois_servers)
        except ValueError as exc:
            raise rdap.RdapError(f"contacts.whois_servers: {exc}; fix: give TLD=HOST[:PORT] "
                                 "items, comma-separated, e.g. kz=whois.nic.kz") from None
        self.bootstrap_url = bootstrap_url
        self.bootstrap_dir = bootstrap_dir or cache.path.parent / "rdap"
        self._bootstrap: bootstrap.Bootstrap | None = None
        self._loading = threading.Lock()

    @classmethod
    def from_config(cls, config: Config) -> ContactFinder:
        cache = ExpiringCache(Path(config.var_dir) / "cache" / "contacts.sqlite",
                              ttl=config.contacts.cache_hours * 3600)
        return cls(cache, config.contacts.rdap_base, config.contacts.nameserver,
                   config.contacts.whois_servers, config.contacts.bootstrap_url,
                   Path(config.var_dir) / "cache" / "rdap")

    def _registries(self) -> bootstrap.Bootstrap:
        with self._loading:  # one thread fetches; the others wait for its copy
            if self._bootstrap is None:
                try:
                    self._bootstrap = bootstrap.load(self.bootstrap_dir, self.bootstrap_url)
                except bootstrap.BootstrapError as exc:
                    raise rdap.RdapError(str(exc)) from exc
        return self._bootstrap

    def _cached(self, key: str, compute):
        value = self.cache.get(key)
        if value is None:
            value = compute()
            self.cache.put(key, value)
        return value

    def network(self, ip: str) -> dict:
        """Network name, range and abuse e-mail of `ip` (RDAP)."""
        def compute() -> dict:
            base = self.rdap_base or self._registries().ip_server(ip)
            if not base:
                raise rdap.RdapError(f"IANA's RDAP bootstrap lists no registry for {ip}")
            return rdap.ip_contacts(rdap.fetch(f"{base.rstrip('/')}/ip/{ip}"))

        return self._cached(f"ip:{ip}", compute)

    def _registrar(self, domain: str) -> dict:
        """Registrar and its abuse e-mail, from RDAP or, for a TLD without it, WHOIS."""
        base = self.rdap_base or self._registries().domain_server(domain)
        if base:
            return rdap.domain_contacts(rdap.fetch(f"{base.rstrip('/')}/domain/{domain}"))
        tld = domain.rstrip(".").rsplit(".", 1)[-1].lower()
        if tld not in self.whois_servers:
            raise rdap.RdapError(
                f".{tld} has no RDAP service in IANA's bootstrap and contacts.whois_servers "
                f"names no WHOIS server for it; fix: add {tld}=HOST to contacts.whois_servers, "
                f"or type the contacts: fraudwatch letters contacts {domain} --registrar NAME "
                "--registrar-abuse EMAIL")
        host, port = self.whois_servers[tld]
        try:
            found = whois.domain_contacts(whois.query(host, port, domain))
        except whois.WhoisError as exc:
            raise rdap.RdapError(f".{tld} has no RDAP service; {exc}") from exc
        if not found["registrar"]:
            raise rdap.RdapError(f"the WHOIS answer of {host} for {domain} names no registrar "
                                 "(is the domain registered?)")
        return {**found, "source": f"whois {host}"}

    def registration(self, domain: str) -> dict:
        """Registrar, its abuse e-mail and the DNS records of `domain` (RDAP or WHOIS, DNS)."""
        def compute() -> dict:
            return {**self._registrar(domain),
                    "dns": dns_records.records(domain, self.resolver)}

        return self._cached(f"domain:{domain}", compute)

    def domain(self, domain: str) -> dict:
        """Registrar, abuse e-mail, DNS records and the networks of its A records."""
        found = self.registration(domain)
        return {**found, "networks": {ip: self.network(ip) for ip in found["dns"]["A"]}}
