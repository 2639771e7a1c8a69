"""Seed lists: URLs or bare domains, one a line, with comments; bad seeds reported, not fatal."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from fraudwatch.urls import public_suffix

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_INLINE_COMMENT = re.compile(r"\s+#.*$")


@dataclass(frozen=True)
class BadSeed:
    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text!r}: {self.reason}"


def parse_seed(text: str) -> str:
    """Normalised start URL for one seed (URL or bare domain); raise ValueError if unusable."""
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"scheme {parts.scheme!r} is not http or https")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError("bad port") from exc
    host = _ascii_host(parts.hostname or "")
    netloc = f"[{host}]" if ":" in host else host
    netloc += f":{port}" if port else ""
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def _ascii_host(host: str) -> str:
    """Punycode form of a host name, checked label by label; IP literals pass unchanged."""
    host = host.strip().rstrip(".").lower()
    if not host:
        raise ValueError("no host")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"host {host!r} is not a valid domain name") from exc
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise ValueError(f"host {host!r} is not a valid domain name")
    if not public_suffix(ascii_host):
        raise ValueError(f"host {host!r} has no known public suffix")
    return ascii_host


def parse_seeds(lines: Iterable[str]) -> tuple[list[str], list[BadSeed]]:
    """Start URLs (deduplicated, in order) and the bad seeds of a seed list."""
    seeds: dict[str, None] = {}
    bad: list[BadSeed] = []
    for number, raw in enumerate(lines, start=1):
        text = _INLINE_COMMENT.sub("", raw).strip()
        if not text or text.startswith("#"):
            continue
        try:
            seeds.setdefault(parse_seed(text))
        except ValueError as exc:
            bad.append(BadSeed(number, text, str(exc)))
    return list(seeds), bad
