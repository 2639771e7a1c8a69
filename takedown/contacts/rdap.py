"""RDAP look-ups: a domain's registrar and abuse e-mail, an IP's network and abuse e-mail.

The server for a TLD or address comes from a bootstrap file (IANA layout; a small one of our
own ships with the project), or every query goes to `base` when one is configured.
"""

from __future__ import annotations

import ipaddress
import json
import urllib.error
import urllib.request
from functools import cache
from pathlib import Path

BOOTSTRAP = Path(__file__).with_name("rdap_bootstrap.json")


class RdapError(RuntimeError):
    """No RDAP answer for a name or address; the message says why."""


@cache
def _bootstrap(path: Path = BOOTSTRAP) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def server_for_domain(domain: str, path: Path = BOOTSTRAP) -> str:
    """The RDAP base URL for `domain`'s TLD."""
    tld = domain.rstrip(".").rsplit(".", 1)[-1].lower()
    for tlds, urls in _bootstrap(path)["dns"]["services"]:
        if tld in tlds:
            return urls[0]
    raise RdapError(f"no RDAP server known for .{tld}; add it to {path.name} or set "
                    "contacts.rdap_base")


def server_for_ip(ip: str, path: Path = BOOTSTRAP) -> str:
    """The RDAP base URL for the network holding `ip`."""
    address = ipaddress.ip_address(ip)
    for ranges, urls in _bootstrap(path)["ipv4"]["services"]:
        if any(address in ipaddress.ip_network(r) for r in ranges):
            return urls[0]
    raise RdapError(f"no RDAP server known for {ip}; add its range to {path.name} or set "
                    "contacts.rdap_base")


def fetch(url: str, timeout: float = 10.0) -> dict:
    """GET an RDAP JSON document."""
    request = urllib.request.Request(url, headers={"Accept": "application/rdap+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            doc = json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise RdapError(f"RDAP query {url} failed: {exc}") from exc
    if not isinstance(doc, dict):
        raise RdapError(f"RDAP query {url} failed: the answer is not a JSON object")
    return doc


def _vcard(entity: dict, field: str) -> str:
    """A field (fn, email) of an entity's jCard, or ''; malformed jCards count as empty
    (an RDAP answer is written by a third party)."""
    card = entity.get("vcardArray")
    items = card[1] if isinstance(card, list) and len(card) > 1 and isinstance(card[1], list) \
        else []
    for item in items:
        if isinstance(item, list) and len(item) > 3 and item[0] == field:
            return str(item[3]).strip()
    return ""


def _entities(doc: dict):
    """Every entity of an RDAP object, nested ones included."""
    entities = doc.get("entities")
    for entity in entities if isinstance(entities, list) else []:
        if isinstance(entity, dict):
            yield entity
            yield from _entities(entity)


def _with_role(doc: dict, role: str) -> dict:
    return next((e for e in _entities(doc) if role in (e.get("roles") or [])), {})


def domain_contacts(doc: dict) -> dict:
    """Registrar name and abuse e-mail from an RDAP domain object."""
    registrar = _with_role(doc, "registrar")
    return {"registrar": _vcard(registrar, "fn"),
            "abuse_email": _vcard(_with_role(doc, "abuse"), "email")}


def ip_contacts(doc: dict) -> dict:
    """Network name, range, abuse e-mail and (where the registry gives it, as ARIN does) the
    origin AS number from an RDAP ip network object."""
    origin = doc.get("arin_originas0_originautnums")
    return {"network": doc.get("name", ""), "handle": doc.get("handle", ""),
            "range": f"{doc.get('startAddress', '')} - {doc.get('endAddress', '')}",
            "country": doc.get("country", ""),
            "abuse_email": _vcard(_with_role(doc, "abuse"), "email"),
            "asn": str(origin[0]) if isinstance(origin, list) and origin else ""}
