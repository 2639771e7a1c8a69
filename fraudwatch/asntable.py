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
from dataclasses import dataclass
from pathlib import Path

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AsnTableError(Exception):
    """The table cannot be read; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Origin:
    asn: int
    name: str
    country: str


class AsnTable:
    """Ranges of addresses, sorted by first address, each with its origin."""

    def __init__(self, ranges: list[tuple[IPAddress, IPAddress, Origin]]):
        self._ranges = sorted(ranges, key=lambda r: (r[0].version, r[0]))
        self._starts = [(first.version, first) for first, _, _ in self._ranges]

    def __len__(self) -> int:
        return len(self._ranges)

    @classmethod
    def read(cls, path: str | Path) -> AsnTable:
        """Read the table at `path` (see the module's docstring), or raise AsnTableError."""
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(path, "rt", encoding="utf-8", errors="replace") as lines:
                return cls([row for number, line in enumerate(lines, 1)
                            if (row := _row(line, path, number)) is not None])
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
        at = bisect.bisect_right(self._starts, (address.version, address)) - 1
        if at < 0:
            return None
        first, last, origin = self._ranges[at]
        if first.version != address.version or not first <= address <= last or not origin.asn:
            return None
        return origin


def _row(line: str, path: Path, number: int) -> tuple[IPAddress, IPAddress, Origin] | None:
    """One line of the table; None for a blank line."""
    if not line.strip():
        return None
    fields = line.rstrip("\r\n").split("\t")
    try:
        first, last = ipaddress.ip_address(fields[0]), ipaddress.ip_address(fields[1])
        asn = int(fields[2])
    except (IndexError, ValueError) as exc:
        raise AsnTableError(f"{path}, line {number}: not 'first IP, last IP, AS number, "
                            f"country, description' separated by tabs ({exc})") from exc
    country = fields[3] if len(fields) > 3 else ""
    name = fields[4] if len(fields) > 4 else ""
    return first, last, Origin(asn, name, "" if country == "None" else country)
