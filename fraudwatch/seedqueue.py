"""Seeds queued between crawls: mirror alerts (priority) and citizens' reports.

The one writer of `<var_dir>/seeds/`: mirror alerts add to priority.txt, citizens' reports
(the web UI) to citizen.txt; the next `fraudwatch crawl` takes them (priority first) and, once
it has finished, removes what it took. Every change holds the folder's lock (flock on
`seeds/.lock`, so processes and threads wait for each other) and a rewrite replaces the file
atomically, so a report added while a crawl removes its seeds is never lost.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

PRIORITY, CITIZEN = "priority.txt", "citizen.txt"
QUEUES = (PRIORITY, CITIZEN)


class QueueFull(Exception):
    """The queue already holds as many seeds as it may."""


def _folder(var_dir: Path) -> Path:
    return Path(var_dir) / "seeds"


@contextmanager
def _locked(var_dir: Path) -> Iterator[Path]:
    folder = _folder(var_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield folder
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def queued(var_dir: Path) -> list[str]:
    """Every queued seed, priority queue first, without duplicates."""
    seeds: list[str] = []
    for name in QUEUES:
        for seed in _lines(_folder(var_dir) / name):
            if seed not in seeds:
                seeds.append(seed)
    return seeds


def add(var_dir: Path, queue: str, seeds: Iterable[str], limit: int | None = None) -> list[str]:
    """Append the `seeds` not yet in `queue` and return them; QueueFull when `limit` seeds
    wait there already."""
    with _locked(var_dir) as folder:
        path = folder / queue
        known = set(_lines(path))
        new = [s for s in dict.fromkeys(seeds) if s not in known]
        if new and limit is not None and len(known) + len(new) > limit:
            raise QueueFull(f"{len(known)} seeds already wait in {path}")
        if new:
            with path.open("a", encoding="utf-8") as out:
                out.write("".join(f"{s}\n" for s in new))
        return new


def remove(var_dir: Path, taken: list[str]) -> None:
    """Drop the seeds a finished crawl took; lines queued meanwhile stay."""
    done = set(taken)
    with _locked(var_dir) as folder:
        for name in QUEUES:
            path = folder / name
            if path.exists():
                _replace(path, [s for s in _lines(path) if s not in done])


def _replace(path: Path, lines: list[str]) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text("".join(f"{s}\n" for s in lines), encoding="utf-8")
    os.replace(temp, path)
