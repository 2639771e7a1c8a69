"""Shared fixtures: a real Elasticsearch node and Redis server (started by scripts/elasticsearch
and scripts/redis) and stores."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _es_reachable(url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def es_url() -> str:
    """URL of a running Elasticsearch node; starts one with scripts/elasticsearch if needed.

    In CI a node that cannot start fails the run with the script's reason; elsewhere the
    Elasticsearch tests are skipped with that reason (set FRAUDWATCH_TEST_ES to choose a node).
    """
    url = os.environ.get("FRAUDWATCH_TEST_ES", "http://127.0.0.1:9200")
    if _es_reachable(url):
        return url
    proc = subprocess.run([str(ROOT / "scripts" / "elasticsearch"), "start"],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode == 0 and _es_reachable(url):
        return url
    reason = f"Elasticsearch could not start: {proc.stderr.strip()[-2000:]}"
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def _redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except (redis.RedisError, OSError):
        return False


@pytest.fixture(scope="session")
def redis_url() -> str:
    """URL of a running Redis server; starts one with scripts/redis if needed (fails in CI,
    skips elsewhere, when it cannot). FRAUDWATCH_TEST_REDIS chooses the server."""
    url = os.environ.get("FRAUDWATCH_TEST_REDIS", "redis://127.0.0.1:6390/0")
    if _redis_reachable(url):
        return url
    proc = subprocess.run([str(ROOT / "scripts" / "redis"), "start"],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode == 0 and _redis_reachable(url):
        return url
    reason = f"Redis could not start: {proc.stderr.strip()[-2000:]}"
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


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
