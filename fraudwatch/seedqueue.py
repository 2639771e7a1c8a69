"""Seeds queued between crawls: mirror alerts (priority) and citizens' reports.

Other parts append domains or URLs to <var_dir>/seeds/priority.txt and citizen.txt; the next
`fraudwatch crawl` takes them (priority first) and, once it has finished, removes what it took.
"""

from __future__ import annotations

from pathlib import Path

QUEUES = ("priority.txt", "citizen.txt")


def _queue_files(var_dir: Path) -> list[Path]:
    return [Path(var_dir) / "seeds" / name for name in QUEUES]


def queued(var_dir: Path) -> list[str]:
    """Every queued seed, priority queue first, without duplicates."""
    seeds: list[str] = []
    for path in _queue_files(var_dir):
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and line.strip() not in seeds:
                    seeds.append(line.strip())
    return seeds


def remove(var_dir: Path, taken: list[str]) -> None:
    """Drop the seeds a finished crawl took; lines queued meanwhile stay."""
    done = set(taken)
    for path in _queue_files(var_dir):
        if path.exists():
            keep = [x for x in path.read_text(encoding="utf-8").splitlines()
                    if x.strip() and x.strip() not in done]
            path.write_text("".join(f"{x}\n" for x in keep), encoding="utf-8")
