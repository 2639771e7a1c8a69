"""The seed queue has one writer that locks: a citizen's report added while a finished crawl
removes the seeds it took is kept, and a reader never sees a half-written file."""

from __future__ import annotations

import threading

import pytest

from fraudwatch import seedqueue


def test_a_report_added_while_a_crawl_removes_its_seeds_is_kept(tmp_path, monkeypatch):
    seedqueue.add(tmp_path, seedqueue.CITIZEN, ["http://taken.kz/"])
    reading = seedqueue._lines
    adder: list[threading.Thread] = []

    def read_then_let_a_citizen_report(path):
        lines = reading(path)
        if not adder:  # between the crawl's read and its rewrite, a report comes in
            adder.append(threading.Thread(target=seedqueue.add, args=(
                tmp_path, seedqueue.CITIZEN, ["http://reported-meanwhile.kz/"])))
            adder[0].start()
            adder[0].join(timeout=0.5)  # it waits for the lock (or, unlocked, gets in here)
        return lines

    monkeypatch.setattr(seedqueue, "_lines", read_then_let_a_citizen_report)
    seedqueue.remove(tmp_path, ["http://taken.kz/"])
    adder[0].join(timeout=10)
    monkeypatch.setattr(seedqueue, "_lines", reading)

    assert seedqueue.queued(tmp_path) == ["http://reported-meanwhile.kz/"]


def test_priority_seeds_come_first_once_each_and_a_full_queue_refuses(tmp_path):
    assert seedqueue.add(tmp_path, seedqueue.CITIZEN, ["b.kz", "a.kz", "b.kz"]) == ["b.kz",
                                                                                    "a.kz"]
    assert seedqueue.add(tmp_path, seedqueue.PRIORITY, ["a.kz", "mirror.kz"]) == ["a.kz",
                                                                                  "mirror.kz"]
    assert seedqueue.add(tmp_path, seedqueue.CITIZEN, ["a.kz"]) == []
    assert seedqueue.queued(tmp_path) == ["a.kz", "mirror.kz", "b.kz"]
    with pytest.raises(seedqueue.QueueFull):
        seedqueue.add(tmp_path, seedqueue.CITIZEN, ["c.kz"], limit=2)
    seedqueue.remove(tmp_path, ["a.kz", "b.kz"])
    assert seedqueue.queued(tmp_path) == ["mirror.kz"]
    assert not list((tmp_path / "seeds").glob(".*.tmp"))
