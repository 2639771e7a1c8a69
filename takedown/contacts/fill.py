"""Fill sites' registrar, hosting provider and their abuse e-mails from RDAP and DNS look-ups.

The registrar and its abuse e-mail come from the domain's RDAP record; the hosting provider is
the RDAP network of the site's IP (the crawler's, else the first DNS A record), with that
network's abuse e-mail and, where the registry gives it, its origin AS. A name already on the
site (a reviewer may have typed it) is kept unless `refresh`; an e-mail is stored for a role
only when the site's name for that role is the one RDAP gives, so a letter is never addressed
to one organisation at another's address.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

import dns.exception

from fraudwatch.store import Site, Store
from takedown.contacts.rdap import RdapError
from takedown.letters import abuse_pending

ROLES = ("registrar", "hosting")
MAX_EMAIL = 254


class FillError(RuntimeError):
    """A site whose contacts cannot be looked up; the message says why."""


@dataclass
class Found:
    """What the look-ups say about one site."""

    registrar: str
    registrar_email: str
    ip: str
    network: str
    network_email: str
    handle: str = ""
    asn: str = ""


@dataclass
class Outcome:
    """One site's result: `filled`, `unchanged` or `failed`, with what changed or why."""

    domain: str
    status: str
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reason: str = ""


def abuse_email(value: str) -> str:
    """An abuse address as an RDAP server published it, without a `mailto:` prefix; '' if it
    is no address at all. The value stays third-party text: templates escape it."""
    value = value.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:"):]
    if "@" not in value or len(value) > MAX_EMAIL or any(c.isspace() for c in value) \
            or not value.isprintable():
        return ""
    return value


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def needs_contacts(site: Site) -> bool:
    """Whether a registrar, hosting provider or either abuse e-mail is missing."""
    return not (site.registrar and site.hosting
                and all(site.abuse_emails.get(role) for role in ROLES))


def sites_to_fill(store: Store, every: bool = False) -> list[Site]:
    """The sites to look up, by domain: every site, or (by default) those that abuse notices
    are still due for and that lack a registrar, a hosting provider or an abuse e-mail."""
    if every:
        return sorted(store.iter_sites(), key=lambda s: s.domain)
    return [s for s in abuse_pending(store) if needs_contacts(s)]


def look_up(finder, site: Site) -> Found:
    """RDAP (domain and IP network) and DNS answers for `site`; raise FillError if any fails."""
    ip = ""
    try:
        registration = finder.registration(site.domain)
        ip = site.ip or next(iter(registration["dns"].get("A", [])), "")
        if not ip:
            raise FillError("no IP address: the site has none and DNS gives no A record")
        ipaddress.ip_address(ip)
        network = finder.network(ip)
    except (RdapError, dns.exception.DNSException, OSError) as exc:
        raise FillError(str(exc)) from exc
    except ValueError as exc:
        raise FillError(f"bad IP address {ip!r}: {exc}") from exc
    return Found(registrar=registration.get("registrar", ""),
                 registrar_email=abuse_email(registration.get("abuse_email", "")),
                 ip=ip, network=network.get("network", ""),
                 network_email=abuse_email(network.get("abuse_email", "")),
                 handle=network.get("handle", ""), asn=network.get("asn", ""))


def apply(site: Site, found: Found, refresh: bool = False) -> tuple[list[str], list[str]]:
    """Write what `found` says onto `site`; return (changes, notes), each as short phrases.

    Without `refresh` only empty values are filled. An e-mail goes with a name: it is stored
    for a role only when the site's name for that role is RDAP's (compared without case and
    extra spaces), and dropped when the name changes to another organisation's."""
    changes, notes = [], []
    emails = dict(site.abuse_emails)
    for role, name, email in (("registrar", found.registrar, found.registrar_email),
                              ("hosting", found.network, found.network_email)):
        current = getattr(site, role)
        dropped = ""
        if name and (refresh or not current) and name != current:
            setattr(site, role, name)
            changes.append(f"{role} {name!r}")
            if not _same(current, name):
                dropped = emails.pop(role, "")
        kept = getattr(site, role)
        if not _same(kept, name):
            notes.append(f"kept {role} {kept!r} (RDAP: {name!r}), its e-mail not filled; "
                         "--refresh takes RDAP's")
        elif email and email != emails.get(role) and (refresh or not emails.get(role)):
            emails[role] = email
            changes.append(f"{role} e-mail {email}")
        elif not email and not emails.get(role):
            notes.append(f"no {role} abuse e-mail in RDAP")
        if dropped and role not in emails:
            changes.append(f"{role} e-mail {dropped} dropped")
    site.abuse_emails = emails
    if not site.ip:
        site.ip = found.ip
        changes.append(f"ip {found.ip} (DNS)")
    if found.asn and found.asn != site.asn and (refresh or not site.asn):
        site.asn = found.asn
        changes.append(f"asn {found.asn}")
    return changes, notes


def _store(store: Store, site: Site, found: Found, refresh: bool) -> Outcome:
    """Write one site's look-up onto its current copy in the store."""
    current = store.get_site(site.id)
    if current is None:
        return Outcome(site.domain, "failed", reason="no longer in the store")
    changes, notes = apply(current, found, refresh)
    if found.handle:
        notes.append(f"network {found.handle}")
    if changes:
        store.put_sites([current])
    return Outcome(site.domain, "filled" if changes else "unchanged", changes, notes)


def fill_contacts(store: Store, finder, sites: Iterable[Site], refresh: bool = False,
                  progress=None, workers: int = 8) -> list[Outcome]:
    """Look up the contacts of `sites`, `workers` at a time, and store each as it comes in
    (from this thread only); a failed look-up is reported in its Outcome and the others go
    on. Each site is read again just before it is written, so what reviewers and other tools
    changed meanwhile is kept. `progress(outcome)` hears of each site as it is done; the
    outcomes come back in the order of `sites`."""
    outcomes: dict[int, Outcome] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers),
                            thread_name_prefix="contacts") as pool:
        pending = {pool.submit(look_up, finder, site): (n, site)
                   for n, site in enumerate(sites)}
        for future in as_completed(pending):
            n, site = pending[future]
            try:
                outcomes[n] = _store(store, site, future.result(), refresh)
            except FillError as exc:
                outcomes[n] = Outcome(site.domain, "failed", reason=str(exc))
            if progress is not None:
                progress(outcomes[n])
    store.refresh()
    return [outcomes[n] for n in sorted(outcomes)]


def type_contacts(site: Site, typed: dict[str, str]) -> list[str]:
    """Write contacts a person typed onto `site`: `typed` maps registrar, registrar_abuse,
    hosting and hosting_abuse to values (others left as they are). Returns the changes; a
    value that is no e-mail address raises FillError. A typed name replaces RDAP's, and
    `--fill` keeps it unless asked to refresh."""
    changes = []
    emails = dict(site.abuse_emails)
    for role in ROLES:
        name = (typed.get(role) or "").strip()
        if name and name != getattr(site, role):
            if not _same(getattr(site, role), name):
                emails.pop(role, None)  # the old organisation's address goes with its name
            setattr(site, role, name)
            changes.append(f"{role} {name!r}")
        raw = typed.get(f"{role}_abuse")
        if raw:
            email = abuse_email(raw)
            if not email:
                raise FillError(f"{raw!r} is not an e-mail address")
            if not getattr(site, role):
                raise FillError(f"give the {role}'s name with its e-mail (--{role} NAME)")
            if emails.get(role) != email:
                emails[role] = email
                changes.append(f"{role} e-mail {email}")
    site.abuse_emails = emails
    return changes
