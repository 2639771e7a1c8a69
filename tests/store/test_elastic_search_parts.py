"""Elasticsearch answers a search in parts (the hits, and one count per facet filter) asked
in one `_msearch`: counts the node keeps in its request cache are fresh after each refresh,
and a part the node refuses fails the search with the node's reason."""

from __future__ import annotations

import pytest

from fraudwatch.store import Page, SearchQuery, StoreError

pytestmark = pytest.mark.elasticsearch


def page(domain: str, n: int, category: str, verdict: str) -> Page:
    return Page(url=f"http://{domain}/{n}", domain=domain, text="казино бонус",
                category=category, verdict=verdict, last_seen="2026-11-01T10:00:00+00:00")


@pytest.mark.parametrize("group", ["site", "page"])
def test_cached_counts_follow_the_pages_written_since(es_store, group):
    query = SearchQuery(text="бонус", filters={"category": ["casino"], "verdict": ["illegal"]},
                        group=group)
    es_store.put_pages([page("a.kz", 1, "casino", "illegal"), page("b.kz", 1, "loan", "illegal")])
    es_store.refresh()
    before = es_store.search(query)
    assert (before.total, before.facets["category"], before.facets["verdict"]) == \
        (1, {"casino": 1, "loan": 1}, {"illegal": 1})
    es_store.put_pages([page("c.kz", 1, "casino", "illegal"), page("c.kz", 2, "casino", "clean"),
                        page("d.kz", 1, "loan", "suspicious")])
    es_store.refresh()
    after = es_store.search(query)
    assert (after.total, after.facets["category"], after.facets["verdict"]) == \
        (2, {"casino": 2, "loan": 1}, {"illegal": 2, "clean": 1})
    assert sorted(h.domain for h in after.hits) == ["a.kz", "c.kz"]


@pytest.mark.parametrize("group", ["site", "page"])
def test_a_part_the_node_refuses_fails_the_search_with_its_reason(es_store, group):
    es_store.put_pages([page("a.kz", 1, "casino", "illegal")])
    es_store.refresh()
    # Elasticsearch pages no deeper than its result window (10,000 hits); the counts are fine
    with pytest.raises(StoreError, match="Result window is too large"):
        es_store.search(SearchQuery(text="бонус", page=600, size=20, group=group))
