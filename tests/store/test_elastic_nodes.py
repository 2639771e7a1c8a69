"""A store URL may name several Elasticsearch nodes; a node that is down is skipped."""

from __future__ import annotations

import uuid

import pytest

from fraudwatch.config import ConfigError, validate_store_url
from fraudwatch.store import Page
from fraudwatch.store.elastic import ElasticStore

pytestmark = pytest.mark.elasticsearch


def test_writes_and_reads_go_to_the_node_that_answers(es_url):
    store = ElasticStore(f"http://127.0.0.1:1,{es_url}", prefix=f"fwtest-{uuid.uuid4().hex[:10]}",
                         retries=3, backoff=0.01)
    try:
        store.setup()
        store.put_pages([Page(url=f"http://a.kz/{n}", domain="a.kz", title="t", text="x")
                         for n in range(20)])
        store.refresh()
        assert store.count("page") == 20
        assert len(store.pages_for("a.kz")) == 20
    finally:
        store.drop()
        store.close()


def test_every_node_of_a_store_url_must_be_http():
    assert validate_store_url("http://es1:9200, https://es2:9200")
    with pytest.raises(ConfigError, match="several nodes separated by commas"):
        validate_store_url("http://es1:9200,es2:9200")


def test_reachable_answers_at_once_without_retries(es_url):
    import time

    assert ElasticStore(es_url).reachable()
    down = ElasticStore("http://127.0.0.1:1", retries=5, backoff=1.0)
    started = time.monotonic()
    assert not down.reachable()
    assert time.monotonic() - started < 1.0  # not the 31 s its five retries would wait
