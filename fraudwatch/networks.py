"""Operator networks: sites joined by shared fingerprints, and mirror alerts for blocked ones.

Each kind of fingerprint has a weight saying how telling a shared value is: a crypto wallet or
a Telegram handle belongs to one operator, a hosting IP or a name server is shared by
thousands of unrelated sites. Two sites are linked when the weights of the kinds they share
add up to THRESHOLD; a value found on more than MAX_SHARED sites is infrastructure (a CDN,
shared hosting, a popular widget) and links nobody. Networks are the connected components.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from fraudwatch import seedqueue
from fraudwatch.store import Review, Site, Store, stable_id
from fraudwatch.store.vocabulary import Action

WEIGHTS: dict[str, float] = {
    "btc": 1.0, "eth": 1.0, "tron": 1.0, "telegram": 1.0, "ym": 1.0, "link_target": 1.0,
    "ga": 0.9, "gtm": 0.9, "fbpixel": 0.9, "phone": 0.8, "email": 0.8,
    "template": 0.5, "favicon": 0.4, "ns": 0.2, "ip": 0.2,
}
THRESHOLD = 1.0
MAX_SHARED = 50
TEMPLATE_BANDS = 4  # SimHash LSH: 4 bands of 16 bits; near-duplicates share at least one
TEMPLATE_MAX_DISTANCE = 3
MIRROR_WATCH_USER = "mirror-watch"


@dataclass
class Link:
    a: str
    b: str
    shared: dict[str, str] = field(default_factory=dict)  # kind -> one shared value

    @property
    def weight(self) -> float:
        return sum(WEIGHTS.get(kind, 0.0) for kind in self.shared)

    def evidence(self) -> str:
        return ", ".join(f"{kind}:{value}" for kind, value in sorted(self.shared.items()))


@dataclass
class Network:
    id: str
    members: list[str]
    links: list[Link]


def _shared_values(sites: dict[str, dict[str, list[str]]], max_shared: int):
    """Yield (a, b, kind, value) for exact values that two sites share."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for domain, prints in sites.items():
        for kind, values in prints.items():
            if kind in WEIGHTS and kind not in {"template", "link_target"}:
                for value in values:
                    index[(kind, value)].append(domain)
    for (kind, value), domains in index.items():
        if 2 <= len(domains) <= max_shared:
            for a, b in combinations(sorted(domains), 2):
                yield a, b, kind, value


def _similar_templates(sites: dict[str, dict[str, list[str]]], max_shared: int):
    """Yield (a, b, 'template', hash) for sites whose page SimHashes are near-duplicates."""
    bands: dict[tuple[int, int], list[tuple[str, int]]] = defaultdict(list)
    width = 64 // TEMPLATE_BANDS
    for domain, prints in sites.items():
        for value in prints.get("template", []):
            h = int(value, 16)
            if h:
                for band in range(TEMPLATE_BANDS):
                    bands[(band, h >> band * width & (1 << width) - 1)].append((domain, h))
    seen = set()
    for members in bands.values():
        if len(members) > max_shared:
            continue
        for (a, ha), (b, hb) in combinations(sorted(set(members)), 2):
            pair = (a, b) if a < b else (b, a)
            if a != b and pair not in seen and (ha ^ hb).bit_count() <= TEMPLATE_MAX_DISTANCE:
                seen.add(pair)
                yield *pair, "template", f"{ha:016x}"


def _link_targets(sites: dict[str, dict[str, list[str]]]):
    """Yield (a, b, 'link_target', host) where a's canonical or redirect points into site b."""
    for domain, prints in sites.items():
        for host in prints.get("link_target", []):
            target = next((d for d in (host, *_parents(host)) if d in sites), None)
            if target and target != domain:
                yield *sorted((domain, target)), "link_target", host


def _parents(host: str) -> list[str]:
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(1, len(parts) - 1)]


