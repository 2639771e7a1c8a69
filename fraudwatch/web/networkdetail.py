"""What the network pages and the network API show: members, their links, and summaries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from fraudwatch.networks import Link, member_links, network_members, recorded_networks
from fraudwatch.store import Site, Store
from fraudwatch.web.networkgraph import Graph, circle_layout


@dataclass
class NetworkSummary:
    """One line of the network list: size, review states, verdicts and the first domains."""

    id: str
    size: int
    review_states: dict[str, int]
    verdicts: dict[str, int]
    domains: list[str]


@dataclass
class NetworkDetail:
    id: str
    members: list[Site]
    links: list[Link]

    @property
    def graph(self) -> Graph:
        return circle_layout(self.members, self.links)


def summarise(network_id: str, sites: list[Site], shown: int = 5) -> NetworkSummary:
    """Count a network's members by review state and verdict."""
    return NetworkSummary(network_id, len(sites),
                          dict(Counter(s.review_state for s in sites).most_common()),
                          dict(Counter(s.verdict for s in sites).most_common()),
                          [s.domain for s in sites[:shown]])


def network_summaries(store: Store) -> list[NetworkSummary]:
    """Every recorded network, largest first."""
    return [summarise(nid, sites) for nid, sites in recorded_networks(store).items()]


def network_detail(store: Store, network_id: str) -> NetworkDetail | None:
    """The members of a network and the links between them; None if it has no members."""
    members = network_members(store, network_id)
    if not members:
        return None
    return NetworkDetail(network_id, members, member_links(members))


def link_doc(link: Link) -> dict:
    """A link as JSON: the two sites, the shared kinds and values, and the weight."""
    return {"a": link.a, "b": link.b, "shared": dict(sorted(link.shared.items())),
            "weight": round(link.weight, 2)}
