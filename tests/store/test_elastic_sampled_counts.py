"""Elasticsearch counts the sites of a search by site matching many pages on a sample of the
sites (fraudwatch.store.es_counts): the total and the facets' counts are scaled estimates,
within a few standard deviations of the truth, marked as such, never above a value's pages
nor below one for a value that has pages; a narrower search counts exactly, and each hit's
pages stay exact."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from fraudwatch.store import Page, SearchQuery, es_counts
from fraudwatch.store.query import FACET_FIELDS

pytestmark = pytest.mark.elasticsearch

SITES = 2000
CATEGORIES = {"casino": 0.5, "loan": 0.3, "legit": 0.15, "pyramid": 0.05}


def corpus() -> list[Page]:
    """2 pages a site, the same category; one site alone under its TLD; the casino sites'
    pages say "бонус"."""
    rnd = random.Random(7)
    pages = []
    for n in range(SITES):
        category = rnd.choices(list(CATEGORIES), weights=list(CATEGORIES.values()))[0]
        domain = "rare.xn--80ao7a" if n == 0 else f"site{n}.kz"
        tld = "xn--80ao7a" if n == 0 else "kz"
        text = "бонус казино" if category == "casino" else "новости"
        pages += [Page(url=f"http://{domain}/{i}", domain=domain, tld=tld, category=category,
                       verdict="illegal" if category != "legit" else "clean", text=text,
                       last_seen=f"2026-11-0{1 + n % 5}T10:00:00+00:00")
                  for i in range(2)]
    return pages


@pytest.fixture
def sampled(es_store, monkeypatch):
    """The corpus, and searches over more than 1,000 pages counting sites on a sample."""
    pages = corpus()
    es_store.put_pages(pages)
    es_store.refresh()
    monkeypatch.setattr(es_counts, "EXACT_PAGES", 1000)
    return es_store, pages


def sites_by(pages: list[Page], field: str) -> Counter:
    """Each value of `field` and its sites."""
    return Counter(value for _, value in {(p.domain, getattr(p, field)) for p in pages})


def test_counts_over_many_pages_are_marked_estimates_within_four_deviations(sampled):
    store, pages = sampled
    result = store.search(SearchQuery(group="site", timeline=True))
    assert set(result.estimated) == {*FACET_FIELDS, "timeline", "total"}
    assert result.total_estimated and result.timeline_estimated
    shift = es_counts.sample_shift(len(pages))
    assert shift == 2

    def near(estimate: int, sites: int) -> bool:
        return abs(estimate - sites) <= 4 * math.sqrt(sites * (2**shift - 1))

    for category, sites in sites_by(pages, "category").items():
        assert near(result.facets["category"][category], sites), category
    assert near(result.total, SITES)
    # scaled up, not the sample's own counts
    assert sum(result.facets["category"].values()) > 0.75 * SITES
    days = sites_by(pages, "last_seen")
    assert sum(result.timeline["last_seen"].values()) > 0.75 * sum(days.values())


def test_a_rare_value_stays_in_view_with_no_more_sites_than_pages(sampled):
    store, _ = sampled
    tlds = store.search(SearchQuery(group="site")).facets["tld"]
    assert tlds["xn--80ao7a"] == 1  # one site of 2 pages, whether or not sampled
    assert list(tlds) == ["kz", "xn--80ao7a"]


def test_a_search_over_fewer_pages_counts_exactly(sampled):
    store, pages = sampled
    query = SearchQuery(group="site", filters={"category": ["pyramid"]})
    narrow = [p for p in pages if p.category == "pyramid"]
    assert len(narrow) <= es_counts.EXACT_PAGES
    result = store.search(query)
    # the category facet ignores its own filter: it counts every page, on a sample
    assert result.estimated == ["category"] and not result.total_estimated
    assert result.facets["verdict"] == {"illegal": len(narrow) // 2}
    assert result.total == len(narrow) // 2


def test_each_hit_counts_its_sites_matching_pages(sampled):
    store, _ = sampled
    result = store.search(SearchQuery(text="бонус", group="site", size=50))
    assert result.hits and {h.pages for h in result.hits} == {2}
    assert {h.category for h in result.hits} == {"casino"}


def test_page_counts_are_never_sampled(sampled):
    store, pages = sampled
    result = store.search(SearchQuery(group="page"))
    assert result.estimated == []
    assert result.facets["category"] == dict(Counter(p.category for p in pages).most_common())
