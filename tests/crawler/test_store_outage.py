"""Fault tests: a crawl whose Elasticsearch store goes away loses nothing.

- Elasticsearch stopped in the middle of a crawl and started again: the crawl spools its
  writes meanwhile and replays them, and every page ends up indexed exactly once. This test
  runs its own node (scripts/elasticsearch on a free port, data in a temporary folder), so the
  shared test node is never stopped.
- The spool fills while the store is unreachable: the crawl stops with a clear message and
  exit code 4, the spool holds whole batches only, and `--resume` against the store once it
  is back gets every page in. "Unreachable" is a closed port in front of the shared node.

Both compare the store with an uninterrupted crawl of the same seeds into SQLite.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from fraudwatch.farm import Farm
from fraudwatch.store import StoreError, open_store
from fraudwatch.store.elastic import ElasticStore
from fraudwatch.store.spool import NAME, TEMP_PREFIX, Spool, store_key
from tests.paths import ROOT
from tests.processes import reaped

ES_SCRIPT = ROOT / "scripts" / "elasticsearch"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
SITES = 6
pytestmark = [pytest.mark.elasticsearch, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def farm():
    with Farm(port=0, hostile=False) as running:
        yield running


def crawl_command(farm, folder: Path, store: str, *extra: str) -> list[str]:
    resolve = folder / "resolve.txt"
    resolve.write_text("".join(f"{host}=127.0.0.1\n" for host in farm.hosts()))
    return [sys.executable, "-c", "from fraudwatch.cli import main; main()", "-q",
            "--store", store, "crawl", "--allow-private", "--resolve-file", str(resolve),
            "--render", "never", "--set", "FRAUDWATCH_STORE_BATCH=2",
            "--set", "AUTOTHROTTLE_ENABLED=False", *extra]


def seeds(farm, folder: Path) -> list[str]:
    path = folder / "seeds.txt"
    path.write_text("\n".join(farm.seeds()[:SITES]))
    return ["--seeds", str(path)]


def environment(folder: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(folder / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING", "FRAUDWATCH_LOG_FORMAT": "json", **extra}
    env.pop("FRAUDWATCH_CONFIG", None)
    return env


def outcome(farm, store) -> dict:
    """What a crawl left in a store: captures per (url, render), pages, site verdicts."""
    store.refresh()
    hosts = farm.hosts()
    pages = [p for host in hosts for p in store.pages_for(host)]
    sites = {host: store.get_site_by_domain(host) for host in hosts}
    return {
        "captures": Counter((c.url, c.render) for h in hosts for c in store.captures_for(h)),
        "pages": Counter(p.url for p in pages),
        "sites": {host: (s.category, s.verdict, s.status, s.title, sorted(s.signs))
                  for host, s in sites.items() if s is not None},
    }


@pytest.fixture(scope="module")
def reference(farm, tmp_path_factory):
    """The outcome of an uninterrupted crawl of the seeds into SQLite."""
    folder = tmp_path_factory.mktemp("reference")
    url = f"sqlite:///{folder}/fw.db"
    result = subprocess.run([*crawl_command(farm, folder, url), *seeds(farm, folder)],
                            env=environment(folder), cwd=folder, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    with open_store(url) as store:
        expected = outcome(farm, store)
    assert expected["pages"] and max(expected["captures"].values()) == 1
    return expected


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def spool_of(folder: Path, url: str, prefix: str) -> Path:
    return folder / "var" / "spool" / store_key(url, prefix)


def wait_until(condition, what: str, process: subprocess.Popen | None, timeout: float):
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            pytest.fail(f"the crawl ended before {what}: {process.stderr.read()[-3000:]}")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


# --- a separate Elasticsearch node ----------------------------------------------------------


class Node:
    """An Elasticsearch node of its own, started and stopped by scripts/elasticsearch."""

    def __init__(self):
        # The node runs as an unprivileged user when we are root: its data folder must be
        # reachable by that user, which a pytest tmp folder (mode 700) is not.
        self.data = Path(tempfile.mkdtemp(prefix="fraudwatch-es-fault-", dir="/var/tmp"))
        self.data.chmod(0o755)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "FRAUDWATCH_ES_PORT": str(self.port),
                    "FRAUDWATCH_ES_DATA": str(self.data), "FRAUDWATCH_ES_HEAP": "384m"}

    def script(self, command: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(ES_SCRIPT), command], env=self.env, capture_output=True,
                              text=True, timeout=300)

    def start(self) -> None:
        result = self.script("start")
        if result.returncode != 0:
            reason = f"Elasticsearch could not start: {result.stderr.strip()[-2000:]}"
            pytest.fail(reason) if IN_CI else pytest.skip(reason)

    def stop(self) -> None:
        result = self.script("stop")
        assert result.returncode == 0, result.stderr
        assert self.script("status").returncode != 0

    def remove(self) -> None:
        self.script("stop")
        shutil.rmtree(self.data, ignore_errors=True)


@pytest.fixture
def node():
    own = Node()
    try:
        own.start()
        yield own
    finally:
        own.remove()


def stored_captures(url: str, prefix: str) -> int:
    store = ElasticStore(url, prefix=prefix, retries=0)
    try:
        return store.count("capture")
    except StoreError:
        return 0
    finally:
        store.close()


def test_elasticsearch_stopped_mid_crawl_and_started_again_loses_nothing(
        farm, reference, node, tmp_path):
    prefix = f"fwtest-{uuid.uuid4().hex[:10]}"
    env = environment(tmp_path, FRAUDWATCH_ES_INDEX_PREFIX=prefix, FRAUDWATCH_ES_RETRIES="1",
                      FRAUDWATCH_ES_BACKOFF="0.1", FRAUDWATCH_SPOOL_RETRY_SECONDS="1",
                      FRAUDWATCH_SPOOL_DRAIN_SECONDS="240")
    # One request at a time, three seconds a site: the crawl (about 30 s) outlives the
    # outage, so it replays the spool before a later batch; else its end waits to replay.
    command = crawl_command(farm, tmp_path, node.url, "--set", "DOWNLOAD_DELAY=3",
                            "--set", "CONCURRENT_REQUESTS=1", *seeds(farm, tmp_path))
    spool = spool_of(tmp_path, node.url, prefix)
    crawl = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    with reaped(crawl):
        wait_until(lambda: stored_captures(node.url, prefix) >= 4, "pages were stored", crawl,
                   120)
        node.stop()
        wait_until(lambda: len(Spool(spool, 0).files()) >= 2, "batches were spooled", crawl,
                   120)
        node.start()
        out, err = crawl.communicate(timeout=420)
    assert crawl.returncode == 0, err[-3000:]
    assert "crawl finished" in out
    assert "documents spooled while the store could not take them" in out
    assert "store unreachable; spooling its writes" in err
    summary = json.loads(next((tmp_path / "var" / "runs").glob("*/summary.json")).read_text())
    assert summary["spool"]["spooled_docs"] == summary["spool"]["replayed_docs"] > 0
    assert Spool(spool, 0).files() == []

    with ElasticStore(node.url, prefix=prefix) as store:
        got = outcome(farm, store)
        assert store.count("page") == sum(got["pages"].values())
    assert got["captures"] == reference["captures"]  # every fetch stored, once
    assert got["pages"] == reference["pages"]  # every page indexed, once
    assert got["sites"] == reference["sites"]  # and the sites re-aggregated


# --- a full spool -----------------------------------------------------------------------


class Gate:
    """A local port that forwards to the shared Elasticsearch node once opened; until then
    nothing listens on it (connection refused, as from a stopped node)."""

    def __init__(self, target_url: str):
        host, port = target_url.rsplit("//", 1)[1].rsplit(":", 1)
        self.target = (host, int(port))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server: socket.socket | None = None
        self.sockets: list[socket.socket] = []
        self.threads: list[threading.Thread] = []

    def open(self) -> None:
        self.server = socket.create_server(("127.0.0.1", self.port))
        self._thread(self._accept)

    def _thread(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self.threads.append(thread)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
                upstream = socket.create_connection(self.target)
            except OSError:
                return
            self.sockets += [client, upstream]
            self._thread(self._pipe, client, upstream)
            self._thread(self._pipe, upstream, client)

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        if self.server is not None:
            with contextlib.suppress(OSError):
                self.server.shutdown(socket.SHUT_RDWR)
            self.server.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        for thread in self.threads:
            thread.join(timeout=5)


@pytest.fixture
def gate(es_url):
    closed = Gate(es_url)
    yield closed
    closed.close()


def test_a_full_spool_stops_the_crawl_and_resume_gets_every_page_in(
        farm, reference, gate, es_url, tmp_path):
    prefix = f"fwtest-{uuid.uuid4().hex[:10]}"
    env = environment(tmp_path, FRAUDWATCH_ES_INDEX_PREFIX=prefix, FRAUDWATCH_ES_RETRIES="1",
                      FRAUDWATCH_ES_BACKOFF="0.05", FRAUDWATCH_SPOOL_MAX_BYTES="40000",
                      FRAUDWATCH_SPOOL_RETRY_SECONDS="1", FRAUDWATCH_SPOOL_DRAIN_SECONDS="0")
    command = crawl_command(farm, tmp_path, gate.url, "--set", "CONCURRENT_REQUESTS=2")
    stopped = subprocess.run([*command, *seeds(farm, tmp_path)], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
    assert stopped.returncode == 4, stopped.stderr[-3000:]
    assert "crawl spool_full" in stopped.stdout
    message = stopped.stderr.strip().splitlines()[-1]
    assert message.startswith("fraudwatch crawl: stopped: store spool ")
    assert "spool.max_bytes = 40000" in message and "--resume" in message

    spool = spool_of(tmp_path, gate.url, prefix)
    batches = Spool(spool, 0).files()
    assert batches  # some batches were spooled before it filled up
    assert not [p for p in spool.iterdir() if p.name.startswith(TEMP_PREFIX)]
    for path in batches:  # each one whole
        assert NAME.match(path.name) and Spool(spool, 0).read(path).docs > 0
    assert sum(p.stat().st_size for p in batches) <= 40000

    gate.open()
    resumed = subprocess.run([*command, "--resume"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "crawl finished" in resumed.stdout
    assert Spool(spool, 0).files() == []
    store = ElasticStore(es_url, prefix=prefix)
    try:
        got = outcome(farm, store)
    finally:
        store.drop()
        store.close()
    assert got["captures"] == reference["captures"]
    assert got["pages"] == reference["pages"]
    assert got["sites"] == reference["sites"]
