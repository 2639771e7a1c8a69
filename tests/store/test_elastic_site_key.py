"""Elasticsearch counts sites over each page's site_key; an index laid out before it still
counts them right, over the domains, and `store migrate` gives its pages their keys."""

from __future__ import annotations

import logging
import uuid

import pytest

from fraudwatch.store import Page, SearchQuery
from fraudwatch.store.elastic import ElasticStore
from fraudwatch.store.es_mappings import PROPERTIES, site_key

pytestmark = pytest.mark.elasticsearch

PAGES = [Page(url=f"http://{d}/{n}", domain=d, text="казино бонус", category=c,
              last_seen="2026-11-01T10:00:00+00:00")
         for n, (d, c) in enumerate([("a.kz", "casino"), ("a.kz", "casino"), ("a.kz", "loan"),
                                     ("b.kz", "casino"), ("c.kz", "loan"), ("c.kz", "loan"),
                                     ("d.com", "casino"), ("d.com", "casino")])]
BY_SITE = SearchQuery(text="казино", group="site", timeline=True)


@pytest.fixture
def store(es_url):
    prefix = f"fwtest-{uuid.uuid4().hex[:10]}"
    with ElasticStore(es_url, prefix=prefix) as store:
        yield store
        store.drop()


def counts(store: ElasticStore) -> tuple:
    found = store.search(BY_SITE)
    return found.total, found.facets["category"], sorted((h.domain, h.pages) for h in found.hits)


def test_sites_are_counted_over_site_keys_written_with_every_page(store):
    store.setup()
    store.put_pages(PAGES)
    store.refresh()
    keyed = store.es.count(index=store.alias("page"),
                           query={"term": {"site_key": site_key("a.kz")}})["count"]
    assert keyed == 3
    assert counts(store) == (4, {"casino": 3, "loan": 2},
                             [("a.kz", 3), ("b.kz", 1), ("c.kz", 2), ("d.com", 2)])


def test_an_index_from_before_site_key_counts_sites_right_and_migrate_adds_the_keys(
        store, caplog):
    store.setup()
    alias = store.alias("page")
    # the pages' index as the release before site_key laid it out and wrote it
    store.es.indices.delete(index=f"{alias}-v1")
    store.es.indices.delete_index_template(name=alias)
    older = {k: v for k, v in PROPERTIES["page"].items() if k != "site_key"}
    store.es.indices.create(index=f"{alias}-v1", aliases={alias: {"is_write_index": True}},
                            mappings={"dynamic": False, "properties": older})
    for page in PAGES:
        store.es.index(index=alias, id=page.id, document=page.to_doc() | {"sign_ids": []})
    store.setup()  # this release's templates, over the older index
    store.refresh()
    with caplog.at_level(logging.WARNING):
        before = counts(store)
    assert before == (4, {"casino": 3, "loan": 2},
                      [("a.kz", 3), ("b.kz", 1), ("c.kz", 2), ("d.com", 2)])
    assert "fraudwatch store migrate" in caplog.text

    assert store.migrate()["page"] == f"{alias}-v2"
    keyed = store.es.count(index=alias, query={"exists": {"field": "site_key"}})["count"]
    assert keyed == len(PAGES)
    assert counts(store) == before
