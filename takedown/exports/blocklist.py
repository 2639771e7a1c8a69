"""The confirmed block list (and removals after delisting) as plain entries every format reads."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

from fraudwatch.store import Letter, Site, Store
from fraudwatch.store.vocabulary import Action

FLAGGED = ("illegal", "suspicious")
LIVE_CHECKS = (Action.VERIFIED_LIVE, Action.VERIFIED_MOVED)  # takedown.verify's re-checks


@dataclass
class Entry:
    """One site on the block list: what to block, why, and on whose decision."""

    site_id: str
    domain: str
    domain_unicode: str
    category: str
    signs: list[str]
    urls: list[str]
    ips: list[str]  # addresses that host this site alone: safe to block whole
    first_seen: str
    confirmed_at: str
    block_type: str
    network_id: str = ""
    request_number: str = ""  # our blocking request (letter) that listed the site
    request_date: str = ""
    decision_number: str = ""  # the ministry's decision on that request, once recorded
    decision_date: str = ""
    decision_org: str = ""
    removed_at: str = ""
    removal_reason: str = ""
    removal_number: str = ""
    captures: list[dict] = field(default_factory=list)
    seen_live: list[str] = field(default_factory=list)  # re-checks that found the site up
    shared_ips: list[str] = field(default_factory=list)  # shared hosting: never block whole

    @property
    def removed(self) -> bool:
        return bool(self.removed_at)

    def to_dict(self) -> dict:
        return asdict(self)


def block_type(domain: str, urls: list[str], clean_urls: list[str]) -> str:
    """`default` (URLs only) when the domain also serves clean pages, `domain-mask` when
    flagged pages sit on several subdomains, `ip` for a bare address, else `domain`."""
    if domain.replace(".", "").isdigit():
        return "ip"
    if clean_urls:
        return "default"
    hosts = {urlsplit(url).hostname for url in urls}
    return "domain-mask" if len(hosts - {domain, f"www.{domain}"}) > 1 else "domain"


def _letters_by_site(store: Store) -> dict[tuple[str, str], Letter]:
    """The latest letter of each type per site: {(site id, letter type): letter}."""
    latest = {}
    for letter in sorted(store.iter_letters(), key=lambda lt: (lt.date, lt.number)):
        for site_id in letter.site_ids:
            latest[(site_id, letter.letter_type)] = letter
    return latest


def hosted(store: Store) -> dict[str, set[str]]:
    """The domains each address is known to host, over every site in the store."""
    owners: dict[str, set[str]] = {}
    for site in store.iter_sites():
        if site.ip:
            owners.setdefault(site.ip, set()).add(site.domain)
    return owners


def _entry(store: Store, site: Site, letters: dict, owners: dict[str, set[str]]) -> Entry:
    pages = store.pages_for(site.domain)
    urls = sorted(p.url for p in pages if p.verdict in FLAGGED) or [f"http://{site.domain}/"]
    captures = store.captures_for(site.domain)
    reviews = store.reviews_for(site.id)
    confirmed = [r.at for r in reviews if r.action == Action.CONFIRM]
    ips = sorted({ip for ip in [site.ip, *(c.ip for c in captures)] if ip})
    shared = [ip for ip in ips if owners.get(ip, set()) - {site.domain}]
    entry = Entry(
        site_id=site.id, domain=site.domain, domain_unicode=site.domain_unicode or site.domain,
        category=site.category, signs=list(site.signs), urls=urls,
        ips=[ip for ip in ips if ip not in shared], shared_ips=shared,
        first_seen=site.first_seen, confirmed_at=confirmed[-1] if confirmed else "",
        block_type=block_type(site.domain, urls,
                              [p.url for p in pages if p.verdict not in FLAGGED]),
        network_id=site.network_id,
        captures=[{"id": c.id, "url": c.url, "fetched_at": c.fetched_at,
                   "screenshot": c.screenshot, "screenshot_sha256": c.screenshot_sha256}
                  for c in captures],
        seen_live=[r.at for r in reviews if r.action in LIVE_CHECKS],
    )
    request = letters.get((site.id, "blocking"))
    if request:
        entry.request_number, entry.request_date = request.number, request.date
        entry.decision_number, entry.decision_date, entry.decision_org = (
            request.decision_number, request.decision_date, request.decision_org)
    if site.review_state == "delisted":
        delist = [r for r in reviews if r.action == Action.DELIST][-1]
        entry.removed_at, entry.removal_reason = delist.at, delist.comment
        removal = letters.get((site.id, "delisting"))
        entry.removal_number = (removal.decision_number or removal.number) if removal else ""
    return entry


def block_list(store: Store, with_removals: bool = True) -> list[Entry]:
    """Confirmed sites, then (optionally) delisted sites that a blocking request listed."""
    letters = _letters_by_site(store)
    sites = list(store.iter_sites(review_state="confirmed"))
    if with_removals:
        sites += [s for s in store.iter_sites(review_state="delisted")
                  if (s.id, "blocking") in letters]
    owners = hosted(store)
    return [_entry(store, s, letters, owners) for s in sorted(sites, key=lambda s: s.domain)]
