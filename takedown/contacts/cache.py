"""A small JSON file cache whose entries expire after a fixed time."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path


class ExpiringCache:
    """{key: value} kept in one JSON file; entries older than `ttl` seconds count as absent."""

    def __init__(self, path: Path, ttl: float, clock=time.time):
        self.path = path
        self.ttl = ttl
        self.clock = clock
        self._data = json.loads(path.read_text()) if path.is_file() else {}
        self._lock = threading.Lock()  # look-ups run in several threads

    def get(self, key: str):
        entry = self._data.get(key)
        if entry is None or self.clock() - entry["at"] > self.ttl:
            return None
        return entry["value"]

    def put(self, key: str, value) -> None:
        """Keep `value` under `key`; the file is replaced whole, never left half-written."""
        with self._lock:
            self._data[key] = {"at": self.clock(), "value": value}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f".{self.path.name}.partial")
            partial.write_text(json.dumps(self._data, ensure_ascii=False))
            os.replace(partial, self.path)
