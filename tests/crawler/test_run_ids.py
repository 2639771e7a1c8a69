"""Run ids: two crawls started in the same second get different runs (`--resume` relies on
them), and ids still sort by start time."""

from __future__ import annotations

from datetime import UTC, datetime

import crawler.addon
from crawler.run import Run


class FrozenClock(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 12, 3, 11, 18, 0, 123456, tzinfo=UTC)


def test_crawls_started_in_the_same_instant_get_their_own_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(crawler.addon, "datetime", FrozenClock)
    first = Run.new(tmp_path, ["a.kz"])
    second = Run.new(tmp_path, ["b.kz"])
    assert first.run_id != second.run_id and first.folder != second.folder
    assert Run.load(first.folder).seeds == ["a.kz"] and Run.load(second.folder).seeds == ["b.kz"]
    assert first.run_id.startswith("20261203T111800.123Z-")


def test_run_ids_sort_by_start_time():
    earlier = crawler.addon.new_run_id()
    later = crawler.addon.new_run_id()
    assert earlier[:19] <= later[:19]
