"""A resumed run drops the WARC records a killed process wrote for fetches it never stored,
and keeps every record a stored capture stands for, readable at its new offset."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

from scrapy.http import Headers
from warcio.archiveiterator import ArchiveIterator

from crawler.evidence.warc import WarcLog
from crawler.evidence.warccompact import compact_run
from fraudwatch.store.models import Capture
from takedown.warc_copy import read_record

RUN = "20261203T000000.000Z-deadbeef"
HEADERS = Headers({"Content-Type": "text/html"})


def killed_warc(folder: Path) -> tuple[Path, dict[str, int]]:
    """A WARC file as a killed crawler leaves it: records of stored and unstored fetches,
    then a record cut short."""
    path = folder / f"{RUN}-20261203T000001000000Z-111.warc.gz"
    warc = WarcLog(path)
    warc.open()
    at = {}
    for name in ("stored", "lost"):
        warc.request(f"http://a.kz/{name}", "GET", HEADERS)
        at[name] = warc.response(f"http://a.kz/{name}", 200, HEADERS, f"<p>{name}</p>".encode())
    warc.request("http://a.kz/old", "GET", HEADERS)
    at["hop"] = warc.response("http://a.kz/old", 302, Headers({"Location": "/new"}), b"")
    warc.request("http://a.kz/new", "GET", HEADERS)
    at["moved"] = warc.response("http://a.kz/new", 200, HEADERS, b"<p>new</p>")
    for name in ("shown", "unshown"):
        at[name] = warc.resource(f"http://a.kz/{name}", b"<p>dom</p>", "text/html")
        warc.resource(f"urn:screenshot:http://a.kz/{name}", b"\x89PNG", "image/png")
    warc.close()
    with path.open("ab") as fh:
        fh.write(b"\x1f\x8b\x08\x00cut short")
    return path, at


def capture(path: Path, url: str, offset: int, render: str = "static", **more) -> Capture:
    return Capture(url=url, fetched_at="2026-12-03T00:00:01", domain="a.kz", render=render,
                   warc_file=str(path), warc_offset=offset, run_id=RUN, id=url + render, **more)


def uris(path: Path) -> list[str]:
    with path.open("rb") as fh:
        return [r.rec_headers.get_header("WARC-Target-URI") or r.rec_type
                for r in ArchiveIterator(fh)]


def test_only_the_records_of_stored_captures_survive_at_offsets_the_store_knows(tmp_path):
    path, at = killed_warc(tmp_path)
    current = tmp_path / f"{RUN}-20261203T000009000000Z-222.warc.gz"
    stored = [capture(path, "http://a.kz/stored", at["stored"]),
              capture(path, "http://a.kz/old", at["moved"], redirects=["http://a.kz/old"]),
              capture(path, "http://a.kz/shown", at["shown"], render="desktop")]
    saved: list[Capture] = []

    compact_run(tmp_path, RUN, current, stored, saved.extend)

    assert not path.exists()
    (kept,) = tmp_path.glob(f"{RUN}-*-kept-*.warc.gz")
    assert uris(kept) == ["warcinfo", "http://a.kz/stored", "http://a.kz/stored",
                          "http://a.kz/old", "http://a.kz/old", "http://a.kz/new",
                          "http://a.kz/new", "http://a.kz/shown",
                          "urn:screenshot:http://a.kz/shown"]
    assert {c.url for c in saved} == {c.url for c in stored}
    for moved in saved:
        assert moved.warc_file == str(kept)
        record = gzip.decompress(read_record(kept, moved.warc_offset))
        final = "http://a.kz/new" if moved.redirects else moved.url
        assert f"WARC-Target-URI: {final}\r\n".encode() in record
    check = subprocess.run([sys.executable, "-m", "warcio.cli", "check", str(kept)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_file_none_of_whose_fetches_was_stored_goes_and_the_current_file_stays(tmp_path):
    path, _ = killed_warc(tmp_path)
    current = tmp_path / f"{RUN}-20261203T000009000000Z-222.warc.gz"
    current.write_bytes(b"")
    other_run = tmp_path / "20261202T000000.000Z-cafef00d-20261202T000001000000Z-1.warc.gz"
    other_run.write_bytes(path.read_bytes())

    compact_run(tmp_path, RUN, current, [], lambda moved: None)

    assert not path.exists()
    assert current.exists() and other_run.exists()
