"""A blocking request for a whole operator network, with the shared fingerprints as evidence.

What it lists (a decision, kept here and in `fraudwatch letters build --help`):

- the members a supervisor confirmed are the sites whose blocking is requested, in the annex
  table every blocking request has;
- members still under review (`new`, `needs_info`) are listed in a separate section, "related
  sites of the same operator, pending review", each with the fingerprints that link it to the
  network: the ministry sees the whole operator but is asked to act only on reviewed decisions;
- members a supervisor rejected or delisted are left out;
- the fingerprints the members share (wallets, messenger accounts, analytics ids, phones...)
  are stated, value by value and link by link, as the evidence that the sites are one operator.

The letter is registered as a `blocking` letter whose sites are the confirmed members only, so
marking it `blocked` blocks only them and `letters build` does not ask for them again; a pending
member gets its own request once it is confirmed. A network with no confirmed member gets no
letter. A member an earlier blocking request listed is not requested again (nor its earlier
decision touched) unless `again` is asked; with nothing new to request, no letter is made.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fraudwatch.config import Config
from fraudwatch.networks import Link, member_links, network_members
from fraudwatch.store import Letter, Site, Store
from takedown.evidence import PackShelf
from takedown.letter_rows import site_row
from takedown.letterhead import letterhead
from takedown.letters import (
    Draft,
    LetterError,
    Register,
    letter_context,
    print_letter,
    register_letter,
)
from takedown.signing import signer
from takedown.timestamp import tsa_of

PENDING_STATES = ("new", "needs_info")


@dataclass
class NetworkCase:
    """A network split by review state, with the links between its members."""

    network_id: str
    confirmed: list[Site]
    pending: list[Site]
    links: list[Link]


def network_case(store: Store, network_id: str) -> NetworkCase:
    """The network's confirmed and pending members and links; LetterError if none confirmed."""
    members = network_members(store, network_id)
    if not members:
        raise LetterError(f"no network {network_id!r}; see `fraudwatch networks list`")
    confirmed = [s for s in members if s.review_state == "confirmed"]
    if not confirmed:
        raise LetterError(f"network {network_id!r} has no confirmed member; confirm one first")
    pending = [s for s in members if s.review_state in PENDING_STATES]
    return NetworkCase(network_id, confirmed, pending, member_links(members))


def link_row(link: Link) -> dict:
    """One link as printed: the two sites, each shared kind with its value, and the weight."""
    return {"a": link.a, "b": link.b, "shared": sorted(link.shared.items()),
            "weight": f"{link.weight:.1f}"}


def shared_rows(links: list[Link]) -> list[dict]:
    """Each shared fingerprint value once, with the member domains that carry it."""
    carriers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for link in links:
        for kind, value in link.shared.items():
            carriers[(kind, value)].update((link.a, link.b))
    return [{"kind": kind, "value": value, "domains": sorted(domains)}
            for (kind, value), domains in sorted(carriers.items())]


def pending_row(site: Site, links: list[Link]) -> dict:
    """A member under review: what it is, and the fingerprints that tie it to the others."""
    ties = [{"to": link.b if link.a == site.domain else link.a,
             "shared": sorted(link.shared.items())}
            for link in links if site.domain in (link.a, link.b)]
    return {"domain": site.domain, "title": site.title, "category": site.category,
            "verdict": site.verdict, "review_state": site.review_state,
            "mirror_of": site.mirror_of, "ties": ties}


def network_context(store: Store, config: Config, case: NetworkCase, draft: Draft, number: str,
                    day: date, packs: PackShelf) -> dict:
    """Everything the network letter template reads: the usual letter fields and the evidence."""
    context = letter_context(config, draft, number, day,
                             [site_row(store, s, packs.ref(s.domain)) for s in draft.sites])
    context.update(network_id=case.network_id, links=[link_row(x) for x in case.links],
                   shared=shared_rows(case.links),
                   pending=[pending_row(s, case.links) for s in case.pending])
    return context


def to_request(register: Register, case: NetworkCase, again: bool) -> list[Site]:
    """The confirmed members to request now: those no earlier blocking request listed (all of
    them when `again`); LetterError when every one was requested before."""
    if again:
        return case.confirmed
    requested = register.covered("blocking")
    new = [site for site in case.confirmed if site.id not in requested]
    if not new:
        raise LetterError(f"every confirmed member of network {case.network_id!r} is in an "
                          "earlier blocking request; use --again to request them again")
    return new


def build_network_letter(store: Store, config: Config, network_id: str, out_dir: Path,
                         day: date | None = None, lang: str | None = None, pdf=None,
                         again: bool = False) -> Letter:
    """Render and register one blocking request for the confirmed members of a network."""
    day = day or date.today()
    letterhead(config, lang or config.letters.ministry_lang)  # a bad emblem stops first
    case = network_case(store, network_id)
    register = Register(store)
    draft = Draft("blocking", config.letters.ministry, lang or config.letters.ministry_lang,
                  to_request(register, case, again))
    number = next(register.numbers(config, day))
    context = network_context(store, config, case, draft, number, day,
                              PackShelf(store, config.var_dir, out_dir / "evidence",
                                        signer(config), tsa_of(config)))
    letter = register_letter(store, draft, number, day,
                             print_letter("network_blocking", draft.lang, context, pdf), out_dir)
    store.refresh()
    return letter
