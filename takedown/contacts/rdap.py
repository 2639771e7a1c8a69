"""RDAP look-ups: a domain's registrar and abuse e-mail, an IP's network and abuse e-mail.

Which server to ask comes from IANA's bootstrap registries (takedown.contacts.bootstrap), or
every query goes to `contacts.rdap_base` when one is configured.

Kept rather than replaced by an RDAP client library: whoisit (the maintained one, 4.x) was
weighed. It would replace only this module's 74 lines (one GET, the jCard fields), while the
rest stays ours anyway: one configured RDAP base for every query (a national mirror, and the
loopback server the tests use), the IANA bootstrap cached on disk beside the contacts cache
(whoisit keeps it in process-global state loaded over the network), the WHOIS fallback for
TLDs without RDAP such as .kz, and the expiry cache. It would also bring requests and
python-dateutil for that.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request


class RdapError(RuntimeError):
    """No RDAP answer for a name or address; the message says why."""


def fetch(url: str, timeout: float = 10.0) -> dict:
    """GET an RDAP JSON document."""
    request = urllib.request.Request(url, headers={"Accept": "application/rdap+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            doc = json.load(response)
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the connection
        raise RdapError(f"RDAP query {url} failed: {exc}") from exc
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
