"""One crawl at a time per var_dir: an exclusive lock on `<var_dir>/crawl.lock`.

The lock is an flock on an open file, so it disappears with the process, however it ends.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class CrawlLocked(RuntimeError):
    """Another crawl holds the lock; the message names its pid and the lock file."""


class RunLock:
    def __init__(self, path: Path):
        self.path = path
        self._file = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise CrawlLocked(
                f"another crawl is running (pid {holder}, lock {self.path}); "
                "wait for it to finish or stop it") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()
