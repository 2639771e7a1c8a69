"""A store or cache whose disk refuses a write (full, read-only, failing) says so in a way its
caller can act on: the store's write did not happen and can be made later, the passage cache
just stops caching. Disk full is `RLIMIT_FSIZE` here, as `ulimit -f` would set it."""

from __future__ import annotations

import resource
from contextlib import contextmanager

import numpy as np
import pytest

from classifiers.passagestore import PassageStore
from fraudwatch.store import Page, StoreUnavailable, StoreWriteFailed
from fraudwatch.store.sqlite import SQLiteStore


@contextmanager
def files_capped_at(size: int):
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def pages(n: int, start: int = 0) -> list[Page]:
    return [Page(url=f"http://a.kz/{i}", domain="a.kz", title=f"t{i}",
                 text=f"страница {i} " + "слово " * 4000) for i in range(start, start + n)]


def test_a_full_disk_fails_a_sqlite_write_as_one_to_make_later(tmp_path):
    store = SQLiteStore(tmp_path / "fw.db")
    store.setup()
    store.put_pages(pages(1))
    with files_capped_at(64 * 1024), pytest.raises(StoreWriteFailed) as failed:
        store.put_pages(pages(40, start=1))
    assert isinstance(failed.value, StoreUnavailable)  # a crawl spools it
    assert "could not be written" in str(failed.value)
    assert store.count("page") == 1  # nothing of the refused write was kept
    store.put_pages(pages(40, start=1))  # room again: the same write succeeds
    assert store.count("page") == 41
    store.close()


def test_a_full_disk_turns_the_passage_cache_off_without_failing_the_page(tmp_path):
    cache = PassageStore(tmp_path / "passages.sqlite", dim=384)
    vectors = {f"k{i}": np.ones(384, dtype=np.float32) for i in range(400)}
    with files_capped_at(64 * 1024):
        cache.put_many(vectors)
    assert not cache.writable
    cache.put_many({"later": np.ones(384, dtype=np.float32)})  # skipped, no error
    assert len(cache) == 0
    cache.close()
