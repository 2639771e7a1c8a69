"""The run's frontier journal: what `--resume` continues from, however the last process ended.

Every request the spider schedules is appended to `<run dir>/frontier.jsonl` (one JSON line,
flushed to the operating system at once) before the page that linked to it can reach the store.
A resumed run reads the journal back: the URLs seen and each site's spent page budget come from
it, and the requests to issue again are those whose capture this run has not stored yet. The
store is the record of what is done, so a crawl stopped by Ctrl-C, a crash or `kill -9` resumes
without losing or repeating a page (scrapy's JOBDIR writes its queue state only on a clean stop).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

JOURNAL = "frontier.jsonl"  # in the run folder (FRAUDWATCH_RUN_DIR)


@dataclass(frozen=True)
class Scheduled:
    """One scheduled request, enough to issue it again."""

    url: str
    site: str
    depth: int
    hop: int
    priority: int
    kind: str  # landing | link | render (a browser profile's copy of a landing page)
    render: str = ""  # the browser profile asked for, "" for a plain fetch
    screenshot: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.url, self.render or "static"


def is_done(entry: Scheduled, captured: set[tuple[str, str]], captured_urls: set[str]) -> bool:
    """Whether a capture stands for `entry`. A plain fetch may end rendered (a JavaScript shell
    fetched again in the browser), so any capture of its URL counts."""
    return entry.key in captured if entry.render else entry.url in captured_urls


def pending(entries: Iterable[Scheduled], captured: set[tuple[str, str]]) -> list[Scheduled]:
    """Entries without a capture, once each, in the order they were scheduled."""
    urls = {url for url, _ in captured}
    out: dict[tuple[str, str], Scheduled] = {}
    for entry in entries:
        if entry.key not in out and not is_done(entry, captured, urls):
            out[entry.key] = entry
    return list(out.values())


log = logging.getLogger(__name__)


class FrontierJournal:
    """Append-only JSON lines of Scheduled requests."""

    def __init__(self, path: Path):
        self.path = path
        self._file = None

    def load(self) -> list[Scheduled]:
        """Entries written so far; a line cut short by a killed process, or damaged on disk
        (not UTF-8, not JSON), is skipped with a warning instead of stopping the resume."""
        if not self.path.exists():
            return []
        entries, damaged = [], 0
        for line in self.path.read_bytes().splitlines():
            try:
                entries.append(Scheduled(**json.loads(line.decode("utf-8"))))
            except (ValueError, TypeError):  # UnicodeDecodeError is a ValueError
                damaged += 1
        if damaged:
            log.warning("frontier journal %s: %d damaged lines skipped", self.path, damaged)
        return entries

    def record(self, entry: Scheduled) -> None:
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a", encoding="utf-8")
            self._file.write("\n")  # ends a line a killed process may have left unfinished
        self._file.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
