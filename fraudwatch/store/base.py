"""The store interface that both backends implement (and one contract test suite checks)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator

from fraudwatch.domains import ascii_domain
from fraudwatch.store.models import Capture, Doc, Letter, Page, Review, Site, stable_id
from fraudwatch.store.query import SearchQuery, SearchResult


class StoreError(Exception):
    """The store cannot be reached or used; the message says what to do."""


class StoreUnavailable(StoreError):
    """The store stayed unreachable or overloaded through every retry; the write did not happen.

    Nothing was wrong with the documents: a caller may keep the batch and write it later.
    """


class StoreWriteFailed(StoreUnavailable):
    """The store's own disk refused the write (full, read-only, failing): it did not happen,
    and the documents can be written later, once the disk is fixed."""


class Store(ABC):
    """Sites, pages, captures, reviews and letters, with full-text search over pages."""

    url: str

    @abstractmethod
    def setup(self) -> None:
        """Create tables or indices if missing (idempotent)."""

    @abstractmethod
    def ping(self) -> str:
        """Return a one-line description of the backend; raise StoreError if unreachable."""

    def reachable(self) -> bool:
        """Whether the store answers right now: one quick try, no retries (a crawl probes
        an unreachable store with it before replaying its spool)."""
        return True

    @abstractmethod
    def put_captures(self, captures: Iterable[Capture]) -> int: ...

    @abstractmethod
    def put_pages(self, pages: Iterable[Page]) -> int: ...

    @abstractmethod
    def put_sites(self, sites: Iterable[Site]) -> int: ...

    @abstractmethod
    def add_review(self, review: Review) -> None:
        """Append to the audit log (never updates or deletes)."""

    def add_reviews(self, reviews: Iterable[Review]) -> int:
        """Append many audit entries at once (backends may batch them)."""
        count = 0
        for review in reviews:
            self.add_review(review)
            count += 1
        return count

    @abstractmethod
    def put_letters(self, letters: Iterable[Letter]) -> int: ...

    @abstractmethod
    def _get(self, kind: str, doc_id: str) -> Doc | None:
        """The document of a kind (DOC_CLASSES) with this id, or None."""

    def get_capture(self, capture_id: str) -> Capture | None:
        return self._get("capture", capture_id)

    def get_page(self, page_id: str) -> Page | None:
        return self._get("page", page_id)

    def get_site(self, site_id: str) -> Site | None:
        return self._get("site", site_id)

    def get_sites(self, site_ids: Iterable[str]) -> list[Site]:
        """The sites with these ids that exist, in the order asked (backends read them at once)."""
        return [site for site_id in site_ids if (site := self.get_site(site_id))]

    def get_letter(self, letter_id: str) -> Letter | None:
        return self._get("letter", letter_id)

    @abstractmethod
    def captures_for(self, domain: str) -> list[Capture]:
        """Captures of a site, oldest first."""

    @abstractmethod
    def pages_for(self, domain: str) -> list[Page]: ...

    @abstractmethod
    def reviews_for(self, site_id: str) -> list[Review]:
        """Audit entries of a site, oldest first."""

    @abstractmethod
    def iter_sites(self, **filters: str) -> Iterator[Site]:
        """All sites whose fields equal the given values (e.g. review_state='confirmed')."""

    @abstractmethod
    def iter_letters(self) -> Iterator[Letter]: ...

    @abstractmethod
    def iter_reviews(self) -> Iterator[Review]:
        """The whole audit log, oldest first."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResult: ...

    @abstractmethod
    def count(self, kind: str) -> int:
        """Number of documents of a kind: capture, page, site, review, letter."""

    def refresh(self) -> None:
        """Make recent writes visible to search (a no-op where writes are visible at once)."""

    def close(self) -> None:
        """Release connections."""

    def get_site_by_domain(self, domain: str) -> Site | None:
        """The site of `domain`, given in its ASCII (punycode) or Unicode form."""
        return self.get_site(stable_id("site", ascii_domain(domain)))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
