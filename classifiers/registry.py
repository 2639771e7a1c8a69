"""Licence registry and declared pyramids: loading CSVs and matching a page against them."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from fraudwatch.urls import site_host

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_PATHS = (DATA_DIR / "licences.csv", DATA_DIR / "declared_pyramids.csv")
LICENCE_COLUMNS = ("name", "bin", "domains", "licence_number", "kind")
PYRAMID_COLUMNS = ("name", "bin", "domains", "decision")
LICENCE_KINDS = ("bank", "microfinance", "bookmaker")
_BIN = re.compile(r"(?<!\d)\d{12}(?!\d)")


class RegistryError(ValueError):
    """A registry CSV is malformed."""


@dataclass(frozen=True)
class Entity:
    """One registry row: a licensed entity or a declared pyramid."""

    name: str
    bin: str
    domains: tuple[str, ...]
    licence_number: str = ""
    kind: str = "pyramid"


def _domains(value: str) -> tuple[str, ...]:
    """Domains from a space-, comma- or semicolon-separated cell, lower-cased, without www."""
    return tuple(d.lower().removeprefix("www.") for d in re.split(r"[\s,;]+", value) if d)


def _entity(row: dict, line: int) -> Entity:
    """Validate one CSV row and build its Entity."""
    if not row.get("name") or not row.get("domains"):
        raise RegistryError(f"line {line}: name and domains are required")
    if row.get("bin") and not _BIN.fullmatch(row["bin"]):
        raise RegistryError(f"line {line}: BIN must have 12 digits, got {row['bin']!r}")
    kind = row.get("kind") or "pyramid"
    if "licence_number" in row and kind not in LICENCE_KINDS:
        raise RegistryError(f"line {line}: kind must be one of {', '.join(LICENCE_KINDS)}")
    return Entity(row["name"].strip(), row.get("bin", "").strip(), _domains(row["domains"]),
                  row.get("licence_number", "").strip(), kind)


def read_csv(path: Path) -> list[Entity]:
    """Entities from one licences or declared-pyramids CSV, validated."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(row for row in handle if not row.startswith("#"))
        columns = set(rows.fieldnames or ())
        if not (set(LICENCE_COLUMNS) <= columns or set(PYRAMID_COLUMNS) <= columns):
            raise RegistryError(f"{path}: expected columns {LICENCE_COLUMNS} or {PYRAMID_COLUMNS}")
        return [_entity(row, line) for line, row in enumerate(rows, start=2)]


def _on_domain(host: str, domains: tuple[str, ...]) -> bool:
    """True when `host` is one of `domains` or a subdomain of one."""
    return any(host == d or host.endswith("." + d) for d in domains)


@dataclass
class Registry:
    """Licensed entities and declared pyramids, matched by domain, BIN or name."""

    licences: list[Entity] = field(default_factory=list)
    pyramids: list[Entity] = field(default_factory=list)

    @classmethod
    def load(cls, paths=DEFAULT_PATHS) -> Registry:
        """Registry from CSV files; a file's columns say whether it lists licences or pyramids."""
        registry = cls()
        for path in paths:
            for entity in read_csv(Path(path)):
                target = registry.pyramids if entity.kind == "pyramid" else registry.licences
                target.append(entity)
        return registry

    def licence_for(self, url: str, text: str) -> Entity | None:
        """The licensed entity owning the page: by domain, or by BIN when no URL is known.

        Names alone never match: a scam page can copy a bank's name, not its domain.
        """
        host = site_host(url) if url else ""
        if host:
            return next((e for e in self.licences if _on_domain(host, e.domains)), None)
        bins = set(_BIN.findall(text))
        return next((e for e in self.licences if e.bin and e.bin in bins), None)

    def declared_pyramid(self, url: str, text: str) -> tuple[Entity, str] | None:
        """A declared pyramid the page belongs to or names, with what matched."""
        host = site_host(url) if url else ""
        bins = set(_BIN.findall(text))
        lowered = text.lower()
        for entity in self.pyramids:
            if host and _on_domain(host, entity.domains):
                return entity, host
            if entity.bin and entity.bin in bins:
                return entity, entity.bin
            named = next((d for d in (entity.name.lower(), *entity.domains) if d in lowered), None)
            if named:
                return entity, named
        return None


@cache
def default_registry() -> Registry:
    """The registry bundled with the package (fictional demonstration entities)."""
    return Registry.load(DEFAULT_PATHS)