def find_links(sites: dict[str, dict[str, list[str]]], threshold: float = THRESHOLD,
               max_shared: int = MAX_SHARED) -> list[Link]:
    """Every pair of sites whose shared fingerprints weigh at least `threshold`."""
    links: dict[tuple[str, str], Link] = {}
    for a, b, kind, value in (*_shared_values(sites, max_shared),
                              *_similar_templates(sites, max_shared), *_link_targets(sites)):
        links.setdefault((a, b), Link(a, b)).shared.setdefault(kind, value)
    return sorted((x for x in links.values() if x.weight >= threshold), key=lambda x: (x.a, x.b))


def cluster(sites: dict[str, dict[str, list[str]]], threshold: float = THRESHOLD,
            max_shared: int = MAX_SHARED) -> list[Network]:
    """Networks of two or more sites: connected components of the strong links."""
    parent = {d: d for d in sites}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    links = find_links(sites, threshold, max_shared)
    for link in links:
        ra, rb = root(link.a), root(link.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    for d in sites:
        members[root(d)].append(d)
    by_root: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        by_root[root(link.a)].append(link)
    return sorted(
        (Network(id=network_id(m), members=sorted(m), links=by_root[r])
         for r, m in members.items() if len(m) > 1),
        key=lambda n: n.members,
    )


def network_id(members: Iterable[str]) -> str:
    """A network's id: named after its alphabetically first member, so it is stable."""
    return "net-" + stable_id("network", min(members))[:12]


def network_members(store: Store, network_id: str) -> list[Site]:
    """The sites that the last build put in network `network_id`, by domain."""
    return sorted(store.iter_sites(network_id=network_id), key=lambda s: s.domain)


def member_links(sites: Iterable[Site], threshold: float = THRESHOLD) -> list[Link]:
    """The links that join these sites, found from their own fingerprints."""
    return find_links({s.domain: s.fingerprints for s in sites}, threshold)


def recorded_networks(store: Store) -> dict[str, list[Site]]:
    """{network id: its member sites} as recorded by the last build, largest first."""
    members: dict[str, list[Site]] = defaultdict(list)
    for site in store.iter_sites():
        if site.network_id:
            members[site.network_id].append(site)
    return dict(sorted(members.items(), key=lambda x: (-len(x[1]), x[0])))


def build_networks(store: Store, threshold: float = THRESHOLD) -> list[Network]:
    """Cluster every site of the store and write each site's network_id."""
    sites = {s.domain: s for s in store.iter_sites()}
    networks = cluster({d: s.fingerprints for d, s in sites.items()}, threshold)
    assigned = {d: n.id for n in networks for d in n.members}
    changed = [s for d, s in sites.items() if s.network_id != assigned.get(d, "")]
    for site in changed:
        site.network_id = assigned.get(site.domain, "")
    store.put_sites(changed)
    store.refresh()
    return networks


def watch_mirrors(store: Store, var_dir: Path, threshold: float = THRESHOLD) -> list[Review]:
    """Flag unreviewed sites linked to a confirmed or blocked one as its mirror.

    Each alert goes to the audit log with the linking fingerprints, sets `mirror_of`, and
    queues the mirror in <var_dir>/seeds/priority.txt for the next crawl.
    """
    sites = {s.domain: s for s in store.iter_sites()}
    bad = {d for d, s in sites.items() if s.review_state == "confirmed" or s.status == "blocked"}
    alerts, flagged = [], []
    for link in find_links({d: s.fingerprints for d, s in sites.items()}, threshold):
        for known, other in ((link.a, link.b), (link.b, link.a)):
            mirror = sites[other]
            if known in bad and other not in bad and mirror.review_state == "new" \
                    and not mirror.mirror_of:
                alerts.append(_flag_mirror(store, mirror, known, link))
                flagged.append(other)
    if flagged:
        seedqueue.add(var_dir, seedqueue.PRIORITY, sorted(flagged))
        store.refresh()
    return alerts


def _flag_mirror(store: Store, mirror: Site, known: str, link: Link) -> Review:
    mirror.mirror_of = known
    store.put_sites([mirror])
    alert = Review(site_id=mirror.id, user=MIRROR_WATCH_USER, action=Action.MIRROR_ALERT,
                   comment=f"mirror of {known}: shares {link.evidence()}")
    store.add_review(alert)
    return alert
