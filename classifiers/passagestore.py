"""Passage vectors kept on disk (SQLite), keyed by the SHA-256 of the passage's text.

Crawls and training share it: a site re-crawled tomorrow, or a corpus retrained after one file
changed, only embeds the passages it has not seen. Several processes may use one file.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import numpy as np

BATCH = 500
log = logging.getLogger(__name__)


class PassageStore:
    """A file of passage vectors: `get_many` what is known, `put_many` what was embedded."""

    def __init__(self, path: Path | str, dim: int):
        self.path = Path(path)
        self.dim = dim
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self.writable = True  # False once its disk refused a write: a cache is not worth a crash
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False,
                                   isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS passages "
                         "(key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID")

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        """The stored vectors of `keys` (those not stored are left out)."""
        found = {}
        with self._lock:
            for start in range(0, len(keys), BATCH):
                chunk = keys[start:start + BATCH]
                rows = self._db.execute(
                    f"SELECT key, vector FROM passages WHERE key IN ({','.join('?' * len(chunk))})",
                    chunk)
                for key, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (self.dim,):
                        found[key] = vector
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        """Store vectors (a key already stored keeps its vector); when the file's disk refuses
        (full, read-only, failing) the cache stops taking more, with one warning."""
        rows = [(key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items.items()]
        with self._lock:
            if not self.writable:
                return
            try:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR IGNORE INTO passages VALUES (?, ?)", rows)
                self._db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self._give_up()
                self.writable = False
                log.warning("passage cache %s takes no more vectors: %s (fix: free disk space)",
                            self.path, exc)

    def _give_up(self) -> None:
        try:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM passages").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
