"""Drop a killed crawl's unreferenced WARC records when its run resumes.

A process killed with `kill -9` leaves records in its WARC file for fetches whose captures it
never stored; `--resume` fetches those again, into its own file. Before it does, each earlier
WARC file of the run is rewritten with only what a stored capture stands for: the warcinfo, the
record a capture points at, the request before a kept response, the screenshot after a kept
render, and the redirect hops of a kept fetch. The copy gets a new name, the captures are moved
to it in the store, and only then is the old file removed, so a crash at any step leaves every
capture pointing at a file that holds its record.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from fraudwatch.logs import get_logger
from fraudwatch.store.models import Capture

log = get_logger("crawler.evidence.warccompact")
KEPT = re.compile(r"(-kept-\d+)?\.warc\.gz$")  # what a compacted copy's name ends with


@dataclass(frozen=True)
class Record:
    offset: int
    length: int
    type: str
    uri: str
    status: str = ""


def records_of(path: Path) -> list[Record]:
    """The records of a gzipped WARC file in order; a record cut short by a killed writer ends
    the list."""
    out: list[Record] = []
    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for record in records:
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                status = record.http_headers.get_statuscode() if record.http_headers else ""
                offset = records.get_record_offset()
                records.read_to_end(record)
                out.append(Record(offset, records.get_record_length(), record.rec_type, uri,
                                  status or ""))
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            log.warning("WARC file ends in a damaged record", file=str(path), error=str(exc),
                        records=len(out))
    return out


def kept_records(records: list[Record], captures: Iterable[Capture]) -> list[Record]:
    """The records that the stored `captures` (all pointing into this file) stand for."""
    captures = list(captures)
    pointed = {c.warc_offset for c in captures}
    hops = {url for c in captures if c.render == "static" for url in c.redirects}
    keep: set[int] = set()
    for i, record in enumerate(records):
        before = records[i - 1] if i else None
        after = records[i + 1] if i + 1 < len(records) else None
        hop = record.type == "response" and record.status.startswith("3") and record.uri in hops
        if record.type == "warcinfo" or record.offset in pointed or hop:
            keep.add(i)
            if record.type == "response" and before and before.type == "request" \
                    and before.uri == record.uri:
                keep.add(i - 1)
            if record.type == "resource" and after and after.uri == f"urn:screenshot:{record.uri}":
                keep.add(i + 1)
    return [records[i] for i in sorted(keep)]


def compact(path: Path, captures: list[Capture]) -> list[Capture]:
    """Rewrite `path` with only its records that `captures` stand for (file removed when none
    does) and return the captures moved to the new file; nothing changes when all are kept."""
    records = records_of(path)
    kept = kept_records(records, captures)
    if len(kept) == len(records) and records:
        return []
    if not captures:
        path.unlink()
        log.info("WARC file of a killed process removed: none of its fetches was stored",
                 file=str(path), records=len(records))
        return []
    target = path.with_name(KEPT.sub(f"-kept-{time.time_ns()}.warc.gz", path.name))
    moved: dict[int, int] = {}
    temp = target.with_name(f".{target.name}.tmp")
    with path.open("rb") as source, temp.open("wb") as out:
        for record in kept:
            source.seek(record.offset)
            moved[record.offset] = out.tell()
            out.write(source.read(record.length))
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, target)
    log.info("unreferenced WARC records of a killed process dropped", file=str(path),
             kept=len(kept), dropped=len(records) - len(kept), into=str(target))
    return [replace(c, warc_file=str(target), warc_offset=moved[c.warc_offset])
            for c in captures if c.warc_offset in moved]


def compact_run(warc_dir: Path, run_id: str, current: Path, captures: Iterable[Capture],
                save: Callable[[list[Capture]], object]) -> None:
    """Compact every WARC file of run `run_id` in `warc_dir` but the `current` one: the new
    files are written and the captures saved (`save`) before an old file goes."""
    by_file: dict[str, list[Capture]] = {}
    for capture in captures:
        if capture.warc_file and capture.warc_offset is not None:
            by_file.setdefault(capture.warc_file, []).append(capture)
    for path in sorted(warc_dir.glob(f"{run_id}-*.warc.gz")):
        if path.resolve() == current.resolve():
            continue
        moved = compact(path, by_file.get(str(path), []))
        if moved:
            save(moved)
            path.unlink()
