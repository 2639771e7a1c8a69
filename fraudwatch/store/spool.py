"""A durable local queue of store writes made while the store was unreachable.

A crawl that cannot reach its store writes each batch (fraudwatch.store.batches: captures,
pages, and the rollups of the sites they touch) to `<var_dir>/spool/<store key>/` as one JSON
file: written to a temporary name, fsynced, then renamed, so a reader sees whole batches only.
File names sort oldest first (`<time ns>-<pid>-<documents>.json`). Replaying writes the batches
to the store in that order, as the crawl writes them (`write_batch`), and deletes each one only
once it is written; documents have stable ids, so a batch replayed twice (a crash between write
and delete) is written once. A complete file that cannot be read is moved to `corrupt/` and
reported, never deleted.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from fraudwatch.config import Config
from fraudwatch.logs import get_logger
from fraudwatch.store.base import Store, StoreUnavailable
from fraudwatch.store.batches import Batch, write_batch

log = get_logger("fraudwatch.store.spool")

NAME = re.compile(r"^(\d{20})-(\d+)-(\d+)\.json$")  # <time ns>-<pid>-<documents>.json
TEMP_PREFIX = ".tmp-"
REPLAY_HINT = ("bring the store back, then run `fraudwatch store replay` (the next "
               "`fraudwatch crawl` replays them too)")

class SpoolError(Exception):
    """A batch could not be spooled; the message names the folder and the fix."""


class SpoolFull(SpoolError):
    """The spool reached spool.max_bytes, or its disk is full."""


class SpoolCorrupt(SpoolError):
    """A complete spool file that cannot be read back."""


@dataclass
class Replayed:
    """What one replay did."""

    docs: int = 0
    batches: int = 0
    corrupt: list[Path] = field(default_factory=list)  # files moved aside
    unavailable: StoreUnavailable | None = None  # the store went away (again) mid-replay
    busy: bool = False  # another process was replaying this spool


def store_key(url: str, index_prefix: str = "") -> str:
    """Folder name of a store's spool: a hash of its URL (and Elasticsearch index prefix)."""
    identity = f"{url} {index_prefix}" if url.startswith(("http://", "https://")) else url
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


class Spool:
    def __init__(self, folder: Path, max_bytes: int, store_url: str = ""):
        self.folder = folder
        self.max_bytes = max_bytes
        self.store_url = store_url
        self._used: int | None = None  # bytes spooled, as of this process's last write

    @classmethod
    def for_config(cls, config: Config, var_dir: str | Path | None = None) -> Spool:
        """The spool of the configured store, under `var_dir` (default: the config's)."""
        root = Path(var_dir or config.var_dir).resolve() / "spool"
        key = store_key(config.store, config.es.index_prefix)
        return cls(root / key, config.spool.max_bytes, config.store)

    # reading ------------------------------------------------------------------------------

    def files(self) -> list[Path]:
        """Complete batch files, oldest first (temporary files are not batches yet)."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        return [self.folder / name for name in sorted(names) if NAME.match(name)]

    def pending(self) -> tuple[int, int]:
        """(batches, documents) waiting."""
        files = self.files()
        return len(files), sum(int(NAME.match(f.name)[3]) for f in files)

    def used_bytes(self) -> int:
        total = 0
        for path in self.files():
            with contextlib.suppress(FileNotFoundError):  # replayed meanwhile
                total += path.stat().st_size
        return total

    def read(self, path: Path) -> Batch:
        try:
            return Batch.from_json(path.read_bytes())
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SpoolCorrupt(f"spool file {path} cannot be read: {exc}") from exc

    # writing ------------------------------------------------------------------------------

    def put(self, batch: Batch) -> Path:
        """Write `batch` durably; SpoolFull past spool.max_bytes or on a full disk (no partial
        file is left either way)."""
        data = batch.to_json()
        used = self._used if self._used is not None else self.used_bytes()
        if used + len(data) > self.max_bytes:
            used = self.used_bytes()  # another process may have replayed some meanwhile
        if used + len(data) > self.max_bytes:
            raise SpoolFull(
                f"store spool {self.folder} is full: {used} bytes spooled, the next batch "
                f"({len(data)} bytes) would pass spool.max_bytes = {self.max_bytes}; fix: "
                f"{REPLAY_HINT}, or raise spool.max_bytes (FRAUDWATCH_SPOOL_MAX_BYTES)")
        newest = self.files()[-1:]  # names keep the order of writes if the clock steps back
        stamp = max([time.time_ns(), *(int(p.name[:20]) + 1 for p in newest)])
        name = f"{stamp:020d}-{os.getpid()}-{batch.docs}.json"
        temp = self.folder / f"{TEMP_PREFIX}{name}"
        try:
            self._ensure_folder()
            with open(temp, "xb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.rename(temp, self.folder / name)
            self._sync_folder()
        except OSError as exc:
            temp.unlink(missing_ok=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise SpoolFull(
                    f"store spool {self.folder}: no space left on its disk ({exc.strerror}); "
                    f"fix: free disk space or move var_dir, and {REPLAY_HINT}") from exc
            raise SpoolError(f"store spool {self.folder}: cannot write a batch ({exc}); "
                             "fix: make the folder writable, or move var_dir") from exc
        self._used = used + len(data)
        return self.folder / name

    def _ensure_folder(self) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / "STORE").write_text(self.store_url + "\n")

    def _sync_folder(self) -> None:
        fd = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _set_aside(self, path: Path, reason: str) -> Path:
        target = self.folder / "corrupt" / path.name
        target.parent.mkdir(exist_ok=True)
        os.replace(path, target)
        log.error("unreadable spool file moved aside", file=str(target), reason=reason,
                  fix="inspect it; its documents are not in the store: crawl its sites again "
                      "(`fraudwatch crawl --resume` if its run did not finish)")
        return target

    # replaying ----------------------------------------------------------------------------

    def replay(self, store: Store, deadline: float | None = None) -> Replayed:
        """Write spooled batches to `store`, oldest first, deleting each once written, until
        the spool is empty, the store is unreachable or time.monotonic() passes `deadline`.
        Other store errors propagate, leaving the batch spooled."""
        result = Replayed()
        if not self.files():
            return result
        with open(self.folder / ".lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                result.busy = True
                return result
            for path in self.files():
                if deadline is not None and time.monotonic() >= deadline:
                    break
                try:
                    batch = self.read(path)
                except FileNotFoundError:
                    continue
                except SpoolCorrupt as exc:
                    result.corrupt.append(self._set_aside(path, str(exc.__cause__)))
                    continue
                try:
                    write_batch(store, batch)
                except StoreUnavailable as exc:
                    result.unavailable = exc
                    break
                path.unlink(missing_ok=True)
                self._used = None
                result.docs += batch.docs
                result.batches += 1
        return result
