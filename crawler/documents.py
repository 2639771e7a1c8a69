"""Store documents from fetches: a Capture per fetch, a Page per good fetch, a Site per domain.

A site's verdict is its most severe page verdict (illegal > suspicious > licensed > clean);
its category is the one with the most score among the pages at that verdict (so one loan-like
deposit page does not turn a casino into a lender). Aggregation runs over every page the store
holds for the site plus this run's, so a resumed or repeated crawl aggregates the same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from classifiers.fingerprints import extract
from crawler.items import Fetch
from fraudwatch.domains import unicode_domain
from fraudwatch.store.models import Capture, Page, Site, stable_id
from fraudwatch.urls import normalise_url, public_suffix

VERDICT_RANK = {"illegal": 3, "suspicious": 2, "licensed": 1, "clean": 0}
UNREACHABLE = ("dns", "refused", "connect", "timeout")


def capture_of(fetch: Fetch) -> Capture:
    return Capture(
        id=stable_id("capture", f"{fetch.url}@{fetch.fetched_at}@{fetch.render}"),
        url=fetch.url, fetched_at=fetch.fetched_at, domain=fetch.site,
        final_url=fetch.final_url, redirects=fetch.redirects, status=fetch.status,
        headers=fetch.headers, ip=fetch.ip, render=fetch.render,
        html_sha256=fetch.body_sha256 if fetch.html else "", text=fetch.text, title=fetch.title,
        lang=fetch.verdict.lang if fetch.verdict else "", screenshot=fetch.screenshot,
        screenshot_sha256=fetch.screenshot_sha256, warc_file=fetch.warc_file,
        warc_offset=fetch.warc_offset, error=fetch.error, run_id=fetch.run_id,
        fingerprints=fingerprints_of(fetch),
    )


def fingerprints_of(fetch: Fetch) -> dict[str, list[str]]:
    """Operator fingerprints of a fetched page, plus the external links it carries."""
    prints = extract(fetch.html, fetch.url, final_url=fetch.final_url, ip=fetch.ip,
                     redirects=fetch.redirects) if fetch.html else {}
    if fetch.external_links:
        prints["external_links"] = fetch.external_links
    return prints


def page_of(fetch: Fetch, capture: Capture) -> Page | None:
    """The Page of a classified fetch; None for failures."""
    verdict = fetch.verdict
    if verdict is None or fetch.error:
        return None
    return Page(
        url=normalise_url(fetch.final_url or fetch.url), domain=fetch.domain,
        tld=public_suffix(fetch.domain), title=fetch.title, text=fetch.text, lang=verdict.lang,
        category=verdict.category, verdict=verdict.verdict, score=verdict.score,
        signs=verdict.signs, model=verdict.model, http_status=fetch.status, ip=fetch.ip,
        first_seen=fetch.fetched_at, last_seen=fetch.fetched_at, capture_id=capture.id,
        promoted_domains=verdict.promoted_domains, shadow=shadow_of(fetch.shadow),
    )


def shadow_of(verdict) -> dict:
    """What a page keeps of the shadow model's verdict (nothing when none ran)."""
    if verdict is None:
        return {}
    return {"model": verdict.model, "category": verdict.category, "verdict": verdict.verdict,
            "score": round(verdict.score, 4),
            "signs": sorted({s["id"] for s in verdict.signs if not s.get("reported")})}


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
    """What this run saw of one domain: its pages, failures and landing-page evidence."""

    domain: str
    pages: dict[str, Page] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    last_seen: str = ""
    title: str = ""
    ip: str = ""
    screenshot: str = ""
    cloaking: bool = False
    fingerprints: dict[str, set[str]] = field(default_factory=dict)

    def add(self, fetch: Fetch, page: Page | None, capture: Capture | None = None) -> None:
        self.last_seen = max(self.last_seen, fetch.fetched_at)
        self.cloaking = self.cloaking or fetch.cloaking
        for kind, values in (capture.fingerprints if capture else {}).items():
            if kind != "external_links":
                self.fingerprints.setdefault(kind, set()).update(values)
        if page is None:
            self.errors.append(fetch.error.split(":", 1)[0])
            return
        self.pages[page.id] = page
        if fetch.depth == 0:
            self.title = self.title or fetch.title
            self.ip = self.ip or fetch.ip
            self.screenshot = fetch.screenshot or self.screenshot

    def to_doc(self) -> dict:
        """This rollup for a spooled batch (fraudwatch.store.spool); its pages by id, as the
        store holds them by the time the batch is replayed."""
        return {"page_ids": sorted(self.pages), "errors": self.errors,
                "last_seen": self.last_seen, "title": self.title, "ip": self.ip,
                "screenshot": self.screenshot, "cloaking": self.cloaking,
                "fingerprints": {k: sorted(v) for k, v in sorted(self.fingerprints.items())}}

    @classmethod
    def from_doc(cls, domain: str, doc: dict, stored_pages: list[Page]) -> SiteRollup:
        ids = set(doc["page_ids"])
        return cls(domain, pages={p.id: p for p in stored_pages if p.id in ids},
                   errors=list(doc["errors"]), last_seen=doc["last_seen"],
                   title=doc["title"], ip=doc["ip"], screenshot=doc["screenshot"],
                   cloaking=doc["cloaking"],
                   fingerprints={k: set(v) for k, v in doc["fingerprints"].items()})

    def status(self, live_before: bool = False) -> str:
        """live with a page this run (`live_before`: one stored by this run's earlier process,
        before a --resume), else down or error."""
        if self.pages or live_before:
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


def spooled_sites(store, sites: dict[str, dict], since: str) -> list[Site]:
    """Site documents of a replayed spool batch (fraudwatch.store.spool, Resite)."""
    rows = []
    for domain, doc in sorted(sites.items()):
        stored = store.pages_for(domain)
        rollup = SiteRollup.from_doc(domain, doc, stored)
        rows.append(rollup.site(stored, store.get_site_by_domain(domain), since))
    return rows
