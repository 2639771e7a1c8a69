"""A small JSON file cache whose entries expire after a fixed time."""

from __future__ import annotations

import json
import time
from pathlib import Path


class ExpiringCache:
    """{key: value} kept in one JSON file; entries older than `ttl` seconds count as absent."""

    def __init__(self, path: Path, ttl: float, clock=time.time):
        self.path = path
        self.ttl = ttl
        self.clock = clock
        self._data = json.loads(path.read_text()) if path.is_file() else {}

    def get(self, key: str):
        entry = self._data.get(key)
        if entry is None or self.clock() - entry["at"] > self.ttl:
            return None
        return entry["value"]

    def put(self, key: str, value) -> None:
        self._data[key] = {"at": self.clock(), "value": value}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self._data, ensure_ascii=False))
