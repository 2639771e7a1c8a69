"""The pages matching a text query, found by FTS5 with their bm25 rank, in parallel parts.

Ranking is most of a text search's time: bm25 costs FTS5 about 2.5 µs per matching page (it
decodes the positions of every match and reads the page's column sizes), some 75 ms for the
30,000 pages of 100,000 that one common word matches, against 10 ms to find them unranked.
Python's sqlite3 lets go of the GIL while SQLite works, so a large ranked match is cut by
rowid into one part per core, each ranked on a connection of its own. The parts' ranks are
those of one query: bm25 takes its document frequencies and lengths from the whole table.

The first part runs on the search's connection, in its read transaction. The others read in
autocommit, so they see that snapshot or a later one; the columns of a later page are not
loaded yet, and the search drops its rowid.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

PARALLEL_FROM = 20_000  # rowids: below this, one connection ranks faster than several
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
_END = 2 ** 62  # past every rowid

# SQLite joins each column into one text (no Python object per match); LIMIT -1 keeps bm25
# in a query of its own, where FTS5 allows it.
_SQL = ("SELECT group_concat(rowid), group_concat(rank) FROM (SELECT rowid, {rank} AS rank "
        "FROM pages_fts WHERE pages_fts MATCH ? AND rowid >= ? AND rowid < ? LIMIT -1)")


class Matches:
    """Text matches of one store, with the connections and threads that rank them."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], parts: int | None = None,
                 parallel_from: int = PARALLEL_FROM):
        self._connect, self._parallel_from = connect, parallel_from
        self.parts = max(1, min(4, parts or CORES or 1))
        self._helpers: list[sqlite3.Connection] = []
        self._pool: ThreadPoolExecutor | None = None

    def find(self, db: sqlite3.Connection, match: str, ranked: bool,
             end: int) -> tuple[np.ndarray, np.ndarray | None]:
        """(rowids of the pages matching the FTS5 expression `match`, their bm25 rank when
        `ranked`, else None); `end` is one past the highest rowid, so parts below it are
        even (rows past it, written since, fall in the last part)."""
        parts = self.parts if ranked and end >= self._parallel_from else 1
        cuts = [0, *(end * n // parts for n in range(1, parts)), _END]
        futures = [self._pooled().submit(_part, helper, match, ranked, low, high)
                   for helper, low, high in zip(self._helping(parts - 1), cuts[1:-1], cuts[2:],
                                                strict=True)]
        try:
            found = [_part(db, match, ranked, cuts[0], cuts[1])]
        finally:  # the helpers are done with their connections before the next search
            found += [future.result() for future in futures]
        rows = np.concatenate([r for r, _ in found])
        return rows, np.concatenate([k for _, k in found]) if ranked else None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        for helper in self._helpers:
            helper.close()
        self._helpers = []

    def _pooled(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.parts - 1 or 1, "fts-rank")
        return self._pool

    def _helping(self, count: int) -> list[sqlite3.Connection]:
        while len(self._helpers) < count:
            self._helpers.append(self._connect())
        return self._helpers[:count]


def _part(db: sqlite3.Connection, match: str, ranked: bool, low: int,
          high: int) -> tuple[np.ndarray, np.ndarray]:
    """(rowids, ranks) of the matches with low <= rowid < high."""
    rowids, ranks = db.execute(_SQL.format(rank="bm25(pages_fts)" if ranked else "0"),
                               [match, low, high]).fetchone()
    if rowids is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return (np.fromstring(rowids, dtype=np.int64, sep=","),
            np.fromstring(ranks, dtype=np.float64, sep=",") if ranked else np.zeros(0))
