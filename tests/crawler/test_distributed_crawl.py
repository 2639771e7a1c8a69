"""Several `fraudwatch crawl --frontier redis://...` workers share one crawl: together they
leave the store a single crawl would, and when one is killed the other finishes its work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from fraudwatch.farm import Farm
from fraudwatch.store import open_store
from tests.paths import ROOT
from tests.processes import kill, reaped

pytestmark = pytest.mark.timeout(300)
SITES = 8
# Every page of every site fits the budget, so what is crawled does not depend on which worker
# parsed which page first; small batches show progress early; pages 0.2 s apart per worker.
OPTIONS = ("--render", "never", "--max-pages", "100", "--max-depth", "10",
           "--set", "FRAUDWATCH_STORE_BATCH=2", "--set", "DOWNLOAD_DELAY=0.2",
           "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "CONCURRENT_REQUESTS=2")


@pytest.fixture(scope="module")
def farm():
    with Farm(port=0, hostile=False) as running:
        yield running


def command(farm, folder: Path, *extra: str, store: str = "") -> list[str]:
    seeds = folder / "seeds.txt"
    seeds.write_text("\n".join(farm.seeds()[:SITES]))
    resolve = [arg for host in farm.hosts() for arg in ("--resolve", f"{host}=127.0.0.1")]
    return [sys.executable, "-m", "fraudwatch", "-q", "--store",
            store or f"sqlite:///{folder}/fw.db", "crawl", "--seeds", str(seeds),
            "--allow-private", *resolve, *OPTIONS, *extra]


def environment(folder: Path, name: str = "", lease: str = "30") -> dict[str, str]:
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(folder / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING", "FRAUDWATCH_FRONTIER_NAME": name,
           "FRAUDWATCH_FRONTIER_LEASE": lease}
    env.pop("FRAUDWATCH_CONFIG", None)
    return env


def outcome(farm, folder: Path, store=None) -> dict:
    """Captures per (url, render), page ids and site verdicts in a crawl's store."""
    if store is None:
        with open_store(f"sqlite:///{folder}/fw.db") as own:
            return outcome(farm, folder, own)
    hosts = farm.hosts()
    store.refresh()
    sites = {host: store.get_site_by_domain(host) for host in hosts}
    return {
        "captures": Counter((c.url, c.render) for host in hosts
                            for c in store.captures_for(host)),
        "pages": Counter(p.id for host in hosts for p in store.pages_for(host)),
        "sites": {host: (s.category, s.verdict, s.status) for host, s in sites.items()
                  if s is not None},
    }


