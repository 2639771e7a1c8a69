"""The pages table's searchable columns, held in memory as arrays indexed by rowid.

Facets counted by site cannot be fast in SQL: on 100,000 pages one `count(DISTINCT domain)
GROUP BY tld` alone takes about 50 ms, and the search page counts eight facets. Over integer
arrays the same counts take a few milliseconds, so SQLiteSearch filters, counts, groups and
ranks over these columns, and asks SQLite only for the text matches and the documents shown.

The arrays follow the file, other processes' writes included: triggers log the rowid of every
page written (`page_log`), and `sync` reads the entries after the last it applied, in the
search's own read transaction, so a search sees exactly the snapshot SQLite gives it. The
first search of a process loads every row (about half a second per 100,000 pages); a log cut
short by `prune` past what this copy applied means loading them again.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import numpy as np

from fraudwatch.store.query import FACET_FIELDS

CODED = ("domain", "ip", *FACET_FIELDS)  # text columns kept as codes of their values
DAYS = ("first_seen", "last_seen")  # kept as codes of their day (YYYY-MM-DD)
LOG_KEEP = 200_000  # log entries kept; a copy further behind loads everything again
NO_TIME = np.iinfo(np.int64).min  # the time of a page without one: before every other

LOG_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS page_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
    "page_rowid INTEGER NOT NULL)",
    *(f"CREATE TRIGGER IF NOT EXISTS page_log_{event.lower()} AFTER {event} ON pages BEGIN "
      f"INSERT INTO page_log (page_rowid) VALUES ({row}.rowid); END"
      for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old"))),
]
# the first and last entries of the log: SQLite reads a min() or a max() off the key only
# when it is alone in its query, so each has its own (together they scan the whole log)
LOG_BOUNDS = ("SELECT coalesce((SELECT min(seq) FROM page_log), 0), "
              "coalesce((SELECT max(seq) FROM page_log), 0)")
_TEXT = "coalesce({}, '')"  # a text column, empty rather than NULL
_SELECT = (f"SELECT rowid, {', '.join(_TEXT.format(c) for c in CODED)}, "
           f"{', '.join(f'substr({_TEXT.format(d)}, 1, 10)' for d in DAYS)}, "
           f"coalesce(score, 0), {_TEXT.format('last_seen')} FROM pages")


def prune(db: sqlite3.Connection) -> None:
    """Drop log entries older than the last LOG_KEEP (in the caller's write transaction)."""
    db.execute("DELETE FROM page_log WHERE seq <= (SELECT max(seq) FROM page_log) - ?",
               (LOG_KEEP,))


def micros(value: str) -> int:
    """A stored ISO time as microseconds since the epoch (UTC when it names no zone);
    NO_TIME for an empty or unreadable one."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return NO_TIME
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1_000_000)


class Vocabulary:
    """Codes of one column's values, in order of first sight."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self.values: list[str] = []

    def encode(self, values: list[str]) -> list[int]:
        """The code of each of `values` (new values get the next codes)."""
        for value in dict.fromkeys(values).keys() - self.codes.keys():
            self.codes[value] = len(self.values)
            self.values.append(value)
        return list(map(self.codes.__getitem__, values))

    def known(self, values: list[str]) -> np.ndarray:
        """The codes of those of `values` that occur."""
        return np.array([self.codes[v] for v in values if v in self.codes], dtype=np.int32)


class PageColumns:
    """The searchable columns of every page, by rowid, and how far the log was applied."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        """Nothing read yet."""
        self.seq: int | None = None
        self.vocab = {name: Vocabulary() for name in (*CODED, *DAYS)}
        self.alive = np.zeros(0, dtype=bool)
        self.codes = {name: np.zeros(0, dtype=np.int32) for name in (*CODED, *DAYS)}
        self.score = np.zeros(0, dtype=np.float64)
        self.last_seen = np.full(0, NO_TIME, dtype=np.int64)

    def _grow(self, size: int) -> None:
        """Room for rowids below `size` (at least doubling, so appends stay cheap)."""
        old = len(self.alive)
        if size <= old:
            return
        size = max(size, 2 * old)
        pad = size - old
        self.alive = np.concatenate([self.alive, np.zeros(pad, dtype=bool)])
        self.codes = {k: np.concatenate([v, np.zeros(pad, dtype=np.int32)])
                      for k, v in self.codes.items()}
        self.score = np.concatenate([self.score, np.zeros(pad)])
        self.last_seen = np.concatenate([self.last_seen, np.full(pad, NO_TIME, dtype=np.int64)])

    def sync(self, db: sqlite3.Connection) -> None:
        """Apply the pages written since the last sync (all of them the first time), inside
        the caller's read transaction."""
        low, high = db.execute(LOG_BOUNDS).fetchone()
        if self.seq is None or low > self.seq + 1:
            self._reset()
            self._read(db.execute(_SELECT))
        elif high != self.seq:
            changed = [r[0] for r in db.execute(
                "SELECT DISTINCT page_rowid FROM page_log WHERE seq > ?", (self.seq,))]
            self.alive[[r for r in changed if r < len(self.alive)]] = False  # deleted stay so
            self._read(db.execute(f"{_SELECT} WHERE rowid IN (SELECT value FROM json_each(?))",
                                  (str(changed),)))
        self.seq = high

    def _read(self, cursor) -> None:
        rows = cursor.fetchall()
        if not rows:
            return
        rowid, *coded, score, last_seen = zip(*rows, strict=True)
        rowids = np.array(rowid, dtype=np.int64)
        self._grow(int(rowids.max()) + 1)
        self.alive[rowids] = True
        for name, values in zip((*CODED, *DAYS), coded, strict=True):
            self.codes[name][rowids] = self.vocab[name].encode(values)
        self.score[rowids] = score
        times = {value: micros(value) for value in set(last_seen)}
        self.last_seen[rowids] = list(map(times.__getitem__, last_seen))

    def end(self) -> int:
        """One past the highest rowid of a page (the arrays grow ahead of it)."""
        live = np.flatnonzero(self.alive)
        return int(live[-1]) + 1 if len(live) else 0

    def rowids(self) -> np.ndarray:
        """Every page's rowid, ascending."""
        return np.flatnonzero(self.alive)
