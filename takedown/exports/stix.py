"""The block list as a STIX 2.1 bundle: indicators, operator networks, sightings, revocations.

Each confirmed site gives a domain-name indicator and one URL indicator per flagged URL;
sites of one operator network point (`indicates`) at an Infrastructure object; each capture,
and each re-check that found the site up, is a sighting of the domain indicator; delisted
sites' indicators are revoked. Every object is created by the sender's identity and carries
the configured TLP 2.0 marking (the well-known OASIS marking-definition ids, referenced, as
consumers already know them). The bundle passes the OASIS validator with --interop.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

import stix2

from classifiers.explain import sign_name
from fraudwatch.config.keys import TLP_MARKINGS
from fraudwatch.i18n import speaking
from fraudwatch.words import word
from takedown.exports.blocklist import Entry

NAMESPACE = uuid.UUID("5b0c6bd4-62a4-4d43-9f57-9a3f1f5d2f4e")  # fraudwatch's own


def stix_id(kind: str, key: str) -> str:
    """A stable STIX id in UUIDv4 form, as STIX asks of domain objects: its 122 free bits come
    from a hash of `key`, so the same site always gets the same indicator id."""
    digest = hashlib.sha256(f"{NAMESPACE}:{kind}:{key}".encode()).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


def literal(value: str) -> str:
    """A STIX pattern string literal."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _when(value: str, fallback: datetime) -> datetime:
    return datetime.fromisoformat(value) if value else fallback


def describe(entry: Entry, url: str = "") -> str:
    """In English words: what the site was confirmed as, and the signs behind it."""
    with speaking("en"):
        kind = word(entry.category, "category")
    what = (f"A page of {entry.domain}, a site" if url else "A site") + \
        f" confirmed by review as an illegal {kind} site"
    signs = "; ".join(sign_name(sign, "en") for sign in entry.signs)
    return f"{what}. Signs: {signs}." if signs else f"{what}."


def _indicators(entry: Entry, identity: stix2.Identity, marking: str, now: datetime) -> list:
    valid_from = _when(entry.confirmed_at or entry.first_seen, now)
    common = {"created_by_ref": identity.id, "created": valid_from, "valid_from": valid_from,
              "pattern_type": "stix", "indicator_types": ["malicious-activity"],
              "labels": [entry.category], "revoked": entry.removed,
              "object_marking_refs": [marking]}
    if entry.removed:
        common["modified"] = _when(entry.removed_at, now)
    domain = stix2.Indicator(id=stix_id("indicator", f"domain:{entry.domain}"),
                             name=entry.domain, description=describe(entry),
                             pattern=f"[domain-name:value = {literal(entry.domain)}]", **common)
    urls = [stix2.Indicator(id=stix_id("indicator", f"url:{url}"), name=url,
                            description=describe(entry, url),
                            pattern=f"[url:value = {literal(url)}]", **common)
            for url in entry.urls]
    return [domain, *urls]


def _sightings(entry: Entry, indicator, identity: stix2.Identity, marking: str,
               now: datetime) -> list:
    """One sighting per capture of the site and per re-check that found it still up."""
    times = [c["fetched_at"] for c in entry.captures] + entry.seen_live
    return [stix2.Sighting(id=stix_id("sighting", f"{entry.domain}@{at}"),
                           sighting_of_ref=indicator.id, created_by_ref=identity.id, count=1,
                           first_seen=_when(at, now), last_seen=_when(at, now),
                           where_sighted_refs=[identity.id], object_marking_refs=[marking])
            for at in times]


def to_stix(entries: list[Entry], sender: str, now: datetime | None = None,
            tlp: str = "green") -> stix2.Bundle:
    """A bundle for `entries`, created by the identity `sender`, marked TLP `tlp`."""
    now = now or datetime.now(UTC)
    marking = TLP_MARKINGS[tlp]
    identity_id = stix_id("identity", sender)
    identity = stix2.Identity(id=identity_id, name=sender, created_by_ref=identity_id,
                              identity_class="organization", created=now, modified=now,
                              object_marking_refs=[marking])
    objects: list = [identity]
    networks: dict[str, stix2.Infrastructure] = {}
    for entry in entries:
        indicators = _indicators(entry, identity, marking, now)
        objects += indicators + _sightings(entry, indicators[0], identity, marking, now)
        if entry.network_id and entry.network_id not in networks:
            networks[entry.network_id] = stix2.Infrastructure(
                id=stix_id("infrastructure", entry.network_id), created=now, modified=now,
                name=f"operator network {entry.network_id}", created_by_ref=identity.id,
                infrastructure_types=["unknown"], object_marking_refs=[marking])
            objects.append(networks[entry.network_id])
        if entry.network_id:
            objects.append(stix2.Relationship(
                id=stix_id("relationship", f"{entry.domain}>{entry.network_id}"), created=now,
                modified=now, relationship_type="indicates", source_ref=indicators[0].id,
                created_by_ref=identity.id, object_marking_refs=[marking],
                target_ref=networks[entry.network_id].id))
    return stix2.Bundle(objects=objects, id=stix_id("bundle", now.isoformat()))
