"""Copy single records out of a crawl's WARC file, byte for byte (one gzip member each)."""

from __future__ import annotations

from pathlib import Path

from warcio.archiveiterator import ArchiveIterator


def read_record(warc_file: Path, offset: int) -> bytes:
    """The raw bytes of the WARC record that starts at `offset`."""
    with warc_file.open("rb") as fh:
        fh.seek(offset)
        records = ArchiveIterator(fh)
        next(records)
        records.read_to_end()
        length = records.get_record_length()
        fh.seek(offset)
        return fh.read(length)



def session_info(warc_file: Path) -> bytes:
    """The raw warcinfo record that opens a crawl's WARC file, or b'' when it has none."""
    with warc_file.open("rb") as fh:
        first = next(iter(ArchiveIterator(fh)), None)
        if first is None or first.rec_type != "warcinfo":
            return b""
    return read_record(warc_file, 0)
