"""The store's local spool: atomic batch files, order, quota, idempotent replay, bad files."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil

import pytest

from fraudwatch.store import StoreError, StoreUnavailable
from fraudwatch.store.batches import Batch
from fraudwatch.store.models import Capture, Page, SignHit
from fraudwatch.store.siterollup import SiteRollup
from fraudwatch.store.spool import Spool, SpoolFull, store_key


def batch(n: int, title: str = "", domain: str = "a.kz") -> Batch:
    """Captures and pages of pages `0..n-1` of `domain`, and its site entry."""
    captures = [Capture(url=f"http://{domain}/{i}", fetched_at=f"2026-01-01T00:00:0{i}Z",
                        domain=domain, title=title or f"page {i}") for i in range(n)]
    pages = [Page(url=c.url, domain=domain, title=c.title, verdict="illegal", category="casino",
                  score=0.9, signs=[SignHit("casino.bonus", "casino", 1.0, "бонус 100%")],
                  last_seen=c.fetched_at, capture_id=c.id) for c in captures]
    rollup = SiteRollup(domain, page_ids={p.id for p in pages}, title=title,
                        last_seen=captures[-1].fetched_at)
    return Batch(captures, pages, {domain: rollup}, since="2026-01-01T00:00:00Z")


@pytest.fixture
def spool(tmp_path):
    return Spool(tmp_path / "spool" / "key", max_bytes=10**6, store_url="sqlite:///x.db")


def test_a_batch_is_one_complete_file_and_reads_back_whole(spool):
    written = batch(3, "Казино")
    path = spool.put(written)
    assert spool.files() == [path]
    assert [p.name for p in spool.folder.iterdir() if p.name.startswith(".tmp-")] == []
    assert spool.pending() == (1, 6)
    again = spool.read(path)
    assert again == written
    assert again.pages[0].signs[0] == SignHit("casino.bonus", "casino", 1.0, "бонус 100%")


def test_files_sort_oldest_first_and_temporary_files_are_not_batches(spool):
    paths = [spool.put(batch(1, f"v{i}")) for i in range(5)]
    (spool.folder / ".tmp-00000000000000000000-1-9.json").write_text("{half a batch")
    assert spool.files() == paths
    assert spool.pending() == (5, 10)


def test_the_spool_is_per_store():
    assert store_key("http://127.0.0.1:9200", "a") != store_key("http://127.0.0.1:9200", "b")
    assert store_key("sqlite:///a.db", "a") == store_key("sqlite:///a.db", "b")
    assert store_key("sqlite:///a.db") != store_key("sqlite:///b.db")


def test_a_batch_past_the_quota_is_refused_and_leaves_no_file(spool):
    first = spool.put(batch(2))
    spool.max_bytes = first.stat().st_size + 10
    with pytest.raises(SpoolFull) as refused:
        spool.put(batch(2))
    message = str(refused.value)
    assert str(spool.folder) in message and "spool.max_bytes" in message
    assert "fraudwatch store replay" in message
    assert sorted(spool.folder.iterdir()) == sorted([first, spool.folder / "STORE"])


def test_a_full_disk_is_spool_full_and_leaves_no_partial_file(spool, monkeypatch):
    spool.put(batch(1))

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(SpoolFull, match="no space left"):
        spool.put(batch(2))
    monkeypatch.undo()
    names = [p.name for p in spool.folder.iterdir()]
    assert len(spool.files()) == 1 and not [n for n in names if n.startswith(".tmp-")]


def test_replay_writes_in_order_and_deletes_what_it_wrote(spool, sqlite_store):
    spool.put(batch(2, "old"))
    spool.put(batch(3, "new"))
    result = spool.replay(sqlite_store)
    assert (result.docs, result.batches, result.unavailable) == (10, 2, None)
    assert spool.files() == []
    assert {p.title for p in sqlite_store.pages_for("a.kz")} == {"new"}  # the later batch won
    site = sqlite_store.get_site_by_domain("a.kz")
    assert site.title == "new" and site.signs == ["casino.bonus"]


def test_replaying_a_batch_twice_writes_it_once(spool, sqlite_store, tmp_path):
    path = spool.put(batch(3))
    shutil.copy(path, tmp_path / "copy")
    spool.replay(sqlite_store)
    counts = {kind: sqlite_store.count(kind) for kind in ("capture", "page", "site")}
    shutil.copy(tmp_path / "copy", path)  # as if the process died before deleting it
    assert spool.replay(sqlite_store).batches == 1
    assert {kind: sqlite_store.count(kind) for kind in counts} == counts == {
        "capture": 3, "page": 3, "site": 1}


class FlakyStore:
    """A store that becomes unreachable (or refuses) after `ok` batches."""

    def __init__(self, store, ok: int, error: Exception):
        self.store, self.ok, self.error = store, ok, error

    def put_captures(self, captures):
        if self.ok == 0:
            raise self.error
        self.ok -= 1
        return self.store.put_captures(captures)

    def __getattr__(self, name):
        return getattr(self.store, name)


def test_replay_stops_when_the_store_goes_away_and_keeps_the_rest(spool, sqlite_store):
    paths = [spool.put(batch(1, f"v{i}", f"s{i}.kz")) for i in range(3)]
    flaky = FlakyStore(sqlite_store, 1, StoreUnavailable("node down"))
    result = spool.replay(flaky)
    assert result.batches == 1 and str(result.unavailable) == "node down"
    assert spool.files() == paths[1:]
    assert spool.replay(sqlite_store).batches == 2 and not spool.files()
    assert sqlite_store.count("site") == 3


def test_other_store_errors_propagate_and_keep_the_batch(spool, sqlite_store):
    path = spool.put(batch(1))
    with pytest.raises(StoreError, match="mapping"):
        spool.replay(FlakyStore(sqlite_store, 0, StoreError("mapping")))
    assert spool.files() == [path]


def test_a_corrupt_batch_is_moved_aside_and_reported_not_deleted(spool, sqlite_store):
    first = spool.put(batch(1, "first", "a.kz"))
    bad = spool.folder / f"{int(first.name[:20]) + 1:020d}-1-2.json"
    bad.write_text('{"format": 1, "captures": [')  # a complete file with broken JSON
    last = spool.put(batch(1, "last", "b.kz"))
    assert spool.files() == [first, bad, last]
    result = spool.replay(sqlite_store)
    assert result.batches == 2 and result.corrupt == [spool.folder / "corrupt" / bad.name]
    assert (spool.folder / "corrupt" / bad.name).read_text().startswith('{"format": 1')
    assert spool.files() == []
    assert sqlite_store.count("site") == 2


def test_a_batch_of_another_format_is_set_aside(spool, sqlite_store):
    path = spool.put(batch(1))
    path.write_text(json.dumps({"format": 99}))
    assert spool.replay(sqlite_store).corrupt == [spool.folder / "corrupt" / path.name]


def test_one_replayer_at_a_time(spool, sqlite_store):
    spool.put(batch(1))
    with open(spool.folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert spool.replay(sqlite_store).busy
    assert spool.replay(sqlite_store).batches == 1


def test_order_survives_a_clock_stepping_back(spool, monkeypatch):
    first = spool.put(batch(1, "first"))
    monkeypatch.setattr("time.time_ns", lambda: 1)
    second = spool.put(batch(1, "second"))
    assert spool.files() == [first, second]
