"""The rows of a letter's table: what a recipient needs to know about each site."""

from __future__ import annotations

from fraudwatch.store import Letter, Site, Store
from fraudwatch.store.vocabulary import Action

MAX_URLS = 3  # the annex lists these; the evidence pack holds every page
FLAGGED = ("illegal", "suspicious")


def site_row(store: Store, site: Site, evidence: dict[str, str]) -> dict:
    """One site as listed in a blocking request or abuse notice; `evidence` names its
    evidence pack and the SHA-256 of the pack's manifest (takedown.evidence.PackShelf)."""
    pages = [p for p in store.pages_for(site.domain) if p.verdict in FLAGGED]
    urls = sorted({p.url for p in pages}) or [f"http://{site.domain}/"]
    return {
        "domain": site.domain, "domain_unicode": site.domain_unicode or site.domain,
        "title": site.title, "urls": urls[:MAX_URLS], "more_urls": max(0, len(urls) - MAX_URLS),
        "ip": site.ip, "category": site.category, "signs": site.signs,
        "first_seen": site.first_seen or site.last_seen, "evidence": evidence,
        "cloaking": site.cloaking,
    }


def delisting_row(store: Store, site: Site, blocking: list[Letter]) -> dict:
    """One delisted site: the letters that asked to block it, and the delisting decision."""
    delist = [r for r in store.reviews_for(site.id) if r.action == Action.DELIST][-1]
    return {
        "domain": site.domain, "earlier_letters": [letter.number for letter in blocking],
        "delisted_at": delist.at, "reason": delist.comment,
    }
