"""DNS records of a domain (A, AAAA, NS, MX) with dnspython, from a chosen or system resolver."""

from __future__ import annotations

import dns.exception
import dns.resolver

RECORD_TYPES = ("A", "AAAA", "NS", "MX")


class DnsUnanswered(dns.exception.DNSException):
    """The DNS server did not answer in time: nothing is known of the domain's records."""


def resolver(nameserver: str = "", timeout: float = 3.0) -> dns.resolver.Resolver:
    """The system resolver, or one asking only `nameserver` ("HOST" or "HOST:PORT")."""
    if not nameserver:
        res = dns.resolver.Resolver()
    else:
        host, _, port = nameserver.partition(":")
        res = dns.resolver.Resolver(configure=False)
        res.nameservers = [host]
        res.port = int(port or 53)
    res.lifetime = timeout
    return res


def records(domain: str, res: dns.resolver.Resolver) -> dict[str, list[str]]:
    """{type: [values]} for A, AAAA, NS and MX; a type with no answer maps to []. A server
    that does not answer in time raises DnsUnanswered at once (asking it the other types
    would only wait again): "no answer" is not "no records"."""
    found = {}
    for rtype in RECORD_TYPES:
        try:
            answer = res.resolve(domain, rtype)
        except (dns.resolver.NoAnswer, dns.resolver.NXDOMAIN, dns.resolver.NoNameservers):
            found[rtype] = []
            continue
        except dns.exception.Timeout as exc:
            server = ", ".join(map(str, res.nameservers)) or "the system resolver"
            raise DnsUnanswered(f"DNS server {server} did not answer for {domain} within "
                                f"{res.lifetime:.0f} s; check contacts.nameserver") from exc
        found[rtype] = sorted(r.to_text().rstrip(".") for r in answer)
    return found
