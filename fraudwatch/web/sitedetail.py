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

    @property
    def renders(self) -> dict[str, Capture]:
        return latest_renders([change.capture for change in self.history])


def capture_changes(captures: list[Capture]) -> list[CaptureChange]:
    """Pair each capture with the fields that changed since the previous capture of the same
    URL seen the same way (plain fetch, desktop or mobile browser): never across pages."""
    watched = ("status", "html_sha256", "final_url", "ip", "title")
    out, before = [], {}
    for capture in captures:
        key = (capture.url, capture.render)
        last = before.get(key)
        changed = [] if last is None else [
            name for name in watched if getattr(capture, name) != getattr(last, name)]
        out.append(CaptureChange(capture, changed))
        before[key] = capture
    return out


def latest_renders(captures: list[Capture]) -> dict[str, Capture]:
    """The latest capture with a screenshot per browser view (desktop, mobile), landing page
    first: what the site showed each kind of visitor."""
    shown: dict[str, Capture] = {}
    for capture in sorted(captures, key=lambda c: (c.fetched_at, -len(c.url)), reverse=True):
        if capture.screenshot and capture.render not in shown:
            shown[capture.render] = capture
    return dict(sorted(shown.items()))


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
