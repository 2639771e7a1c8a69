"""The autonomous system (AS) that announces an IP address, from an offline table.

The table is the tab-separated format iptoasn.com publishes (ip2asn-v4.tsv, ip2asn-v6.tsv,
ip2asn-combined.tsv, gzipped or not): first address, last address, AS number, country code,
AS description; AS 0 marks a range no one announces. It is read from the file the
configuration names (crawl.asn_table), once per crawl, and never fetched from the network:
a crawl must not depend on a third-party service, and the operator chooses when to update it.
"""

from __future__ import annotations

import bisect
import gzip
import ipaddress
import socket
from dataclasses import dataclass
from pathlib import Path


class AsnTableError(Exception):
    """The table cannot be read; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Origin:
    asn: int
    name: str


class _Ranges:
    """One IP version's ranges as integer bounds in parallel lists, sorted by first address:
    a full table (about 500,000 ranges) stays a few dozen megabytes."""

    def __init__(self, rows: list[tuple[int, int, Origin]]):
        rows.sort(key=lambda row: row[0])
        self.firsts = [first for first, _, _ in rows]
        self.lasts = [last for _, last, _ in rows]
        self.origins = [origin for _, _, origin in rows]

    def find(self, address: int) -> Origin | None:
        at = bisect.bisect_right(self.firsts, address) - 1
        if at < 0 or address > self.lasts[at]:
            return None
        return self.origins[at]


class AsnTable:
    """The announced ranges of each IP version, each with its origin."""

    def __init__(self, rows: list[tuple[int, int, int, Origin]]):
        """From (IP version, first address, last address, origin) rows."""
        by_version: dict[int, list[tuple[int, int, Origin]]] = {4: [], 6: []}
        for version, first, last, origin in rows:
            by_version[version].append((first, last, origin))
        self._ranges = {version: _Ranges(found) for version, found in by_version.items()}

    @classmethod
    def read(cls, path: str | Path) -> AsnTable:
        """Read the table at `path` (see the module's docstring), or raise AsnTableError."""
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        origins: dict[tuple[int, str], Origin] = {}  # one object per AS, shared by its ranges
        try:
            with opener(path, "rt", encoding="utf-8", errors="replace") as lines:
                return cls([row for number, line in enumerate(lines, 1)
                            if (row := _row(line, path, number, origins)) is not None])
        except (OSError, EOFError) as exc:
            raise AsnTableError(f"cannot read the ASN table {path}: {exc}; fix: point "
                                "crawl.asn_table at an ip2asn TSV file, or leave it empty")\
                from exc

    def origin(self, ip: str) -> Origin | None:
        """The origin of `ip`, or None when the address is bad, unannounced or not listed."""
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            return None
        origin = self._ranges[address.version].find(int(address))
        return origin if origin is not None and origin.asn else None


def _row(line: str, path: Path, number: int, origins: dict[tuple[int, str], Origin]
         ) -> tuple[int, int, int, Origin] | None:
    """One line of the table as (IP version, first, last, origin); None for a blank line."""
    if not line.strip():
        return None
    fields = line.rstrip("\r\n").split("\t")
    try:
        (version, first), (last_version, last) = _address(fields[0]), _address(fields[1])
        asn = int(fields[2])
    except (IndexError, ValueError, OSError) as exc:
        raise AsnTableError(f"{path}, line {number}: not 'first IP, last IP, AS number, "
                            f"country, description' separated by tabs ({exc})") from exc
    if version != last_version or first > last:
        raise AsnTableError(f"{path}, line {number}: {fields[0]} to {fields[1]} is not a "
                            "range of one IP version")
    name = fields[4] if len(fields) > 4 else ""
    return version, first, last, origins.setdefault((asn, name), Origin(asn, name))


def _address(text: str) -> tuple[int, int]:
    """An address as (IP version, integer); OSError when it is neither. inet_pton is several
    times faster than the ipaddress module over a full table."""
    try:
        return 4, int.from_bytes(socket.inet_pton(socket.AF_INET, text), "big")
    except OSError:
        return 6, int.from_bytes(socket.inet_pton(socket.AF_INET6, text), "big")
