"""A cache of looked-up contacts in one SQLite file, whose entries expire after a fixed time.

SQLite (the standard library's) rather than a hand-kept JSON file: a put writes one row
instead of rewriting every entry, and several processes (a crawl, `letters build`, the web UI)
can read and write the same file safely.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, at REAL, value TEXT)"


class ExpiringCache:
    """{key: JSON value} kept in an SQLite file; entries older than `ttl` seconds count as
    absent. Entries of the JSON file that older versions kept beside it are taken over once."""

    def __init__(self, path: Path, ttl: float, clock=time.time):
        self.path = path
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()  # look-ups run in several threads
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute(_SCHEMA)
        self._take_over(path.with_suffix(".json"))

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """A connection to the file, committed and closed on leaving."""
        db = sqlite3.connect(self.path, timeout=30)
        try:
            with db:
                yield db
        finally:
            db.close()

    def _take_over(self, legacy: Path) -> None:
        """Move the entries of an older version's JSON cache file in, then remove the file."""
        if legacy == self.path or not legacy.is_file():
            return
        try:
            entries = json.loads(legacy.read_text())
        except (OSError, ValueError):
            return  # unreadable: the look-ups it held are simply made again
        with self._db() as db:
            db.executemany("INSERT OR IGNORE INTO entries VALUES (?, ?, ?)",
                           [(k, e["at"], json.dumps(e["value"], ensure_ascii=False))
                            for k, e in entries.items()])
        legacy.unlink()

    def get(self, key: str):
        with self._db() as db:
            row = db.execute("SELECT at, value FROM entries WHERE key=?", (key,)).fetchone()
        if row is None or self.clock() - row[0] > self.ttl:
            return None
        return json.loads(row[1])

    def put(self, key: str, value) -> None:
        """Keep `value` under `key`, replacing an older entry (one row written)."""
        with self._lock, self._db() as db:
            db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                       (key, self.clock(), json.dumps(value, ensure_ascii=False)))
