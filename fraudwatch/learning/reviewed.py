"""Labelled pages from the regulator's decisions.

A confirmed site is labelled with its category; a rejected or delisted one is legitimate, and
so is a site the licence registry matched. Every stored page of a labelled site carries the
site's label. Sites, never pages, are split between training and evaluation, so one site's
pages never sit on both sides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fraudwatch.learning.storedpages import page_view
from fraudwatch.store import Site, Store
from fraudwatch.store.vocabulary import FRAUD_CATEGORIES, Action, ReviewState

DECISIONS = frozenset({Action.CONFIRM, Action.REJECT, Action.DELIST})
LEGIT_STATES = frozenset({ReviewState.REJECTED, ReviewState.DELISTED})
QUERY = ("sites confirmed with a fraud category; sites rejected or delisted (legit); "
         "sites the licence registry matched (legit)")


@dataclass(frozen=True)
class LabelledSite:
    """A site whose label a person (or the licence registry) gave."""

    domain: str
    label: str
    source: str  # the review state that gave the label, or "licensed"
    review_id: str = ""  # the audit entry of the decision; "" for a licence match

    def to_doc(self) -> dict:
        return {"domain": self.domain, "label": self.label, "source": self.source,
                "review_id": self.review_id}


def _decision(store: Store, site: Site) -> str:
    """The id of the latest decision on `site` in the audit log."""
    decisions = [r for r in store.reviews_for(site.id) if r.action in DECISIONS]
    return decisions[-1].id if decisions else ""


def label_of(site: Site) -> tuple[str, str] | None:
    """(label, source) of a site, or None when nobody has decided it."""
    if site.review_state == ReviewState.CONFIRMED and site.category in FRAUD_CATEGORIES:
        return site.category, str(site.review_state)
    if site.review_state in LEGIT_STATES:
        return "legit", str(site.review_state)
    if site.review_state == ReviewState.NEW and site.verdict == "licensed":
        return "legit", "licensed"
    return None


def labelled_sites(store: Store) -> list[LabelledSite]:
    """Every site with a label, by domain."""
    found = []
    for site in store.iter_sites():
        label = label_of(site)
        if label is not None:
            found.append(LabelledSite(site.domain, *label, review_id=_decision(store, site)))
    return sorted(found, key=lambda s: s.domain)


def _rank(domain: str) -> str:
    return hashlib.sha256(domain.encode()).hexdigest()


def split_by_site(sites: list[LabelledSite], test_share: float
                  ) -> tuple[list[LabelledSite], list[LabelledSite]]:
    """(train, test): per label, a fixed share of its sites (at least one when it has two or
    more) held out for evaluation, chosen by a hash of the domain so a rerun holds out the same."""
    train, test = [], []
    for label in sorted({s.label for s in sites}):
        group = sorted((s for s in sites if s.label == label), key=lambda s: _rank(s.domain))
        held = 0 if len(group) < 2 or test_share <= 0 else max(1, round(test_share * len(group)))
        test += group[:held]
        train += group[held:]
    return train, test


def site_docs(store: Store, var_dir: Path, sites: list[LabelledSite], weight: float = 1.0,
              progress: Callable | None = None) -> list[dict]:
    """Training documents of every stored page of `sites` (text, HTML from the WARC, label,
    the site as the group calibration holds out whole, and the sample weight)."""
    docs = []
    for n, site in enumerate(sites, 1):
        for page in store.pages_for(site.domain):
            view = page_view(store, var_dir, page)
            docs.append({"text": view.text, "html": view.html, "url": page.url,
                         "id": page.url, "label": site.label, "lang": page.lang,
                         "kind": f"site:{site.domain}", "domain": site.domain,
                         "split": "train", "weight": weight})
        if progress:
            progress(n, len(sites))
    return docs
