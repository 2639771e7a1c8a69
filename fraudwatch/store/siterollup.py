"""A site's row from its pages: what one crawl saw of a domain, aggregated with what is stored.

A site's verdict is its most severe page verdict (illegal > suspicious > licensed > clean);
its category is the one with the most score among the pages at that verdict (so one loan-like
deposit page does not turn a casino into a lender). Aggregation runs over every page the store
holds for the site plus this run's, so a resumed, repeated or replayed crawl aggregates the
same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from fraudwatch.domains import unicode_domain
from fraudwatch.store.models import Capture, Page, Site
from fraudwatch.urls import public_suffix

VERDICT_RANK = {"illegal": 3, "suspicious": 2, "licensed": 1, "clean": 0}
UNREACHABLE = ("dns", "refused", "connect", "timeout")


def aggregate(pages: list[Page]) -> tuple[str, str, float] | None:
    """(category, verdict, score) of a site from its pages; None without pages."""
    if not pages:
        return None
    verdict = max((p.verdict for p in pages), key=lambda v: VERDICT_RANK.get(v, 0))
    worst = [p for p in pages if p.verdict == verdict]
    weight: Counter[str] = Counter()
    for page in worst:
        weight[page.category] += page.score
    category = weight.most_common(1)[0][0]
    return category, verdict, max(p.score for p in worst if p.category == category)


@dataclass
class SiteRollup:
    """What this run saw of one domain: its pages, failures and landing-page evidence.

    `pages` holds this run's pages as fetched; a rollup read back from the spool
    (`from_doc`) has their ids only, and reads the pages from the store they were written to.
    """

    domain: str
    page_ids: set[str] = field(default_factory=set)
    pages: dict[str, Page] = field(default_factory=dict, compare=False)
    errors: list[str] = field(default_factory=list)
    last_seen: str = ""
    title: str = ""
    ip: str = ""
    screenshot: str = ""
    cloaking: bool = False
    fingerprints: dict[str, set[str]] = field(default_factory=dict)

    def add(self, capture: Capture, page: Page | None, *, landing: bool,
            cloaking: bool = False) -> None:
        """Count one fetch: its capture, its page (None when it failed), whether it is the
        site's landing page and whether its renders differed (cloaking)."""
        self.last_seen = max(self.last_seen, capture.fetched_at)
        self.cloaking = self.cloaking or cloaking
        for kind, values in capture.fingerprints.items():
            if kind != "external_links":
                self.fingerprints.setdefault(kind, set()).update(values)
        if page is None:
            self.errors.append(capture.error.split(":", 1)[0])
            return
        self.pages[page.id] = page
        self.page_ids.add(page.id)
        if landing:
            self.title = self.title or capture.title
            self.ip = self.ip or capture.ip
            self.screenshot = capture.screenshot or self.screenshot

    def to_doc(self) -> dict:
        """This rollup as a spooled batch keeps it: its pages by id, as the store holds them
        by the time the batch is replayed."""
        return {"page_ids": sorted(self.page_ids), "errors": self.errors,
                "last_seen": self.last_seen, "title": self.title, "ip": self.ip,
                "screenshot": self.screenshot, "cloaking": self.cloaking,
                "fingerprints": {k: sorted(v) for k, v in sorted(self.fingerprints.items())}}

    @classmethod
    def from_doc(cls, domain: str, doc: dict) -> SiteRollup:
        return cls(domain, page_ids=set(doc["page_ids"]), errors=list(doc["errors"]),
                   last_seen=doc["last_seen"], title=doc["title"], ip=doc["ip"],
                   screenshot=doc["screenshot"], cloaking=doc["cloaking"],
                   fingerprints={k: set(v) for k, v in doc["fingerprints"].items()})

    def status(self, live_before: bool = False) -> str:
        """live with a page this run (`live_before`: one stored by this run's earlier process,
        before a --resume), else down or error."""
        if self.page_ids or live_before:
            return "live"
        return "down" if all(kind in UNREACHABLE for kind in self.errors) else "error"

    def _merged_fingerprints(self, existing: Site | None) -> dict[str, list[str]]:
        """This run's fingerprints joined with those already known for the site."""
        merged = {k: set(v) for k, v in (existing.fingerprints if existing else {}).items()}
        for kind, values in self.fingerprints.items():
            merged.setdefault(kind, set()).update(values)
        return {kind: sorted(values) for kind, values in sorted(merged.items())}

    def site(self, stored_pages: list[Page], existing: Site | None, since: str = "") -> Site:
        """The Site document, keeping what reviewers and other tools wrote on `existing`.
        Stored pages seen at or after `since` (the run's start) count as seen by this run."""
        pages = {p.id: p for p in stored_pages} | self.pages
        verdict = aggregate(list(pages.values()))
        live_before = bool(since) and any(p.last_seen >= since for p in stored_pages)
        fields = {
            "domain_unicode": unicode_domain(self.domain), "tld": public_suffix(self.domain),
            "last_seen": max(self.last_seen, existing.last_seen if existing else ""),
            "status": self.status(live_before),
            "signs": sorted({sign for p in pages.values() for sign in p.sign_ids}),
            "cloaking": self.cloaking or bool(existing and existing.cloaking),
            "fingerprints": self._merged_fingerprints(existing),
        }
        if verdict is not None:
            fields |= dict(zip(("category", "verdict", "score"), verdict, strict=True))
        fields |= {k: v for k, v in
                   {"title": self.title, "ip": self.ip, "screenshot": self.screenshot}.items() if v}
        base = existing or Site(domain=self.domain, first_seen=self.last_seen)
        return replace(base, **fields)


def site_rows(store, rollups: list[SiteRollup], since: str = "") -> list[Site]:
    """Site documents of `rollups`, aggregated over the pages `store` holds for each."""
    return [r.site(store.pages_for(r.domain), store.get_site_by_domain(r.domain), since)
            for r in rollups]
