"""Shared fixtures: a real Elasticsearch node and Redis server (started by scripts/elasticsearch
and scripts/redis) and stores."""

from __future__ import annotations

import os
import subprocess
import uuid

import pytest

from tests.paths import ROOT

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session", autouse=True)
def shared_passage_cache(tmp_path_factory):
    """One file of sentence-encoder passage vectors for the whole run, as a deployment shares
    one across nightly crawls: the farm's pages are embedded by the first crawl that reads
    them, and every later crawl (each in its own var dir, in a subprocess) reuses them."""
    if "FRAUDWATCH_CLASSIFIER_ENCODER_CACHE" in os.environ:
        yield
        return
    path = tmp_path_factory.mktemp("encoder") / "passages.sqlite"
    os.environ["FRAUDWATCH_CLASSIFIER_ENCODER_CACHE"] = str(path)
    yield
    os.environ.pop("FRAUDWATCH_CLASSIFIER_ENCODER_CACHE", None)


def _es_reachable(url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def _service(name: str, script: str, url: str, reachable, timeout: float) -> str:
    """`url` once the service answers there, started with scripts/SCRIPT if it does not.

    In CI a service that cannot start fails the run with the script's reason; elsewhere the
    tests that need it are skipped with that reason."""
    if reachable(url):
        return url
    proc = subprocess.run([str(ROOT / "scripts" / script), "start"],
                          capture_output=True, text=True, timeout=timeout)
    if proc.returncode == 0 and reachable(url):
        return url
    reason = f"{name} could not start: {proc.stderr.strip()[-2000:]}"
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def es_url() -> str:
    """URL of a running Elasticsearch node (FRAUDWATCH_TEST_ES chooses it)."""
    return _service("Elasticsearch", "elasticsearch",
                    os.environ.get("FRAUDWATCH_TEST_ES", "http://127.0.0.1:9200"),
                    _es_reachable, 600)


def _redis_reachable(url: str) -> bool:
    import redis

    try:
        with redis.Redis.from_url(url, socket_connect_timeout=2) as client:
            return bool(client.ping())
    except (redis.RedisError, OSError):
        return False


@pytest.fixture(scope="session")
def redis_url() -> str:
    """URL of a running Redis server (FRAUDWATCH_TEST_REDIS chooses it)."""
    return _service("Redis", "redis",
                    os.environ.get("FRAUDWATCH_TEST_REDIS", "redis://127.0.0.1:6390/0"),
                    _redis_reachable, 60)


@pytest.fixture
def frontier_name() -> str:
    """A crawl name of its own, so tests sharing the Redis server never meet."""
    return f"test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def sqlite_store(tmp_path):
    from fraudwatch.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'fw.db'}")
    store.setup()
    yield store
    store.close()


@pytest.fixture
def es_store(es_url):
    from fraudwatch.store.elastic import ElasticStore

    store = ElasticStore(es_url, prefix=f"fwtest-{uuid.uuid4().hex[:10]}")
    store.setup()
    yield store
    store.drop()
    store.close()


@pytest.fixture(params=["sqlite", "elasticsearch"])
def store(request):
    """The same contract, run on both backends."""
    name = "sqlite_store" if request.param == "sqlite" else "es_store"
    if request.param == "elasticsearch":
        request.applymarker(pytest.mark.elasticsearch)
    return request.getfixturevalue(name)
