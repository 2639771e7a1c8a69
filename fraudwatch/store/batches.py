"""A batch of crawl writes, and the one order in which any batch reaches a store.

A crawl writes what it fetched in batches: a Capture per fetch, a Page per good fetch, and a
SiteRollup for each domain they touch. `write_batch` writes the pages, then the Site rows
aggregated over every page the store holds, then the captures last: a stored capture means its
page and site are stored, which is what `--resume` and a distributed frontier's redelivery go
by. The crawl's store pipeline and the spool's replay both write through it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from fraudwatch.store.base import Store
from fraudwatch.store.models import Capture, Page
from fraudwatch.store.siterollup import SiteRollup, site_rows

FORMAT = 1  # of a batch as JSON (a spool file)


@dataclass
class Batch:
    """Documents written together, and the rollup of each site they touch."""

    captures: list[Capture] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    sites: dict[str, SiteRollup] = field(default_factory=dict)
    since: str = ""  # the writing run's start (see SiteRollup.site)
    spooled: bool = field(default=False, compare=False)  # read back from JSON: rollups hold ids

    @property
    def docs(self) -> int:
        return len(self.captures) + len(self.pages)

    def to_json(self) -> bytes:
        return json.dumps({
            "format": FORMAT, "since": self.since,
            "sites": {domain: rollup.to_doc() for domain, rollup in self.sites.items()},
            "captures": [c.to_doc() for c in self.captures],
            "pages": [p.to_doc() for p in self.pages],
        }, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Batch:
        doc = json.loads(data)
        if doc.get("format") != FORMAT:
            raise ValueError(f"unknown spool format {doc.get('format')!r}")
        return cls(captures=[Capture.from_doc(c) for c in doc["captures"]],
                   pages=[Page.from_doc(p) for p in doc["pages"]],
                   sites={d: SiteRollup.from_doc(d, s) for d, s in doc["sites"].items()},
                   since=doc.get("since", ""), spooled=True)


def write_batch(store: Store, batch: Batch) -> None:
    """Write `batch`: pages, then its sites aggregated over the stored pages, then captures."""
    store.put_pages(batch.pages)
    if batch.spooled:
        store.refresh()  # its rollups name their pages by id: aggregate over what is stored
    store.put_sites(site_rows(store, list(batch.sites.values()), batch.since))
    store.put_captures(batch.captures)
    if batch.spooled:
        store.refresh()  # and what reads the store next (a crawl's next batch) sees it
