"""Shards and replicas come from the configuration; `store migrate` moves indices onto them."""

from __future__ import annotations

import uuid

import pytest
from click.testing import CliRunner

from fraudwatch.cli import main
from fraudwatch.store import Page
from fraudwatch.store.elastic import ElasticStore
from fraudwatch.store.es_mappings import KINDS

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def prefix(es_url):
    name = f"fwtest-{uuid.uuid4().hex[:10]}"
    yield name
    with ElasticStore(es_url, prefix=name) as store:
        store.drop()


def shards_and_replicas(store: ElasticStore, kind: str) -> tuple[str, tuple[int, int]]:
    (index, body), = store.es.indices.get_settings(index=store.alias(kind)).items()
    settings = body["settings"]["index"]
    return index, (int(settings["number_of_shards"]), int(settings["number_of_replicas"]))


def test_new_indices_take_the_configured_shards_and_replicas(es_url, prefix):
    with ElasticStore(es_url, prefix=prefix, shards=3, replicas=1) as store:
        store.setup()
        for kind in KINDS:
            assert shards_and_replicas(store, kind) == (f"{prefix}-{kind}s-v1", (3, 1))


def test_store_migrate_rebuilds_indices_with_the_configured_values(es_url, prefix):
    with ElasticStore(es_url, prefix=prefix) as store:
        store.setup()
        store.put_pages([Page(url=f"http://m{i}.kz/", domain=f"m{i}.kz", text="казино",
                              last_seen="2026-11-01T10:00:00+00:00") for i in range(30)])
        assert shards_and_replicas(store, "page") == (f"{prefix}-pages-v1", (1, 0))
    env = {"FRAUDWATCH_ES_INDEX_PREFIX": prefix, "FRAUDWATCH_ES_SHARDS": "2",
           "FRAUDWATCH_ES_REPLICAS": "1"}
    result = CliRunner().invoke(main, ["--store", es_url, "store", "migrate"], env=env)
    assert result.exit_code == 0, result.output
    assert f"page: now {prefix}-pages-v2" in result.output
    with ElasticStore(es_url, prefix=prefix) as store:
        for kind in KINDS:
            assert shards_and_replicas(store, kind) == (f"{prefix}-{kind}s-v2", (2, 1))
        assert store.count("page") == 30
        assert not store.es.indices.exists(index=f"{prefix}-pages-v1")


def test_zero_shards_is_a_configuration_error_before_any_request(es_url, prefix):
    env = {"FRAUDWATCH_ES_INDEX_PREFIX": prefix, "FRAUDWATCH_ES_SHARDS": "0"}
    result = CliRunner().invoke(main, ["--store", es_url, "store", "setup"], env=env)
    assert result.exit_code != 0
    assert "es.shards = 0 (from FRAUDWATCH_ES_SHARDS)" in result.output
    assert "fix:" in result.output
    with ElasticStore(es_url, prefix=prefix) as store:
        assert not store.es.indices.exists_alias(name=store.alias("page"))
