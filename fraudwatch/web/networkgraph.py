"""A network as plain geometry: members on a circle, links as edges, drawn as inline SVG.

Nodes are filled by verdict and ringed by review state; each edge is labelled with the kinds of
fingerprint its two sites share. The layout is deterministic: members in domain order, the
first at the top, going clockwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from fraudwatch.domains import shown_domain
from fraudwatch.i18n import _
from fraudwatch.networks import Link
from fraudwatch.store import Site
from fraudwatch.web.charts import PALETTE
from fraudwatch.words import word

STATE_RING = {"new": "#9aa5b1", "needs_info": "#2e86c1", "confirmed": "#1b1b1b",
              "rejected": "#229954", "delisted": "#229954"}
BLOCKED_RING = "#000000"
WIDTH, HEIGHT, RADIUS, NODE_RADIUS = 860, 520, 190, 14
MAX_NODES = 60


@dataclass
class Node:
    domain: str
    x: float
    y: float
    fill: str
    ring: str
    label_x: float
    label_y: float
    anchor: str
    tooltip: str


@dataclass
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str
    width: float
    mirror: bool


@dataclass
class Graph:
    nodes: list[Node]
    edges: list[Edge]
    left_out: int
    width: int = WIDTH
    height: int = HEIGHT
    node_radius: int = NODE_RADIUS


def ring_of(site: Site) -> str:
    """The ring colour of a node: black when blocked, else by review state."""
    return BLOCKED_RING if site.status == "blocked" else STATE_RING.get(site.review_state, "#888")


def _node(site: Site, angle: float, radius: float) -> Node:
    cx, cy = WIDTH / 2, HEIGHT / 2
    dx, dy = math.cos(angle), math.sin(angle)
    x, y = cx + radius * dx, cy + radius * dy
    out = NODE_RADIUS + 8
    anchor = "start" if dx > 0.2 else "end" if dx < -0.2 else "middle"
    tooltip = (f"{shown_domain(site.domain)}: {word(site.verdict, 'verdict')}, "
               f"{word(site.review_state, 'review_state')}, {word(site.status, 'status')}")
    if site.mirror_of:
        tooltip += ", " + _("mirror of %(site)s") % {"site": shown_domain(site.mirror_of)}
    return Node(site.domain, round(x, 1), round(y, 1), PALETTE.get(site.verdict, "#888888"),
                ring_of(site), round(x + out * dx, 1), round(y + out * dy + 4, 1), anchor,
                tooltip)


def circle_layout(sites: list[Site], links: list[Link]) -> Graph:
    """Place up to MAX_NODES members evenly on a circle and join the linked ones."""
    shown = sorted(sites, key=lambda s: s.domain)[:MAX_NODES]
    step = 2 * math.pi / max(len(shown), 1)
    nodes = {s.domain: _node(s, -math.pi / 2 + i * step, RADIUS) for i, s in enumerate(shown)}
    mirrors = {(s.domain, s.mirror_of) for s in shown if s.mirror_of}
    edges = []
    for link in links:
        a, b = nodes.get(link.a), nodes.get(link.b)
        if a and b:
            edges.append(Edge(a.x, a.y, b.x, b.y,
                              ", ".join(word(kind, "fingerprint") for kind in sorted(link.shared)),
                              round(1 + 1.5 * min(link.weight, 3.0), 1),
                              (link.a, link.b) in mirrors or (link.b, link.a) in mirrors))
    return Graph(list(nodes.values()), edges, len(sites) - len(shown))
