"""Everything the site page and the site API show about one domain, from public Store calls."""

from __future__ import annotations

from dataclasses import dataclass, field

from fraudwatch.store import Capture, Letter, Page, Review, Site, Store

RELATED_LIMIT = 50


@dataclass
class CaptureChange:
    """One capture of the site and what differs from the capture before it."""

    capture: Capture
    changed: list[str] = field(default_factory=list)


@dataclass
class SiteDetail:
    site: Site
    pages: list[Page]
    history: list[CaptureChange]
    related: list[Site]
    letters: list[Letter]
    reviews: list[Review]

    @property
    def latest(self) -> Capture | None:
        return self.history[-1].capture if self.history else None


def capture_changes(captures: list[Capture]) -> list[CaptureChange]:
    """Pair each capture with the fields that changed since the previous one."""
    watched = ("status", "html_sha256", "final_url", "ip", "title")
    out, before = [], None
    for capture in captures:
        changed = [] if before is None else [
            name for name in watched if getattr(capture, name) != getattr(before, name)]
        out.append(CaptureChange(capture, changed))
        before = capture
    return out


def related_sites(store: Store, site: Site) -> list[Site]:
    """Other sites of the same operator network (sharing the network id)."""
    if not site.network_id:
        return []
    related = []
    for other in store.iter_sites(network_id=site.network_id):
        if other.id != site.id:
            related.append(other)
        if len(related) >= RELATED_LIMIT:
            break
    return related


def site_detail(store: Store, domain: str) -> SiteDetail | None:
    """Gather the site, its pages, captures, network, letters and reviews; None if unknown."""
    site = store.get_site_by_domain(domain)
    if site is None:
        return None
    letters = [x for x in store.iter_letters() if site.id in x.site_ids or x.id in site.letters]
    return SiteDetail(
        site=site, pages=store.pages_for(site.domain),
        history=capture_changes(store.captures_for(site.domain)),
        related=related_sites(store, site), letters=letters,
        reviews=store.reviews_for(site.id),
    )