@pytest.fixture(scope="module")
def reference(farm, tmp_path_factory) -> dict:
    """What one crawl of its own stores."""
    folder = tmp_path_factory.mktemp("reference")
    result = subprocess.run(command(farm, folder), env=environment(folder), cwd=folder,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    expected = outcome(farm, folder)
    assert len(expected["sites"]) == SITES and max(expected["captures"].values()) == 1
    return expected


def start_worker(farm, folder: Path, redis_url: str, name: str, lease: str = "30",
                 output=subprocess.PIPE, store: str = "", env: dict | None = None,
                 extra: tuple[str, ...] = ()):
    return subprocess.Popen(command(farm, folder, "--frontier", redis_url, *extra, store=store),
                            env=environment(folder, name, lease) | (env or {}), cwd=folder,
                            text=True, stdout=output, stderr=output, start_new_session=True)


@pytest.fixture(params=["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def shared_store(request, tmp_path):
    """(store URL, environment, open Store) the workers share: one SQLite file on this host,
    or Elasticsearch as crawler hosts would."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/fw.db"
        yield url, {}, open_store(url)
        return
    from fraudwatch.store.elastic import ElasticStore

    url, prefix = request.getfixturevalue("es_url"), f"fwtest-{uuid.uuid4().hex[:10]}"
    store = ElasticStore(url, prefix=prefix)
    yield url, {"FRAUDWATCH_ES_INDEX_PREFIX": prefix}, store
    store.drop()


def finish(worker: subprocess.Popen) -> tuple[str, str]:
    out, err = worker.communicate(timeout=180)
    assert worker.returncode == 0, err[-3000:]
    return out, err


def test_two_workers_store_what_one_crawl_stores(farm, tmp_path, reference, redis_url,
                                                 frontier_name, shared_store):
    url, env, store = shared_store
    workers = [start_worker(farm, tmp_path, redis_url, frontier_name, store=url, env=env)
               for _ in range(2)]
    with reaped(*workers):
        outputs = [finish(worker)[0] for worker in workers]
    for out in outputs:
        assert "crawl finished" in out
    assert outcome(farm, tmp_path, store) == reference
    shares = [int(out.split(" pages,")[0].rsplit(" ", 1)[1]) for out in outputs]
    assert all(shares), f"one worker did nothing: {shares}"
    assert sum(shares) == sum(reference["captures"].values())


def claims_of(redis_url: str, name: str, pid: int) -> int:
    """Requests the worker with process id `pid` holds claimed, -1 before it joined."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"fraudwatch:{name}:*:workers"):
        for worker in client.smembers(key):
            if f"-{pid}-" in worker.decode():
                return client.hlen(key.decode().rsplit(":", 1)[0] + f":claims:{worker.decode()}")
    return -1


def stored(folder: Path) -> int:
    try:
        with sqlite3.connect(folder / "fw.db") as db:
            return db.execute("SELECT count(*) FROM captures").fetchone()[0]
    except sqlite3.OperationalError:  # not laid out yet
        return 0


def kill_holding_claims(victim: subprocess.Popen, folder: Path, least: int, redis_url: str,
                        name: str) -> None:
    """SIGKILL `victim` once `least` captures are stored and it holds claimed requests. Each
    look is taken with the worker stopped, so it cannot finish its claims in between."""
    deadline = time.monotonic() + 120
    while True:
        assert victim.poll() is None, "the worker finished before it could be killed"
        assert time.monotonic() < deadline, "the crawl made no progress"
        os.killpg(victim.pid, signal.SIGSTOP)
        if stored(folder) >= least and claims_of(redis_url, name, victim.pid) > 0:
            kill(victim)
            return
        os.killpg(victim.pid, signal.SIGCONT)
        time.sleep(0.05)


def test_a_killed_worker_loses_nothing_every_seed_is_crawled_once(farm, tmp_path, reference,
                                                                  redis_url, frontier_name):
    total = sum(reference["captures"].values())
    # The victim is slower than the survivor: it holds each claim for a second, and cannot
    # run out of work while the survivor still has some.
    victim = start_worker(farm, tmp_path, redis_url, frontier_name, "2", subprocess.DEVNULL,
                          extra=("--set", "DOWNLOAD_DELAY=1"))
    survivor = start_worker(farm, tmp_path, redis_url, frontier_name, lease="2")
    with reaped(victim, survivor):
        kill_holding_claims(victim, tmp_path, total // 4, redis_url, frontier_name)
        assert stored(tmp_path) < total
        _, err = finish(survivor)
    assert "requeued" in err  # the survivor took the dead worker's claims back
    result = outcome(farm, tmp_path)
    assert result["pages"] == reference["pages"]
    assert result["sites"] == reference["sites"]
    for seed in farm.seeds()[:SITES]:
        assert result["captures"][(seed, "static")] == 1, seed
    assert set(result["captures"]) == set(reference["captures"])


@pytest.mark.parametrize(("frontier", "code", "message"), [
    ("http://127.0.0.1:6379", 2, "not a Redis URL"),
    ("redis://:pw@127.0.0.1:1/0", 1, "is not reachable"),
])
def test_a_bad_or_unreachable_frontier_stops_the_crawl_with_a_clear_error(
        tmp_path, frontier, code, message):
    result = subprocess.run(
        [sys.executable, "-m", "fraudwatch", "-q", "--store", f"sqlite:///{tmp_path}/fw.db",
         "crawl", "--frontier", frontier, "http://example.kz/"],
        env=environment(tmp_path), cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == code
    assert message in result.stderr and "pw@" not in result.stderr
    assert "crawl finished" not in result.stdout
