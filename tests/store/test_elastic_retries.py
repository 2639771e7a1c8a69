"""Elasticsearch at scale: retries with backoff, and StoreUnavailable when they are spent.

Busy and vanishing nodes are played by a proxy (conftest.ESProxy) in front of the real node:
it spoils the requests a test names and forwards the rest, so what gets written is real.
"""

from __future__ import annotations

import socket
import time
import uuid

import pytest

from fraudwatch.config import KEYS, load_config
from fraudwatch.store import (
    Capture,
    Page,
    Review,
    SearchQuery,
    StoreError,
    StoreUnavailable,
    open_store,
)
from fraudwatch.store.elastic import ElasticStore
from fraudwatch.store.es_transport import Backoff

pytestmark = pytest.mark.elasticsearch


def pages(n: int, score: float | str = 0.5) -> list[Page]:
    return [Page(url=f"http://retry-{i}.kz/", domain=f"retry-{i}.kz", title=f"страница {i}",
                 text="бонус на депозит", score=score, last_seen="2026-11-01T10:00:00+00:00")
            for i in range(n)]


@pytest.fixture
def through(es_proxy, es_url):
    """Open a store on the proxy (with tiny backoffs) over indices set up on the real node."""
    prefix = f"fwtest-{uuid.uuid4().hex[:10]}"
    direct = ElasticStore(es_url, prefix=prefix)
    direct.setup()
    opened = []

    def open_(retries: int = 3, backoff: float = 0.05, **options) -> ElasticStore:
        store = ElasticStore(es_proxy.url, prefix=prefix, retries=retries, backoff=backoff,
                             **options)
        opened.append(store)
        return store

    open_.direct = direct
    yield open_
    for store in opened:
        store.close()
    direct.drop()
    direct.close()


def test_a_bulk_request_answered_429_is_sent_again(through, es_proxy):
    store = through()
    es_proxy.spoil("429", "/_bulk", times=1)
    assert store.put_pages(pages(120)) == 120
    assert es_proxy.requests("/_bulk") == ["429", "forward"]
    through.direct.refresh()
    assert through.direct.count("page") == 120


def test_documents_rejected_one_by_one_are_resent_after_a_growing_pause(through, es_proxy):
    store = through(retries=3, backoff=0.2)
    es_proxy.spoil("reject-items", "/_bulk", times=2)
    start = time.monotonic()
    assert store.put_captures([Capture(url=f"http://c{i}.kz/", fetched_at="2026-11-01")
                               for i in range(40)]) == 40
    assert time.monotonic() - start >= 0.2 + 0.4
    assert es_proxy.requests("/_bulk") == ["reject-items", "reject-items", "forward"]
    through.direct.refresh()
    assert through.direct.count("capture") == 40


@pytest.mark.parametrize("action", ["429", "reject-items"])
def test_a_node_that_keeps_refusing_makes_the_store_unavailable(through, es_proxy, action):
    store = through(retries=2, backoff=0.01)
    es_proxy.spoil(action, "/_bulk")
    with pytest.raises(StoreUnavailable, match="Elasticsearch"):
        store.put_captures([Capture(url="http://c.kz/", fetched_at="2026-11-01")])
    assert es_proxy.requests("/_bulk") == [action] * 3  # one try and two retries, no more


def test_dropped_connections_are_retried_until_the_node_answers(through, es_proxy):
    store = through(retries=3, backoff=0.1)
    es_proxy.spoil("drop", times=2)
    start = time.monotonic()
    assert store.get_page("0" * 32) is None
    assert time.monotonic() - start >= 0.1 + 0.2
    assert es_proxy.requests("") == ["drop", "drop", "forward"]


@pytest.mark.parametrize("call", [
    lambda s: s.ping(),
    lambda s: s.get_page("0" * 32),
    lambda s: s.search(SearchQuery(text="бонус")),
    lambda s: list(s.iter_sites()),
    lambda s: s.put_captures([Capture(url="http://c.kz/", fetched_at="2026-11-01")]),
    lambda s: s.put_pages(pages(3)),
    lambda s: s.add_reviews([Review(site_id="x", user="u", action="confirmed")]),
    lambda s: s.refresh(),
], ids=["ping", "get", "search", "scan", "bulk", "put_pages", "reviews", "refresh"])
def test_every_call_to_a_vanished_node_gives_store_unavailable_after_the_retries(
        through, es_proxy, call):
    store = through(retries=2, backoff=0.01)
    es_proxy.spoil("drop")
    with pytest.raises(StoreUnavailable, match="unreachable after 2 retries"):
        call(store)
    assert es_proxy.requests("") == ["drop"] * 3


def test_a_document_that_does_not_fit_the_mapping_is_a_plain_store_error(through, es_proxy):
    store = through()
    bad = pages(1, score="very high")[0]
    with pytest.raises(StoreError, match="refused 1 page documents") as err:
        store.put_pages([bad])
    assert not isinstance(err.value, StoreUnavailable)
    assert bad.id in str(err.value) and "parsing_exception" in str(err.value)
    assert es_proxy.requests("/_bulk") == ["forward"]  # not retried


def test_a_rejection_in_the_middle_of_many_requests_resends_only_that_one(through, es_proxy):
    store = through(bulk_size=10)
    es_proxy.spoil("forward", "/_bulk", times=1)
    es_proxy.spoil("reject-items", "/_bulk", times=1)
    captures = [Capture(url=f"http://m{i}.kz/", fetched_at="2026-11-01") for i in range(25)]
    assert store.put_captures(captures) == 25
    assert es_proxy.requests("/_bulk") == ["forward", "reject-items", "forward", "forward"]
    through.direct.refresh()
    assert through.direct.count("capture") == 25


def test_configured_retries_reach_the_store(es_proxy):
    config = load_config(environ={"FRAUDWATCH_ES_RETRIES": "1", "FRAUDWATCH_ES_BACKOFF": "0.01"})
    es_proxy.spoil("drop")
    with open_store(es_proxy.url, config) as store, pytest.raises(StoreUnavailable):
        store.get_page("0" * 32)
    assert es_proxy.requests("") == ["drop", "drop"]


def test_a_closed_port_fails_fast_as_unavailable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    start = time.monotonic()
    store = ElasticStore(f"http://127.0.0.1:{port}", retries=1, backoff=0.05)
    with store, pytest.raises(StoreUnavailable, match="scripts/elasticsearch start"):
        store.put_pages(pages(2))
    assert time.monotonic() - start < 5
    assert issubclass(StoreUnavailable, StoreError)  # callers catching StoreError still do


def test_default_retries_give_up_within_half_a_minute():
    default = Backoff(KEYS["es.retries"].default, KEYS["es.backoff"].default,
                      KEYS["es.max_backoff"].default)
    assert [default.delay(n) for n in range(1, 6)] == [0.5, 1, 2, 4, 8]
    assert default.total < 30
    assert Backoff(retries=8, initial=1, cap=5).total == 1 + 2 + 4 + 5 * 5
