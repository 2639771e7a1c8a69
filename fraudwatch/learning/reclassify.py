"""`fraudwatch reclassify`: the promoted model over stored pages, without fetching again.

Pages are read from the store (HTML from the crawl's WARC files) and classified anew; each
site's verdict is rolled up again from its pages as the crawl does. A site nobody has reviewed
simply takes its new verdict. A site a person has decided keeps their decision; when the new
verdict contradicts it (a confirmed site no longer flagged, or a rejected or delisted site now
called illegal), the site goes back to the review queue (needs information) with an audit
entry saying why, so a new model never sends a site into a letter by itself.

Pages are classified as a crawl classifies them: the sentence encoder in the configured mode
(`classifier.encoder`); in auto mode on the pages the fast stage cannot settle, at most
`classifier.encoder_pages` of each site, its landing page first.

A run can be stopped and started again: pages the model already classified are skipped, and
the report so far is kept in var/reclassify/<model>.json until the run completes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from classifiers.artifact import Model
from classifiers.classify import classify_pages
from classifiers.encoder import Encoder
from classifiers.evaluation import FLAGGED
from classifiers.registry import Registry
from fraudwatch.learning.storedpages import page_view
from fraudwatch.store import Page, Review, Site, Store
from fraudwatch.store.siterollup import aggregate
from fraudwatch.store.vocabulary import Action, ReviewState


@dataclass
class Reclassified:
    """What a run changed (over every start of it, until it completes)."""

    model: str
    pages: int = 0
    pages_changed: int = 0
    sites: int = 0
    to_illegal: list[str] = field(default_factory=list)
    from_illegal: list[str] = field(default_factory=list)
    other_changes: list[str] = field(default_factory=list)
    queued: list[str] = field(default_factory=list)  # decided sites sent back to review
    done: list[str] = field(default_factory=list)  # domains finished, for a resumed run


def _by(model: Model, page: Page) -> bool:
    """Whether `model` gave the page its verdict already."""
    return page.model.split("/")[0] == model.version


def landing_first(pages: list[Page]) -> list[Page]:
    """`pages` with the site's landing page first, then the shallowest URLs."""
    return sorted(pages, key=lambda p: (urlsplit(p.url).path.strip("/") != "", len(p.url)))


def contradicts(site: Site) -> bool:
    """Whether the site's (new) verdict goes against the decision a person recorded."""
    if site.review_state == ReviewState.CONFIRMED:
        return site.verdict not in FLAGGED
    if site.review_state in (ReviewState.REJECTED, ReviewState.DELISTED):
        return site.verdict == "illegal"
    return False


class Reclassifier:
    """One run of `model` over the stored pages of the sites chosen."""

    def __init__(self, store: Store, var_dir: Path, model: Model, registry: Registry,
                 encoder: Encoder | None, user: str, mode: str = "auto",
                 pages_per_site: int | None = None):
        self.store, self.var_dir, self.model = store, var_dir, model
        self.registry, self.encoder, self.user = registry, encoder, user
        self.mode, self.pages_per_site = mode, pages_per_site
        self.state_file = var_dir / "reclassify" / f"{model.version}.json"
        self.report = self._resumed()

    def _resumed(self) -> Reclassified:
        if self.state_file.exists():
            return Reclassified(**json.loads(self.state_file.read_text(encoding="utf-8")))
        return Reclassified(self.model.version)

    def _save(self) -> None:
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.state_file.with_suffix(".partial")
        partial.write_text(json.dumps(asdict(self.report), ensure_ascii=False), encoding="utf-8")
        partial.replace(self.state_file)

    def _pages(self, pages: list[Page]) -> list[Page]:
        """`pages` classified anew (verdict, score, signs, language, model)."""
        views = [page_view(self.store, self.var_dir, p) for p in pages]
        verdicts = classify_pages(views, self.registry, self.model, self.encoder, self.mode,
                                  self.pages_per_site)
        fresh = []
        for page, v in zip(pages, verdicts, strict=True):
            self.report.pages += 1
            self.report.pages_changed += (v.category, v.verdict) != (page.category, page.verdict)
            fresh.append(replace(page, category=v.category, verdict=v.verdict, score=v.score,
                                 signs=list(v.signs), lang=v.lang, model=v.model,
                                 promoted_domains=v.promoted_domains))
        return fresh

    def _site(self, site: Site, pages: list[Page]) -> None:
        """Roll the site up from its pages again; note and route what changed."""
        category, verdict, score = aggregate(pages) or (site.category, site.verdict, site.score)
        signs = sorted({sign for p in pages for sign in p.sign_ids})
        if (category, verdict) == (site.category, site.verdict) and signs == site.signs:
            return
        new = replace(site, category=category, verdict=verdict, score=score, signs=signs)
        if verdict != site.verdict and "illegal" in (verdict, site.verdict):
            (self.report.to_illegal if verdict == "illegal" else
             self.report.from_illegal).append(site.domain)
        elif (category, verdict) != (site.category, site.verdict):
            self.report.other_changes.append(site.domain)
        if contradicts(new):
            self.store.add_review(Review(
                site_id=site.id, user=self.user, action=Action.RECLASSIFIED,
                comment=f"model {self.model.version}: {site.verdict} {site.category} -> "
                        f"{verdict} {category}; was {site.review_state}, back to review"))
            new = replace(new, review_state=ReviewState.NEEDS_INFO)
            self.report.queued.append(site.domain)
        self.store.put_sites([new])

    def run(self, sites: list[Site], since: str = "",
            progress: Callable | None = None) -> Reclassified:
        """Re-classify the pages of `sites` last seen at or after `since`."""
        done = set(self.report.done)
        for n, site in enumerate(sites, 1):
            if site.domain not in done:
                stored = self.store.pages_for(site.domain)
                todo = [p for p in stored if p.last_seen >= since and not _by(self.model, p)]
                if todo:
                    fresh = {p.id: p for p in self._pages(landing_first(todo))}
                    self.store.put_pages(list(fresh.values()))
                    self._site(site, [fresh.get(p.id, p) for p in stored])
                self.report.sites += 1
                self.report.done.append(site.domain)
                self._save()
            if progress:
                progress(n, len(sites))
        self.store.refresh()
        self.state_file.unlink(missing_ok=True)
        return self.report
