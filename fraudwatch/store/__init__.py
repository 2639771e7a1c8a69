"""The store: one interface, two backends chosen by URL scheme."""

from __future__ import annotations

from fraudwatch.config import Config
from fraudwatch.store.base import Store, StoreError, StoreUnavailable, StoreWriteFailed
from fraudwatch.store.models import Capture, Letter, Page, Review, SignHit, Site, stable_id
from fraudwatch.store.query import Hit, QueryError, SearchQuery, SearchResult, parse_query

__all__ = [
    "Capture", "Hit", "Letter", "Page", "QueryError", "Review", "SearchQuery", "SearchResult",
    "SignHit", "Site", "Store", "StoreError", "StoreUnavailable", "StoreWriteFailed",
    "open_store", "parse_query",
    "stable_id",
]


def open_store(url: str, config: Config | None = None) -> Store:
    """Open the store named by `url`: sqlite:///PATH or http(s)://HOST:PORT (Elasticsearch)."""
    # Each backend is imported when its URL is opened: an SQLite user never loads the
    # Elasticsearch client (~0.6 s), an Elasticsearch user never loads FTS and the stemmers.
    if url.startswith("sqlite:///"):
        from fraudwatch.store.sqlite import SQLiteStore

        return SQLiteStore(url[len("sqlite:///"):])
    if url.startswith(("http://", "https://")):
        from fraudwatch.store.elastic import ElasticStore

        return ElasticStore.from_config(url, config) if config else ElasticStore(url)
    raise StoreError(f"unknown store URL {url!r}; use sqlite:///PATH or http://HOST:PORT")
